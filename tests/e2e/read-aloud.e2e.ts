/**
 * Issue 12: read aloud, with a scripted speechSynthesis and wake lock injected before load
 * (tests/e2e/speech-standin.ts). The utterances reproduce the text from the place on, the
 * highlight is always the utterance, the page and the section follow the voice, pause and
 * resume, stop and reload, the wake lock, the controls' accessibility and the bad cases.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadWork } from '../../build/works-plugin';
import { root } from '../fixtures/content';
import { openWork, pageSpan, panelReady, place, type Place, press, storedPosition, waitForPlace, WORKS } from './app';
import { browserAndServer, newContext, trackForeignRequests, trackPageErrors } from './harness';
import { holdVoice, installSpeechStandIn, spoken, waitForBeats, waitForEnded, wakeLog, type Spoken, type StandInOptions } from './speech-standin';

const suite = browserAndServer();
const work = loadWork(resolve(root, 'works', WORKS.long.id), WORKS.long.id);

/** The work's spoken text: every block but breaks, in order, joined with nothing between; and where each block starts in it. */
const speakable = work.sections.flatMap((s) => s.blocks.map((b, i) => ({ section: s.id, block: i, text: b.text, kind: b.kind }))).filter((b) => b.kind !== 'break' && /\S/.test(b.text));
const WHOLE = speakable.map((b) => b.text).join('');
const starts = new Map<string, number>();
{
  let at = 0;
  for (const b of speakable) {
    starts.set(`${b.section}:${b.block}`, at);
    at += b.text.length;
  }
}
/** Where a place is in WHOLE. */
function indexOf(p: Place): number {
  const start = starts.get(`${p.section}:${p.block}`);
  if (start === undefined) throw new Error(`No speakable block at ${JSON.stringify(p)}`);
  return start + p.offset;
}
const parsePlace = (s: string): Place => {
  const [section, block, offset] = s.split(':');
  return { section: section ?? '', block: Number(block), offset: Number(offset) };
};
/** Display text vs source: smart punctuation curls quotes and spaces dashes, keeping lengths. */
const plain = (s: string | null) => s?.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/–/g, '-') ?? null;

async function open(options: StandInOptions & { viewport?: { width: number; height: number }; before?: string } = {}) {
  const context = await newContext(suite.browser, { reducedMotion: 'reduce', ...(options.viewport ? { viewport: options.viewport } : {}) });
  const foreign = trackForeignRequests(context, new URL(suite.server.url).origin);
  if (options.before) await context.addInitScript({ content: options.before });
  else await installSpeechStandIn(context, options);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(suite.server.url);
  await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
  await openWork(page, WORKS.long.title);
  return { context, page, errors, foreign };
}

/** Turns "Keep screen on while reading" off, so the wake lock is read aloud's alone. */
async function keepScreenOnOff(page: Page): Promise<void> {
  const settings = page.getByRole('button', { name: 'Settings', exact: true });
  if (!(await settings.isVisible())) await page.keyboard.press('m');
  await settings.click();
  await panelReady(page, 'Settings');
  await page.getByLabel('Keep screen on while reading').uncheck();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await expect.poll(() => wakeLog(page).then((w) => w.filter((x) => x === 'release').length)).toBe((await wakeLog(page)).filter((x) => x.startsWith('request')).length);
}

async function readAloud(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Read aloud' });
  if (!(await button.isVisible())) await page.keyboard.press('m');
  await button.click();
  await page.getByRole('region', { name: 'Read aloud' }).waitFor();
}

/** The utterances that ended, with where each one is in the work's text (checked to be contiguous). */
function placed(log: Spoken[]): { text: string; at: number; u: Spoken }[] {
  const ended = log.filter((u) => u.state === 'ended');
  const joined = ended.map((u) => u.text).join('');
  const at = WHOLE.indexOf(joined);
  expect(at, 'the utterances, joined, are a run of the work’s text').toBeGreaterThanOrEqual(0);
  let next = at;
  return ended.map((u) => {
    const item = { text: u.text, at: next, u };
    next += u.text.length;
    return item;
  });
}

