// @ts-check
/** The bench's statistics and the printed tables (run.mjs collects, this sums up). See bench/README.md. */

/** @param {number[]} xs @param {number} q 0..1, nearest rank */
export function quantile(xs, q) {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
/** @param {number[]} xs */
export const median = (xs) => quantile(xs, 0.5);
/** @param {number | null | undefined} x @param {number} [digits] */
export const round = (x, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/** The goals of issue 16 (ms; heap as a ratio; cold open as a ratio to foliate-js). */
export const GOALS = {
  coldMs: 150,
  coldRatio: 3,
  turnP95Ms: 16.7,
  jumpP95Ms: 16.7,
  heapJumpsOverTurns: 1.5,
  relayoutRatio: 3,
  searchMs: 50,
};

/**
 * One figure per (viewport, work, app): the median over rounds of each round's figure.
 * @param {any[]} sessions every session run.mjs made
 */
export function summarise(sessions) {
  /** @type {Map<string, any[]>} */
  const groups = new Map();
  for (const s of sessions) {
    const key = `${s.viewport}|${s.work}|${s.app}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((runs) => {
    const first = runs[0];
    const pick = (/** @type {(r: any) => number | null | undefined} */ f) => round(median(runs.map(f).filter((x) => typeof x === 'number')));
    const heapRuns = runs.filter((r) => r.heap);
    return {
      viewport: first.viewport,
      work: first.work,
      app: first.app,
      rounds: runs.length,
      coldMs: pick((r) => r.coldMs),
      coldAll: runs.map((r) => round(r.coldMs)),
      warmMs: pick((r) => r.warmMs),
      warmAll: runs.map((r) => round(r.warmMs)),
      turnP95Ms: pick((r) => r.turn.p95Ms),
      turnP95All: runs.map((r) => r.turn.p95Ms),
      turnMedianMs: pick((r) => r.turn.medianMs),
      turnMaxMs: round(Math.max(...runs.map((r) => r.turn.maxMs ?? 0))),
      crossingTurns: pick((r) => r.turn.crossings),
      newWindowTurns: pick((r) => r.turn.newWindows),
      jumpP95Ms: pick((r) => r.jump?.p95Ms),
      jumpMedianMs: pick((r) => r.jump?.medianMs),
      relayoutMs: pick((r) => r.relayout.medianMs),
      heap: heapRuns.length
        ? {
            afterOpenMB: round(median(heapRuns.map((r) => r.heap.afterOpenMB)), 2),
            after200TurnsMB: round(median(heapRuns.map((r) => r.heap.after200TurnsMB)), 2),
            after40JumpsMB: round(median(heapRuns.map((r) => r.heap.after40JumpsMB)), 2),
          }
        : null,
      bytesBeforePaint: first.bytesBeforePaint,
    };
  });
}

/** @param {any[]} rows @param {string[]} header */
function printRows(rows, header) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i] ?? '').length)));
  const line = (/** @type {unknown[]} */ row) => row.map((c, i) => String(c ?? '').padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** "Quire / foliate (ratio×)"; ratio = foliate ÷ Quire, so > 1 means Quire is faster. @param {number | null} q @param {number | null} f */
const pair = (q, f) => `${q ?? 'n/a'} / ${f ?? 'n/a'}${q && f ? ` (${round(f / q, 2)}×)` : ''}`;
/** @param {boolean} ok */
const mark = (ok) => (ok ? '' : ' ✗');

/** The side-by-side table: one line per viewport and work. @param {ReturnType<typeof summarise>} summary */
export function printSideBySide(summary) {
  const rows = [];
  const keys = [...new Set(summary.map((s) => `${s.viewport}|${s.work}`))];
  for (const key of keys) {
    const [viewport, work] = key.split('|');
    const q = summary.find((s) => s.viewport === viewport && s.work === work && s.app === 'quire');
    const f = summary.find((s) => s.viewport === viewport && s.work === work && s.app === 'foliate');
    if (!q) continue;
    const coldOk = (q.coldMs ?? Infinity) < GOALS.coldMs && (!f?.coldMs || f.coldMs / (q.coldMs ?? Infinity) >= GOALS.coldRatio);
    const heap = q.heap ? `${q.heap.after200TurnsMB} → ${q.heap.after40JumpsMB}${mark((q.heap.after40JumpsMB ?? Infinity) <= GOALS.heapJumpsOverTurns * (q.heap.after200TurnsMB ?? 0))}` : '';
    const fheap = f?.heap ? `${f.heap.after200TurnsMB} → ${f.heap.after40JumpsMB}` : '';
    rows.push([
      viewport,
      work,
      pair(q.coldMs, f?.coldMs ?? null) + mark(coldOk),
      pair(q.warmMs, f?.warmMs ?? null),
      pair(q.turnP95Ms, f?.turnP95Ms ?? null) + mark((q.turnP95Ms ?? Infinity) <= GOALS.turnP95Ms),
      `${q.crossingTurns} / ${f?.crossingTurns ?? 'n/a'}; ${q.newWindowTurns} / ${f?.newWindowTurns ?? 'n/a'}${mark(q.newWindowTurns === 0)}`,
      pair(q.jumpP95Ms, f?.jumpP95Ms ?? null) + mark((q.jumpP95Ms ?? Infinity) <= GOALS.jumpP95Ms),
      pair(q.relayoutMs, f?.relayoutMs ?? null) + mark(!f?.relayoutMs || f.relayoutMs / (q.relayoutMs ?? Infinity) >= GOALS.relayoutRatio),
      heap ? `${heap}; ${fheap}` : '',
    ]);
  }
  printRows(rows, [
    'viewport',
    'work',
    'cold open ms',
    'warm open ms',
    'turn p95 ms (30)',
    'turns crossing; laid out new',
    'jump p95 ms (40)',
    'font-size re-layout ms',
    'heap MB 200 turns → 40 jumps (Quire; foliate)',
  ]);
  console.log(
    'Each cell: Quire / foliate-js (foliate ÷ Quire: > 1× means Quire is faster); medians over rounds of each round\'s figure.\n' +
      `✗ = goal missed (cold < ${GOALS.coldMs} ms and ≥ ${GOALS.coldRatio}× foliate; turn and jump p95 ≤ ${GOALS.turnP95Ms} ms; no turn lays out new text;` +
      ` re-layout ≥ ${GOALS.relayoutRatio}× foliate; heap after 40 jumps ≤ ${GOALS.heapJumpsOverTurns}× after 200 turns).`,
  );
}

/** Bytes before the first page was painted (cold), per app and work (phone). @param {ReturnType<typeof summarise>} summary */
export function printBytes(summary) {
  console.log('\nBefore the first page was painted (cold, phone; bytes as served, and gzip -6 of the same files):');
  for (const s of summary.filter((x) => x.viewport === 'phone' && x.bytesBeforePaint)) {
    const b = s.bytesBeforePaint;
    console.log(`  ${s.app.padEnd(8)} ${s.work.padEnd(24)} ${b.requests} requests, ${round(b.bytes / 1024)} KB (${round(b.gzipBytes / 1024)} KB gzip)${b.sectionChunks !== undefined ? `; section chunks: ${b.sectionChunks}` : ''}`);
  }
}

/** @param {any} search Node search bench @param {any[]} inApp per round: queries with their keystrokes */
export function printSearch(search, inApp) {
  console.log(`\nSearch engine alone (Node ${process.version}, bench/search.ts: ${search.words} words, ${search.sections} sections; index built in ${search.indexBuildMs} ms):`);
  for (const q of search.queries) {
    console.log(`  ${JSON.stringify(q.query).padEnd(26)} median ${String(q.medianMs).padStart(6)} ms, worst ${String(q.worstMs).padStart(6)} ms  (${q.total} matches)${mark(q.medianMs < GOALS.searchMs)}`);
  }
  if (inApp.length === 0) return;
  if (inApp.some((r) => r.error)) console.log(`  In the app: ${inApp.map((r) => r.error).filter(Boolean).join('; ')}`);
  const ok = inApp.filter((r) => !r.error);
  if (ok.length === 0) return;
  console.log('In the app (phone, bench-million, reader "Search this work", typed letter by letter; each keystroke → results painted; worst keystroke per query, over rounds):');
  const queries = ok[0].queries.map((/** @type {any} */ q) => q.query);
  for (const query of queries) {
    const runs = ok.map((r) => r.queries.find((/** @type {any} */ q) => q.query === query)).filter(Boolean);
    const worst = runs.map((r) => Math.max(...r.keystrokes.map((/** @type {any} */ k) => k.ms)));
    const final = runs.at(-1).keystrokes.at(-1);
    console.log(`  ${JSON.stringify(query).padEnd(18)} worst keystroke ${worst.map((x) => round(x)).join(' / ')} ms${mark(Math.max(...worst) < GOALS.searchMs)}  (${final.status}; ${final.hitsShown} hits painted)`);
  }
  console.log(`  first keystroke of the first query (index built in idle time after open?): ${ok.map((r) => round(r.queries[0].keystrokes[0].ms)).join(' / ')} ms`);
}
