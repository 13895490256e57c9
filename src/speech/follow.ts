/** The reader follows the voice: the place moves to each spoken sentence, and the page turns when a spoken word leaves it. See ./README.md. */
import type { ReadonlySignal } from '@preact/signals';
import type { SpeechPlace, SpokenSentence } from './types';

/** What a relocate of the reader says (the reader model's `onRelocate`). */
export interface ReaderRelocate {
  locator: SpeechPlace;
  reason: string;
}

/** The part of the reader model (src/reader, TEAM.md) read-aloud drives and reads. */
export interface ReaderPort {
  section: ReadonlySignal<{ id: string } | null>;
  locator: ReadonlySignal<SpeechPlace | null>;
  layouts: ReadonlySignal<number>;
  follow(target: SpeechPlace): Promise<void>;
  isOnScreen(place: { block: number; offset: number }): boolean;
  onRelocate(listener: (e: ReaderRelocate) => void): () => void;
}

/** The reader's own moves that restart reading from where they land (a follow is read-aloud's own). */
export const MOVES_THAT_RESTART: ReadonlySet<string> = new Set(['turn', 'jump', 'back', 'adopt']);

const inside = (place: SpeechPlace, s: SpokenSentence): boolean =>
  place.sectionId === s.sectionId && place.block === s.block && place.offset >= s.start && place.offset < s.end;

/** Moves the reader with the voice, through the model only (never by scrolling the DOM). */
export function createFollower(reader: Pick<ReaderPort, 'section' | 'follow' | 'isOnScreen'>) {
  let from: SpeechPlace | null = null;
  const follow = (target: SpeechPlace) => void reader.follow(target).catch(() => undefined);
  return {
    /** Reading starts from `place` (the first character on screen, a selection, a search hit). */
    begin(place: SpeechPlace): void {
      from = place;
    },
    /** A sentence starts: the place becomes its first character. The first sentence, begun on the page before, keeps the page. */
    sentence(s: SpokenSentence): void {
      const start = from;
      from = null;
      if (start && inside(start, s)) return;
      follow({ sectionId: s.sectionId, block: s.block, offset: s.start });
    },
    /** A word is spoken: when it is off the page (a sentence running over), the page turns to it. */
    word(s: SpokenSentence, offset: number): void {
      if (reader.section.peek()?.id !== s.sectionId) return;
      if (!reader.isOnScreen({ block: s.block, offset })) follow({ sectionId: s.sectionId, block: s.block, offset });
    },
  };
}