describe('read aloud', () => {
  it('reads from the first sentence on screen: the utterances reproduce the text, the highlight is each one, the page and the section follow the voice', async () => {
    const { context, page, errors, foreign } = await open();
    const p0 = await place(page);
    const firstOnPage = (await pageSpan(page)).first;
    await page.keyboard.press('r');
    await page.getByRole('region', { name: 'Read aloud' }).waitFor();
    await waitForEnded(page, 30);
    await holdVoice(page, true);
    const items = placed(await spoken(page));
    // From the place on: the first utterance holds the first character on screen.
    expect(items[0]?.at).toBeLessThanOrEqual(indexOf(p0));
    expect((items[0]?.at ?? 0) + (items[0]?.text.length ?? 0)).toBeGreaterThan(indexOf(p0));
    for (const { text, u } of items) {
      expect(text.length).toBeLessThanOrEqual(200);
      expect(u.voiceURI, 'an offline voice by default').toBe('device-en-gb');
      const drawn = u.samples.findIndex((s) => s.highlight !== null);
      expect(drawn, `a highlight while “${text}” was spoken`).toBeGreaterThanOrEqual(0);
      for (const s of u.samples.slice(drawn)) {
        expect(plain(s.highlight)).toBe(plain(text));
        expect(s.highlightOnScreen, `“${text}” on screen at ${s.at} ${s.charIndex}`).toBe(true);
      }
      expect(u.samples.at(-1)?.at).toBe('end');
    }
    // The place follows the spoken sentence (from the second one: the first began where the page did).
    for (const { at, text, u } of items.slice(1)) {
      const p = indexOf(parsePlace(u.samples.at(-1)?.place ?? ''));
      expect(p).toBeGreaterThanOrEqual(at);
      expect(p).toBeLessThan(at + text.length);
    }
    // The page turned with the voice, and the section changed (the recap is one page).
    expect((await pageSpan(page)).first).not.toEqual(firstOnPage);
    const sections = new Set(items.map((i) => parsePlace(i.u.samples.at(-1)?.place ?? '').section));
    expect([...sections]).toEqual(expect.arrayContaining(['recap', 'story']));
    const pages = new Set(items.map((i) => i.u.samples.at(-1)?.place));
    expect(pages.size).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('pauses (no new utterance, wake lock released) and resumes with the same sentence', async () => {
    const { context, page, errors } = await open();
    await keepScreenOnOff(page);
    const idle = (await wakeLog(page)).length;
    await readAloud(page);
    await waitForEnded(page, 3);
    expect((await wakeLog(page)).slice(idle)).toEqual(['request screen']);
    await page.getByRole('button', { name: 'Pause reading aloud' }).click();
    await page.getByRole('button', { name: 'Resume reading aloud' }).waitFor();
    const log = await spoken(page);
    const interrupted = log.find((u) => u.state === 'interrupted');
    expect(interrupted).toBeDefined();
    await expect.poll(() => wakeLog(page).then((w) => w.at(-1))).toBe('release');
    // Long enough for several utterances at the stand-in's pace: nothing new is spoken.
    await waitForBeats(page, 60);
    expect((await spoken(page)).length).toBe(log.length);
    await page.getByRole('button', { name: 'Resume reading aloud' }).click();
    await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(log.length);
    expect((await spoken(page))[log.length]?.text).toBe(interrupted?.text);
    await expect.poll(() => wakeLog(page).then((w) => w.at(-1))).toBe('request screen');
    // A hand turn while speaking reads on from the new page.
    await holdVoice(page, true);
    const before = (await spoken(page)).length;
    const turned = await press(page, 'ArrowRight');
    await holdVoice(page, false);
    await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(before);
    const next = (await spoken(page))[before];
    const at = WHOLE.indexOf(next?.text ?? '\u0000', indexOf(turned) - 200);
    expect(at).toBeLessThanOrEqual(indexOf(turned));
    expect(at + (next?.text.length ?? 0)).toBeGreaterThan(indexOf(turned));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stops with the place at the last spoken sentence, and a reload opens there', async () => {
    const { context, page } = await open();
    await press(page, 'ArrowRight');
    await readAloud(page);
    await waitForEnded(page, 12);
    await holdVoice(page, true);
    await page.getByRole('button', { name: 'Stop reading aloud' }).click();
    await page.getByRole('region', { name: 'Read aloud' }).waitFor({ state: 'detached' });
    const log = await spoken(page);
    const items = placed(log);
    // The voice was held: the last sentence spoken is the one interrupted, if it had started, else the last that ended.
    const cut = log.find((u) => u.state === 'interrupted' && u.started);
    const last = cut ?? (items.at(-1)?.u as Spoken);
    const lastAt = cut ? (items.at(-1)?.at ?? 0) + (items.at(-1)?.text.length ?? 0) : (items.at(-1)?.at ?? 0);
    const stopped = await place(page);
    expect(indexOf(stopped)).toBeGreaterThanOrEqual(lastAt);
    expect(indexOf(stopped)).toBeLessThan(lastAt + last.text.length);
    expect(WHOLE.slice(lastAt, lastAt + last.text.length)).toBe(last.text);
    await expect.poll(async () => storedPosition(page, WORKS.long.id).then((s) => s && `${s.sectionId}:${s.block}:${s.offset}`)).toBe(`${stopped.section}:${stopped.block}:${stopped.offset}`);
    await page.reload();
    expect(await waitForPlace(page)).toEqual(stopped);
    await context.close();
  });

  it('keeps the spoken sentence in view in scroll mode, through the reader (no restarts)', async () => {
    const { context, page, errors } = await open();
    await page.getByRole('button', { name: 'Scroll' }).click();
    await page.locator('.reader.scrolling').waitFor();
    await press(page, 'ArrowRight');
    await readAloud(page);
    await waitForEnded(page, 25);
    await holdVoice(page, true);
    const log = await spoken(page);
    // Nothing was cut short and said again: one run of the text.
    expect(log.filter((u) => u.state === 'interrupted' || u.state === 'cancelled')).toEqual([]);
    const items = placed(log);
    for (const { text, u } of items) {
      const drawn = u.samples.findIndex((x) => x.highlight !== null);
      expect(drawn).toBeGreaterThanOrEqual(0);
      for (const x of u.samples.slice(drawn)) expect(x.highlightOnScreen, `“${text}” in view`).toBe(true);
    }
    expect(await page.locator('.reader-viewport').evaluate((v) => v.scrollTop)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps reading while a panel is open, and stops when leaving the reader', async () => {
    const { context, page, errors } = await open();
    await keepScreenOnOff(page);
    await readAloud(page);
    await waitForEnded(page, 2);
    await page.getByRole('button', { name: 'Contents' }).click();
    await page.getByRole('dialog').waitFor();
    const during = (await spoken(page)).filter((u) => u.state === 'ended').length;
    await waitForEnded(page, during + 3);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    const left = (await spoken(page)).length;
    expect((await spoken(page)).filter((u) => u.state === 'speaking' || u.state === 'queued')).toEqual([]);
    await expect.poll(() => wakeLog(page).then((w) => w.at(-1))).toBe('release');
    await waitForBeats(page, 60);
    expect((await spoken(page)).length).toBe(left);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts at the sentence of a selection', async () => {
    const { context, page } = await open();
    await press(page, 'ArrowRight');
    const chosen = await page.evaluate(() => {
      const el = [...document.querySelectorAll<HTMLElement>('.reader-content [data-block]')].find((e) => (e.textContent ?? '').length > 300);
      const node = el && document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
      if (!el || !node) return null;
      const range = document.createRange();
      range.setStart(node, 150);
      range.setEnd(node, 160);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return { block: Number(el.dataset.block), offset: Number(el.dataset.base ?? 0) + 150, section: document.querySelector('article.reader-content')?.getAttribute('data-place-section') ?? '' };
    });
    expect(chosen).not.toBeNull();
    await readAloud(page);
    await waitForEnded(page, 1);
    const first = (await spoken(page))[0] as Spoken;
    const at = indexOf(chosen as Place);
    const start = WHOLE.lastIndexOf(first.text, at);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start + first.text.length).toBeGreaterThan(at);
    await context.close();
  });

  it('has accessible, keyboard-operable controls that do not cover the sentence (412×915)', async () => {
    const { context, page } = await open();
    await readAloud(page);
    await waitForEnded(page, 2);
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Resume reading aloud' }).waitFor();
    const results = await new AxeBuilder({ page }).include('.read-aloud').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    for (const name of ['Previous sentence', 'Resume reading aloud', 'Next sentence', 'Stop reading aloud']) await page.getByRole('button', { name }).waitFor();
    for (const name of ['Speed', 'Voice', 'Sleep']) await page.getByLabel(name).waitFor();
    // The voice picker lists English voices, offline ones marked, the offline one chosen.
    const voices = await page.getByLabel('Voice').locator('option').allTextContents();
    expect(voices).toEqual(['Device English (en-GB, offline)', 'Cloud English (en-US, needs a connection)']);
    const covered = await page.evaluate(() => {
      const bar = document.querySelector('.read-aloud')?.getBoundingClientRect();
      const hl = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('read-aloud');
      const rects = hl ? [...hl].flatMap((r) => [...r.getClientRects()]) : [];
      return { rects: rects.length, below: rects.filter((r) => bar && r.bottom > bar.top).length };
    });
    expect(covered.rects).toBeGreaterThan(0);
    expect(covered.below).toBe(0);
    await page.screenshot({ path: join(tmpdir(), 'quire-read-aloud-412x915.png') });
    // Keyboard: the speed can be changed from the keyboard and is remembered.
    await page.getByLabel('Speed').focus();
    await page.getByLabel('Speed').selectOption('1.5');
    await expect.poll(() => page.evaluate(() => new Promise<number | null>((done) => {
      const req = indexedDB.open('quire');
      req.onsuccess = () => {
        const get = req.result.transaction('settings').objectStore('settings').getAll();
        get.onsuccess = () => done((get.result[0] as { speechRate?: number } | undefined)?.speechRate ?? (get.result[0] as { value?: { speechRate?: number } } | undefined)?.value?.speechRate ?? null);
      };
      req.onerror = () => done(null);
    }))).toBe(1.5);
    await context.close();
  });

  it('says clearly when the browser has no speech synthesis, and keeps the place', async () => {
    const { context, page, errors } = await open({ before: 'delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;' });
    const before = await place(page);
    await readAloud(page);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/cannot read aloud/);
    expect(await place(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says how to get a voice when the device has none', async () => {
    const { context, page, errors } = await open({ voices: [] });
    await readAloud(page);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/No voice is installed/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
