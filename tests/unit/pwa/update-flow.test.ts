import { describe, expect, it } from 'vitest';
import { createUpdateFlow, RELOAD_FALLBACK_MS } from '../../../src/pwa/update-flow';

function flow() {
  const log: string[] = [];
  const timers: { ms: number; run: () => void }[] = [];
  const f = createUpdateFlow({
    reload: () => log.push('reload'),
    offer: () => log.push('offer'),
    after: (ms, run) => void timers.push({ ms, run }),
  });
  return { f, log, timers };
}

describe('createUpdateFlow', () => {
  it('never reloads before the reader chose Reload', () => {
    const { f, log } = flow();
    f.controlling();
    f.controllerChanged(true);
    expect(log).not.toContain('reload');
  });

  it('offers the update when another tab activated it', () => {
    const { f, log } = flow();
    f.controllerChanged(true);
    expect(log).toEqual(['offer']);
  });

  it('ignores the first install taking control', () => {
    const { f, log } = flow();
    f.controllerChanged(false);
    expect(log).toEqual([]);
  });

  it('reloads once after Reload, whichever event comes (controlling, or the controllerchange fallback)', () => {
    const a = flow();
    a.f.choose();
    a.f.controlling();
    a.f.controllerChanged(true);
    expect(a.log).toEqual(['reload']);

    const b = flow();
    b.f.choose();
    b.f.controllerChanged(true); // vite-plugin-pwa #789: no `controlling` event
    expect(b.log).toEqual(['reload']);
  });

  it('reloadNow reloads once too', () => {
    const { f, log } = flow();
    f.choose();
    f.reloadNow();
    f.controlling();
    expect(log).toEqual(['reload']);
  });

  it('reloads anyway when the new worker never reports taking control (installed iOS apps), once', () => {
    const { f, log, timers } = flow();
    f.choose();
    f.awaitControl();
    expect(log).toEqual([]);
    expect(timers.map((t) => t.ms)).toEqual([RELOAD_FALLBACK_MS]);
    timers[0]?.run();
    expect(log).toEqual(['reload']);
    f.controllerChanged(true);
    expect(log).toEqual(['reload']);
  });

  it('does not reload twice when control arrives before the fallback', () => {
    const { f, log, timers } = flow();
    f.choose();
    f.awaitControl();
    f.controlling();
    timers[0]?.run();
    expect(log).toEqual(['reload']);
  });
});
