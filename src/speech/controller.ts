/**
 * Read-aloud as a state machine over an injected speech synthesis and clock: one utterance
 * per sentence, only the next one queued; pause, resume, previous, next, stop, rate, voice,
 * sleep timer. Errors stop it with a message and the place kept; no action throws. See ./README.md.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { END_OF_WORK, LOAD_FAILED, messageForError, NEVER_STARTED, NO_SYNTHESIS, NO_VOICES, NOTHING_TO_READ, noVoiceFor } from './messages';
import { realClock, type Clock, type SentenceSource, type SpeechPlace, type SpokenSentence, type SynthesisLike, type UtteranceLike, type VoiceLike } from './types';
import { createVoiceList } from './voice-list';

export type SpeechStatus = 'idle' | 'speaking' | 'paused';
/** Sleep timer: off, at the end of the section, or after so many minutes. */
export type SleepChoice = 'off' | 'section' | 15 | 30 | 60;
export const SLEEP_CHOICES: readonly SleepChoice[] = ['off', 'section', 15, 30, 60];

export interface SpeechState {
  status: SpeechStatus;
  /** The sentence being spoken, or to be spoken on resume; the last one spoken when idle. */
  sentence: SpokenSentence | null;
  /** Why reading stopped, when it did not stop by request. */
  message: string | null;
  rate: number;
  sleep: SleepChoice;
  /** When a timed sleep ends (clock ms), else null. */
  sleepEndsAt: number | null;
}

export interface ControllerOptions {
  /** `speechSynthesis`, or null when the browser has none. */
  synth: SynthesisLike | null;
  makeUtterance: (text: string) => UtteranceLike;
  source: SentenceSource;
  clock?: Clock;
  /** The work's language. */
  lang: string;
  /** The remembered voiceURI (settings), or null. */
  voice: string | null;
  rate: number;
  /** The reader's languages (navigator.languages), to prefer a voice of their region. */
  preferredLangs?: readonly string[];
  /** A sentence started being spoken: mark it, move the reader's place to it. */
  onSentence?: (sentence: SpokenSentence) => void;
  /** The voice reached a word: its offset in the block's text. */
  onWord?: (sentence: SpokenSentence, offset: number) => void;
}

export interface SpeechController {
  state: ReadonlySignal<SpeechState>;
  /** The device's voices for the work's language (offline first). */
  voices: ReadonlySignal<VoiceLike[]>;
  /** The voice spoken with (or to be), null until voices are known. */
  voice: ReadonlySignal<VoiceLike | null>;
  start(place: SpeechPlace): Promise<void>;
  pause(): void;
  resume(): Promise<void>;
  next(): Promise<void>;
  previous(): Promise<void>;
  stop(): void;
  setRate(rate: number): void;
  setVoice(voiceURI: string | null): void;
  setSleep(choice: SleepChoice): void;
  /** Forgets the message (the reader read it). */
  dismiss(): void;
  dispose(): void;
}

/** An utterance that has not started after this long never will (a silent engine). */
export const START_TIMEOUT_MS = 10_000;

const clampRate = (rate: number): number => (Number.isFinite(rate) ? Math.min(3, Math.max(0.5, rate)) : 1);

