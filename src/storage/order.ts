/** The order of places on this device: `seq` beside wall time, so a wrong clock can't reorder them. See ./README.md. */

/** A time more than this far ahead of the device's clock is suspect (a wrong clock, or a damaged file). */
export const SUSPECT_AHEAD_MS = 24 * 60 * 60 * 1000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A record's order: its `seq`, else its `updatedAt` (records from before v3, imports), else -Infinity. */
export function orderOf(record: unknown): number {
  if (!isObject(record)) return -Infinity;
  if (finite(record.seq)) return record.seq;
  return finite(record.updatedAt) ? record.updatedAt : -Infinity;
}

/** True when `time` lies more than a day ahead of `now`. */
export function isSuspect(time: number, now: number): boolean {
  return time > now + SUSPECT_AHEAD_MS;
}

/**
 * True when a place ordered `incoming` should replace `stored`: nothing usable stored, a
 * later order, or a stored order that is suspect (it must not block every later place).
 */
export function placeWins(stored: unknown, incoming: number, now: number): boolean {
  const order = orderOf(stored);
  if (order === -Infinity) return true;
  if (isSuspect(order, now) && !isSuspect(incoming, now)) return true;
  return incoming > order;
}
