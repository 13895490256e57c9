/**
 * The library's quiet notes for phones: Safari may clear data (once), "Paste reading from
 * Safari" in a fresh installed app, and a reminder to export when storage may be cleared.
 * Mounted once in the library: `<LibraryNotes />`.
 */
import { useEffect, useState } from 'preact/hooks';
import { persistenceStatus } from '../../pwa/persist';
import { currentPlatform } from '../../pwa/platform';
import { exportReminderDue, pasteOfferDue, safariNoteDue } from '../../pwa/reminders';
import { markSeen, markSeenAt, seenAt, wasSeen } from '../../pwa/seen';
import { useAppState } from '../../state/app-state';
import type { ReadingStore } from '../../storage/types';
import { importTransferCode, pasteText } from '../../transfer';
import { describeImport } from './describe';
import { downloadExport } from './download';
import { PasteReading } from './transfer';
import './style.css';

const SAFARI_NOTE = 'safari-eviction-note';
const PASTE_OFFER = 'paste-from-safari';
const REMINDER = 'export-reminder-dismissed';
const READING_SINCE = 'reading-data-since';

/** Which notes to show, decided once per visit of the library. */
function useDue(hasReadingData: boolean, store: Pick<ReadingStore, 'getLastExportAt'>) {
  const [platform] = useState(currentPlatform);
  const [safari] = useState(() => {
    const due = safariNoteDue({ ...platform, seen: wasSeen(SAFARI_NOTE) });
    if (due) markSeen(SAFARI_NOTE); // Once: shown this visit, never again.
    return due;
  });
  const [paste] = useState(() => pasteOfferDue({ ...platform, hasReadingData, dismissed: wasSeen(PASTE_OFFER) }));
  const [reminder, setReminder] = useState(false);
  useEffect(() => {
    let live = true;
    const now = Date.now();
    if (hasReadingData && seenAt(READING_SINCE) === null) markSeenAt(READING_SINCE, now);
    void Promise.all([persistenceStatus(), store.getLastExportAt()]).then(([status, lastExportAt]) => {
      const due = exportReminderDue({ persisted: status.persisted, lastExportAt, readingSince: seenAt(READING_SINCE), dismissedAt: seenAt(REMINDER), now });
      if (live) setReminder(due);
    });
    return () => {
      live = false;
    };
  }, [hasReadingData, store]);
  return { safari, paste, reminder, setReminder };
}

/** The notes, each in its own small labelled section; nothing at all on most visits. */
export function LibraryNotes() {
  const { store, positions, acknowledged, actions } = useAppState();
  const hasReadingData = Object.keys(positions.value).length > 0 || acknowledged.value.size > 0;
  const due = useDue(hasReadingData, store);
  const [safariOpen, setSafariOpen] = useState(due.safari);
  const [pasteOpen, setPasteOpen] = useState(due.paste);
  const [pasteBox, setPasteBox] = useState(false);
  const [message, setMessage] = useState('');
  const [reminderMessage, setReminderMessage] = useState('');
  const imported = () => void actions.imported();

  const pasteFromSafari = async () => {
    const text = await pasteText();
    if (text === null) {
      setPasteBox(true); // The clipboard said no: paste by hand.
      setMessage('Quire can’t read the clipboard here. Paste the code into the box below.');
      return;
    }
    const result = await importTransferCode(store, text);
    setMessage(result.ok ? [describeImport(result), result.notice].filter(Boolean).join(' ') : result.message);
    if (result.ok) {
      markSeen(PASTE_OFFER);
      imported();
    } else setPasteBox(true);
  };

  return (
    <>
      {safariOpen && (
        <section class="library-note" aria-label="Safari may clear your reading">
          <p>
            Safari may delete Quire’s data (your places, settings and bookmarks) if you don’t open it for 7 days. To keep them, add
            Quire to your Home Screen, or export your reading data from Settings now and then.
          </p>
          <button type="button" class="button" onClick={() => setSafariOpen(false)}>
            OK
          </button>
        </section>
      )}
      {pasteOpen && (
        <section class="library-note" aria-label="Reading from Safari">
          <p>
            Read in Safari before? This app keeps its own data. In Safari, open Quire, choose Settings, then “Copy my reading”, and
            come back here.
          </p>
          <div class="library-note__actions">
            <button type="button" class="button primary" onClick={() => void pasteFromSafari()}>
              Paste reading from Safari
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                markSeen(PASTE_OFFER);
                setPasteOpen(false);
              }}
            >
              No thanks
            </button>
          </div>
          <p role="status">{message}</p>
          {pasteBox && <PasteReading store={store} onImported={imported} label="Paste the code from Safari" />}
        </section>
      )}
      {due.reminder && (
        <section class="library-note" aria-label="Export reminder">
          <p>
            It’s been over 30 days since your reading data was last exported, and this browser may clear it when space runs low.
            Export a copy to keep your places safe.
          </p>
          <div class="library-note__actions">
            <button
              type="button"
              class="button"
              onClick={() =>
                void downloadExport(store, actions.flush).then(
                  () => due.setReminder(false),
                  () => setReminderMessage('Quire couldn’t read your reading data to export it. Nothing was changed.'),
                )
              }
            >
              Export reading data
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                markSeenAt(REMINDER, Date.now());
                due.setReminder(false);
              }}
            >
              Not now
            </button>
          </div>
          <p role="status">{reminderMessage}</p>
        </section>
      )}
    </>
  );
}
