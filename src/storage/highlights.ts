/**
 * Highlights (with their notes) and tombstones: listed per work, put, deleted (leaving a
 * tombstone), validated on read like every record; and the merge plan an import follows for
 * bookmarks and highlights, so that an older export never brings back what was deleted.
 */
import { living, planMerge, tombstoneFor } from '../annotations/tombstones';
import { COLOURS, type Highlight, type HighlightColour, type Tombstone, type TombstoneKind } from '../annotations/types';
import type { StoreCore } from './core';
import type { Bookmark, ReadingStore } from './types';
import { isRecord, type Checked, type WorkIndex } from './validate';

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const isName = (s: unknown): s is string => typeof s === 'string' && s !== '';

function checkPlace(raw: unknown): { block: number; offset: number } | null {
  return isRecord(raw) && isCount(raw.block) && isCount(raw.offset) ? { block: raw.block, offset: raw.offset } : null;
}

/** Checks a highlight; with `works`, also that its work and section are known (a place past the end is found again from its quote by the reader). */
export function checkHighlight(raw: unknown, works?: WorkIndex): Checked<Highlight> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  for (const key of ['id', 'workId', 'sectionId'] as const) if (!isName(raw[key])) return { ok: false, reason: `${key} is not a non-empty string` };
  const start = checkPlace(raw.start);
  const end = checkPlace(raw.end);
  if (!start || !end) return { ok: false, reason: 'start or end is not { block, offset } counts' };
  if (end.block < start.block || (end.block === start.block && end.offset <= start.offset)) return { ok: false, reason: 'end is not after start' };
  const q = raw.quote;
  if (!isRecord(q) || typeof q.before !== 'string' || typeof q.after !== 'string' || typeof q.text !== 'string' || q.text === '') {
    return { ok: false, reason: 'quote is not { before, text, after } strings with text' };
  }
  if (!COLOURS.includes(raw.colour as HighlightColour)) return { ok: false, reason: `colour is not one of ${COLOURS.join(', ')}` };
  if (typeof raw.note !== 'string') return { ok: false, reason: 'note is not a string' };
  if (!isTime(raw.createdAt) || !isTime(raw.updatedAt)) return { ok: false, reason: 'createdAt or updatedAt is not a finite number' };
  const workId = raw.workId as string;
  const sectionId = raw.sectionId as string;
  if (works) {
    const sections = works.get(workId);
    if (!sections) return { ok: false, reason: `unknown work "${workId}"` };
    if (!sections.has(sectionId)) return { ok: false, reason: `unknown section "${sectionId}" in "${workId}"` };
  }
  return {
    ok: true,
    value: {
      id: raw.id as string, workId, sectionId, start, end,
      quote: { before: q.before, text: q.text, after: q.after },
      colour: raw.colour as HighlightColour, note: raw.note, createdAt: raw.createdAt, updatedAt: raw.updatedAt,
    },
  };
}

const KINDS: readonly TombstoneKind[] = ['highlight', 'bookmark'];

/** Checks a tombstone: `id` must be `<kind>:<recordId>`. */
export function checkTombstone(raw: unknown): Checked<Tombstone> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  if (!KINDS.includes(raw.kind as TombstoneKind)) return { ok: false, reason: `kind is not one of ${KINDS.join(', ')}` };
  if (!isName(raw.recordId)) return { ok: false, reason: 'recordId is not a non-empty string' };
  if (raw.id !== `${String(raw.kind)}:${raw.recordId}`) return { ok: false, reason: 'id is not <kind>:<recordId>' };
  if (raw.workId !== undefined && !isName(raw.workId)) return { ok: false, reason: 'workId is not a non-empty string' };
  if (!isTime(raw.deletedAt)) return { ok: false, reason: 'deletedAt is not a finite number' };
  return { ok: true, value: tombstoneFor(raw.kind as TombstoneKind, raw.recordId, raw.workId as string | undefined, raw.deletedAt) };
}

/** The well-formed records of a list (for a merge: damaged stored ones are left alone). */
function wellFormed<T>(raws: readonly unknown[], check: (raw: unknown) => Checked<T>): T[] {
  return raws.flatMap((raw) => {
    const c = check(raw);
    return c.ok ? [c.value] : [];
  });
}

