/** The device's voices as they arrive (Chrome lists them only after `voiceschanged`), and the one to speak with. See ./README.md. */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Clock, SynthesisLike, VoiceLike } from './types';
import { chooseVoice, voicesFor } from './voices';

/** How long the first voices may take (speech-dispatcher on Linux starts on first use and takes seconds). */
export const VOICE_WAIT_MS = 5_000;

export interface VoiceList {
  /** The voices for the work's language, offline first. */
  voices: ReadonlySignal<VoiceLike[]>;
  /** The voice to speak with, or null. */
  chosen: ReadonlySignal<VoiceLike | null>;
  /** How many voices the device has in all, after waiting for the first to arrive. */
  ready(): Promise<number>;
  /** A voiceURI chosen by the reader (null: the best offline voice). */
  remember(voiceURI: string | null): void;
  dispose(): void;
}

/** Lists the voices of `synth` for `lang`, following `voiceschanged`. Never throws. */
export function createVoiceList(synth: SynthesisLike | null, lang: string, clock: Clock, remembered: string | null, preferred: readonly string[] = []): VoiceList {
  const voices = signal<VoiceLike[]>([]);
  const chosen = signal<VoiceLike | null>(null);
  let all = 0;
  const refresh = (): number => {
    let list: readonly VoiceLike[] = [];
    try {
      list = synth?.getVoices() ?? [];
    } catch {
      // No voices to list is what the reader is told about.
    }
    all = list.length;
    voices.value = voicesFor(list, lang);
    chosen.value = chooseVoice(list, lang, remembered, preferred);
    return all;
  };
  const waiting = new Set<() => void>();
  const onChange = () => {
    refresh();
    for (const wake of [...waiting]) wake();
  };
  try {
    synth?.addEventListener?.('voiceschanged', onChange);
  } catch {
    // Without the event, voices are read again at each start.
  }
  refresh();
  return {
    voices,
    chosen,
    ready: () =>
      new Promise((done) => {
        if (refresh() > 0 || !synth) return done(all);
        const finish = () => {
          clock.clearTimeout(timer);
          waiting.delete(finish);
          done(refresh());
        };
        const timer = clock.setTimeout(finish, VOICE_WAIT_MS);
        waiting.add(finish);
      }),
    remember(voiceURI) {
      remembered = voiceURI;
      refresh();
    },
    dispose() {
      try {
        synth?.removeEventListener?.('voiceschanged', onChange);
      } catch {
        // Nothing left to stop.
      }
    },
  };
}
