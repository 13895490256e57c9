/** The settings panel (with offline storage and reading data) from its own chunk: no first screen draws it. */
import { lazy } from '../lazy';
import { pendingPanel } from '../panel/pending';
import './style.css';
import '../keep-screen-on/style.css';
import '../reading-data/style.css';
import '../install/style.css';

/** `<AppSettings onClose>`, as in ./app-settings.tsx. */
export const AppSettings = lazy<{ onClose: () => void }>(
  () => import('./app-settings').then((m) => m.AppSettings),
  pendingPanel({ title: 'Settings', clear: true }),
);
