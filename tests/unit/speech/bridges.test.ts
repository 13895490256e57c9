// Read-aloud's wake lock and Media Session bridges, driven by the real controller over fakes.
import { describe, expect, it } from 'vitest';
import { bindMediaSession, bindWakeLock, type MediaSessionLike } from '../../../src/speech/bridges';
import { createSpeechController } from '../../../src/speech/controller';
import { FakeSynthesis, FakeUtterance, fakeSource, ManualClock, settle } from './fakes';

function controller() {
  const synth = new FakeSynthesis();
  const c = createSpeechController({ synth, makeUtterance: (t) => new FakeUtterance(t), source: fakeSource().source, clock: new ManualClock(), lang: 'en', voice: null, rate: 1 });
  return { c, synth };
}

class FakeSession implements MediaSessionLike {
  metadata: unknown = null;
  playbackState: MediaSessionLike['playbackState'] = 'none';
  handlers = new Map<string, (() => void) | null>();
  setActionHandler(action: string, handler: (() => void) | null): void {
    if (action === 'stop') throw new TypeError('not supported here');
    this.handlers.set(action, handler);
  }
}

describe('bindWakeLock', () => {
  it('holds the screen on while speaking, releases on pause, stop and dispose', async () => {
    const { c } = controller();
    const log: string[] = [];
    const dispose = bindWakeLock(c.state, { hold: (r) => log.push(`hold ${r}`), release: (r) => log.push(`release ${r}`) });
    expect(log).toEqual(['release speech']);
    await c.start({ sectionId: 'one', block: 0, offset: 0 });
    expect(log.at(-1)).toBe('hold speech');
    c.pause();
    expect(log.at(-1)).toBe('release speech');
    await c.resume();
    expect(log.at(-1)).toBe('hold speech');
    c.stop();
    expect(log.at(-1)).toBe('release speech');
    await c.resume();
    log.length = 0;
    dispose();
    expect(log).toEqual(['release speech']);
  });

  it('survives a wake lock that throws', async () => {
    const { c } = controller();
    const boom = () => {
      throw new Error('denied');
    };
    const dispose = bindWakeLock(c.state, { hold: boom, release: boom });
    await c.start({ sectionId: 'one', block: 0, offset: 0 });
    expect(c.state.value.status).toBe('speaking');
    expect(dispose).not.toThrow();
  });
});

describe('bindMediaSession', () => {
  it('shows the work and section, playing or paused, and maps the lock screen’s buttons to sentences', async () => {
    const { c, synth } = controller();
    const session = new FakeSession();
    const dispose = bindMediaSession(c, session, (init) => ({ ...init }), { workTitle: 'Making It Work', sectionTitle: (id) => `Section ${id}` });
    expect(session.playbackState).toBe('none');
    await c.start({ sectionId: 'one', block: 2, offset: 20 });
    await settle();
    expect(session.metadata).toEqual({ title: 'Making It Work', artist: 'Section one', album: 'Read aloud' });
    expect(session.playbackState).toBe('playing');
    session.handlers.get('nexttrack')?.();
    await settle();
    expect(synth.current?.text).toBe('Fifth one. ');
    expect(session.metadata).toMatchObject({ artist: 'Section two' });
    session.handlers.get('previoustrack')?.();
    await settle();
    expect(synth.current?.text).toBe('Fourth one.');
    session.handlers.get('pause')?.();
    expect(session.playbackState).toBe('paused');
    session.handlers.get('play')?.();
    await settle();
    expect(session.playbackState).toBe('playing');
    expect(synth.current?.text).toBe('Fourth one.');
    c.stop();
    expect(session.playbackState).toBe('none');
    expect(session.metadata).toBeNull();
    expect(session.handlers.get('play')).toBeNull();
    dispose();
  });

  it('does nothing without a Media Session', () => {
    const { c } = controller();
    expect(() => bindMediaSession(c, undefined, () => null, { workTitle: '', sectionTitle: () => '' })()).not.toThrow();
  });
});
