// @vitest-environment happy-dom
// A lazy part drawn while its chunk was on its way draws itself once the chunk is in, even when
// the chunk arrives between the draw and the effect that waits for it (a busy machine).
import { h, render, type FunctionComponent } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => vi.resetModules());

test('the chunk arriving between the pending draw and its effect still replaces the pending draw', async () => {
  const { lazy } = await import('../../../src/ui/lazy');
  let arrive: (c: FunctionComponent<object>) => void = () => undefined;
  const Part = () => h('p', null, 'the part');
  const Lazy = lazy(
    () => new Promise<FunctionComponent<object>>((resolve) => (arrive = resolve)),
    () => h('p', null, 'Loading…'),
  );
  // The chunk is asked for (the idle preload), and the part is drawn while it is on its way.
  const preload = Lazy.preload();
  const root = document.createElement('div');
  render(h(Lazy, {}), root);
  expect(root.textContent).toBe('Loading…');
  // The chunk comes in before the component's effects have run.
  arrive(Part);
  await preload;
  // Then the effects run (after the next frame), and whatever they schedule.
  await vi.waitFor(() => expect(root.textContent).toBe('the part'), { timeout: 2_000 });
});

test('drawn after its chunk came in, it draws the part at once', async () => {
  const { lazy } = await import('../../../src/ui/lazy');
  const Part = () => h('p', null, 'the part');
  const Lazy = lazy(() => Promise.resolve(Part), () => h('p', null, 'Loading…'));
  await Lazy.preload();
  const root = document.createElement('div');
  await act(() => render(h(Lazy, {}), root));
  expect(root.textContent).toBe('the part');
});
