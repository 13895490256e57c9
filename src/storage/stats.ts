/**
 * Reading statistics in the `stats` store (the record is src/stats/types.ts `DayStats`: one per
 * day and work, plus one per day for all works), checked on every read, in the reading-data
 * file, and resettable. The statistics themselves are worked out in src/stats.
 */
import { isDay } from '../stats/days';
import type { DayStats } from '../stats/types';
import { isNewer } from './backend';
import type { StoreCore } from './core';
import type { ReadingStore } from './types';
import { isRecord, type Checked } from './validate';

const COUNTS = ['ms', 'words', 'pages', 'sittings'] as const;

/** Checks one stored or imported statistics record. */
export function checkDayStats(raw: unknown): Checked<DayStats> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  const { key, day, workId, lastAt, updatedAt } = raw;
  if (!isDay(day)) return { ok: false, reason: 'day is not a YYYY-MM-DD date' };
  if (typeof workId !== 'string' || workId === '') return { ok: false, reason: 'workId is not a non-empty string' };
  if (key !== `${day}|${workId}`) return { ok: false, reason: 'key is not "<day>|<workId>"' };
  for (const name of COUNTS) {
    const v = raw[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return { ok: false, reason: `${name} is not a number ≥ 0` };
    // Words are an estimate per page (a share of the section's words), so they need not be whole.
    if ((name === 'pages' || name === 'sittings') && !Number.isInteger(v)) return { ok: false, reason: `${name} is not a whole number` };
  }
  for (const [name, v] of [['lastAt', lastAt], ['updatedAt', updatedAt]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, reason: `${name} is not a finite number` };
  }
  const r = raw as unknown as DayStats;
  return { ok: true, value: { key: r.key, day: r.day, workId: r.workId, ms: r.ms, words: r.words, pages: r.pages, sittings: r.sittings, lastAt: r.lastAt, updatedAt: r.updatedAt } };
}

/** Checks the `stats` list of a reading-data file: absent (an older file) is none; any bad record refuses the file. */
export function checkImportedStats(raw: unknown): { ok: true; value: DayStats[] } | { ok: false; reason: string } {
  if (raw === undefined) return { ok: true, value: [] };
  if (!Array.isArray(raw)) return { ok: false, reason: 'stats is not a list' };
  const value: DayStats[] = [];
  for (const [i, r] of raw.entries()) {
    const c = checkDayStats(r);
    if (!c.ok) return { ok: false, reason: `stats[${i}]: ${c.reason}` };
    value.push(c.value);
  }
  return { ok: true, value };
}

type Part = Pick<ReadingStore, 'listStats' | 'putStats' | 'clearStats'>;

/** The statistics part of the store. */
export function createStats(core: StoreCore): Part & { mergeStats(records: readonly DayStats[]): Promise<number> } {
  const list = async (): Promise<DayStats[]> => {
    const raws = await core.read((b) => b.listRecords('stats'), [], 'stats', '*');
    const byKey = new Map<string, DayStats>();
    for (const raw of raws) {
      const key = isRecord(raw) ? String(raw.key) : '?';
      const r = core.checked(checkDayStats(raw), 'stats', key);
      if (r) byKey.set(r.key, r);
    }
    // Writes waiting for a retry are the newest word.
    for (const [, w] of core.pending.entries()) {
      if (w.kind !== 'record' || w.store !== 'stats') continue;
      const c = checkDayStats(w.value);
      if (c.ok && isNewer(byKey.get(c.value.key), c.value)) byKey.set(c.value.key, c.value);
    }
    return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  const put = async (records: readonly DayStats[]) => {
    for (const r of records) {
      const c = checkDayStats(r);
      if (!c.ok) throw new TypeError(`Quire storage: not a valid statistics record: ${c.reason}`);
      await core.write({ kind: 'record', store: 'stats', value: { ...c.value } });
    }
  };
  return {
    listStats: list,
    putStats: put,
    async clearStats() {
      core.pending.drop((key) => key.startsWith('stats:'));
      const keys = (await core.read((b) => b.listRecords('stats'), [], 'stats', '*')).map((raw) => (isRecord(raw) ? raw.key : undefined));
      for (const key of keys) if (typeof key === 'string') await core.run((b) => b.deleteRecord('stats', key));
    },
    /** Writes each imported record that is newer than the stored one (the same day from one device: the later count wins). */
    async mergeStats(records) {
      const stored = new Map((await list()).map((r) => [r.key, r]));
      const newer = records.filter((r) => isNewer(stored.get(r.key), r));
      await put(newer);
      return newer.length;
    },
  };
}
