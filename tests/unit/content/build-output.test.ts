// The content layer as built: the catalogue holds no text; each section is its own hashed
// chunk, loaded by dynamic import; and the plugin works when Vitest loads vite.config.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, resolveConfig, type Plugin, type Rolldown } from 'vite';
import { catalogueModule, loadWorks, toWorkInfo, worksPlugin } from '../../../build/works-plugin';
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
    const mod = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { catalogue: unknown; sectionLoaders: Record<string, Record<string, unknown>> };
    expect(mod.catalogue).toEqual(works.map(toWorkInfo));
    expect(Object.keys(mod.sectionLoaders)).toEqual(works.map((w) => w.id));
    const texts = works.flatMap((w) => w.sections.flatMap((s) => s.blocks)).map((b) => b.text).filter((t) => t !== '');
    const inCatalogue = strings(mod.catalogue);
    expect(texts.filter((t) => inCatalogue.some((s) => s.includes(t)))).toEqual([]);
    const ps = probes(works);
    expect(ps.length).toBeGreaterThan(400);
    expect(ps.filter((p) => source.includes(p))).toEqual([]);
  });
});

describe('the production build of src/content', () => {
  it('puts no text in the entry chunk, one hashed chunk per section, and loads each section from it', async () => {
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

    const entry = must(chunks.find((c) => c.isEntry), 'entry chunk');
    expect(probes(works).filter((p) => entry.code.includes(p))).toEqual([]);
    const sectionFiles = works.flatMap((w) => w.sections.map((s) => `${w.id}_${s.id}`));
    const dynamic = chunks.filter((c) => c.isDynamicEntry);
    expect(dynamic.map((c) => c.fileName.replace(/-[\w-]{8}\.js$/, '').replace('assets/', '')).sort()).toEqual([...sectionFiles].sort());
    for (const c of dynamic) expect(c.fileName).toMatch(/^assets\/[\w-]+-[\w-]{8}\.js$/);

    // Run the built modules: the catalogue and every section, through loadSection().
    const dir = mkdtempSync(join(tmpdir(), 'quire-content-build-'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    for (const c of chunks) {
      mkdirSync(dirname(join(dir, c.fileName)), { recursive: true });
      writeFileSync(join(dir, c.fileName), c.code);
    }
    const api = (await import(pathToFileURL(join(dir, entry.fileName)).href)) as typeof ContentApi;
    expect(api.catalogue).toEqual(works.map(toWorkInfo));
    for (const w of works) {
      expect(api.findWork(w.id)?.sections).toHaveLength(w.sections.length);
      for (const s of w.sections) expect(await api.loadSection(w.id, s.id)).toEqual(s);
    }
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
    expect(code).toContain('"making-it-work"');
    expect(code).toContain('"untitled-alec-realised"');
  });
});
