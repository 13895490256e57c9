/**
 * Read aloud in the reader: the button's and the key's actions, at once. The session (the
 * controller, wired to the reader model, the wake lock, the Media Session and the settings) is
 * made on first use from read aloud's own chunk (./lazy.ts): at once when the chunk is in (the
 * idle preload), else as soon as it arrives. Leaving the reader (unmounting) stops it. See
 * src/speech/README.md.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WorkInfo } from '../../content/types';
import { afterPaint } from '../../device/idle';
import type { Settings } from '../../settings/types';
import type { SpeechController } from '../../speech/controller';
import type { ReaderPort } from '../../speech/follow';
import type { SpeechPlace } from '../../speech/types';
import type { RangeFor } from './highlight';
import { loadSession, sessionModule } from './lazy';
import type { Session } from './session';

export interface ReadAloudOptions {
  work: WorkInfo;
  reader: ReaderPort;
  contentRef: RefObject<HTMLElement>;
  settings: { settings: { peek(): Settings }; set(next: Settings): void };
  /** The marked search hit, if any: reading starts at its sentence. */
  hit?: SpeechPlace | null;
  rangeFor: RangeFor;
  placeAt: (node: Node, offset: number) => { block: number; offset: number } | null;
  /** True once the first page is shown: the chunk is then fetched, after that paint, not at the first press. */
  pageShown: boolean;
}

/** What the reader screen gets: the controller once made, and the actions its button, key and bar use. */
export interface ReadAloud {
  controller: SpeechController | null;
  /** Why read aloud could not start (its chunk failed to load), or null. */
  unavailable: string | null;
  /** Starts from the selection, the search hit, or the first character on screen. */
  start(): void;
  /** The key: start when idle, else pause or resume. */
  toggle(): void;
  /** Resume: from the same sentence, or from the new place if the reader moved while paused. */
  resume(): void;
  setRate(rate: number): void;
  setVoice(voiceURI: string | null): void;
}

/** The place reading starts from: a selection in the text, else the marked search hit, else the first character on screen. */
function startPlace(options: ReadAloudOptions): SpeechPlace | null {
  const section = options.reader.section.peek();
  const selection = typeof getSelection === 'function' ? getSelection() : null;
  const content = options.contentRef.current;
  if (section && content && selection && selection.rangeCount > 0 && !selection.isCollapsed) {
    const range = selection.getRangeAt(0);
    const at = content.contains(range.startContainer) ? options.placeAt(range.startContainer, range.startOffset) : null;
    if (at) return { sectionId: section.id, ...at };
  }
  if (options.hit && options.hit.sectionId === section?.id) return options.hit;
  const here = options.reader.locator.peek();
  return here ? { sectionId: here.sectionId, block: here.block, offset: here.offset } : null;
}

/** Read aloud for one reader screen. */
export function useReadAloud(options: ReadAloudOptions): ReadAloud {
  const latest = useRef(options);
  latest.current = options;
  const [controller, setController] = useState<SpeechController | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const made = useRef<Session | null>(null);
  const live = useRef(true);

  /** The session, made on first use (listing voices can start a speech service); null while its chunk is on its way. */
  const ensure = (): Session | null => {
    if (made.current) return made.current;
    const chunk = sessionModule();
    if (!chunk) return null;
    made.current = chunk.makeSession(latest);
    setController(made.current.c);
    return made.current;
  };
  /** What to do once the chunk arrives: the last action asked for (a second R before it did cancels the first). */
  const queued = useRef<((record: Session) => void) | null>(null);
  /** Runs `then` with the session: now when its chunk is in, else when it arrives (unless the reader has gone). */
  const withSession = (then: (record: Session) => void) => {
    const record = ensure();
    if (record) return then(record);
    const waiting = queued.current !== null;
    queued.current = then;
    if (waiting) return;
    setUnavailable(null);
    loadSession().then(
      () => {
        const run = queued.current;
        queued.current = null;
        const arrived = run && live.current ? ensure() : null;
        if (run && arrived) run(arrived);
      },
      () => {
        queued.current = null;
        if (live.current) setUnavailable('Read aloud could not be loaded: this device has not kept it yet. Try again once online; the place is unchanged.');
      },
    );
  };

  // Once the first page is painted, the chunk is fetched (a commuter may press Read aloud at once).
  const { pageShown } = options;
  useEffect(() => {
    if (!pageShown || sessionModule()) return undefined;
    return afterPaint(() => void loadSession().catch(() => undefined));
  }, [pageShown]);

  useEffect(
    () => () => {
      live.current = false;
      made.current?.dispose();
    },
    [],
  );

  const start = () =>
    withSession((record) => {
      const { c, follower } = record;
      const place = startPlace(latest.current);
      if (!place) return;
      record.moved = false;
      follower.begin(place);
      void c.start(place);
    });
  const resume = () => {
    const record = made.current;
    if (!record || record.moved) start();
    else void record.c.resume();
  };
  const save = (patch: Partial<Settings>) => {
    const s = latest.current.settings;
    s.set({ ...s.settings.peek(), ...patch });
  };
  return {
    controller,
    unavailable,
    start,
    resume,
    toggle() {
      // Pressed again before the chunk arrived: the start asked for is taken back, as a pause would.
      if (queued.current) return void (queued.current = null);
      const status = made.current?.c.state.peek().status ?? 'idle';
      if (status === 'idle') start();
      else if (status === 'speaking') made.current?.c.pause();
      else resume();
    },
    setRate(rate) {
      withSession(({ c }) => {
        c.setRate(rate);
        save({ speechRate: c.state.peek().rate });
      });
    },
    setVoice(voiceURI) {
      withSession(({ c }) => {
        c.setVoice(voiceURI);
        save({ voice: voiceURI });
      });
    },
  };
}
