/**
 * Keys and taps to reader actions, as pure functions. The reader screen maps each action to
 * what it does; to add a key, add it here (and its action, if new) and handle the action there.
 */

/** What a key or a tap asks the reader to do. */
export type ReaderAction = 'next' | 'prev' | 'library' | 'controls' | 'bookmark' | 'readAloud' | 'help';

/** The parts of a KeyboardEvent the map reads. */
export interface KeyInput {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Keys that act wherever the focus is on the reader's page (not in a field or a panel). */
const KEYS: Readonly<Record<string, ReaderAction>> = {
  ArrowRight: 'next',
  PageDown: 'next',
  // Bluetooth page turners and media remotes send these too.
  MediaTrackNext: 'next',
  ArrowLeft: 'prev',
  PageUp: 'prev',
  MediaTrackPrevious: 'prev',
  '?': 'help',
  Escape: 'library',
  m: 'controls',
  b: 'bookmark',
  B: 'bookmark',
  r: 'readAloud',
  R: 'readAloud',
};

/** Keys that a focused control (button, link) uses itself: they act only when none has the focus. */
const OFF_CONTROL_KEYS: Readonly<Record<string, (shift: boolean) => ReaderAction>> = {
  ' ': (shift) => (shift ? 'prev' : 'next'),
  // Page turners send Enter for "next"; the controls stay on m and a tap in the middle.
  Enter: () => 'next',
};

/** Up and down turn only in paginated mode: when scrolling they scroll, as the browser does. */
const PAGINATED_KEYS: Readonly<Record<string, ReaderAction>> = { ArrowDown: 'next', ArrowUp: 'prev' };

/**
 * The action for a key press, or null; `onControl`: the focus is on a button, link or summary.
 * The "Keyboard shortcuts" sheet is generated from this function (src/ui/keyboard-help).
 */
export function classifyKey(e: KeyInput, onControl: boolean, paginated = true): ReaderAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  // Shift with an arrow extends a selection: it never turns the page.
  if (e.shiftKey && e.key.startsWith('Arrow')) return null;
  const offControl = OFF_CONTROL_KEYS[e.key];
  if (offControl) return onControl ? null : offControl(e.shiftKey);
  return KEYS[e.key] ?? (paginated ? PAGINATED_KEYS[e.key] : undefined) ?? null;
}

/** A pointer press and release on the page. */
export interface TapInput {
  /** Movement from press to release, in CSS px. */
  dx: number;
  dy: number;
  /** Where the release was across the page, 0 (left edge) to 1 (right edge). */
  x: number;
  pointerType: string;
  paginated: boolean;
  /** Text was selected when the press began, or is when it ends (a selection made, moved or tapped away). */
  selectedAtStart?: boolean;
  selectedAtEnd?: boolean;
}

/** Taps: the left and right edges turn, the middle shows or hides the controls; swipes turn (touch and pen only). */
export function classifyTap(t: TapInput): ReaderAction | null {
  // A selection never turns the page (foliate-js #86: dragging a handle turned it on iOS): a
  // gesture that starts on a selection or ends one does nothing else.
  if (t.selectedAtStart || t.selectedAtEnd) return null;
  if (t.pointerType !== 'mouse' && Math.abs(t.dx) > 48 && Math.abs(t.dx) > 1.5 * Math.abs(t.dy)) {
    return t.paginated ? (t.dx < 0 ? 'next' : 'prev') : null;
  }
  if (Math.abs(t.dx) > 8 || Math.abs(t.dy) > 8) return null;
  if (t.paginated && t.x < 0.3) return 'prev';
  if (t.paginated && t.x > 0.7) return 'next';
  return 'controls';
}
