/**
 * Read aloud in the reader: makes the controller on first use, wires it to the reader model
 * (follow, relocates, the highlight), the wake lock, the Media Session and the settings.
 * Leaving the reader (unmounting) stops it. See src/speech/README.md.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSection } from '../../content/catalogue';
import type { WorkInfo } from '../../content/types';
import type { Settings } from '../../settings/types';
import { bindMediaSession, bindWakeLock, type MediaSessionLike } from '../../speech/bridges';
import { createSpeechController, type SpeechController } from '../../speech/controller';
import { createFollower, MOVES_THAT_RESTART, type ReaderPort } from '../../speech/follow';
import { createSentenceSource } from '../../speech/source';
import type { SpeechPlace, SynthesisLike, UtteranceLike } from '../../speech/types';
import { createWakeLock } from '../../speech/wake-lock-local';
import { drawSpokenSentence, type RangeFor } from './highlight';

/** The work's language (the reader's article says lang="en"). */
const WORK_LANG = 'en';

export interface ReadAloudOptions {
  work: WorkInfo;
  reader: ReaderPort;
  contentRef: RefObject<HTMLElement>;
  settings: { settings: { peek(): Settings }; set(next: Settings): void };
  /** The marked search hit, if any: reading starts at its sentence. */
  hit?: SpeechPlace | null;
  rangeFor: RangeFor;
  placeAt: (node: Node, offset: number) => { block: number; offset: number } | null;
}

/** What the reader screen gets: the controller once made, and the actions its button, key and bar use. */
export interface ReadAloud {
  controller: SpeechController | null;
  /** Starts from the selection, the search hit, or the first character on screen. */
  start(): void;
  /** The key: start when idle, else pause or resume. */
  toggle(): void;
  /** Resume: from the same sentence, or from the new place if the reader moved while paused. */
  resume(): void;
  setRate(rate: number): void;
  setVoice(voiceURI: string | null): void;
}

function synthesis(): SynthesisLike | null {
  return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance === 'function' ? (speechSynthesis as unknown as SynthesisLike) : null;
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
  const made = useRef<{ c: SpeechController; follower: ReturnType<typeof createFollower>; moved: boolean; dispose: () => void } | null>(null);

  /** The controller and its bridges, made on the first "Read aloud" (listing voices can start a speech service). */
  const ensure = () => {
    if (made.current) return made.current;
    const { work, reader, settings } = latest.current;
    const follower = createFollower(reader);
    const stored = settings.settings.peek();
    const c = createSpeechController({
      synth: synthesis(),
      makeUtterance: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
      source: createSentenceSource({ sectionIds: work.sections.map((s) => s.id), load: (id) => loadSection(work.id, id) }),
      lang: WORK_LANG,
      voice: stored.voice,
      rate: stored.speechRate,
      preferredLangs: typeof navigator !== 'undefined' ? navigator.languages : [],
      onSentence: (s) => follower.sentence(s),
      onWord: (s, offset) => follower.word(s, offset),
    });
    const lock = createWakeLock();
    const session = typeof navigator !== 'undefined' ? (navigator.mediaSession as MediaSessionLike | undefined) : undefined;
    const metadata = (init: { title: string; artist: string; album: string }) => (typeof MediaMetadata === 'function' ? new MediaMetadata(init) : init);
    const sectionTitle = (id: string) => work.sections.find((s) => s.id === id)?.title ?? '';
    const record = { c, follower, moved: false, dispose: () => undefined };
    // A turn, a jump, Back or an adopted place while speaking: read on from there; while paused: resume from there.
    const offRelocate = reader.onRelocate((e) => {
      if (!MOVES_THAT_RESTART.has(e.reason)) return;
      const status = c.state.peek().status;
      if (status === 'speaking') {
        follower.begin(e.locator);
        void c.start(e.locator);
      } else if (status === 'paused') record.moved = true;
    });
    const unbind = [
      bindWakeLock(c.state, lock),
      bindMediaSession(c, session, metadata, { workTitle: work.meta.addedByApp.displayTitle, sectionTitle }),
      drawSpokenSentence(c.state, reader, () => latest.current.contentRef.current, (...args) => latest.current.rangeFor(...args)),
      offRelocate,
    ];
    record.dispose = () => {
      c.dispose();
      for (const off of unbind) off();
      lock.dispose();
    };
    made.current = record;
    setController(c);
    return record;
  };

  useEffect(() => () => made.current?.dispose(), []);

  const start = () => {
    const record = ensure();
    const { c, follower } = record;
    const place = startPlace(latest.current);
    if (!place) return;
    record.moved = false;
    follower.begin(place);
    void c.start(place);
  };
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
    start,
    resume,
    toggle() {
      const status = made.current?.c.state.peek().status ?? 'idle';
      if (status === 'idle') start();
      else if (status === 'speaking') made.current?.c.pause();
      else resume();
    },
    setRate(rate) {
      const c = ensure().c;
      c.setRate(rate);
      save({ speechRate: c.state.peek().rate });
    },
    setVoice(voiceURI) {
      ensure().c.setVoice(voiceURI);
      save({ voice: voiceURI });
    },
  };
}
