/**
 * Vite plugin: compiles works/<id>/{text.txt,meta.json} at build (and dev) time into
 * `virtual:quire/catalogue` (metadata, sections, counts and each section's URL: no text) and
 * one content-hashed JSON file per section, which the app fetches when it needs it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileWork } from '../src/content/parse';
import { readWorkSourceMeta } from '../src/content/rules';
import type { Section, Work, WorkInfo } from '../src/content/types';
import { generateWork } from '../tests/fixtures/generate-work';

const CATALOGUE_ID = 'virtual:quire/catalogue';

/** The benchmark work: ~1,000,000 generated words in 120 sections (QUIRE_BENCH=1). */
export const BENCH_OPTIONS = { id: 'bench-million', seed: 20260101, words: 1_000_000, sections: 120 } as const;

/** Reads, checks (SHA-256, UTF-8) and compiles one work folder. */
export function loadWork(dir: string, id: string): Work {
  const where = `works/${id}`;
  const bytes = readFileSync(join(dir, 'text.txt'));
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  } catch (e) {
    throw new Error(`${where}/meta.json: ${(e as Error).message}`, { cause: e });
  }
  const meta = readWorkSourceMeta(metaJson, `${where}/meta.json`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== meta.sha256) {
    throw new Error(`${where}/text.txt: SHA-256 is ${sha256}, meta.json expects ${meta.sha256}; the text must be the author's, byte for byte`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    throw new Error(`${where}/text.txt is not valid UTF-8`, { cause: e });
  }
  return compileWork(id, text, meta);
}

/** Every work under `worksDir` (one folder each, sorted by id), plus the benchmark work when asked. */
export function loadWorks(worksDir: string, bench = false): Work[] {
  const ids = readdirSync(worksDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(worksDir, d.name, 'text.txt')))
    .map((d) => d.name)
    .sort();
  const works = ids.map((id) => loadWork(join(worksDir, id), id));
  if (bench) {
    const g = generateWork(BENCH_OPTIONS);
    works.push(compileWork(BENCH_OPTIONS.id, g.text, g.meta));
  }
  return works;
}

/** The catalogue entry of a work: everything but the blocks. */
export function toWorkInfo(work: Work): WorkInfo {
  return { ...work, sections: work.sections.map(({ blocks: _blocks, ...info }) => info) };
}

/** A section's blocks as the JSON file the app fetches. */
export function sectionJson(section: Section): string {
  return JSON.stringify(section.blocks);
}

/**
 * Where a section's JSON is served: `assets/<work>_<section>-<hash>.json`, named by its content
 * (a changed text gets a new name, so it can be cached for ever). Fetched, not imported: the app
 * can let go of a section it no longer shows, which it cannot do with a module it imported.
 */
export function sectionFile(workId: string, section: Section): string {
  const hash = createHash('sha256').update(sectionJson(section)).digest('base64url').slice(0, 8);
  return `assets/${workId}_${section.id}-${hash}.json`;
}

/** Source of `virtual:quire/catalogue`: the catalogue, and each section's URL under `base`. */
export function catalogueModule(works: Work[], base = '/'): string {
  const urls = Object.fromEntries(works.map((w) => [w.id, Object.fromEntries(w.sections.map((s) => [s.id, `${base}${sectionFile(w.id, s)}`]))]));
  // JSON.parse of a string literal parses faster than the same data as a JS object literal.
  const json = (name: string, value: unknown) => `export const ${name} = JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
  return json('catalogue', works.map(toWorkInfo)) + json('sectionUrls', urls);
}

/** The content plugin. `bench` adds the generated ~1,000,000-word work. */
export function worksPlugin(options: { bench: boolean; worksDir?: string }): Plugin {
  let worksDir = resolve(options.worksDir ?? 'works');
  let base = '/';
  let building = false;
  let works: Work[] | undefined;
  const get = () => (works ??= loadWorks(worksDir, options.bench));

  return {
    name: 'quire-works',
    configResolved(config) {
      // The config's root, not import.meta.url: the config file may have been bundled elsewhere (Vitest does).
      worksDir = resolve(config.root, options.worksDir ?? 'works');
      base = config.base;
      building = config.command === 'build';
    },
    buildStart() {
      works = undefined;
      this.addWatchFile(worksDir);
      if (building) {
        for (const w of get()) for (const s of w.sections) this.emitFile({ type: 'asset', fileName: sectionFile(w.id, s), source: sectionJson(s) });
      }
    },
    resolveId(id) {
      if (id === CATALOGUE_ID) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id !== `\0${CATALOGUE_ID}`) return undefined;
      for (const w of readdirSync(worksDir)) this.addWatchFile(join(worksDir, w));
      return catalogueModule(get(), base);
    },
    configureServer(server: ViteDevServer) {
      // In dev the sections' JSON is served from memory at the same paths.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.endsWith('.json') || !path.startsWith(`${base}assets/`)) return next();
        for (const w of get()) {
          for (const s of w.sections) {
            if (`${base}${sectionFile(w.id, s)}` !== path) continue;
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(sectionJson(s));
            return;
          }
        }
        next();
      });
      server.watcher.add(worksDir);
      server.watcher.on('all', (_event, file) => {
        if (!resolve(file).startsWith(worksDir)) return;
        works = undefined;
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith(`\0${CATALOGUE_ID}`)) {
            server.moduleGraph.invalidateModule(mod);
          }
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
