/**
 * Search benchmark: a generated ~1,000,000-word work, indexed once, then searched.
 * Prints JSON: index build time and per-query times (median and worst of several runs).
 * Run: npx rolldown bench/search.ts --platform node --format esm -o /tmp/search-bench.mjs && node /tmp/search-bench.mjs
 */
import { compileWork } from '../src/content/parse';
import { buildWorkIndex, searchIndexes } from '../src/search/search';
import { generateWork } from '../tests/fixtures/generate-work';

const RUNS = 15;
const QUERIES = ['the', 'lantern', 'quiet harbour', 'walked slowly', "didn't", 'remembered the distant', 'zzzz nothing', '"the'];

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const generated = generateWork({ seed: 7, words: 1_000_000, sections: 120 });
const [work, compileMs] = time(() => compileWork('bench-generated', generated.text, generated.meta));
const [index, indexMs] = time(() => buildWorkIndex(work.id, work.sections, work.meta.addedByApp.displayTitle));

const queries = QUERIES.map((query) => {
  const times: number[] = [];
  let total = 0;
  let shown = 0;
  for (let i = 0; i < RUNS; i++) {
    const [results, ms] = time(() => searchIndexes([index], query));
    times.push(ms);
    total = results.total;
    shown = results.shown;
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { query, total, shown, medianMs: round(times[Math.floor(RUNS / 2)] ?? 0), worstMs: round(times.at(-1) ?? 0) };
});

console.log(
  JSON.stringify(
    {
      bench: 'search',
      words: generated.expected.words,
      sections: work.sections.length,
      normalisedChars: index.text.length,
      compileMs: Math.round(compileMs),
      indexBuildMs: Math.round(indexMs),
      runsPerQuery: RUNS,
      queries,
    },
    null,
    2,
  ),
);
