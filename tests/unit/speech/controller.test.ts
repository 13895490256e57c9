// The read-aloud controller over a fake synthesis (a browser-like queue) and a manual clock.
import { describe, expect, it } from 'vitest';
import { createSpeechController, START_TIMEOUT_MS, type ControllerOptions } from '../../../src/speech/controller';
import { VOICE_WAIT_MS } from '../../../src/speech/voice-list';
import { END_OF_WORK, LOAD_FAILED, messageForError, NEVER_STARTED, NO_SYNTHESIS, NO_VOICES, noVoiceFor } from '../../../src/speech/messages';
import type { SpokenSentence } from '../../../src/speech/types';
import { FakeSynthesis, FakeUtterance, fakeSource, ManualClock, settle, VOICES } from './fakes';

function setup(over: Partial<ControllerOptions> & { failOn?: string } = {}) {
  const synth = new FakeSynthesis();
  const clock = new ManualClock();
  const { source, loads } = fakeSource(over.failOn);
  const marked: SpokenSentence[] = [];
  const words: number[] = [];
  const c = createSpeechController({
    synth,
    makeUtterance: (text) => new FakeUtterance(text),
    source,
    clock,
    lang: 'en',
    voice: null,
    rate: 1,
    onSentence: (s) => marked.push(s),
    onWord: (_s, offset) => words.push(offset),
    ...over,
  });
  /** Ends the current utterance and lets the next one be prepared. */
  const finish = async () => {
    synth.finish();
    await settle();
  };
  return { c, synth, clock, loads, marked, words, finish };
}

const ONE = { sectionId: 'one', block: 0, offset: 0 };

