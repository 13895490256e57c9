/**
 * A read-aloud session for one reader screen, made on the first "Read aloud": the controller
 * and its bridges (follow, relocates, the spoken sentence's highlight, the wake lock, the Media
 * Session). The entry of read aloud's own chunk (./lazy.ts), with the bar. See src/speech/README.md.
 */
import { loadSection } from '../../content/catalogue';
import { sharedWakeLock } from '../../device/wake-lock';
import { bindMediaSession, bindWakeLock, type MediaSessionLike } from '../../speech/bridges';
import { createSpeechController, type SpeechController } from '../../speech/controller';
import { createFollower, MOVES_THAT_RESTART } from '../../speech/follow';
import { createSentenceSource } from '../../speech/source';
import type { SynthesisLike, UtteranceLike } from '../../speech/types';
import { drawSpokenSentence } from './highlight';
import type { ReadAloudOptions } from './use-read-aloud';

export { ReadAloudBar } from '.';

/** The work's language (the reader's article says lang="en"). */
const WORK_LANG = 'en';

/** A made session: `moved` is set when the reader moved while paused (Resume then starts there). */
export interface Session {
  c: SpeechController;
  follower: ReturnType<typeof createFollower>;
  moved: boolean;
  dispose: () => void;
}

function synthesis(): SynthesisLike | null {
  return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance === 'function' ? (speechSynthesis as unknown as SynthesisLike) : null;
}

/** Makes the session; `latest` is read at each use, so it follows the reader screen's newest options. */
export function makeSession(latest: { readonly current: ReadAloudOptions }): Session {
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
  const lock = sharedWakeLock();
  const session = typeof navigator !== 'undefined' ? (navigator.mediaSession as MediaSessionLike | undefined) : undefined;
  const metadata = (init: { title: string; artist: string; album: string }) => (typeof MediaMetadata === 'function' ? new MediaMetadata(init) : init);
  const sectionTitle = (id: string) => work.sections.find((s) => s.id === id)?.title ?? '';
  const record: Session = { c, follower, moved: false, dispose: () => undefined };
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
  };
  return record;
}
