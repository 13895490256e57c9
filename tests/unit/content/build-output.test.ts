// The content layer as built: the catalogue holds no text; each section is its own
// content-hashed JSON file, fetched; and the plugin works when Vitest loads vite.config.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build, resolveConfig, type Plugin, type Rolldown } from 'vite';
import { catalogueModule, loadWorks, sectionFile, toWorkInfo, worksPlugin } from '../../../build/works-plugin';
import type * as ContentApi from '../../../src/content/index';
import type { Work } from '../../../src/content/types';
import { must, root } from '../../fixtures/content';

const works = loadWorks(resolve(root, 'works'));

/**
 * For each text block, a piece of it that would show up verbatim in built code if the block
 * were there: its longest run of plain ASCII (minifiers may escape the rest), taken after the
 * opening words, which the catalogue holds on purpose as metadata. Headings are left out:
 * a heading's words are its section's title, which the catalogue lists.
 */
function probes(ws: Work[]): string[] {
  return ws.flatMap((w) =>
    w.sections.flatMap((s) => s.blocks).filter((b) => b.kind !== 'break' && b.kind !== 'heading').map((b) => {
      const text = b.text.startsWith(w.meta.fromText.opening) ? b.text.slice(w.meta.fromText.opening.length) : b.text;
      return (text.match(/[\x20-\x7e]+/g) ?? []).map((r) => r.replace(/["'`\\$]/g, '')).reduce((a, r) => (r.length > a.length ? r : a), '');
    }),
  ).filter((p) => p.trim().length >= 8);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('virtual:quire/catalogue', () => {
  it('exposes metadata, sections and counts, and no block text', async () => {
    const source = catalogueModule(works);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { catalogue: unknown; sectionUrls: Record<string, Record<string, string>> };
    expect(mod.catalogue).toEqual(works.map(toWorkInfo));
    expect(Object.keys(mod.sectionUrls)).toEqual(works.map((w) => w.id));
    for (const w of works) expect(Object.values(mod.sectionUrls[w.id] ?? {})).toEqual(w.sections.map((s) => `/${sectionFile(w.id, s)}`));
    const texts = works.flatMap((w) => w.sections.flatMap((s) => s.blocks)).map((b) => b.text).filter((t) => t !== '');
    const inCatalogue = strings(mod.catalogue);
    expect(texts.filter((t) => inCatalogue.some((s) => s.includes(t)))).toEqual([]);
    const ps = probes(works);
    expect(ps.length).toBeGreaterThan(400);
    expect(ps.filter((p) => source.includes(p))).toEqual([]);
  });
});

describe('the production build of src/content', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts no text in any script, one content-hashed JSON file per section, and loads each section from it', async () => {
    const out = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [worksPlugin({ bench: false })],
      // An app build drops the entry's exports unless told to keep them; the test imports them.
      build: { write: false, target: 'es2022', rollupOptions: { input: resolve(root, 'src/content/index.ts'), preserveEntrySignatures: 'strict' } },
    });
    const result = Array.isArray(out) ? out[0] : out;
    if (!result || !('output' in result)) throw new Error('vite build gave no output');
    const chunks = result.output.filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
    const assets = result.output.filter((c): c is Rolldown.OutputAsset => c.type === 'asset');

    const entry = must(chunks.find((c) => c.isEntry), 'entry chunk');
    for (const c of chunks) expect(probes(works).filter((p) => c.code.includes(p))).toEqual([]);
    const files = works.flatMap((w) => w.sections.map((s) => sectionFile(w.id, s)));
    const json = assets.filter((a) => a.fileName.endsWith('.json'));
    expect(json.map((a) => a.fileName).sort()).toEqual([...files].sort());
    for (const f of files) expect(f).toMatch(/^assets\/[\w-]+_[\w-]+-[\w-]{8}\.json$/);

    // Run the built entry: the catalogue, and every section through loadSection(), fetched from the built files.
    const dir = mkdtempSync(join(tmpdir(), 'quire-content-build-'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    for (const c of chunks) {
      mkdirSync(dirname(join(dir, c.fileName)), { recursive: true });
      writeFileSync(join(dir, c.fileName), c.code);
    }
    const served = new Map(json.map((a) => [`/${a.fileName}`, String(a.source)]));
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const body = served.get(url);
      return body === undefined ? new Response('Not found', { status: 404 }) : new Response(body, { headers: { 'Content-Type': 'application/json' } });
    });
    const api = (await import(pathToFileURL(join(dir, entry.fileName)).href)) as typeof ContentApi;
    expect(api.catalogue).toEqual(works.map(toWorkInfo));
    for (const w of works) {
      expect(api.findWork(w.id)?.sections).toHaveLength(w.sections.length);
      for (const s of w.sections) expect(await api.loadSection(w.id, s.id)).toEqual(s);
    }
    expect(fetched.sort()).toEqual(files.map((f) => `/${f}`).sort());
    await expect(api.loadSection('no-such-work', 'x')).rejects.toThrow('No work with id "no-such-work".');
    await expect(api.loadSection('making-it-work', 'x')).rejects.toThrow('Work "making-it-work" has no section "x".');
  });
});

describe('vite.config.ts, as Vitest loads it', () => {
  it('has the works plugin, which finds the works from the config’s root', async () => {
    const config = await resolveConfig({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'silent' }, 'build');
    const plugin = must(config.plugins.find((p) => p.name === 'quire-works') as Plugin | undefined, 'quire-works plugin');
    const call = <T>(hook: unknown, ...args: unknown[]): T => {
      const fn = (typeof hook === 'function' ? hook : (hook as { handler: (...a: unknown[]) => T }).handler) as (...a: unknown[]) => T;
      return fn.call({ addWatchFile() {}, error(m: string) { throw new Error(m); } }, ...args);
    };
    const id = call<string>(plugin.resolveId, 'virtual:quire/catalogue', undefined, {});
    expect(id).toBe('\0virtual:quire/catalogue');
    const code = call<string>(plugin.load, id);
    expect(code).toContain('/assets/making-it-work_recap-');
    expect(code).toContain('/assets/untitled-alec-realised_text-');
  });
});
