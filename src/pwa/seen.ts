/** One-time UI flags (a notice already shown), kept in localStorage; no storage means "not seen". */

const PREFIX = 'quire:seen:';

function store(): globalThis.Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // Storage blocked (privacy settings): show the notice again rather than fail.
  }
}

/** Whether the one-time notice `name` was shown before. */
export function wasSeen(name: string, storage = store()): boolean {
  try {
    return storage?.getItem(PREFIX + name) === '1';
  } catch {
    return false;
  }
}

/** Remembers that the one-time notice `name` was shown. */
export function markSeen(name: string, storage = store()): void {
  try {
    storage?.setItem(PREFIX + name, '1');
  } catch {
    // Quota or blocked storage: at worst the notice shows once more.
  }
}

/** The time stored under `name` (ms), or null. */
export function seenAt(name: string, storage = store()): number | null {
  try {
    const value = Number(storage?.getItem(`${PREFIX}${name}:at`) ?? Number.NaN);
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** Stores `at` under `name` (a dismissal, the first sight of reading data). */
export function markSeenAt(name: string, at: number, storage = store()): void {
  try {
    storage?.setItem(`${PREFIX}${name}:at`, String(at));
  } catch {
    // As above: at worst a reminder shows once more.
  }
}
