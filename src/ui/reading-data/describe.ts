/** What an import did, in words for the status line. */
import type { ImportResult } from '../../storage/types';

/** Describes a successful import in words. */
export function describeImport(result: Extract<ImportResult, { ok: true }>): string {
  const m = result.merged;
  const total = m.positions + m.settings + m.acknowledgements + m.speedSamples + m.bookmarks + m.highlights + m.tombstones;
  if (total === 0) return 'Imported: everything in the file was already here (or older), so nothing changed.';
  const parts = [
    m.positions && `${m.positions} ${m.positions === 1 ? 'place' : 'places'}`,
    m.settings && 'settings',
    m.bookmarks && `${m.bookmarks} ${m.bookmarks === 1 ? 'bookmark' : 'bookmarks'}`,
    m.highlights && `${m.highlights} ${m.highlights === 1 ? 'highlight' : 'highlights'}`,
    m.tombstones && `${m.tombstones} ${m.tombstones === 1 ? 'deletion' : 'deletions'}`,
    m.acknowledgements && `${m.acknowledgements} acknowledged ${m.acknowledgements === 1 ? 'notice' : 'notices'}`,
    m.speedSamples && `${m.speedSamples} reading-speed ${m.speedSamples === 1 ? 'sample' : 'samples'}`,
  ].filter(Boolean);
  return `Imported ${parts.join(', ')}.`;
}