describe('speech controller', () => {
  it('speaks one sentence per utterance from the place, queueing only the next one', async () => {
    const { c, synth, marked } = setup();
    await c.start({ sectionId: 'one', block: 0, offset: 12 });
    await settle();
    expect(c.state.value.status).toBe('speaking');
    expect(synth.queue.map((u) => u.text)).toEqual(['Second one. ', '“Third,” she said. ']);
    expect(marked.map((s) => s.text)).toEqual(['Second one. ']);
    expect(marked[0]).toMatchObject({ sectionId: 'one', block: 0, start: 11, end: 23 });
  });

  it('reads on through blocks and sections in order, then stops at the end of the work', async () => {
    const { c, synth, finish, marked } = setup();
    await c.start(ONE);
    await settle();
    for (let i = 0; i < 7; i++) await finish();
    expect(marked.map((s) => s.text).join('')).toBe('First one. Second one. “Third,” she said. Fourth one.Fifth one. Sixth one.Seventh one.');
    expect(synth.spoken.map((u) => u.text)).toEqual(marked.map((s) => s.text));
    expect(c.state.value).toMatchObject({ status: 'idle', message: END_OF_WORK });
    expect(c.state.value.sentence?.text).toBe('Seventh one.');
  });

  it('uses an offline voice, never the one that only claims to be default, at the rate asked', async () => {
    const { c, synth } = setup({ rate: 1.5 });
    await c.start(ONE);
    expect(synth.queue[0]?.voice?.voiceURI).toBe('local-en-gb');
    expect(synth.queue[0]?.rate).toBe(1.5);
    expect(synth.queue[0]?.lang).toBe('en-GB');
    expect(c.voices.value.map((v) => v.voiceURI)).toEqual(['local-en-gb', 'net-en-us']);
  });

  it('pauses by cancelling, speaks nothing new while paused, and resumes with the same sentence', async () => {
    const { c, synth, clock, finish } = setup();
    await c.start(ONE);
    await settle();
    await finish();
    expect(synth.current?.text).toBe('Second one. ');
    c.pause();
    expect(c.state.value).toMatchObject({ status: 'paused', message: null });
    expect(synth.queue).toEqual([]);
    const before = synth.spoken.length;
    clock.advance(60_000);
    await settle();
    expect(synth.spoken.length).toBe(before);
    await c.resume();
    await settle();
    expect(synth.current?.text).toBe('Second one. ');
    expect(c.state.value).toMatchObject({ status: 'speaking', message: null });
  });

  it('moves to the next and the previous sentence, across sections, speaking or paused', async () => {
    const { c, synth, marked } = setup();
    await c.start({ sectionId: 'one', block: 2, offset: 20 });
    await settle();
    expect(synth.current?.text).toBe('Fourth one.');
    await c.next();
    await settle();
    expect(synth.current?.text).toBe('Fifth one. ');
    await c.previous();
    await c.previous();
    await settle();
    expect(synth.current?.text).toBe('“Third,” she said. ');
    c.pause();
    await c.next();
    expect(c.state.value.status).toBe('paused');
    expect(c.state.value.sentence?.text).toBe('Fourth one.');
    expect(marked.at(-1)?.text).toBe('Fourth one.');
    await c.resume();
    await settle();
    expect(synth.current?.text).toBe('Fourth one.');
  });

  it('stops with the last sentence kept and no message; its own cancel is not an error', async () => {
    const { c, synth } = setup();
    await c.start(ONE);
    await settle();
    c.stop();
    expect(c.state.value).toMatchObject({ status: 'idle', message: null });
    expect(c.state.value.sentence?.text).toBe('First one. ');
    expect(synth.queue).toEqual([]);
  });

  it('says the sentence again at a new rate, kept within 0.5 to 3', async () => {
    const { c, synth } = setup();
    await c.start(ONE);
    await settle();
    c.setRate(2);
    await settle();
    expect(synth.current).toMatchObject({ text: 'First one. ', rate: 2 });
    c.setRate(9);
    expect(c.state.value.rate).toBe(3);
    c.setRate(0.1);
    expect(c.state.value.rate).toBe(0.5);
    c.setRate(Number.NaN);
    expect(c.state.value.rate).toBe(1);
  });

  it('changes voice, and keeps a remembered voice the device still has', async () => {
    const { c, synth } = setup({ voice: 'net-en-us' });
    await c.start(ONE);
    expect(synth.current?.voice?.voiceURI).toBe('net-en-us');
    c.setVoice('local-en-gb');
    await settle();
    expect(synth.current?.voice?.voiceURI).toBe('local-en-gb');
    expect(c.voice.value?.voiceURI).toBe('local-en-gb');
  });

  it('marks words as the voice reaches them, as offsets into the block', async () => {
    const { c, synth, words } = setup();
    await c.start({ sectionId: 'one', block: 0, offset: 11 });
    await settle();
    synth.boundary(7);
    expect(words).toEqual([18]);
  });

  it('sleeps after a timed sleep at the end of the sentence then speaking, and resumes after it', async () => {
    const { c, synth, clock, finish } = setup();
    await c.start(ONE);
    await settle();
    c.setSleep(15);
    expect(c.state.value.sleepEndsAt).toBe(15 * 60_000);
    clock.advance(15 * 60_000);
    expect(c.state.value.status).toBe('speaking');
    await finish();
    expect(c.state.value).toMatchObject({ status: 'paused', sleep: 'off', sleepEndsAt: null });
    expect(synth.queue).toEqual([]);
    await c.resume();
    await settle();
    expect(synth.current?.text).toBe('Second one. ');
  });

  it('sleeps at the end of the section and resumes with the next section', async () => {
    const { c, synth, finish } = setup();
    await c.start({ sectionId: 'one', block: 2, offset: 0 });
    await settle();
    c.setSleep('section');
    await finish();
    expect(synth.current?.text).toBe('Fourth one.');
    expect(synth.queue.length).toBe(1);
    await finish();
    expect(c.state.value.status).toBe('paused');
    expect(c.state.value.sentence?.text).toBe('Fourth one.');
    await c.resume();
    await settle();
    expect(synth.current?.text).toBe('Fifth one. ');
  });

  it('turns the sleep timer off, and forgets one that runs out while paused', async () => {
    const { c, clock } = setup();
    await c.start(ONE);
    c.setSleep(30);
    c.setSleep('off');
    expect(c.state.value).toMatchObject({ sleep: 'off', sleepEndsAt: null });
    expect(clock.pending).toBe(0); // the voice started (no watchdog left) and no sleep timer runs
    c.setSleep(15);
    c.pause();
    clock.advance(15 * 60_000);
    expect(c.state.value.sleep).toBe('off');
  });

  it.each(['synthesis-failed', 'interrupted', 'audio-busy', 'network'])('stops on the voice’s %s error with a message, the place kept', async (code) => {
    const { c, synth, finish } = setup();
    await c.start(ONE);
    await settle();
    await finish();
    synth.fail(code);
    expect(c.state.value).toMatchObject({ status: 'idle', message: messageForError(code) });
    expect(c.state.value.sentence?.text).toBe('Second one. ');
    expect(c.state.value.message).toMatch(/place is kept|choose another voice/i);
  });

  it('says so when there is no speech synthesis', async () => {
    const { c } = setup({ synth: null });
    await expect(c.start(ONE)).resolves.toBeUndefined();
    expect(c.state.value).toMatchObject({ status: 'idle', message: NO_SYNTHESIS });
  });

  it('waits for voices that arrive late, and says how to get one when none come', async () => {
    const late = setup();
    late.synth.voices = [];
    const starting = late.c.start(ONE);
    late.synth.setVoices(VOICES);
    await starting;
    expect(late.c.state.value.status).toBe('speaking');

    const none = setup();
    none.synth.voices = [];
    const waiting = none.c.start(ONE);
    none.clock.advance(VOICE_WAIT_MS);
    await waiting;
    expect(none.c.state.value).toMatchObject({ status: 'idle', message: NO_VOICES });
    expect(NO_VOICES).toMatch(/settings/);

    const german = setup();
    german.synth.voices = VOICES.filter((v) => v.lang.startsWith('de'));
    await german.c.start(ONE);
    expect(german.c.state.value.message).toBe(noVoiceFor('en'));
  });

  it('follows voices the device adds later', () => {
    const { c, synth } = setup();
    synth.setVoices([VOICES[0] as (typeof VOICES)[number]]);
    expect(c.voices.value.map((v) => v.voiceURI)).toEqual(['net-en-us']);
    synth.setVoices(VOICES);
    expect(c.voice.value?.voiceURI).toBe('local-en-gb');
  });

  it('stops with a message when the voice never starts', async () => {
    const { c, synth, clock } = setup();
    synth.starts = false;
    await c.start(ONE);
    clock.advance(START_TIMEOUT_MS);
    expect(c.state.value).toMatchObject({ status: 'idle', message: NEVER_STARTED });
  });

  it('stops with the place kept when the next section cannot be loaded', async () => {
    const { c, finish } = setup({ failOn: 'two' });
    await c.start({ sectionId: 'one', block: 2, offset: 20 });
    await settle();
    await finish();
    expect(c.state.value).toMatchObject({ status: 'idle', message: LOAD_FAILED });
    expect(c.state.value.sentence?.text).toBe('Fourth one.');
  });

  it('never throws, even when the synthesis does', async () => {
    const { c, synth } = setup();
    synth.speak = () => {
      throw new Error('boom');
    };
    synth.cancel = () => {
      throw new Error('boom');
    };
    await expect(c.start(ONE)).resolves.toBeUndefined();
    expect(c.state.value.message).toBe(messageForError('synthesis-failed'));
    expect(() => {
      c.pause();
      c.stop();
      c.setRate(2);
      c.setVoice(null);
      c.setSleep(60);
      c.dispose();
    }).not.toThrow();
    await expect(c.resume()).resolves.toBeUndefined();
    await expect(c.next()).resolves.toBeUndefined();
    await expect(c.previous()).resolves.toBeUndefined();
  });

  it('ignores events of utterances it cancelled', async () => {
    const { c, synth, marked } = setup();
    await c.start(ONE);
    await settle();
    const old = synth.current;
    await c.next();
    await settle();
    old?.onend?.({});
    old?.onstart?.({});
    old?.onerror?.({ error: 'synthesis-failed' });
    await settle();
    expect(c.state.value).toMatchObject({ status: 'speaking', message: null });
    expect(marked.map((s) => s.text)).toEqual(['First one. ', 'Second one. ']);
  });
});
