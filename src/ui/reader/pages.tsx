/**
 * The reader's viewport and its two page elements: the one shown (`article.reader-content`, the
 * content the paginator lays out and everything else draws on) and a hidden one holding the
 * staged window (the next section's start, the window before, or the previous section's end),
 * laid out in idle time, so the turn into it shows a page already laid out. Which is which
 * follows `arrange` (./slots.ts).
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ReaderModel } from '../../reader/contract';
import type { Locator } from '../../reader/locator';
import type { Paginator } from '../../reader/paginator';
import { SectionView, type Highlight } from '../section-view';
import { sameWindow } from '../../reader/window';
import { arrange, NO_SLOTS, type Slots } from './slots';

interface Props {
  model: ReaderModel;
  paginator: Paginator;
  viewportRef: RefObject<HTMLDivElement>;
  contentRef: RefObject<HTMLElement>;
  paginated: boolean;
  /** Changes whenever the typography does (a staged page is then laid out again in idle time). */
  layoutKey: string;
  smart: boolean;
  label: string;
  locator: Locator | null;
  highlight: (Highlight & { sectionId: string }) | null;
  onPointerDown: (event: PointerEvent) => void;
  onPointerUp: (event: PointerEvent) => void;
  onScroll: () => void;
  /** After the text, inside the viewport (scrolling: the way to the next section). */
  children?: ComponentChildren;
}

export function ReaderPages(props: Props) {
  const { model, paginator, contentRef, paginated, layoutKey } = props;
  const section = model.section.value;
  const shown = model.window.value;
  const staged = model.staged.value;
  const layouts = model.layouts.value;
  const slots = useRef<Slots>(NO_SLOTS);
  slots.current = arrange(slots.current, section && shown ? { section, window: shown } : null, paginated ? staged : null);
  const { held, shown: front } = slots.current;
  const back = front === 0 ? 1 : 0;
  const els = useRef<[HTMLElement | null, HTMLElement | null]>([null, null]);
  const refs = useRef([(el: HTMLElement | null) => void (els.current[0] = el), (el: HTMLElement | null) => void (els.current[1] = el)] as const);
  // The content is the element shown, before the reader's own layout effect (a parent's) lays it
  // out: set while rendering when the element exists (a swap), else once it is mounted.
  const content = contentRef as { current: HTMLElement | null };
  if (els.current[front]) content.current = els.current[front];
  useLayoutEffect(() => {
    content.current = els.current[front];
  });

  // A window newly staged is laid out at once: it was staged in idle time, and this is still that task.
  // What the hidden element holds otherwise (the window just left) is laid out only if it is set aside.
  const stagedNow = held[back] !== null && sameWindow(held[back], staged) ? held[back] : null;
  useLayoutEffect(() => {
    const el = els.current[back];
    if (el && stagedNow && paginated) paginator.stage(el);
  }, [stagedNow, back, paginated, paginator]);

  // New typography: the hidden page is set aside (not laid out in the frame in flight) and, when
  // staged, laid out again in idle time; a new size or layout: laid out again (to it) in idle time.
  const typography = useRef(layoutKey);
  useLayoutEffect(() => {
    const el = els.current[back];
    if (!el || !paginated) return undefined;
    if (typography.current !== layoutKey) el.style.display = 'none';
    typography.current = layoutKey;
    if (!stagedNow || typeof requestIdleCallback !== 'function') return undefined;
    const idle = requestIdleCallback(() => paginator.stage(el), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [layoutKey, layouts, back, stagedNow, paginated, paginator]);

  return (
    <div class="reader-viewport" ref={props.viewportRef} tabIndex={paginated ? -1 : 0} onPointerDown={props.onPointerDown} onPointerUp={props.onPointerUp} onScroll={props.onScroll}>
      {held.map((slot, i) => {
        const on = i === front;
        return (
          <article
            key={i}
            ref={refs.current[i]}
            class={on ? 'reader-text reader-content' : 'reader-text reader-stage'}
            lang="en"
            aria-label={props.label}
            aria-hidden={on ? undefined : 'true'}
            // The reader's place, for tools and tests to read (never read back by the app).
            data-place-section={on ? props.locator?.sectionId : undefined}
            data-place-block={on ? props.locator?.block : undefined}
            data-place-offset={on ? props.locator?.offset : undefined}
          >
            {slot && (on || paginated) && <SectionView section={slot.section} range={slot.window} smart={props.smart} highlight={props.highlight?.sectionId === slot.section.id ? props.highlight : null} named={on} />}
          </article>
        );
      })}
      {props.children}
    </div>
  );
}
