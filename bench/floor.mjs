/**
 * The browser's own floor for a cold open on this machine: a static page with one paragraph,
 * a stylesheet and no script of its own, opened as the cold opens are (a new context, from
 * navigation to the first frame painted with the paragraph), in the same rounds. What the cold
 * open goal (< 150 ms) leaves for an app is that goal less this.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initScript } from './in-page.mjs';
import { median, round } from './report.mjs';

/** @typedef {import('playwright-core').Browser} Browser */

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title>
<link rel="stylesheet" href="floor.css"></head>
<body><article class="reader-content" data-place-section="floor" data-place-block="0" data-place-offset="0" style="width: 100%">
<p data-block="0">One paragraph of text, laid out and painted: what any page costs the browser before its own work begins.</p>
</article></body></html>
`;
const STYLE = 'body { margin: 2rem; font: 1.125rem/1.6 serif; }\n';

/** Writes the floor page into the served directory; returns its URL path. @param {string} dist */
export async function prepareFloor(dist) {
  const dir = join(dist, '__floor');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'floor.css'), STYLE);
  return '__floor/index.html#/read/floor';
}

/**
 * One cold open of the floor page: ms from navigation to its first painted frame (the same
 * in-page timing as Quire's cold open; the CSP is bypassed for its one inline style).
 * @param {Browser} browser @param {string} url @param {{ width: number, height: number }} viewport
 */
export async function floorOnce(browser, url, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce', bypassCSP: true });
  try {
    await context.addInitScript({ content: initScript('quire') });
    const page = await context.newPage();
    await page.goto(url);
    return /** @type {number} */ (await page.evaluate(() => /** @type {any} */ (globalThis).__quireBench.startPainted));
  } finally {
    await context.close();
  }
}

/** The floor's line of the report. @param {Record<string, number[]>} samples per viewport */
export function floorLine(samples) {
  const parts = Object.entries(samples).map(([viewport, ms]) => `${viewport} median ${round(median(ms))} ms (${round(Math.min(...ms))}–${round(Math.max(...ms))}, ${ms.length} opens)`);
  return `Floor (a static page, one paragraph, no script; new context, navigation → first frame painted): ${parts.join('; ')}.`;
}
