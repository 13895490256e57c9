/**
 * One Markdown file per work of its highlights and notes, ready for Obsidian-like notes: a
 * title, a header keeping "From the text" and "Added by this app" apart as the library does,
 * then each highlight in reading order with its section, the quote as a block quote, the
 * note, and a link back. Pure: no DOM.
 */
import type { SectionInfo, WorkMeta } from '../content/types';
import { comparePlaces } from './anchor';
import { COLOUR_NAMES } from './colours';
import { passageUrl } from './link';
import type { Highlight } from './types';

/** What the export needs of a work. `WorkInfo` fits. */
export interface WorkForExport {
  id: string;
  meta: WorkMeta;
  sections: readonly Pick<SectionInfo, 'id' | 'index' | 'title' | 'titleSource'>[];
}

/** The download name of a work's notes. */
export function markdownFileName(workId: string): string {
  return `quire-notes-${workId}.md`;
}

/** A day as YYYY-MM-DD (UTC, so a file reads the same wherever it is made again). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Highlights in reading order: section, then start; those in sections no longer in the work last. */
export function inReadingOrder<T extends Pick<Highlight, 'sectionId' | 'start' | 'createdAt'>>(highlights: readonly T[], sections: readonly Pick<SectionInfo, 'id' | 'index'>[]): T[] {
  const order = new Map(sections.map((s) => [s.id, s.index]));
  const rank = (h: T) => order.get(h.sectionId) ?? Number.MAX_SAFE_INTEGER;
  return [...highlights].sort((a, b) => rank(a) - rank(b) || comparePlaces(a.start, b.start) || a.createdAt - b.createdAt);
}

/** A line of the author's text made safe to stand at the start of a Markdown line (no heading, list or quote by accident). */
function escapeLineStart(line: string): string {
  return /^(#{1,6}(\s|$)|[-*+](\s|$)|\d+[.)](\s|$)|>|=+\s*$|-{3,}\s*$)/.test(line) ? `\\${line}` : line;
}

/** A block quote: every line of the text prefixed with "> ", paragraphs (blocks) apart. */
function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${escapeLineStart(line)}`))
    .join('\n>\n');
}

function header(work: WorkForExport, exportedAt: number): string[] {
  const { fromText, addedByApp } = work.meta;
  const lines = [`# ${addedByApp.displayTitle}`, '', `Highlights and notes exported from Quire on ${isoDay(exportedAt)}.`, '', '## From the text', ''];
  lines.push(`- Title: ${fromText.title ?? 'None given'}`);
  lines.push(`- Opens: “${fromText.opening}…”`);
  for (const note of fromText.notes) lines.push(`- Note: ${note}`);
  lines.push('', '## Added by this app (Quire)', '');
  lines.push(`- Title shown: ${addedByApp.displayTitle}${addedByApp.displayTitleNote ? ` (${addedByApp.displayTitleNote})` : ''}`);
  lines.push(`- Fandom: ${addedByApp.fandom}`);
  lines.push(`- Relationship: ${addedByApp.relationship}`);
  lines.push(`- Characters: ${addedByApp.characters.join(', ')}`);
  lines.push(`- Tags: ${addedByApp.tags.join(', ')}`);
  lines.push(`- Content notes: ${addedByApp.contentNotes.join('; ')}`);
  if (addedByApp.adult) lines.push('- Audience: Adults only');
  return lines;
}

/** The Markdown file of a work's highlights. `appUrl` is the app's address, for the links back. */
export function markdownFor(work: WorkForExport, highlights: readonly Highlight[], options: { appUrl: string; exportedAt: number }): string {
  const lines = header(work, options.exportedAt);
  lines.push('', '## Highlights', '');
  const mine = inReadingOrder(
    highlights.filter((h) => h.workId === work.id),
    work.sections,
  );
  if (mine.length === 0) lines.push('No highlights yet.', '');
  const sections = new Map(work.sections.map((s) => [s.id, s]));
  let current: string | null = null;
  for (const h of mine) {
    if (h.sectionId !== current) {
      current = h.sectionId;
      const s = sections.get(h.sectionId);
      const title = s ? `${s.title}${s.titleSource === 'app' ? ' *(section name added by this app)*' : ''}` : 'A section no longer in this work';
      lines.push(`### ${title}`, '');
    }
    lines.push(blockQuote(h.quote.text), '');
    if (h.note.trim() !== '') lines.push(`**Note:** ${h.note.trim()}`, '');
    const link = passageUrl(options.appUrl, work.id, { sectionId: h.sectionId, block: h.start.block, offset: h.start.offset, quote: h.quote.text });
    lines.push(`[Open this passage in Quire](${link}) · ${COLOUR_NAMES[h.colour]} · ${isoDay(h.createdAt)}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