/** Creates the controller; it does nothing until `start`. */
export function createSpeechController(options: ControllerOptions): SpeechController {
  const { synth, source, lang } = options;
  const clock = options.clock ?? realClock;
  const state = signal<SpeechState>({ status: 'idle', sentence: null, message: null, rate: clampRate(options.rate), sleep: 'off', sleepEndsAt: null });
  const list = createVoiceList(synth, lang, clock, options.voice, options.preferredLangs);
  // Every cancel starts a new generation: events of older utterances are ignored.
  let gen = 0;
  let queued: { sentence: SpokenSentence; gen: number } | null = null;
  let upcoming: Promise<SpokenSentence | null> | null = null;
  let watchdog: unknown;
  let sleepTimer: unknown;
  let sleepDue = false;
  // After a sleep pause the finished sentence is not said again: resume goes on after it.
  let resumeAfter = false;

  const set = (patch: Partial<SpeechState>): void => {
    state.value = { ...state.value, ...patch };
  };
  const safely = (run: () => void) => {
    try {
      run();
    } catch {
      // A synthesis that throws has nothing more to say; the caller's state already says what happened.
    }
  };
  const silence = () => {
    gen++;
    queued = null;
    upcoming = null;
    clock.clearTimeout(watchdog);
    safely(() => synth?.cancel());
  };
  const halt = (message: string | null) => {
    silence();
    set({ status: 'idle', message });
  };
  const clearSleep = () => {
    clock.clearTimeout(sleepTimer);
    sleepDue = false;
    set({ sleep: 'off', sleepEndsAt: null });
  };

  const utter = (sentence: SpokenSentence, g: number): void => {
    const u = options.makeUtterance(sentence.text);
    const voice = list.chosen.value;
    u.lang = voice?.lang ?? lang;
    u.voice = voice;
    u.rate = state.value.rate;
    u.onstart = () => g === gen && started(sentence, g);
    u.onend = () => g === gen && ended(sentence, g);
    u.onerror = (e) => g === gen && halt(messageForError(String(e?.error ?? '')));
    u.onboundary = (e) => {
      if (g === gen && state.value.sentence === sentence && typeof e?.charIndex === 'number') options.onWord?.(sentence, sentence.start + e.charIndex);
    };
    try {
      synth?.speak(u);
    } catch {
      halt(messageForError('synthesis-failed'));
    }
  };

  /** Speaks `sentence` now, dropping anything queued. */
  const speakFrom = (sentence: SpokenSentence) => {
    silence();
    const g = gen;
    resumeAfter = false;
    set({ status: 'speaking', sentence, message: null });
    watchdog = clock.setTimeout(() => g === gen && halt(NEVER_STARTED), START_TIMEOUT_MS);
    utter(sentence, g);
  };

  function started(sentence: SpokenSentence, g: number): void {
    clock.clearTimeout(watchdog);
    if (queued?.sentence === sentence) queued = null;
    set({ status: 'speaking', sentence });
    options.onSentence?.(sentence);
    // Queue the next one now, so the voice goes on without a gap.
    const next = source.after(sentence);
    upcoming = next;
    next.then(
      (n) => {
        if (g !== gen || !n || upcoming !== next || state.value.sentence !== sentence) return;
        if (sleepDue || (state.value.sleep === 'section' && n.sectionId !== sentence.sectionId)) return;
        queued = { sentence: n, gen: g };
        utter(n, g);
      },
      () => undefined,
    );
  }

  function ended(sentence: SpokenSentence, g: number): void {
    if (state.value.sentence !== sentence) return;
    if (sleepDue) return sleepPause();
    const expectStart = () => (watchdog = clock.setTimeout(() => g === gen && halt(NEVER_STARTED), START_TIMEOUT_MS));
    // The next utterance is already in the synthesis queue: it starts by itself.
    if (queued) return void expectStart();
    void (upcoming ?? source.after(sentence)).then(
      (n) => {
        if (g !== gen || state.value.status !== 'speaking') return;
        if (queued) return void expectStart();
        if (!n) return halt(END_OF_WORK);
        if (sleepDue || (state.value.sleep === 'section' && n.sectionId !== sentence.sectionId)) return sleepPause();
        speakFrom(n);
      },
      () => g === gen && halt(LOAD_FAILED),
    );
  }

  /** The sleep timer ran out (or the section ended): stop after the sentence just spoken. */
  function sleepPause(): void {
    silence();
    clearSleep();
    resumeAfter = true;
    set({ status: 'paused' });
  }

  const guard =
    <A extends unknown[]>(run: (...args: A) => Promise<void> | void) =>
    async (...args: A): Promise<void> => {
      try {
        await run(...args);
      } catch {
        halt(LOAD_FAILED);
      }
    };

  const move = guard(async (direction: 1 | -1) => {
    const from = state.value.sentence;
    if (!from) return;
    const paused = state.value.status !== 'speaking';
    const g = ++gen;
    const to = direction > 0 ? await source.after(from) : await source.before(from);
    if (g !== gen || !to) return;
    if (paused) {
      resumeAfter = false;
      set({ sentence: to });
      options.onSentence?.(to);
    } else speakFrom(to);
  });

  return {
    state,
    voices: list.voices,
    voice: list.chosen,
    start: guard(async (place: SpeechPlace) => {
      silence();
      const g = gen;
      if (!synth) return set({ status: 'idle', message: NO_SYNTHESIS });
      const count = await list.ready();
      if (g !== gen) return;
      if (count === 0) return set({ status: 'idle', message: NO_VOICES });
      if (!list.chosen.value) return set({ status: 'idle', message: noVoiceFor(lang) });
      const sentence = await source.at(place);
      if (g !== gen) return;
      if (!sentence) return set({ status: 'idle', message: NOTHING_TO_READ });
      speakFrom(sentence);
    }),
    pause() {
      if (state.value.status !== 'speaking') return;
      // Cancel, not speechSynthesis.pause(): Chrome's resume often never comes, Android cancels anyway.
      silence();
      set({ status: 'paused' });
    },
    resume: guard(async () => {
      const at = state.value.sentence;
      if (state.value.status === 'speaking' || !at) return;
      if (!resumeAfter) return speakFrom(at);
      const g = ++gen;
      const n = await source.after(at);
      if (g !== gen) return;
      if (n) speakFrom(n);
      else halt(END_OF_WORK);
    }),
    next: () => move(1),
    previous: () => move(-1),
    stop() {
      halt(null);
    },
    setRate(rate) {
      set({ rate: clampRate(rate) });
      // An utterance's rate is fixed once spoken: say the sentence again at the new rate.
      const at = state.value.sentence;
      if (state.value.status === 'speaking' && at) speakFrom(at);
    },
    setVoice(voiceURI) {
      list.remember(voiceURI);
      const at = state.value.sentence;
      if (state.value.status === 'speaking' && at) speakFrom(at);
    },
    setSleep(choice) {
      clock.clearTimeout(sleepTimer);
      sleepDue = false;
      if (typeof choice !== 'number') return void set({ sleep: choice, sleepEndsAt: null });
      const ms = choice * 60_000;
      set({ sleep: choice, sleepEndsAt: clock.now() + ms });
      sleepTimer = clock.setTimeout(() => {
        if (state.value.status === 'speaking') sleepDue = true;
        else clearSleep();
      }, ms);
    },
    dismiss() {
      set({ message: null });
    },
    dispose() {
      clock.clearTimeout(sleepTimer);
      halt(null);
      list.dispose();
    },
  };
}
