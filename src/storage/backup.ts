/** The reading-data file: building it from stored records and checking one before import. */
import type { AcknowledgementRecord, PositionRecord } from './db';
import type { MergeData, RawDump } from './backend';
import { checkHighlight, checkTombstone } from './highlights';
import type { Bookmark, ExportFile, SpeedSample, StorageProblem } from './types';
import {
  checkAcknowledgement,
  checkBookmark,
  checkPositionRecord,
  checkSettingsRecord,
  checkSpeedSample,
  isRecord,
  type Checked,
} from './validate';

/** The `format` field of every reading-data file. */
export const EXPORT_FORMAT = 'quire-reading-data';
/** The file format version this code writes and the newest it reads. */
export const EXPORT_VERSION = 1;

const NOTHING_CHANGED = 'Nothing was changed.';

/** The largest reading-data file Quire reads: real ones are far smaller (places, settings, bookmarks, 500 samples). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Why a file of `bytes` is refused before it is read, or null when its size is fine. */
export function importSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `This file is ${mb(bytes)}, more than Quire reads (${mb(MAX_IMPORT_BYTES)}); Quire's reading data is much smaller, so it is likely another kind of file. ${NOTHING_CHANGED}`;
}

/** Makes the file from checked records. */
export function toExportFile(data: MergeData, exportedAt: number): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    positions: data.positions,
    settings: data.settings,
    acknowledgements: data.acknowledgements,
    speedSamples: data.speedSamples,
    bookmarks: data.bookmarks,
    highlights: data.highlights,
    tombstones: data.tombstones,
  };
}

/** Keeps the well-formed stored records for an export; each damaged one is reported and left out. */
export function checkDump(dump: RawDump, report: (problem: StorageProblem) => void): MergeData {
  const keep = <T>(store: StorageProblem['store'], raws: unknown[], check: (r: unknown) => Checked<T>): T[] =>
    raws.flatMap((raw, i) => {
      const c = check(raw);
      if (c.ok) return [c.value];
      report({ store, key: String(i), action: 'ignored', reason: c.reason });
      return [];
    });
  let settings: MergeData['settings'] = null;
  if (dump.settings !== null && dump.settings !== undefined) {
    const c = checkSettingsRecord(dump.settings);
    if (c.ok) settings = c.value;
    else report({ store: 'settings', key: 'current', action: 'ignored', reason: c.reason });
  }
  return {
    positions: keep('positions', dump.positions, checkPositionRecord),
    settings,
    acknowledgements: keep('acknowledgements', dump.acknowledgements, checkAcknowledgement),
    speedSamples: keep('speedSamples', dump.speedSamples, checkSpeedSample),
    bookmarks: keep('bookmarks', dump.bookmarks, (r) => checkBookmark(r)),
    highlights: keep('highlights', dump.highlights, (r) => checkHighlight(r)),
    tombstones: keep('tombstones', dump.tombstones, checkTombstone),
  };
}

/** The download name for an export made on `date` (local date): quire-reading-data-YYYY-MM-DD.json. */
export function exportFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${EXPORT_FORMAT}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** Turns the text of a chosen file into a value, or a message saying why it can't be read. */
export function parseBackupText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  // Counted in UTF-16 units, at least the UTF-8 size for the ASCII that JSON mostly is.
  const tooBig = importSizeProblem(text.length);
  if (tooBig) return { ok: false, message: tooBig };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `This file isn't Quire reading data (it isn't JSON). ${NOTHING_CHANGED}` };
  }
}

/**
 * Checks a whole reading-data file before anything is written: a non-object, a foreign file,
 * a newer format or any bad record refuses the file with a message that says which.
 */
export function checkExportFile(raw: unknown): { ok: true; data: MergeData } | { ok: false; message: string } {
  if (!isRecord(raw)) return { ok: false, message: `This file isn't Quire reading data. ${NOTHING_CHANGED}` };
  if (raw.format !== EXPORT_FORMAT) return { ok: false, message: `This file isn't Quire reading data. ${NOTHING_CHANGED}` };
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `This reading-data file has no valid format version. ${NOTHING_CHANGED}` };
  }
  if (version > EXPORT_VERSION) {
    return {
      ok: false,
      message: `This file was made by a newer version of Quire (format ${version}; this one reads format ${EXPORT_VERSION}). Update Quire, then import it again. ${NOTHING_CHANGED}`,
    };
  }

  const problems: string[] = [];
  const list = <T>(field: string, check: (r: unknown) => Checked<T>, optional = false): T[] => {
    const value = raw[field];
    if (optional && value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`${field} is not a list`);
      return [];
    }
    const out: T[] = [];
    value.forEach((record: unknown, i) => {
      const c = check(record);
      if (c.ok) out.push(c.value);
      else problems.push(`${field}[${i}]: ${c.reason}`);
    });
    return out;
  };

  const positions: PositionRecord[] = list('positions', checkPositionRecord);
  const acknowledgements: AcknowledgementRecord[] = list('acknowledgements', checkAcknowledgement);
  const speedSamples: SpeedSample[] = list('speedSamples', checkSpeedSample);
  const bookmarks: Bookmark[] = list('bookmarks', (r) => checkBookmark(r));
  // Files made before highlights have neither list: read as none.
  const highlights = list('highlights', (r) => checkHighlight(r), true);
  const tombstones = list('tombstones', checkTombstone, true);
  let settings: MergeData['settings'] = null;
  if (raw.settings !== null) {
    const c = checkSettingsRecord(raw.settings);
    if (c.ok) settings = c.value;
    else problems.push(`settings: ${c.reason}`);
  }
  const workIds = new Set<string>();
  for (const p of positions) {
    if (workIds.has(p.workId)) problems.push(`positions: two places for "${p.workId}"`);
    workIds.add(p.workId);
  }

  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    return { ok: false, message: `This reading-data file is damaged: ${shown}${more}. ${NOTHING_CHANGED}` };
  }
  return { ok: true, data: { positions, settings, acknowledgements, speedSamples, bookmarks, highlights, tombstones } };
}
