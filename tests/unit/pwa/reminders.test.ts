import { describe, expect, it } from 'vitest';
import { EXPORT_REMINDER_MS, exportReminderDue, pasteOfferDue, safariNoteDue } from '../../../src/pwa/reminders';

const now = 1_800_000_000_000;
const day = 24 * 60 * 60 * 1000;
const base = { persisted: false, lastExportAt: null, readingSince: null, dismissedAt: null, now };

describe('phone notes', () => {
  it('Safari note: in Safari, not installed, once', () => {
    expect(safariNoteDue({ iosSafari: true, installed: false, seen: false })).toBe(true);
    expect(safariNoteDue({ iosSafari: true, installed: false, seen: true })).toBe(false);
    expect(safariNoteDue({ iosSafari: true, installed: true, seen: false })).toBe(false);
    expect(safariNoteDue({ iosSafari: false, installed: false, seen: false })).toBe(false);
  });

  it('paste offer: installed on iOS with no reading data, until dismissed', () => {
    expect(pasteOfferDue({ ios: true, installed: true, hasReadingData: false, dismissed: false })).toBe(true);
    expect(pasteOfferDue({ ios: true, installed: true, hasReadingData: true, dismissed: false })).toBe(false);
    expect(pasteOfferDue({ ios: true, installed: true, hasReadingData: false, dismissed: true })).toBe(false);
    expect(pasteOfferDue({ ios: true, installed: false, hasReadingData: false, dismissed: false })).toBe(false);
    expect(pasteOfferDue({ ios: false, installed: true, hasReadingData: false, dismissed: false })).toBe(false);
  });

  it('export reminder: not persistent and the last export over 30 days old', () => {
    expect(exportReminderDue({ ...base, lastExportAt: now - 31 * day })).toBe(true);
    expect(exportReminderDue({ ...base, lastExportAt: now - EXPORT_REMINDER_MS })).toBe(false);
    expect(exportReminderDue({ ...base, lastExportAt: now - 2 * day })).toBe(false);
    expect(exportReminderDue({ ...base, persisted: true, lastExportAt: now - 90 * day })).toBe(false);
  });

  it('export reminder: never exported counts from the first reading data; none, no reminder', () => {
    expect(exportReminderDue(base)).toBe(false);
    expect(exportReminderDue({ ...base, readingSince: now - 31 * day })).toBe(true);
    expect(exportReminderDue({ ...base, readingSince: now - 29 * day })).toBe(false);
    // A recent export wins over old reading.
    expect(exportReminderDue({ ...base, readingSince: now - 90 * day, lastExportAt: now - day })).toBe(false);
  });

  it('export reminder: a dismissal quiets it for 30 days', () => {
    const due = { ...base, lastExportAt: now - 60 * day };
    expect(exportReminderDue({ ...due, dismissedAt: now - day })).toBe(false);
    expect(exportReminderDue({ ...due, dismissedAt: now - 31 * day })).toBe(true);
  });
});
