import { effect, signal } from '@preact/signals';
import { describe, expect, test } from 'vitest';
import { makeLocator } from '../../../src/reader/locate';
import type { Locator, Target } from '../../../src/reader/locator';
import { createReaderModel, type Relocate } from '../../../src/reader/model';
import type { Place, ReadingMode } from '../../../src/reader/place';
import { charsIn, reachesEnd, wholeSection, windowFrom, type BlockWindow } from '../../../src/reader/window';
import { must } from '../../fixtures/content';
import { FakePort, makeWork, slots } from './fake-port';

interface Setup {
  perPage?: number;
  /** The port's guess of characters a page holds, before any layout. */
  estimate?: number;
  known?: (work: ReturnType<typeof makeWork>) => Locator;
  startAt?: Target;
  mode?: ReadingMode;
}

/** A model over the fake port, with the view's part played here: each new window is laid out a microtask later, as a render would. */
async function setup(opts: Setup = {}) {
  const made = makeWork();
  const { work, texts } = made;
  const port = new FakePort(opts.perPage ?? 100);
  port.estimate = opts.estimate;
  const mode = signal<ReadingMode>(opts.mode ?? 'paginated');
  const known = signal<Locator | undefined>(opts.known?.(made));
  const saved: Locator[] = [];
  const events: Relocate[] = [];
  let clock = 1_000_000;
  const model = createReaderModel({
    work,
    loadSection: (_work, id) => Promise.resolve(must(texts.find((s) => s.id === id))),
    port,
    mode,
    known,
    startAt: opts.startAt,
    // As the app does: a saved place becomes the app's known place for the work.
    save: (l) => {
      saved.push(l);
      known.value = l;
    },
    now: () => (clock += 1000),
    windowChars: 300,
  });
  model.onRelocate((e) => events.push(e));
  // Every window set, in order (the first is null: nothing yet).
  const windows: (BlockWindow | null)[] = [];
  effect(() => {
    void model.section.value;
    windows.push(model.window.value);
    queueMicrotask(() => model.relayout());
  });
  await model.opened;
  const here = () => must(model.locator.value);
  const at = (sectionId: string, block: number, offset: number) => makeLocator(work, must(texts.find((s) => s.id === sectionId)), block, offset, (clock += 1000));
  return { model, port, mode, known, saved, events, work, texts, here, at, windows, clock: () => clock };
}

const key = (sectionId: string, p: Place) => `${sectionId}/${p.block}/${p.offset}`;

