/** Opening a passage link: where `?at=` points in a work, or why it can't be followed. */
import type { Section, WorkInfo } from '../content/types';
import type { Quote } from '../reader/locator';
import { decodePassage, resolvePassage } from './link';

/** Where to open: a place of a section (with its short quote, so the reader keeps it through re-layouts). */
export interface LinkTarget {
  sectionId: string;
  block: number;
  offset: number;
  quote: Quote;
}

/** What a link comes to: a place to open at, or a message saying why the saved place is shown instead. */
export type LinkResult = { ok: true; target: LinkTarget } | { ok: false; message: string };

const FALLBACK = 'Quire opened this work at your saved place instead.';

/** Follows `at` in `work`, loading the section it names. Never rejects. */
export async function followLink(work: Pick<WorkInfo, 'id' | 'sections'>, at: string, load: (workId: string, sectionId: string) => Promise<Section>): Promise<LinkResult> {
  const decoded = decodePassage(at);
  if (!decoded.ok) return { ok: false, message: `This link could not be followed: ${decoded.reason} ${FALLBACK}` };
  const p = decoded.passage;
  if (!work.sections.some((s) => s.id === p.sectionId)) {
    return { ok: false, message: `This link points to a part that is not in this work. ${FALLBACK}` };
  }
  let section: Section;
  try {
    section = await load(work.id, p.sectionId);
  } catch {
    return { ok: false, message: `The part of the work this link points to could not be loaded. ${FALLBACK}` };
  }
  const place = resolvePassage(section, p);
  if (!place) return { ok: false, message: `This link points to a place that is no longer in this work. ${FALLBACK}` };
  const text = section.blocks[place.block]?.text ?? '';
  return { ok: true, target: { sectionId: p.sectionId, ...place, quote: { before: '', text: text.slice(place.offset, place.offset + 48), after: '' } } };
}
