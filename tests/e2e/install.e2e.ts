/** Chromium finds Quire installable: the manifest parses cleanly, the icons are what it says they are. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, newContext, startServer, trackPageErrors, type Server } from './harness';
import { waitForServiceWorker } from './pwa';

interface ManifestIcon {
  src: string;
  sizes: string;
  purpose?: string;
}

describe('installability', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let errors: string[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    errors = trackPageErrors(page);
    await page.goto(server.url);
    await waitForServiceWorker(page);
    cdp = await context.newCDPSession(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a manifest without errors', async () => {
    const result = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data?: string };
    expect(result.url).toBe(new URL('manifest.webmanifest', server.url).href);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    const manifest = JSON.parse(result.data ?? '{}') as Record<string, unknown>;
    expect(manifest).toMatchObject({ id: '/', name: 'Quire', start_url: '/', scope: '/', display: 'standalone' });
    expect(manifest).toMatchObject({ categories: ['books'], launch_handler: { client_mode: 'focus-existing' } });
    expect(manifest.shortcuts).toEqual([expect.objectContaining({ name: 'Continue reading', url: '/#/continue' })]);
  });

  it('serves the screenshots at the sizes the manifest states, narrow and wide', async () => {
    const manifest = (await (await page.request.get(new URL('manifest.webmanifest', server.url).href)).json()) as {
      screenshots: { src: string; sizes: string; form_factor: string }[];
    };
    expect(new Set(manifest.screenshots.map((s) => s.form_factor))).toEqual(new Set(['narrow', 'wide']));
    for (const shot of manifest.screenshots) {
      const size = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return `${image.naturalWidth}x${image.naturalHeight}`;
      }, shot.src);
      expect(size, shot.src).toBe(shot.sizes);
    }
  });

  it('has no installability errors (apart from the incognito test profile)', async () => {
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  });

  it('serves the icons at their stated sizes, the maskable one opaque to the corners', async () => {
    const manifest = (await (await page.request.get(new URL('manifest.webmanifest', server.url).href)).json()) as { icons: ManifestIcon[] };
    const icons = [...manifest.icons, { src: '/apple-touch-icon.png', sizes: '180x180', purpose: 'apple' }];
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const measured = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
        ctx.drawImage(image, 0, 0);
        return { size: `${image.naturalWidth}x${image.naturalHeight}`, cornerAlpha: ctx.getImageData(0, 0, 1, 1).data[3] };
      }, icon.src);
      expect(measured.size, icon.src).toBe(icon.sizes);
      // Maskable icons are cropped by the launcher and iOS fills transparency with black: both must be full-bleed.
      if (icon.purpose === 'maskable' || icon.purpose === 'apple') expect(measured.cornerAlpha, icon.src).toBe(255);
    }
  });

  it('has the iOS tags and a theme colour matching the manifest', async () => {
    const head = await page.evaluate(() => ({
      touchIcon: document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href'),
      title: document.querySelector('meta[name="apple-mobile-web-app-title"]')?.getAttribute('content'),
      capable: document.querySelector('meta[name="apple-mobile-web-app-capable"]')?.getAttribute('content'),
      theme: document.querySelector('meta[name="theme-color"]')?.getAttribute('content'),
    }));
    const manifest = (await (await page.request.get(new URL('manifest.webmanifest', server.url).href)).json()) as { theme_color: string };
    expect(head).toEqual({ touchIcon: '/apple-touch-icon.png', title: 'Quire', capable: 'yes', theme: manifest.theme_color });
  });

  it('registers the worker with updateViaCache "none" (update checks never answered from the HTTP cache)', async () => {
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.updateViaCache)).toBe('none');
  });

  it('serves the manifest as application/manifest+json', async () => {
    const response = await page.request.get(new URL('manifest.webmanifest', server.url).href);
    expect(response.headers()['content-type']).toBe('application/manifest+json');
  });

  it('had no page error', () => {
    expect(errors).toEqual([]);
  });
});
