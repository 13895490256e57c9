/** What the reader is told about storage: the messages, and the one status made from what is going on. */
import type { StorageStatus } from './types';

/** Every message the storage layer can show. */
export const MESSAGES = {
  memory:
    "This browser isn't letting Quire store anything (a private window, or storage turned off), so your place won't be kept on this device after you close Quire. You can keep reading.",
  newerVersion:
    "Quire was updated in another tab. Reload this page to keep saving your place; until then your place won't be kept on this device.",
  blocked: 'Quire is updating how it stores your reading. Please close Quire in your other tabs or windows to finish; your place is safe.',
  quota:
    "This device is out of space for Quire, so your latest place isn't saved yet. Quire will keep trying; nothing saved earlier is lost. Freeing some space helps.",
  writeError: "Quire couldn't save your latest changes yet and will keep trying. Nothing saved earlier is lost.",
  readError: "Quire couldn't read some of your saved reading data just now. You can keep reading.",
} as const;

/** The message for saved or imported times more than a day ahead of this device's clock. */
export function suspectMessage(times: readonly number[]): string {
  const days = [...new Set(times.map((t) => new Date(t).toISOString().slice(0, 10)))].sort();
  const shown = days.slice(0, 3).join(', ') + (days.length > 3 ? ` and ${days.length - 3} more` : '');
  return (
    `Some reading data is dated in the future (${shown}), ahead of this device's clock. ` +
    "Quire treats those dates as now, so what you read next still saves. If this device's date is wrong, correct it in its settings."
  );
}

/** What is going on, from which the status follows. */
export interface StatusFlags {
  /** Set when running in memory: the message saying why. */
  memory: string | null;
  blocked: boolean;
  /** Why writes are waiting for a retry, if any are. */
  waiting: 'quota' | 'error' | null;
  readError: boolean;
  /** Set when saved or imported times lie ahead of the clock: the message naming them. */
  suspect: string | null;
}

/** The one status to show, most important first. */
export function statusFor(flags: StatusFlags): StorageStatus {
  if (flags.memory !== null) return { kind: 'memory', message: flags.memory };
  if (flags.blocked) return { kind: 'blocked', message: MESSAGES.blocked };
  if (flags.waiting === 'quota') return { kind: 'quota', message: MESSAGES.quota };
  if (flags.waiting === 'error') return { kind: 'error', message: MESSAGES.writeError };
  if (flags.suspect !== null) return { kind: 'notice', message: flags.suspect };
  if (flags.readError) return { kind: 'error', message: MESSAGES.readError };
  return { kind: 'ok' };
}

/** Holds the flags and tells listeners when the status they make changes. */
export function createStatusHub() {
  const flags: StatusFlags = { memory: null, blocked: false, waiting: null, readError: false, suspect: null };
  let current = statusFor(flags);
  const listeners = new Set<(status: StorageStatus) => void>();
  return {
    get: () => current,
    flags: (): Readonly<StatusFlags> => flags,
    update(change: Partial<StatusFlags>) {
      Object.assign(flags, change);
      const next = statusFor(flags);
      if (next.kind === current.kind && ('message' in next ? next.message : '') === ('message' in current ? current.message : '')) return;
      current = next;
      for (const listener of listeners) listener(current);
    },
    subscribe(listener: (status: StorageStatus) => void): () => void {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
  };
}
