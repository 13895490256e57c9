/** Binds a reader model to the page: the model (once per work), the paginator on the rendered elements, re-layout on resize and fonts, keys and taps. */
import { computed } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { loadSection } from '../../content/catalogue';
import { afterPaint } from '../../device/idle';
import type { WorkInfo } from '../../content/types';
import { classifyKey, classifyTap, type ReaderAction } from '../../reader/input';
import type { Target } from '../../reader/locator';
import { createReaderModel } from '../../reader/model';
import { Paginator } from '../../reader/paginator';
import type { Settings } from '../../settings/types';
import { useAppState } from '../../state/app-state';

interface Options {
  work: WorkInfo;
  /** Open here instead of the saved place (a search hit chosen in the library). */
  startAt: Target | undefined;
  settings: Settings;
  /** What a key or a tap does (the latest one given is used). */
  act: (action: ReaderAction) => void;
  /** True while a panel of the reader is open: its keys come first. */
  panelOpen: boolean;
}

/** Everything in the settings that changes the text's layout (not its colours). */
export const layoutKeyOf = (s: Settings): string => [s.font, s.fontSize, s.lineHeight, s.measure, s.justify, s.paragraphs, s.smartPunctuation].join('|');

/** Elements that keep their keys: the reader's keys do nothing while the focus is in one. */
const OWN_KEYS = 'dialog, input, textarea, select, [contenteditable="true"]';

export function useReader({ work, startAt, settings, act, panelOpen }: Options) {
  const app = useAppState();
  const viewportRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLElement>(null);
  const [paginator] = useState(() => new Paginator());
  const [model] = useState(() =>
    createReaderModel({
      work,
      loadSection,
      port: paginator,
      mode: computed(() => app.settings.settings.value.mode),
      // The app's positions are the one source of truth: a newer one (an import, another tab) moves the reader.
      known: computed(() => app.positions.value[work.id]),
      startAt,
      save: app.actions.savePosition,
      onPageRead: (words, shownAt) => app.actions.pageRead(work.id, words, shownAt),
    }),
  );
  useEffect(() => () => model.dispose(), [model]);

  // Every new window, mode, column or typography change: lay out again before paint.
  const section = model.section.value;
  const shown = model.window.value;
  const { mode, columns } = settings;
  const layoutKey = layoutKeyOf(settings);
  // New type or columns: the window is cut to two pages past the place first (model.relayout's `cut`).
  const typeKey = `${columns}|${layoutKey}`;
  const typeset = useRef(typeKey);
  useLayoutEffect(() => {
    paginator.attach(viewportRef.current, contentRef.current);
    paginator.setColumns(columns);
    const cut = typeset.current !== typeKey;
    typeset.current = typeKey;
    model.relayout({ cut });
  }, [model, paginator, section, shown, mode, columns, layoutKey, typeKey]);

  // Size changes (rotation, resize, panels) and web fonts finishing loading re-lay the page.
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const again = () => model.relayout();
    // Compared with the size the last layout was made for, read in the observer's callback (layout
    // is clean there): reading it here, right after the first page, forced a whole layout again.
    const observer = new ResizeObserver(() => {
      if (paginator.sizeChanged()) again();
    });
    observer.observe(viewport);
    const fonts = document.fonts;
    fonts.addEventListener('loadingdone', again);
    // Fonts that finished before the listener: `ready` is read once the frame is painted, as
    // reading it brings style and layout up to date (a whole layout, when this effect runs
    // before the first page is painted, as it does when the reader renders again before then).
    let live = true;
    const stopWaiting = afterPaint(() => void fonts.ready.then(() => live && again()));
    return () => {
      live = false;
      stopWaiting();
      observer.disconnect();
      fonts.removeEventListener('loadingdone', again);
    };
  }, [model, paginator]);

  // The listener is added once and reads the latest handlers: a key pressed right after a
  // turn must act on the new page, not on the one an older render saw.
  const latest = useRef({ act, panelOpen, mode });
  latest.current = { act, panelOpen, mode };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest(OWN_KEYS) || latest.current.panelOpen || document.querySelector('dialog[open]')) return;
      const onControl = target?.closest('button, a, summary') !== null && target !== document.body;
      const action = classifyKey(event, onControl, latest.current.mode === 'paginated');
      if (!action) return;
      event.preventDefault();
      latest.current.act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const down = useRef<{ x: number; y: number; type: string; selected: boolean } | null>(null);
  const selecting = () => {
    const s = window.getSelection();
    return !!s && !s.isCollapsed && !!contentRef.current?.contains(s.anchorNode);
  };
  const onPointerDown = (event: PointerEvent) => {
    down.current = { x: event.clientX, y: event.clientY, type: event.pointerType, selected: selecting() };
  };
  const onPointerUp = (event: PointerEvent) => {
    const start = down.current;
    down.current = null;
    if (!start || event.button > 0 || (event.target as HTMLElement).closest('a, button, input')) return;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const x = (event.clientX - box.left) / box.width;
    const action = classifyTap({ dx: event.clientX - start.x, dy: event.clientY - start.y, x, pointerType: start.type, paginated: mode === 'paginated', selectedAtStart: start.selected, selectedAtEnd: selecting() });
    if (action) act(action);
  };
  /** The reader scrolled (scroll mode); scrolls the reader made itself are not the reader's move. */
  const onScroll = () => {
    if (mode === 'scroll' && !paginator.isOwnScroll()) model.scrolled();
  };

  return { model, paginator, layoutKey, viewportRef, contentRef, onPointerDown, onPointerUp, onScroll };
}
