/** The parts of the Web Speech API and the clock that read-aloud uses, so the logic runs on fakes too. See ./README.md. */

/** What read-aloud reads of a `SpeechSynthesisVoice`. */
export interface VoiceLike {
  voiceURI: string;
  name: string;
  lang: string;
  localService: boolean;
  /** Never trusted: Safari says true for every voice. */
  default?: boolean;
}

/** An utterance's error event, as far as read-aloud reads it. */
export interface UtteranceErrorLike {
  error: string;
}

/** A boundary event: where in the utterance's text the voice is. */
export interface UtteranceBoundaryLike {
  charIndex: number;
  name?: string;
}

/** What read-aloud sets on a `SpeechSynthesisUtterance`. */
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onstart: ((event: unknown) => void) | null;
  onend: ((event: unknown) => void) | null;
  onerror: ((event: UtteranceErrorLike) => void) | null;
  onboundary: ((event: UtteranceBoundaryLike) => void) | null;
}

/** The parts of `speechSynthesis` read-aloud calls. Pause and resume are not used: they are unreliable in Chrome and Android. */
export interface SynthesisLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): readonly VoiceLike[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

/** Timers and the time, injectable so the sleep timer and watchdogs are tested without waiting. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's clock. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A sentence to speak: where it is in the work, and its text (the source's, exactly). */
export interface SpokenSentence {
  sectionId: string;
  block: number;
  /** [start, end) in UTF-16 code units of the block's text. */
  start: number;
  end: number;
  text: string;
}

/** Where to start reading: a character of the work. */
export interface SpeechPlace {
  sectionId: string;
  block: number;
  offset: number;
}

/** The sentences of the work in reading order, across sections (which load on demand). */
export interface SentenceSource {
  /** The sentence holding a place, or the first one after it; null past the work's end. */
  at(place: SpeechPlace): Promise<SpokenSentence | null>;
  /** The sentence after one, crossing into the next section; null at the work's end. */
  after(sentence: SpokenSentence): Promise<SpokenSentence | null>;
  /** The sentence before one, crossing into the previous section; null at the work's start. */
  before(sentence: SpokenSentence): Promise<SpokenSentence | null>;
}
