// @ts-check
/**
 * The side-by-side page for foliate-js (copied by run.mjs to `<dist>/__foliate/driver.mjs`, with
 * foliate-js itself in `<dist>/__foliate/lib/`): opens `books/<id>.epub` (id from `?book=`) in a
 * full-page `<foliate-view>`, paginated, at the start of the text, the way foliate-js's own
 * reader.js does (`open`, `setStyles`, `renderer.next()`), and publishes `globalThis.__foliate`
 * for bench/in-page.mjs: the view, a count of relocate events, the last CFI and section index,
 * and a count of sections loaded.
 */
import './lib/view.js';

/** Quire's default typography, so both lay out about the same text per page. @param {number} px */
const css = (px) => `
  html { color-scheme: light; }
  body { font-family: Georgia, 'Times New Roman', serif; font-size: ${px}px; line-height: 1.55; margin: 0; }
  p { margin: 0 0 0.8em; text-align: start; }
  h2 { font-size: 1.3em; margin: 0 0 1em; }
`;

const state = { view: /** @type {any} */ (null), relocations: 0, loads: 0, cfi: '', index: -1, css, busy: /** @type {Promise<unknown>} */ (Promise.resolve()) };
Object.defineProperty(globalThis, '__foliate', { value: state });

const id = new URL(location.href).searchParams.get('book') ?? 'making-it-work';
const view = /** @type {any} */ (document.createElement('foliate-view'));
state.view = view;
document.body.append(view);
view.addEventListener('load', () => state.loads++);
view.addEventListener('relocate', (/** @type {CustomEvent} */ e) => {
  // foliate-js reports a place before the first section is shown; counted from the first load on.
  if (state.loads === 0) return;
  state.cfi = e.detail.cfi ?? '';
  state.index = e.detail.section?.current ?? state.index;
  state.relocations++;
});
state.busy = (async () => {
  await view.open(`books/${encodeURIComponent(id)}.epub`);
  view.renderer.setAttribute('flow', 'paginated');
  view.renderer.setStyles(css(18));
  // Resolves when the paginator unlocks (100 ms after the first page shows); the bench waits for it.
  await view.renderer.next();
})();
await state.busy;
