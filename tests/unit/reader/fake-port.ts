/**
 * A layout port without a browser: a window's text is cut into pages of `perPage` slots
 * (a slot is a character, or a whole empty block such as a scene break), so a window that
 * stops short of its section's end ends with a short page, as CSS columns do.
 */
import type { Section, WorkInfo } from '../../../src/content/types';
import type { LayoutPort } from '../../../src/reader/layout-port';
import type { Place, ReadingMode } from '../../../src/reader/place';
import type { BlockWindow } from '../../../src/reader/window';

/** The slots of a window in reading order. */
export function slots(section: Section, w: BlockWindow): Place[] {
  const out: Place[] = [];
  for (let b = w.start.block; b < section.blocks.length && (b < w.end.block || (b === w.end.block && w.end.offset > 0)); b++) {
    const length = section.blocks[b]?.text.length ?? 0;
    const from = b === w.start.block ? w.start.offset : 0;
    const to = b === w.end.block ? w.end.offset : length;
    if (length === 0) out.push({ block: b, offset: 0 });
    for (let o = from; o < to; o++) out.push({ block: b, offset: o });
  }
  return out;
}

export class FakePort implements LayoutPort {
  pagesOf: Place[][] = [[]];
  page = 0;
  layoutCount = 0;
  mounted = true;

  /** What `charsPerPage()` answers before any layout (undefined: no guess, as when nothing is mounted). */
  estimate: number | undefined;

  constructor(public perPage: number) {}

  charsPerPage(): number | undefined {
    return this.estimate;
  }

  layout(section: Section, window: BlockWindow, _mode: ReadingMode, anchor: Place): boolean {
    if (!this.mounted) return false;
    this.layoutCount++;
    const all = slots(section, window);
    this.pagesOf = [];
    for (let i = 0; i < all.length; i += this.perPage) this.pagesOf.push(all.slice(i, i + this.perPage));
    if (this.pagesOf.length === 0) this.pagesOf.push([]);
    this.page = this.pageOf(anchor);
    return true;
  }

  pages() {
    return { page: this.page, pageCount: this.pagesOf.length };
  }

  turn(direction: 1 | -1): boolean {
    const to = this.page + direction;
    if (to < 0 || to >= this.pagesOf.length) return false;
    this.page = to;
    return true;
  }

  showLast(): void {
    this.page = this.pagesOf.length - 1;
  }

  showPlace(place: Place): void {
    this.page = this.pageOf(place);
  }

  firstVisible(): Place {
    return this.firstOfPage(this.page);
  }

  firstOfPage(page: number): Place {
    return this.pagesOf[page]?.[0] ?? { block: 0, offset: 0 };
  }

  isOnScreen(place: Place): boolean {
    return (this.pagesOf[this.page] ?? []).some((p) => p.block === place.block && p.offset === place.offset);
  }

  /** The slots on the page shown. */
  shown(): Place[] {
    return this.pagesOf[this.page] ?? [];
  }

  private pageOf(place: Place): number {
    const i = this.pagesOf.findIndex((page) => page.some((p) => p.block > place.block || (p.block === place.block && p.offset >= place.offset)));
    if (i < 0) return this.pagesOf.length - 1;
    // The page holding the place: the one whose first slot is at or before it.
    const first = this.pagesOf[i]?.[0];
    return first && (first.block > place.block || (first.block === place.block && first.offset > place.offset)) ? Math.max(0, i - 1) : i;
  }
}

/** A made-up work: `sections` sections of `blocks` paragraphs of `chars` letters, with a scene break in each. */
export function makeWork(sections = 3, blocks = 12, chars = 57): { work: WorkInfo; texts: Section[] } {
  const texts: Section[] = [];
  let wordsBefore = 0;
  for (let i = 0; i < sections; i++) {
    const list = Array.from({ length: blocks }, (_, b) =>
      b === 4 ? { kind: 'break' as const, text: '' } : { kind: 'para' as const, text: `${i}:${b} `.padEnd(chars, 'abcdefghij ') },
    );
    const charCount = list.reduce((n, b) => n + b.text.length, 0);
    const words = list.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
    texts.push({ id: `s${i}`, index: i, title: `Section ${i}`, titleSource: 'app', words, chars: charCount, blockCount: blocks, wordsBefore, blocks: list });
    wordsBefore += words;
  }
  const work = {
    id: 'fake',
    sha256: '',
    words: wordsBefore,
    meta: {} as WorkInfo['meta'],
    sections: texts.map(({ blocks: _b, ...info }) => info),
  };
  return { work, texts };
}
