/** When the phone notes show: pure rules over what the platform and storage report. */

const DAY_MS = 24 * 60 * 60 * 1000;
/** An export older than this, with storage that may be cleared, earns a reminder. */
export const EXPORT_REMINDER_MS = 30 * DAY_MS;

/** Safari (not installed) may delete the data of a site not visited for 7 days: say so once. */
export function safariNoteDue(p: { iosSafari: boolean; installed: boolean; seen: boolean }): boolean {
  return p.iosSafari && !p.installed && !p.seen;
}

/** The installed app on iOS starts empty (Safari's data stays in Safari): offer the hand-off while nothing is here. */
export function pasteOfferDue(p: { ios: boolean; installed: boolean; hasReadingData: boolean; dismissed: boolean }): boolean {
  return p.ios && p.installed && !p.hasReadingData && !p.dismissed;
}

/**
 * A gentle "export your reading" when storage is not persistent and the last export (or,
 * never exported, the first time this browser had reading data) is over 30 days old;
 * a dismissal quiets it for another 30 days.
 */
export function exportReminderDue(p: {
  persisted: boolean;
  lastExportAt: number | null;
  readingSince: number | null;
  dismissedAt: number | null;
  now: number;
}): boolean {
  if (p.persisted) return false;
  const since = p.lastExportAt ?? p.readingSince;
  if (since === null || p.now - since <= EXPORT_REMINDER_MS) return false;
  return p.dismissedAt === null || p.now - p.dismissedAt > EXPORT_REMINDER_MS;
}