describe('navigation through the layout port', () => {
  test('forward: each page starts right after the previous one ends, across windows and sections, to the end of the work; only a section\'s last page is short', async () => {
    const { model, port, texts } = await setup();
    const seen: string[] = [];
    const short: string[] = [];
    let windows = 0;
    let lastWindow = model.window.value;
    for (let turns = 0; turns < 500; turns++) {
      const id = must(model.section.value).id;
      seen.push(...port.shown().map((p) => key(id, p)));
      if (port.shown().length < port.perPage) short.push(key(id, port.firstVisible()));
      // The place is the first character on the page.
      expect(key(model.locator.value?.sectionId ?? '', here(model))).toBe(key(id, port.firstVisible()));
      await model.next();
      if (model.atEnd.value) break;
      if (model.window.value !== lastWindow) windows++;
      lastWindow = model.window.value;
    }
    const all = texts.flatMap((s) => slots(s, wholeSection(s)).map((p) => key(s.id, p)));
    expect(seen).toEqual(all);
    // A window that stops short of its section's end ends mid-flow: its short last page is never shown going forward.
    const sectionEnds = texts.map((s) => key(s.id, port.perPage > 0 ? lastPageStart(s, port.perPage) : { block: 0, offset: 0 }));
    expect(short.every((k) => sectionEnds.includes(k)), `short pages at ${short.join(', ')}`).toBe(true);
    expect(windows).toBeGreaterThan(texts.length);
    expect(model.atEnd.value).toBe(true);
  });

  test('backward from the end: each page ends right before the page shown after it, to the start of the work', async () => {
    const { model, port, texts } = await setup({ known: ({ work, texts: t }) => makeLocator(work, must(t[2]), 11, 50, 1) });
    // Open at the last page of the work.
    while (!model.atEnd.value) await model.next();
    const pages: string[][] = [];
    for (let turns = 0; turns < 500; turns++) {
      const id = must(model.section.value).id;
      pages.push(port.shown().map((p) => key(id, p)));
      const before = model.locator.value;
      await model.prev();
      if (model.locator.value === before) break;
    }
    const all = texts.flatMap((s) => slots(s, wholeSection(s)).map((p) => key(s.id, p)));
    expect(pages.reverse().flat()).toEqual(all);
  });

  test('a turn back across a window start shows a window ending exactly there, at its last page', async () => {
    const { model, port } = await setup();
    await model.next();
    await model.next();
    await model.next();
    const w = must(model.window.value);
    expect(w.start.block).toBeGreaterThan(0);
    const first = port.shown()[0];
    await model.prev();
    expect(must(model.window.value).end).toEqual(w.start);
    expect(port.page).toBe(port.pagesOf.length - 1);
    const shown = port.shown();
    const last = must(shown[shown.length - 1]);
    // The page just before: its last slot is the one right before the page it came back from.
    expect(last.block < must(first).block || last.offset < must(first).offset).toBe(true);
  });

  test('a re-layout (another page size) keeps the place and never saves it', async () => {
    const { model, port, saved, events } = await setup();
    await model.next();
    await model.next();
    const place = model.locator.value;
    const count = saved.length;
    port.perPage = 37;
    model.relayout();
    port.perPage = 160;
    model.relayout();
    expect(model.locator.value).toBe(place);
    expect(port.isOnScreen(must(place))).toBe(true);
    expect(saved.length).toBe(count);
    expect(events.at(-1)?.reason).toBe('relayout');
  });

  test('only user moves are saved; every relocate carries its reason', async () => {
    const { model, saved, events, at } = await setup();
    const moves = () => events.map((e) => e.reason).filter((r) => r !== 'relayout');
    expect(moves()).toEqual(['restore']);
    expect(saved).toEqual([]);
    await model.next();
    await model.jump(at('s1', 3, 0));
    await model.goBack();
    expect(moves()).toEqual(['restore', 'turn', 'jump', 'back']);
    expect(saved.length).toBe(3);
  });

  test('a jump lays out its paragraph and two pages past the place, not a whole window, and its page is not the window\'s last', async () => {
    const { model, port, texts, at } = await setup();
    const s1 = must(texts[1]);
    await model.jump(at('s1', 6, 10));
    const w = must(model.window.value);
    expect(w.start).toEqual({ block: 6, offset: 0 });
    // Two pages of 100 past offset 10 of a 57-character paragraph: four paragraphs, not the 300-character window.
    expect(charsIn(s1, w)).toBeLessThan(300);
    expect(charsIn(s1, w)).toBeGreaterThanOrEqual(210);
    expect(port.isOnScreen({ block: 6, offset: 10 })).toBe(true);
    expect(port.page).toBeLessThan(port.pagesOf.length - 1);
    expect(key('s1', here(model))).toBe(key('s1', { block: 6, offset: 10 }));
  });

  test('reading on from a jump\'s short window: every character once, in order, and no short page before the section\'s end', async () => {
    const { model, port, texts, at } = await setup();
    await model.jump(at('s1', 6, 0));
    const seen: string[] = [];
    const short: string[] = [];
    while (must(model.section.value).id === 's1') {
      seen.push(...port.shown().map((p) => key('s1', p)));
      if (port.shown().length < port.perPage) short.push(key('s1', port.firstVisible()));
      await model.next();
    }
    const s1 = must(texts[1]);
    const rest = slots(s1, wholeSection(s1)).filter((p) => p.block >= 6).map((p) => key('s1', p));
    expect(seen).toEqual(rest);
    expect(short.filter((k) => k !== key('s1', lastPageFrom(s1, { block: 6, offset: 0 }, port.perPage)))).toEqual([]);
  });

  test('a jump whose page is denser than the pages so far is laid out again with a window more before the place is taken', async () => {
    const { model, port, texts, saved, at } = await setup();
    // Pages now hold 250 characters, the model still expects 100: two pages past the place fit on one.
    port.perPage = 250;
    const layouts = port.layoutCount;
    await model.jump(at('s1', 6, 10));
    const w = must(model.window.value);
    expect(port.layoutCount - layouts).toBe(2);
    // Not a short last page mid-section: the window now reaches the section's end, or the page has one after it.
    expect(reachesEnd(must(texts[1]), w) || port.page < port.pagesOf.length - 1).toBe(true);
    expect(port.isOnScreen({ block: 6, offset: 10 })).toBe(true);
    // Saved once, at the place jumped to.
    expect(saved.map((l) => key(l.sectionId, l))).toEqual([key('s1', { block: 6, offset: 10 })]);
  });
});