/** What an import does to bookmarks, highlights and tombstones (pure; both backends apply it in their one transaction). */
export interface MarksPlan {
  bookmarks: { put: Bookmark[]; remove: string[] };
  highlights: { put: Highlight[]; remove: string[] };
  /** Tombstones to write: new ones, and later deletions of known ones. */
  tombstones: Tombstone[];
}

/** Plans the merge of incoming bookmarks, highlights and tombstones into the stored ones (see src/annotations/tombstones.ts). */
export function planMarks(
  stored: { bookmarks: readonly unknown[]; highlights: readonly unknown[]; tombstones: readonly unknown[] },
  incoming: { bookmarks: readonly Bookmark[]; highlights: readonly Highlight[]; tombstones: readonly Tombstone[] },
): MarksPlan {
  const stones = wellFormed(stored.tombstones, checkTombstone);
  const bookmarks = planMerge('bookmark', wellFormed(stored.bookmarks, (r) => (isRecord(r) && isName(r.id) && isTime(r.updatedAt) ? { ok: true, value: r as unknown as Bookmark } : { ok: false, reason: '' })), incoming.bookmarks, stones, incoming.tombstones);
  const highlights = planMerge('highlight', wellFormed(stored.highlights, (r) => checkHighlight(r)), incoming.highlights, stones, incoming.tombstones);
  const known = new Map(stones.map((t) => [t.id, t.deletedAt]));
  const tombstones = highlights.tombstones.filter((t) => (known.get(t.id) ?? -Infinity) < t.deletedAt);
  return { bookmarks: { put: bookmarks.put, remove: bookmarks.remove }, highlights: { put: highlights.put, remove: highlights.remove }, tombstones };
}

type Part = Pick<ReadingStore, 'listHighlights' | 'putHighlight' | 'deleteHighlight'>;

/** Every tombstone stored or waiting to be, checked. */
export async function readTombstones(core: StoreCore): Promise<Tombstone[]> {
  const raws = await core.read((b) => b.listRecords('tombstones'), [], 'tombstones', '*');
  const held = core.pending.entries().flatMap(([, w]) => (w.kind === 'record' && w.store === 'tombstones' ? [w.value] : []));
  return [...raws, ...held].flatMap((raw) => {
    const key = isRecord(raw) ? String(raw.id) : '?';
    return core.checked(checkTombstone(raw), 'tombstones', key) ?? [];
  });
}

/** Writes the tombstone of a record (held for a retry like any write). */
export function bury(core: StoreCore, kind: TombstoneKind, recordId: string, workId: string | undefined, lastChange = 0): Promise<void> {
  const stone = tombstoneFor(kind, recordId, workId, Math.max(core.now(), lastChange));
  return core.write({ kind: 'record', store: 'tombstones', value: { ...stone } });
}

/** The highlights part of the store. */
export function createHighlights(core: StoreCore): Part {
  return {
    async listHighlights(workId) {
      const raws = await core.read((b) => b.listRecords('highlights', { name: 'workId', value: workId }), [], 'highlights', workId);
      const byId = new Map<string, Highlight>();
      const held = core.pending.entries().flatMap(([, w]) => (w.kind === 'record' && w.store === 'highlights' ? [w.value] : []));
      for (const raw of [...raws, ...held]) {
        const key = isRecord(raw) ? String(raw.id) : '?';
        const h = core.checked(checkHighlight(raw, core.works), 'highlights', key);
        if (h && h.workId === workId && (byId.get(h.id)?.updatedAt ?? -Infinity) < h.updatedAt) byId.set(h.id, h);
      }
      return living('highlight', [...byId.values()], await readTombstones(core));
    },

    async putHighlight(highlight) {
      const c = checkHighlight(highlight);
      if (!c.ok) throw new TypeError(`Quire storage: not a valid highlight: ${c.reason}`);
      await core.write({ kind: 'record', store: 'highlights', value: { ...c.value } });
    },

    async deleteHighlight(id) {
      const raw = await core.read((b) => b.getRecord('highlights', id), undefined, 'highlights', id);
      const held = core.pending.get(`highlights:${id}`);
      const known = checkHighlight(held?.kind === 'record' ? held.value : raw);
      core.pending.drop((key) => key === `highlights:${id}`);
      // The tombstone first: if the delete then fails, reads still leave the highlight out.
      await bury(core, 'highlight', id, known.ok ? known.value.workId : undefined, known.ok ? known.value.updatedAt : 0);
      await core.run((b) => b.deleteRecord('highlights', id)).catch(() => undefined);
    },
  };
}
