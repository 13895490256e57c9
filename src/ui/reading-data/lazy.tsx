/** The library's notes (with the paste and export they offer) from their own chunk: drawn below the shelf, a moment later. */
import { lazy } from '../lazy';
import './style.css';

/** `<LibraryNotes />`, as in ./library-notes.tsx. */
export const LibraryNotes = lazy<Record<string, never>>(() => import('./library-notes').then((m) => m.LibraryNotes));
