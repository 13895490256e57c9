/** Checks stored records on every read: wrong shapes are refused, places past the end are clamped. */
import type { Locator } from '../reader/locator';
import type { AcknowledgementRecord, PositionRecord, SettingsRecord } from './db';
import type { Bookmark, SpeedSample, WorkOutline } from './types';

/** A checked record, or why it was refused. `clamped` says why it was moved, when it was. */
export type Checked<T> = { ok: true; value: T; clamped?: string } | { ok: false; reason: string };

/** Sections of each known work by id, for fast lookups. */
export type WorkIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Indexes the catalogue: work id → section id → block count. */
export function indexWorks(works: readonly WorkOutline[]): WorkIndex {
  return new Map(works.map((w) => [w.id, new Map(w.sections.map((s) => [s.id, s.blockCount]))]));
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Checks the shape of a locator (types only, no catalogue): what an import must satisfy. */
export function checkLocatorShape(raw: unknown): Checked<Locator> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  for (const key of ['workId', 'sectionId'] as const) {
    if (typeof raw[key] !== 'string' || raw[key] === '') return { ok: false, reason: `${key} is not a non-empty string` };
  }
  for (const key of ['block', 'offset', 'progression', 'totalProgression', 'updatedAt'] as const) {
    if (!isFiniteNumber(raw[key])) return { ok: false, reason: `${key} is not a finite number` };
  }
  const quote = raw.quote;
  if (!isRecord(quote) || typeof quote.before !== 'string' || typeof quote.text !== 'string' || typeof quote.after !== 'string') {
    return { ok: false, reason: 'quote is not { before, text, after } strings' };
  }
  return {
    ok: true,
    value: {
      workId: raw.workId as string,
      sectionId: raw.sectionId as string,
      block: raw.block as number,
      offset: raw.offset as number,
      quote: { before: quote.before, text: quote.text, after: quote.after },
      progression: raw.progression as number,
      totalProgression: raw.totalProgression as number,
      updatedAt: raw.updatedAt as number,
    },
  };
}

/** Checks a place's shape and keeps its order (`seq`; a record without one is ordered by its `updatedAt`). */
export function checkPositionRecord(raw: unknown): Checked<PositionRecord> {
  const shape = checkLocatorShape(raw);
  if (!shape.ok) return shape;
  const seq = (raw as { seq?: unknown }).seq;
  if (seq !== undefined && !isFiniteNumber(seq)) return { ok: false, reason: 'seq is not a finite number' };
  return { ok: true, value: { ...shape.value, seq: seq ?? shape.value.updatedAt } };
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/**
 * Checks a stored locator against the catalogue. Unknown works and sections are refused;
 * a block or offset out of range moves to the nearest valid place (the reader clamps the
 * offset to the block's length once it has the text).
 */
export function checkLocator(raw: unknown, works: WorkIndex): Checked<Locator> {
  const shape = checkLocatorShape(raw);
  if (!shape.ok) return shape;
  const loc = shape.value;
  const sections = works.get(loc.workId);
  if (!sections) return { ok: false, reason: `unknown work "${loc.workId}"` };
  const blockCount = sections.get(loc.sectionId);
  if (blockCount === undefined) return { ok: false, reason: `unknown section "${loc.sectionId}" in "${loc.workId}"` };

  const lastBlock = Math.max(0, blockCount - 1);
  let block = Math.floor(loc.block);
  let offset = Math.floor(loc.offset);
  let clamped: string | undefined;
  if (block > lastBlock) {
    clamped = `block ${loc.block} is past the end (${blockCount} blocks)`;
    block = lastBlock;
    offset = 0;
  } else if (block < 0) {
    clamped = `block ${loc.block} is negative`;
    block = 0;
    offset = 0;
  }
  if (offset < 0) {
    clamped ??= `offset ${loc.offset} is negative`;
    offset = 0;
  }
  const value: Locator = {
    ...loc,
    block,
    offset,
    progression: clamp01(loc.progression),
    totalProgression: clamp01(loc.totalProgression),
  };
  return clamped ? { ok: true, value, clamped } : { ok: true, value };
}

/** Checks a stored settings record's wrapper (the value itself is the app's to check). */
export function checkSettingsRecord(raw: unknown): Checked<SettingsRecord> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  if (!('value' in raw)) return { ok: false, reason: 'no value' };
  if (!isFiniteNumber(raw.updatedAt)) return { ok: false, reason: 'updatedAt is not a finite number' };
  return { ok: true, value: { value: raw.value, updatedAt: raw.updatedAt } };
}

/** Checks an acknowledgement record. */
export function checkAcknowledgement(raw: unknown): Checked<AcknowledgementRecord> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  if (typeof raw.workId !== 'string' || raw.workId === '') return { ok: false, reason: 'workId is not a non-empty string' };
  if (!isFiniteNumber(raw.updatedAt)) return { ok: false, reason: 'updatedAt is not a finite number' };
  return { ok: true, value: { workId: raw.workId, updatedAt: raw.updatedAt } };
}

/** Checks a speed sample: words ≥ 0, ms > 0. */
export function checkSpeedSample(raw: unknown): Checked<SpeedSample> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  if (typeof raw.workId !== 'string' || raw.workId === '') return { ok: false, reason: 'workId is not a non-empty string' };
  if (!isFiniteNumber(raw.words) || raw.words < 0) return { ok: false, reason: 'words is not a number ≥ 0' };
  if (!isFiniteNumber(raw.ms) || raw.ms <= 0) return { ok: false, reason: 'ms is not a number > 0' };
  if (!isFiniteNumber(raw.updatedAt)) return { ok: false, reason: 'updatedAt is not a finite number' };
  return { ok: true, value: { workId: raw.workId, words: raw.words, ms: raw.ms, updatedAt: raw.updatedAt } };
}

/** Checks a bookmark's shape; with `works`, also its place (unknown work refused, past the end clamped). */
export function checkBookmark(raw: unknown, works?: WorkIndex): Checked<Bookmark> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  if (typeof raw.id !== 'string' || raw.id === '') return { ok: false, reason: 'id is not a non-empty string' };
  if (typeof raw.workId !== 'string' || raw.workId === '') return { ok: false, reason: 'workId is not a non-empty string' };
  if (typeof raw.snippet !== 'string') return { ok: false, reason: 'snippet is not a string' };
  if (!isFiniteNumber(raw.createdAt)) return { ok: false, reason: 'createdAt is not a finite number' };
  if (!isFiniteNumber(raw.updatedAt)) return { ok: false, reason: 'updatedAt is not a finite number' };
  const loc = works ? checkLocator(raw.locator, works) : checkLocatorShape(raw.locator);
  if (!loc.ok) return { ok: false, reason: `locator: ${loc.reason}` };
  if (loc.value.workId !== raw.workId) return { ok: false, reason: 'locator is in another work' };
  const value: Bookmark = {
    id: raw.id,
    workId: raw.workId,
    locator: loc.value,
    snippet: raw.snippet,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
  };
  return loc.clamped ? { ok: true, value, clamped: `locator: ${loc.clamped}` } : { ok: true, value };
}
