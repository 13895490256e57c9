/** The reader's "Keyboard shortcuts" sheet: the sheet over the reader's key map (what ./lazy.tsx loads). */
import { KeyboardHelp } from '.';
import { READER_KEYS } from './reader-keys';

/** The sheet with READER_KEYS. */
export function ReaderKeyboardHelp({ onClose }: { onClose: () => void }) {
  return <KeyboardHelp rows={READER_KEYS} onClose={onClose} />;
}
