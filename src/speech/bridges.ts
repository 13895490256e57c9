/** Read-aloud's bridges to the device: the screen wake lock and the Media Session (lock screen, headphones). See ./README.md. */
import { effect, type ReadonlySignal } from '@preact/signals';
import type { SpeechController, SpeechState } from './controller';

/** The part of the shared wake lock (src/device/wake-lock.ts) read-aloud uses. */
export interface WakeHolder {
  hold(reason: 'speech'): void;
  release(reason: 'speech'): void;
}

/** Holds the screen on while speaking; releases it on pause, stop, an error, and on dispose. Returns dispose. */
export function bindWakeLock(state: ReadonlySignal<SpeechState>, lock: WakeHolder): () => void {
  const stop = effect(() => {
    try {
      if (state.value.status === 'speaking') lock.hold('speech');
      else lock.release('speech');
    } catch {
      // A wake lock that throws only means the screen may dim.
    }
  });
  return () => {
    stop();
    try {
      lock.release('speech');
    } catch {
      // As above.
    }
  };
}

/** The parts of `navigator.mediaSession` used. */
export interface MediaSessionLike {
  metadata: unknown;
  playbackState: 'none' | 'paused' | 'playing';
  setActionHandler(action: 'play' | 'pause' | 'previoustrack' | 'nexttrack' | 'stop', handler: (() => void) | null): void;
}

/** What the lock screen shows: the work's title, the section read from. */
export interface MediaInfo {
  workTitle: string;
  sectionTitle(sectionId: string): string;
}

const ACTIONS = ['play', 'pause', 'previoustrack', 'nexttrack', 'stop'] as const;

/**
 * Mirrors read-aloud in the Media Session: metadata (work title, section), playing or paused,
 * and play / pause / previous and next track (as sentences) / stop from headphones and the lock
 * screen. `makeMetadata` is `(init) => new MediaMetadata(init)`. Returns dispose.
 */
export function bindMediaSession(
  controller: Pick<SpeechController, 'state' | 'pause' | 'resume' | 'next' | 'previous' | 'stop'>,
  session: MediaSessionLike | undefined,
  makeMetadata: (init: { title: string; artist: string; album: string }) => unknown,
  info: MediaInfo,
): () => void {
  if (!session) return () => undefined;
  const handlers: Record<(typeof ACTIONS)[number], () => void> = {
    play: () => void controller.resume(),
    pause: () => controller.pause(),
    previoustrack: () => void controller.previous(),
    nexttrack: () => void controller.next(),
    stop: () => controller.stop(),
  };
  const attach = (on: boolean) => {
    for (const action of ACTIONS) {
      try {
        session.setActionHandler(action, on ? handlers[action] : null);
      } catch {
        // This browser does not know the action: the others still work.
      }
    }
  };
  let shownSection: string | null = null;
  let attached = false;
  const stop = effect(() => {
    const { status, sentence } = controller.state.value;
    try {
      if (status === 'idle') {
        if (attached) attach(false);
        attached = false;
        shownSection = null;
        session.metadata = null;
        session.playbackState = 'none';
        return;
      }
      if (!attached) attach(true);
      attached = true;
      if (sentence && sentence.sectionId !== shownSection) {
        shownSection = sentence.sectionId;
        session.metadata = makeMetadata({ title: info.workTitle, artist: info.sectionTitle(sentence.sectionId), album: 'Read aloud' });
      }
      session.playbackState = status === 'speaking' ? 'playing' : 'paused';
    } catch {
      // A Media Session that throws only loses the lock-screen controls.
    }
  });
  return () => {
    stop();
    try {
      attach(false);
      session.metadata = null;
      session.playbackState = 'none';
    } catch {
      // As above.
    }
  };
}
