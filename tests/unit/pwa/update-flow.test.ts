import { describe, expect, it } from 'vitest';
import { createUpdateFlow } from '../../../src/pwa/update-flow';

function flow() {
  const log: string[] = [];
  const f = createUpdateFlow({ reload: () => log.push('reload'), offer: () => log.push('offer') });
  return { f, log };
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
});
