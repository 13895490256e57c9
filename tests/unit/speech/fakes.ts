/** Fakes for read-aloud tests: a speech synthesis that behaves like a browser's queue, a manual clock, a small work. */
import type { Section } from '../../../src/content/types';
import { createSentenceSource } from '../../../src/speech/source';
import type { Clock, SynthesisLike, UtteranceLike, VoiceLike } from '../../../src/speech/types';

/** A clock whose time moves only when told. */
export class ManualClock implements Clock {
  time = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private ids = 0;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = ++this.ids;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  /** Moves time on, running every timer due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
    }
    this.time = end;
  }
  get pending(): number {
    return this.timers.length;
  }
}

/** An utterance as the page would make it. */
export class FakeUtterance implements UtteranceLike {
  lang = '';
  rate = 1;
  voice: VoiceLike | null = null;
  onstart: UtteranceLike['onstart'] = null;
  onend: UtteranceLike['onend'] = null;
  onerror: UtteranceLike['onerror'] = null;
  onboundary: UtteranceLike['onboundary'] = null;
  constructor(public text: string) {}
}

export const VOICES: VoiceLike[] = [
  { voiceURI: 'net-en-us', name: 'Cloud US', lang: 'en-US', localService: false, default: true },
  { voiceURI: 'local-en-gb', name: 'Daniel', lang: 'en-GB', localService: true, default: true },
  { voiceURI: 'local-de', name: 'Anna', lang: 'de-DE', localService: true, default: true },
];

/**
 * A synthesis with a browser's queue: speak() appends, the head starts (on a microtask);
 * `finish()` ends the one speaking and starts the next. cancel() empties the queue and, like
 * Chrome, sends 'interrupted' to the one speaking and 'canceled' to the rest.
 */
export class FakeSynthesis implements SynthesisLike {
  queue: FakeUtterance[] = [];
  spoken: FakeUtterance[] = [];
  cancels = 0;
  voices: VoiceLike[] = [...VOICES];
  /** When false, utterances never start (a silent engine). */
  starts = true;
  private listeners = new Set<() => void>();
  private speaking: FakeUtterance | null = null;

  speak(u: UtteranceLike): void {
    const f = u as FakeUtterance;
    this.queue.push(f);
    this.spoken.push(f);
    if (!this.speaking) this.startHead();
  }
  cancel(): void {
    this.cancels++;
    const [head, ...rest] = this.queue;
    this.queue = [];
    this.speaking = null;
    if (head) head.onerror?.({ error: 'interrupted' });
    for (const u of rest) u.onerror?.({ error: 'canceled' });
  }
  getVoices(): VoiceLike[] {
    return this.voices;
  }
  addEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.listeners.delete(listener);
  }
  /** The device's voices arrive late. */
  setVoices(voices: VoiceLike[]): void {
    this.voices = voices;
    for (const l of [...this.listeners]) l();
  }
  /** The utterance now speaking. */
  get current(): FakeUtterance | null {
    return this.speaking;
  }
  /** Says a word of the current utterance. */
  boundary(charIndex: number): void {
    this.speaking?.onboundary?.({ charIndex, name: 'word' });
  }
  /** The current utterance ends; the next in the queue starts. */
  finish(): void {
    const done = this.queue.shift();
    this.speaking = null;
    done?.onend?.({});
    if (!this.speaking && this.queue.length > 0) this.startHead();
  }
  /** The current utterance fails with an error code. */
  fail(error: string): void {
    const done = this.queue.shift();
    this.speaking = null;
    done?.onerror?.({ error });
  }
  private startHead(): void {
    const head = this.queue[0];
    if (!head || !this.starts) return;
    this.speaking = head;
    head.onstart?.({});
  }
}

/** Lets pending promise callbacks (section loads, queued next sentences) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A small work: sections of paragraphs (and a break), each sentence distinct. */
export function fakeSections(): Section[] {
  const section = (id: string, index: number, texts: string[]): Section => {
    const blocks = texts.map((text) => (text === '' ? { kind: 'break' as const, text } : { kind: 'para' as const, text }));
    return { id, index, title: id, titleSource: 'app', words: 0, chars: 0, blockCount: blocks.length, wordsBefore: 0, blocks };
  };
  return [
    section('one', 0, ['First one. Second one. ', '', '“Third,” she said. Fourth one.']),
    section('two', 1, ['Fifth one. Sixth one.']),
    section('three', 2, ['Seventh one.']),
  ];
}

/** A sentence source over `fakeSections()`, counting loads; `failOn` makes loading that section fail. */
export function fakeSource(failOn?: string) {
  const sections = fakeSections();
  const loads: string[] = [];
  const source = createSentenceSource({
    sectionIds: sections.map((s) => s.id),
    load: async (id) => {
      loads.push(id);
      if (id === failOn) throw new Error('offline');
      const s = sections.find((x) => x.id === id);
      if (!s) throw new Error(`no ${id}`);
      return s;
    },
  });
  return { source, loads, sections };
}
