/** Estimates from a layout: pages left in the section, words on a page, words left. Pure. See ./README.md. */
import type { Section, SectionInfo, WorkInfo } from '../content/types';
import type { Locator } from './locator';
import type { Layout } from './navigation';
import type { Place } from './place';
import { charsAfter, charsIn, reachesEnd } from './window';

/** Where the reader is in the layout: the page, the pages of this layout, and pages left in the section. */
export interface ReaderPosition {
  page: number;
  pageCount: number;
  pagesLeft: number;
}

/** Before anything is laid out. */
export const NO_POSITION: ReaderPosition = { page: 0, pageCount: 1, pagesLeft: 0 };

/** Characters on a full page until a layout says otherwise (and nothing is mounted to guess from). */
export const DEFAULT_CHARS_PER_PAGE = 1500;

/**
 * Characters a page of `width` × `height` px holds, at most, in type of `fontPx` on lines of
 * `linePx`: the whole box filled at half an em a character (margins and a narrow measure only
 * make a page hold less). Over rather than under: a short window that holds less than a page
 * has to be laid out again.
 */
export function estimateCharsPerPage(width: number, height: number, fontPx: number, linePx: number): number | undefined {
  if (!(width > 0 && height > 0 && fontPx > 0 && linePx > 0)) return undefined;
  return Math.max(1, Math.round((width / (fontPx / 2)) * (height / linePx)));
}

/**
 * The position in a layout, with the pages left in the section estimated past the window at
 * the rate of this window's full pages (`perPage`, characters; updated from this layout when
 * it has more than one page). The window's last page is where the next window starts, so its
 * text (from `seam()`, the first character of that page) is counted with what follows.
 */
export function measure(l: Omit<Layout, 'sections'>, seam: () => Place, perPage: number): { position: ReaderPosition; perPage: number } {
  const { page, pageCount, section, window: w } = l;
  if (l.mode === 'scroll' || reachesEnd(section, w)) return { position: { page, pageCount, pagesLeft: Math.max(0, pageCount - 1 - page) }, perPage };
  const edge = seam();
  const rate = pageCount > 1 ? Math.max(1, charsIn(section, { start: w.start, end: edge }) / (pageCount - 1)) : perPage;
  const rest = charsIn(section, { start: edge, end: w.end }) + charsAfter(section, w);
  return { position: { page, pageCount, pagesLeft: Math.max(0, pageCount - 2 - page) + Math.ceil(rest / rate) }, perPage: rate };
}

/** Words on one page of a layout (the window's words shared out over its pages), for the reading speed. */
export function wordsPerPage(section: Section, l: Pick<Layout, 'window' | 'pageCount'>): number {
  return (section.words * (charsIn(section, l.window) / Math.max(1, section.chars))) / Math.max(1, l.pageCount);
}

/** Words left after the place, in its section and in the work (for the time left). */
export function wordsLeft(work: WorkInfo, section: SectionInfo | undefined, locator: Locator | null): { section: number; work: number } {
  return {
    section: section ? section.words * (1 - (locator?.progression ?? 0)) : 0,
    work: work.words * (1 - (locator?.totalProgression ?? 0)),
  };
}
