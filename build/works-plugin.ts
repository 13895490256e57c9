/**
 * Vite plugin: compiles works/<id>/{text.txt,meta.json} at build (and dev) time into
 * `virtual:quire/catalogue` (metadata, sections, counts: no text) and one virtual
 * module per section, each imported dynamically so it becomes its own hashed chunk.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileWork } from '../src/content/parse';
import { readWorkSourceMeta } from '../src/content/rules';
import type { Work, WorkInfo } from '../src/content/types';
import { generateWork } from '../tests/fixtures/generate-work';
import { generateLibrary } from '../tests/fixtures/generate-library';
import { coversModule } from './covers';

const CATALOGUE_ID = 'virtual:quire/catalogue';
const SECTION_PREFIX = 'virtual:quire/section/';
const COVERS_ID = 'virtual:quire/covers';

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

/** Every work under `worksDir` (one folder each, sorted by id), plus the benchmark work and `library` generated works when asked. */
export function loadWorks(worksDir: string, bench = false, library = 0): Work[] {
  const ids = readdirSync(worksDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(worksDir, d.name, 'text.txt')))
    .map((d) => d.name)
    .sort();
  const works = ids.map((id) => loadWork(join(worksDir, id), id));
  if (bench) {
    const g = generateWork(BENCH_OPTIONS);
    works.push(compileWork(BENCH_OPTIONS.id, g.text, g.meta));
  }
  for (const g of generateLibrary(library)) works.push(compileWork(g.id, g.text, g.meta));
  return works;
}

/** The catalogue entry of a work: everything but the blocks. */
export function toWorkInfo(work: Work): WorkInfo {
  return { ...work, sections: work.sections.map(({ blocks: _blocks, ...info }) => info) };
}

// Section module ids are `virtual:quire/section/<work>:<section>`, so chunks are named `<work>_<section>-<hash>.js`.
// JSON.parse of a string literal parses faster than the same data as a JS object literal.
const jsonModule = (name: string, value: unknown) => `export const ${name} = JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;

/** Source of `virtual:quire/catalogue`. */
export function catalogueModule(works: Work[]): string {
  const loaders = works.map((w) => {
    const entries = w.sections.map((s) => `${JSON.stringify(s.id)}: () => import(${JSON.stringify(`${SECTION_PREFIX}${w.id}:${s.id}`)})`);
    return `  ${JSON.stringify(w.id)}: {\n    ${entries.join(',\n    ')}\n  }`;
  });
  return `${jsonModule('catalogue', works.map(toWorkInfo))}export const sectionLoaders = {\n${loaders.join(',\n')}\n};\n`;
}

/** Source of one section's module, or undefined for an unknown work or section. */
export function sectionModule(works: Work[], workId: string, sectionId: string): string | undefined {
  const section = works.find((w) => w.id === workId)?.sections.find((s) => s.id === sectionId);
  return section && jsonModule('blocks', section.blocks);
}

/** The content plugin. `bench` adds the generated ~1,000,000-word work; `library` adds that many small generated works (QUIRE_LIBRARY). */
export function worksPlugin(options: { bench: boolean; library?: number; worksDir?: string }): Plugin {
  let worksDir = resolve(options.worksDir ?? 'works');
  let works: Work[] | undefined;
  const get = () => (works ??= loadWorks(worksDir, options.bench, options.library ?? 0));

  return {
    name: 'quire-works',
    configResolved(config) {
      // The config's root, not import.meta.url: the config file may have been bundled elsewhere (Vitest does).
      worksDir = resolve(config.root, options.worksDir ?? 'works');
    },
    buildStart() {
      works = undefined;
      this.addWatchFile(worksDir);
    },
    resolveId(id) {
      if (id === CATALOGUE_ID || id === COVERS_ID || id.startsWith(SECTION_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id === `\0${CATALOGUE_ID}`) {
        for (const w of readdirSync(worksDir)) this.addWatchFile(join(worksDir, w));
        return catalogueModule(get());
      }
      if (id === `\0${COVERS_ID}`) return coversModule(get());
      if (id.startsWith(`\0${SECTION_PREFIX}`)) {
        const [workId = '', sectionId = ''] = id.slice(SECTION_PREFIX.length + 1).split(':');
        const source = sectionModule(get(), workId, sectionId);
        if (source === undefined) this.error(`no section "${sectionId}" in work "${workId}"`);
        return source;
      }
      return undefined;
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(worksDir);
      server.watcher.on('all', (_event, file) => {
        if (!resolve(file).startsWith(worksDir)) return;
        works = undefined;
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith(`\0${CATALOGUE_ID}`) || mod.id === `\0${COVERS_ID}` || mod.id?.startsWith(`\0${SECTION_PREFIX}`)) {
            server.moduleGraph.invalidateModule(mod);
          }
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
