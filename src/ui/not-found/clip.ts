/** Clipping an id from the URL for display, so a huge one can't push the way back off screen. */

/** The most characters of an unknown id shown. */
export const MAX_SHOWN_ID = 60;

/** `id` whole when short, else its first characters and "…" (whole code points: no broken surrogate pair). */
export function clipId(id: string, max = MAX_SHOWN_ID): string {
  const chars = Array.from(id);
  return chars.length <= max ? id : `${chars.slice(0, max - 1).join('')}…`;
}
