/** The reader's keyboard help (opened with ?) from its own chunk. */
import { lazy } from '../lazy';
import { pendingPanel } from '../panel/pending';
import './style.css';

/** `<ReaderKeyboardHelp onClose>`, as in ./reader-help.tsx. */
export const ReaderKeyboardHelp = lazy<{ onClose: () => void }>(
  () => import('./reader-help').then((m) => m.ReaderKeyboardHelp),
  pendingPanel({ title: 'Keyboard shortcuts' }),
);
