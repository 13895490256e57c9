import { expect, it } from 'vitest';
import { gestureMayAct, keyMayTurn } from '../../../src/annotations/gesture';

it('a swipe or tap that starts on a selection or ends one does nothing else', () => {
  expect(gestureMayAct({ selectedAtStart: false, selectedAtEnd: false })).toBe(true);
  expect(gestureMayAct({ selectedAtStart: true, selectedAtEnd: false }), 'a tap that clears a selection').toBe(false);
  expect(gestureMayAct({ selectedAtStart: false, selectedAtEnd: true }), 'a drag that made or moved a selection').toBe(false);
  expect(gestureMayAct({ selectedAtStart: true, selectedAtEnd: true }), 'a handle dragged').toBe(false);
});

it('Shift+arrows extend a selection instead of turning; Shift+Space still turns back', () => {
  expect(keyMayTurn('ArrowRight', true)).toBe(false);
  expect(keyMayTurn('ArrowLeft', true)).toBe(false);
  expect(keyMayTurn('ArrowRight', false)).toBe(true);
  expect(keyMayTurn(' ', true)).toBe(true);
  expect(keyMayTurn('PageDown', true)).toBe(true);
});
