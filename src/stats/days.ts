/** Calendar days as `YYYY-MM-DD` strings, in the reader's local time or at a fixed offset. Pure. */

/** A function from a time (ms since epoch) to its calendar day. */
export type DayOf = (ms: number) => string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a time. */
export const localDay: DayOf = (ms) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The UTC calendar day of a time (tests, and any fixed clock). */
export const utcDay: DayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** True for a `YYYY-MM-DD` string naming a real date. */
export function isDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}
