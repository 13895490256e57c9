/** The end page from its own chunk: it shows once per work at most. */
import { lazy } from '../lazy';
import './style.css';

export const EndPage = lazy(() => import('./index').then((m) => m.EndPage));