describe('new type: the window is cut to the place before it is laid out', () => {
  /** Into s1, a few pages in (two windows on; nothing grows ahead in Node). */
  async function deepInS1() {
    const made = await setup();
    const { model, at } = made;
    await model.jump(at('s1', 0, 0));
    for (let i = 0; i < 3; i++) await model.next();
    return made;
  }

  test('the window laid out becomes the place\'s paragraph and two pages past it; the place stays on screen and is not saved', async () => {
    const { model, port, texts, saved, events } = await deepInS1();
    const s1 = must(texts[1]);
    const place = must(model.locator.value);
    const before = must(model.window.value);
    const count = saved.length;
    port.perPage = 80; // the new type holds fewer characters a page
    const layouts = port.layoutCount;
    model.relayout({ cut: true });
    // The cut window is rendered, then laid out once (the view's relayout a microtask later).
    await Promise.resolve();
    await Promise.resolve();
    const w = must(model.window.value);
    expect(w).not.toEqual(before);
    // From the window's own start when it lies in the place's paragraph, else from that paragraph's start.
    expect(w.start).toEqual(before.start.block === place.block && before.start.offset <= place.offset ? before.start : { block: place.block, offset: 0 });
    expect(charsIn(s1, w)).toBeLessThan(charsIn(s1, before));
    // Whole blocks, as few as hold two pages (of 100, as last measured) past the place.
    expect(charsIn(s1, { start: place, end: w.end })).toBeGreaterThanOrEqual(200);
    expect(charsIn(s1, { start: place, end: { block: w.end.block - 1, offset: 0 } })).toBeLessThan(200);
    expect(port.layoutCount - layouts).toBe(1);
    expect(model.locator.value).toBe(place);
    expect(port.isOnScreen(place)).toBe(true);
    expect(saved.length).toBe(count);
    expect(events.at(-1)?.reason).toBe('relayout');
  });

  test('a window opened at the place keeps the place as the first character on screen', async () => {
    // Reopened at a saved place mid-paragraph: the window starts at that character.
    const { model, port, texts } = await setup({ known: ({ work, texts: t }) => makeLocator(work, must(t[1]), 1, 30, 1) });
    const place = must(model.locator.value);
    expect(port.firstVisible()).toEqual({ block: 1, offset: 30 });
    const before = must(model.window.value);
    port.perPage = 90;
    model.relayout({ cut: true });
    for (let i = 0; i < 4; i++) await Promise.resolve();
    expect(charsIn(must(texts[1]), must(model.window.value))).toBeLessThan(charsIn(must(texts[1]), before));
    expect(must(model.window.value).start).toEqual({ block: 1, offset: 30 });
    expect(port.firstVisible()).toEqual({ block: 1, offset: 30 });
    expect(model.locator.value).toBe(place);
  });

  test('without `cut`, or scrolling, the window laid out stays the same', async () => {
    const { model, port, mode } = await deepInS1();
    const before = must(model.window.value);
    port.perPage = 80;
    model.relayout();
    await Promise.resolve();
    expect(model.window.value).toBe(before);
    mode.value = 'scroll';
    model.relayout(); // as the view does on a change of mode
    await Promise.resolve();
    await Promise.resolve();
    const whole = must(model.window.value);
    expect(whole).toEqual(wholeSection(must(model.section.value)));
    model.relayout({ cut: true });
    await Promise.resolve();
    expect(model.window.value).toBe(whole);
  });

  test('denser new type: the cut window\'s page shown is its last, so it is laid out once more with a window more', async () => {
    const { model, port, texts, saved } = await deepInS1();
    const place = must(model.locator.value);
    const count = saved.length;
    port.perPage = 400; // two of the old pages past the place now fit on the page shown
    const layouts = port.layoutCount;
    model.relayout({ cut: true });
    for (let i = 0; i < 6; i++) await Promise.resolve();
    const w = must(model.window.value);
    expect(port.layoutCount - layouts).toBe(2);
    expect(reachesEnd(must(texts[1]), w) || port.page < port.pagesOf.length - 1).toBe(true);
    expect(port.isOnScreen(place)).toBe(true);
    expect(model.locator.value).toBe(place);
    expect(saved.length).toBe(count);
  });

  test('reading on after the cut: every character once, in order, and no short page before the section\'s end', async () => {
    const { model, port, texts } = await deepInS1();
    const place = must(model.locator.value);
    port.perPage = 80;
    model.relayout({ cut: true });
    for (let i = 0; i < 4; i++) await Promise.resolve();
    const from = must(model.window.value).start;
    const seen: string[] = [];
    const short: string[] = [];
    const s1 = must(texts[1]);
    seen.push(...port.pagesOf.slice(0, port.page).flat().map((p) => key('s1', p)));
    while (must(model.section.value).id === 's1') {
      seen.push(...port.shown().map((p) => key('s1', p)));
      if (port.shown().length < port.perPage) short.push(key('s1', port.firstVisible()));
      await model.next();
    }
    expect(from).toEqual({ block: place.block, offset: 0 });
    const rest = slots(s1, wholeSection(s1)).filter((p) => p.block >= place.block).map((p) => key('s1', p));
    expect(seen).toEqual(rest);
    expect(short.filter((k) => k !== key('s1', lastPageFrom(s1, from, port.perPage)))).toEqual([]);
  });
});

