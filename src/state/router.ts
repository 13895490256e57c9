/** The app's routes live in the URL hash: `#/` is the library, `#/read/<work id>` a work (`?at=<place>` a passage in it), `#/about/<work id>` its details. */

export type Route =
  | { name: 'library' }
  | { name: 'read'; workId: string; /** a passage link's place, unchecked (src/annotations/link.ts reads it) */ at?: string }
  | { name: 'about'; workId: string };

/** Parses a location hash into a route; anything unknown is the library. */
export function parseHash(hash: string): Route {
  const match = /^#\/(read|about)\/([^/?#]+)\/?(?:\?([^#]*))?$/.exec(hash);
  if (match?.[2]) {
    let workId = match[2];
    try {
      workId = decodeURIComponent(match[2]);
    } catch {
      // kept as written: the reader says there is no such work
    }
    if (match[1] === 'about') return { name: 'about', workId };
    const at = match[3] === undefined ? null : new URLSearchParams(match[3]).get('at');
    return at === null ? { name: 'read', workId } : { name: 'read', workId, at };
  }
  return { name: 'library' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if (route.name === 'library') return '#/';
  const base = `#/${route.name}/${encodeURIComponent(route.workId)}`;
  return route.name === 'read' && route.at !== undefined ? `${base}?at=${encodeURIComponent(route.at)}` : base;
}
