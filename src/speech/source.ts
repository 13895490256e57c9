/** The work's sentences in reading order across sections, loaded on demand, sentences computed per block. See ./README.md. */
import type { Section } from '../content/types';
import { SectionSentences } from '../reader/sentences';
import type { SentenceSource, SpeechPlace, SpokenSentence } from './types';

/** The sections' ids in order, and how to load one. */
export interface SourceOptions {
  sectionIds: readonly string[];
  load(sectionId: string): Promise<Section>;
}

/** A sentence source over a work; keeps the sentences of the last few sections it visited. */
export function createSentenceSource({ sectionIds, load }: SourceOptions): SentenceSource {
  const cache = new Map<string, SectionSentences>();
  const sentencesOf = async (sectionId: string): Promise<SectionSentences> => {
    const hit = cache.get(sectionId);
    if (hit) {
      // Most recently used last, so the oldest is the one dropped.
      cache.delete(sectionId);
      cache.set(sectionId, hit);
      return hit;
    }
    const made = new SectionSentences(await load(sectionId));
    cache.set(sectionId, made);
    if (cache.size > 3) cache.delete(cache.keys().next().value as string);
    return made;
  };
  const spoken = (s: SectionSentences, at: { block: number; index: number }): SpokenSentence => {
    const span = s.span(at);
    const text = s.section.blocks[at.block]?.text ?? '';
    return { sectionId: s.section.id, block: at.block, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
  };
  /** The first sentence of the sections after (or, with -1, the last of those before) `from`. */
  const across = async (from: number, direction: 1 | -1): Promise<SpokenSentence | null> => {
    for (let i = from + direction; i >= 0 && i < sectionIds.length; i += direction) {
      const s = await sentencesOf(sectionIds[i] as string);
      const at = direction > 0 ? s.firstFrom(0) : s.lastUpTo(s.section.blocks.length - 1);
      if (at) return spoken(s, at);
    }
    return null;
  };
  const locate = (s: SectionSentences, sentence: SpokenSentence): { block: number; index: number } | null => {
    const found = s.at(sentence.block, sentence.start);
    return found && found.block === sentence.block ? found : null;
  };

  return {
    async at(place: SpeechPlace) {
      const index = sectionIds.indexOf(place.sectionId);
      if (index < 0) return null;
      const s = await sentencesOf(place.sectionId);
      const at = s.at(place.block, place.offset);
      return at ? spoken(s, at) : across(index, 1);
    },
    async after(sentence) {
      const index = sectionIds.indexOf(sentence.sectionId);
      if (index < 0) return null;
      const s = await sentencesOf(sentence.sectionId);
      const here = locate(s, sentence);
      const next = here ? s.after(here) : s.firstFrom(sentence.block + 1);
      return next ? spoken(s, next) : across(index, 1);
    },
    async before(sentence) {
      const index = sectionIds.indexOf(sentence.sectionId);
      if (index < 0) return null;
      const s = await sentencesOf(sentence.sectionId);
      const here = locate(s, sentence);
      const prev = here ? s.before(here) : s.lastUpTo(sentence.block - 1);
      return prev ? spoken(s, prev) : across(index, -1);
    },
  };
}
