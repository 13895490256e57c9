import { describe, expect, test } from 'vitest';
import { classifyKey, classifyTap } from '../../../src/reader/input';

const key = (k: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('keys', () => {
  test('page keys, Space and Shift+Space turn; Escape leaves; m toggles the controls; B bookmarks; ? shows the keys', () => {
    expect(['ArrowRight', 'PageDown', ' '].map((k) => classifyKey(key(k), false))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((k) => classifyKey(key(k), false))).toEqual(['prev', 'prev']);
    expect(classifyKey(key(' ', { shiftKey: true }), false)).toBe('prev');
    expect(classifyKey(key('Escape'), false)).toBe('library');
    expect(classifyKey(key('m'), false)).toBe('controls');
    expect(classifyKey(key('?', { shiftKey: true }), false)).toBe('help');
    expect(classifyKey(key('b'), false)).toBe('bookmark');
    expect(classifyKey(key('B'), false)).toBe('bookmark');
    expect(classifyKey(key('r'), false)).toBe('readAloud');
    expect(classifyKey(key('R'), true)).toBe('readAloud');
  });

  test('Space and Enter on a focused control are the control\'s; modified keys and others are nobody\'s', () => {
    expect(classifyKey(key(' '), true)).toBeNull();
    expect(classifyKey(key('Enter'), true)).toBeNull();
    expect(classifyKey(key('ArrowRight'), true)).toBe('next');
    expect(classifyKey(key('ArrowRight', { ctrlKey: true }), false)).toBeNull();
    expect(classifyKey(key('b', { metaKey: true }), false)).toBeNull();
    expect(classifyKey(key('x'), false)).toBeNull();
  });
});

describe('page-turner remotes', () => {
  test('Enter and the media next/previous keys turn; Enter on a focused control is the control\'s', () => {
    expect(classifyKey(key('Enter'), false)).toBe('next');
    expect(classifyKey(key('MediaTrackNext'), false)).toBe('next');
    expect(classifyKey(key('MediaTrackPrevious'), false)).toBe('prev');
    expect(classifyKey(key('MediaTrackNext'), true)).toBe('next');
  });

  test('up and down turn pages when paginated, and are left to scrolling otherwise', () => {
    expect([classifyKey(key('ArrowDown'), false), classifyKey(key('ArrowUp'), false)]).toEqual(['next', 'prev']);
    expect([classifyKey(key('ArrowDown'), false, false), classifyKey(key('ArrowUp'), false, false)]).toEqual([null, null]);
    expect(classifyKey(key('PageDown'), false, false)).toBe('next');
  });
});

describe('taps and swipes', () => {
  const tap = (x: number, paginated = true) => classifyTap({ dx: 0, dy: 0, x, pointerType: 'touch', paginated });
  test('edges turn, the middle toggles the controls; scrolling, every tap toggles', () => {
    expect([tap(0.1), tap(0.5), tap(0.9)]).toEqual(['prev', 'controls', 'next']);
    expect([tap(0.1, false), tap(0.9, false)]).toEqual(['controls', 'controls']);
  });

  test('a sideways swipe turns (touch and pen, not a mouse drag); a drag that is no swipe does nothing', () => {
    expect(classifyTap({ dx: -80, dy: 10, x: 0.5, pointerType: 'touch', paginated: true })).toBe('next');
    expect(classifyTap({ dx: 80, dy: 10, x: 0.5, pointerType: 'pen', paginated: true })).toBe('prev');
    expect(classifyTap({ dx: -80, dy: 10, x: 0.5, pointerType: 'mouse', paginated: true })).toBeNull();
    expect(classifyTap({ dx: -80, dy: 10, x: 0.5, pointerType: 'touch', paginated: false })).toBeNull();
    expect(classifyTap({ dx: 20, dy: 30, x: 0.5, pointerType: 'touch', paginated: true })).toBeNull();
  });
});

describe('a selection never turns the page', () => {
  const swipe = { dx: -80, dy: 10, x: 0.5, pointerType: 'touch', paginated: true };
  const edgeTap = { dx: 0, dy: 0, x: 0.95, pointerType: 'mouse', paginated: true };
  test('a swipe or an edge tap that starts on a selection or ends one does nothing else', () => {
    expect(classifyTap(swipe)).toBe('next');
    expect(classifyTap({ ...swipe, selectedAtEnd: true }), 'a handle drag that ends with text selected').toBeNull();
    expect(classifyTap({ ...swipe, selectedAtStart: true })).toBeNull();
    expect(classifyTap({ ...edgeTap, selectedAtStart: true }), 'a click that clears a selection').toBeNull();
    expect(classifyTap({ ...edgeTap, selectedAtStart: false, selectedAtEnd: false })).toBe('next');
  });

  test('Shift+arrows extend a selection instead of turning; Shift+Space still turns back', () => {
    expect(classifyKey(key('ArrowRight', { shiftKey: true }), false)).toBeNull();
    expect(classifyKey(key('ArrowLeft', { shiftKey: true }), false)).toBeNull();
    expect(classifyKey(key(' ', { shiftKey: true }), false)).toBe('prev');
    expect(classifyKey(key('PageDown', { shiftKey: true }), false)).toBe('next');
  });
});