/** Where the last page of a section starts when it is paged from `from`. */
function lastPageFrom(section: Parameters<typeof slots>[0], from: Place, perPage: number): Place {
  const all = slots(section, { start: from, end: wholeSection(section).end });
  return must(all[Math.floor((all.length - 1) / perPage) * perPage]);
}

/** Where the last page of a section starts when the section is paged from its start. */
function lastPageStart(section: Parameters<typeof slots>[0], perPage: number): Place {
  const all = slots(section, wholeSection(section));
  return must(all[Math.floor((all.length - 1) / perPage) * perPage]);
}

function here(model: { locator: { value: Locator | null } }): Place {
  return must(model.locator.value);
}

describe('Back to where you were', () => {
  test('a run of jumps keeps the place before the first', async () => {
    const { model, here: now, at } = await setup();
    await model.next();
    const start = now();
    await model.jump(at('s1', 2, 0));
    await model.jump(at('s2', 5, 0));
    await model.jump(at('s0', 9, 0));
    expect(model.back.value).toBe(start);
    await model.goBack();
    expect(key(now().sectionId, now())).toBe(key(start.sectionId, start));
    expect(model.back.value).toBeNull();
  });

  test('reading on after a jump, then jumping, replaces it', async () => {
    const { model, here: now, at } = await setup();
    await model.jump(at('s1', 2, 0));
    await model.next();
    const after = now();
    await model.jump(at('s2', 5, 0));
    expect(model.back.value).toBe(after);
  });

  test('a jump that is not to be remembered leaves Back alone; dismissing clears it', async () => {
    const { model, at } = await setup();
    await model.jump(at('s1', 2, 0), { remember: false });
    expect(model.back.value).toBeNull();
    await model.jump(at('s1', 8, 0));
    expect(model.back.value).not.toBeNull();
    model.dismissBack();
    expect(model.back.value).toBeNull();
  });

  test('opening at a search hit offers the saved place', async () => {
    const { model, here: now } = await setup({
      known: ({ work, texts }) => makeLocator(work, must(texts[0]), 6, 10, 5),
      startAt: { sectionId: 's2', block: 3, offset: 12 },
    });
    expect(key(now().sectionId, now())).toBe('s2/3/12');
    expect(model.back.value && key(model.back.value.sectionId, model.back.value)).toBe('s0/6/10');
  });
});

