/** Pure helpers for moving between a work's sections. */
import type { SectionInfo, WorkInfo } from './types';

type Sections = Pick<WorkInfo, 'sections'>;

/** 0-based position of a section in its work, or -1 when the work has no such section. */
export function sectionIndex(work: Sections, sectionId: string): number {
  return work.sections.findIndex((s) => s.id === sectionId);
}

/** The work's first section. */
export function firstSection(work: Sections): SectionInfo | undefined {
  return work.sections[0];
}

/** The section after `sectionId`, or undefined at the end (or for an unknown id). */
export function nextSection(work: Sections, sectionId: string): SectionInfo | undefined {
  const i = sectionIndex(work, sectionId);
  return i < 0 ? undefined : work.sections[i + 1];
}

/** The section before `sectionId`, or undefined at the start (or for an unknown id). */
export function prevSection(work: Sections, sectionId: string): SectionInfo | undefined {
  const i = sectionIndex(work, sectionId);
  return i <= 0 ? undefined : work.sections[i - 1];
}

/** Words in the whole work before `offsetInSection` words into the section (for whole-work progress). */
export function wordsBeforeIn(work: Sections, sectionId: string, offsetInSection = 0): number {
  const s = work.sections[sectionIndex(work, sectionId)];
  return s ? s.wordsBefore + Math.min(Math.max(0, offsetInSection), s.words) : 0;
}
