import { expect, test } from 'vitest';
import { parseHash, routeHash } from '../../../src/state/router';

test('the library is the default route', () => {
  expect(parseHash('')).toEqual({ name: 'library' });
  expect(parseHash('#/')).toEqual({ name: 'library' });
  expect(parseHash('#/nonsense/here')).toEqual({ name: 'library' });
});

test('a work route keeps its id, including unknown or odd ones, for the reader to judge', () => {
  expect(parseHash('#/read/making-it-work')).toEqual({ name: 'read', workId: 'making-it-work' });
  expect(parseHash('#/read/no%20such')).toEqual({ name: 'read', workId: 'no such' });
  expect(parseHash('#/read/%E0%A4%A')).toEqual({ name: 'read', workId: '%E0%A4%A' });
});

test('routes round-trip through the hash', () => {
  for (const route of [{ name: 'library' } as const, { name: 'read', workId: 'a b/c' } as const]) {
    expect(parseHash(routeHash(route))).toEqual(route);
  }
});

test('a work’s "About this work" page has its own route', () => {
  expect(parseHash('#/about/making-it-work')).toEqual({ name: 'about', workId: 'making-it-work' });
  expect(routeHash({ name: 'about', workId: 'a b' })).toBe('#/about/a%20b');
  expect(parseHash(routeHash({ name: 'about', workId: 'a b/c' }))).toEqual({ name: 'about', workId: 'a b/c' });
});

test('a passage link keeps its place for the reader to check; other query parts are ignored', () => {
  expect(parseHash('#/read/making-it-work?at=1.story.3.5.QQ')).toEqual({ name: 'read', workId: 'making-it-work', at: '1.story.3.5.QQ' });
  expect(parseHash('#/read/making-it-work?at=')).toEqual({ name: 'read', workId: 'making-it-work', at: '' });
  expect(parseHash('#/read/making-it-work?x=1')).toEqual({ name: 'read', workId: 'making-it-work' });
  const route = { name: 'read', workId: 'making-it-work', at: '1.story.3.5.QQ' } as const;
  expect(routeHash(route)).toBe('#/read/making-it-work?at=1.story.3.5.QQ');
  expect(parseHash(routeHash(route))).toEqual(route);
});