describe('one source of truth: places from outside', () => {
  test('a newer known place is adopted at once: Back offers the place left, nothing is saved, the next turn goes on from there', async () => {
    const { model, port, known, saved, events, at, here: now } = await setup();
    await model.next();
    const left = now();
    const count = saved.length;
    const imported = at('s1', 7, 20);
    known.value = imported;
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(key(now().sectionId, now())).toBe('s1/7/20');
    expect(now().updatedAt).toBe(imported.updatedAt);
    expect(events.at(-1)?.reason).toBe('adopt');
    expect(model.back.value).toBe(left);
    expect(saved.length).toBe(count);
    const shown = port.shown();
    await model.next();
    // Saved, newer than the adopted place, and starting right after the adopted page.
    const turned = must(saved.at(-1));
    expect(turned.updatedAt).toBeGreaterThan(imported.updatedAt);
    const lastShown = must(shown.at(-1));
    expect(turned.block * 1000 + turned.offset).toBeGreaterThan(lastShown.block * 1000 + lastShown.offset);
  });

  test('an older known place does not move the reader', async () => {
    const { model, known, work, texts, here: now } = await setup();
    await model.next();
    const place = now();
    known.value = makeLocator(work, must(texts[2]), 3, 0, place.updatedAt - 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(model.locator.value).toBe(place);
  });

  test('adopt() moves the model and sets Back', async () => {
    const { model, at, here: now } = await setup();
    const left = now();
    await model.adopt(at('s2', 1, 3));
    expect(key(now().sectionId, now())).toBe('s2/1/3');
    expect(model.back.value).toBe(left);
  });

  test('the model never adopts its own saves, and stamps each place after the newest it knows', async () => {
    const { model, events, saved, known } = await setup({ known: ({ work, texts }) => makeLocator(work, must(texts[0]), 0, 0, 9_000_000) });
    await model.next();
    await model.next();
    expect(events.filter((e) => e.reason === 'adopt')).toEqual([]);
    expect(must(saved[0]).updatedAt).toBeGreaterThan(9_000_000);
    expect(known.value).toBe(saved.at(-1));
  });
});

describe('follow (read aloud)', () => {
  test('a place on screen: the page stays; off screen: the page turns; Back is untouched; saved', async () => {
    const { model, port, saved, events } = await setup();
    await model.next();
    const page = port.page;
    const on = must(port.shown()[40]);
    await model.follow({ sectionId: 's0', ...on });
    expect(port.page).toBe(page);
    expect(model.locator.value && { block: model.locator.value.block, offset: model.locator.value.offset }).toEqual(on);
    const off = must(port.pagesOf[page + 1]?.[10]);
    await model.follow({ sectionId: 's0', ...off });
    expect(port.page).toBe(page + 1);
    expect(model.isOnScreen(off)).toBe(true);
    await model.follow({ sectionId: 's2', block: 2, offset: 0 });
    expect(model.section.value?.id).toBe('s2');
    expect(model.back.value).toBeNull();
    expect(events.slice(-3).map((e) => e.reason)).toEqual(['follow', 'follow', 'follow']);
    expect(saved.slice(-3).map((l) => l.sectionId)).toEqual(['s0', 's0', 's2']);
  });
});

describe('scroll mode', () => {
  test('a turn scrolls a screen; at the end of the section it goes on to the next one; a scroll that rests becomes the place', async () => {
    const { model, port, here: now } = await setup({ mode: 'scroll' });
    expect(model.window.value).toEqual(wholeSection(must(model.section.value)));
    const pages = port.pagesOf.length;
    for (let i = 0; i < pages; i++) await model.next();
    expect(now().sectionId).toBe('s1');
    port.page = 2;
    model.scrolled();
    await new Promise((r) => setTimeout(r, 200));
    expect(key(now().sectionId, now())).toBe(key('s1', port.firstVisible()));
  });
});

describe('opening at the saved place: a short window, from the place', () => {
  const savedAt = (made: ReturnType<typeof makeWork>) => makeLocator(made.work, must(made.texts[1]), 1, 30, 1);

  test('one window: the place\'s page and the next (two pages by the port\'s guess), the place first on screen; reading on goes page by page', async () => {
    const { model, port, texts, windows } = await setup({ known: savedAt, estimate: 100 });
    const s1 = must(texts[1]);
    const w = must(model.window.value);
    expect(w.start).toEqual({ block: 1, offset: 30 });
    expect(port.firstVisible()).toEqual({ block: 1, offset: 30 });
    // Whole blocks, as few as hold two guessed pages: less than the 300-character window.
    expect(charsIn(s1, w)).toBeGreaterThanOrEqual(200);
    expect(charsIn(s1, w)).toBeLessThan(300);
    expect(windows).toEqual([null, w]);
    // Reading on from it is the same as from a whole window: each page follows the last.
    await model.next();
    expect(charsIn(s1, { start: { block: 1, offset: 30 }, end: port.firstVisible() })).toBe(100);
  });

  test('a new size before the window grew, its page shown now the window\'s last: a window more is laid out, from the same start, the place kept', async () => {
    const { model, port, texts, windows, saved } = await setup({ known: savedAt, estimate: 100 });
    const s1 = must(texts[1]);
    const short = must(model.window.value);
    const count = saved.length;
    port.perPage = 400; // a larger page (rotation, a window maximised): it holds the whole short window
    model.relayout();
    for (let i = 0; i < 4; i++) await Promise.resolve();
    const w = must(model.window.value);
    expect(windows.length).toBe(3);
    // A window (300 characters) more, from the same start; the page shown is then not its last, or the section ends there.
    expect(w).toEqual(windowFrom(s1, short.start, charsIn(s1, short) + 300));
    expect(port.pages().page < port.pages().pageCount - 1 || reachesEnd(s1, w)).toBe(true);
    expect(port.firstVisible()).toEqual({ block: 1, offset: 30 });
    expect(saved.length).toBe(count);
  });

  test('a guess too low (the page shown is the window\'s last): a window more is laid out at once, from the same start', async () => {
    const { model, port, texts, windows } = await setup({ known: savedAt, estimate: 20 });
    const s1 = must(texts[1]);
    const w = must(model.window.value);
    // First the short window (two guessed pages, under one real page), then one a window longer.
    expect(windows.length).toBe(3);
    const short = must(windows[1]);
    expect(short.start).toEqual({ block: 1, offset: 30 });
    expect(charsIn(s1, short)).toBeLessThan(100);
    expect(w.start).toEqual({ block: 1, offset: 30 });
    expect(charsIn(s1, w)).toBeGreaterThanOrEqual(charsIn(s1, short) + 300);
    expect(port.firstVisible()).toEqual({ block: 1, offset: 30 });
    expect(port.pages().page).toBeLessThan(port.pages().pageCount - 1);
  });
});
