/**
 * What the reader's first page needs before IndexedDB has answered (issue 16: storage and the
 * first render in parallel, not in sequence): the places, the notices passed and the settings,
 * mirrored to localStorage as they change (`quire:start`), as the paint mirror is for boot.js.
 * At the next start the reader opens on them at once while the database opens.
 *
 * Storage stays the one record. When it answers, a newer stored place moves the reader (the
 * model follows the app's places), and its settings replace these. A hint that is missing,
 * damaged or from another catalogue is no hint: the first screen then waits for storage, as it
 * always did. Checked like stored records (`checkLocator`, `validateSettings`).
 */
import type { Locator } from '../reader/locator';
import { validateSettings } from '../settings/defaults';
import type { Settings } from '../settings/types';
import { checkLocator, isRecord, type WorkIndex } from '../storage/validate';

/** The localStorage key: `{ v: 1, places: Locator[], acknowledged: string[], settings }`. */
export const START_HINTS_KEY = 'quire:start';

export interface StartHints {
  /** A mirror was read: a work without a place in it had none when it was written (never read). */
  present: boolean;
  /** The newest known place of each work, by work id. */
  places: Record<string, Locator>;
  /** The works whose adult-content notice was passed on this device. */
  acknowledged: ReadonlySet<string>;
  /** The settings, or null when none were mirrored. */
  settings: Settings | null;
}

export const NO_HINTS: StartHints = { present: false, places: {}, acknowledged: new Set(), settings: null };

/** Where the mirror lives; undefined when storage is blocked. */
export type HintStorage = Pick<globalThis.Storage, 'getItem' | 'setItem'> | undefined;

function storage(): HintStorage {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // Storage blocked (privacy settings): no hints, the first screen waits for IndexedDB.
  }
}

/** The hints as stored, each part checked; anything unreadable is no hint at all. */
export function readStartHints(works: WorkIndex, from: HintStorage = storage()): StartHints {
  let raw: unknown;
  try {
    raw = JSON.parse(from?.getItem(START_HINTS_KEY) ?? 'null');
  } catch {
    return NO_HINTS;
  }
  if (!isRecord(raw) || raw.v !== 1) return NO_HINTS;
  const places: Record<string, Locator> = {};
  for (const entry of Array.isArray(raw.places) ? raw.places : []) {
    const checked = checkLocator(entry, works);
    if (checked.ok) places[checked.value.workId] = checked.value;
  }
  const acknowledged = new Set((Array.isArray(raw.acknowledged) ? raw.acknowledged : []).filter((id): id is string => typeof id === 'string' && works.has(id)));
  return { present: true, places, acknowledged, settings: isRecord(raw.settings) ? validateSettings(raw.settings) : null };
}

/** What the app knows, to mirror. */
export interface HintSource {
  places: Readonly<Record<string, Locator | undefined>>;
  acknowledged: ReadonlySet<string>;
  settings: Settings;
}

/** Keeps the mirror in step with `source`; writes only what changed (a few hundred bytes, synchronous: it is on disk when the page goes). */
export function createStartMirror(to: HintStorage = storage()): (source: HintSource) => void {
  let last: string | null = null;
  return ({ places, acknowledged, settings }) => {
    const next = JSON.stringify({ v: 1, places: Object.values(places).filter(Boolean), acknowledged: [...acknowledged].sort(), settings });
    if (next === last) return;
    last = next;
    try {
      to?.setItem(START_HINTS_KEY, next);
    } catch {
      // Quota or blocked storage: the next start waits for IndexedDB, nothing else is lost.
    }
  };
}

/** The section each work was last read in, for the first section's prefetch (src/content/first-section.ts). */
export function sectionsOf(places: Readonly<Record<string, Locator>>): Record<string, string> {
  return Object.fromEntries(Object.values(places).map((p) => [p.workId, p.sectionId]));
}
