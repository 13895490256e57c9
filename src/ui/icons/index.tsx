/** Small line icons for the reader's tools, drawn inline (no icon font, nothing fetched). Always beside a text label. */
import './style.css';

const PATHS = {
  contents: 'M4 6h16M4 12h16M4 18h10',
  search: 'M10.5 17a6.5 6.5 0 1 1 0-13 6.5 6.5 0 0 1 0 13zM15.5 15.5 20 20',
  bookmark: 'M6 3h12v18l-6-4.5L6 21z',
  bookmarks: 'M3 6h9M3 12h9M3 18h6M15 4h6v16l-3-2.5-3 2.5z',
  settings: 'M4 19 9 5h1l5 14M6 14h7M15 19l2.5-7h1L21 19M16 16.5h4',
  scroll: 'M12 3v18M7 8l5-5 5 5M7 16l5 5 5-5',
  notes: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4M12 20h8',
  speak: 'M4 9.5h3.5L12 5v14l-4.5-4.5H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11',
} as const;

export type IconName = keyof typeof PATHS;

/** A decorative icon: hidden from assistive technology, since its button has a text name. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
