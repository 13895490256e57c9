/** The app's routes live in the URL hash: `#/` is the library, `#/read/<work id>` a work, `?at=<place>` a passage in it. */

export type Route = { name: 'library' } | { name: 'read'; workId: string; /** a passage link's place, unchecked (src/annotations/link.ts reads it) */ at?: string };

/** Parses a location hash into a route; anything unknown is the library. */
export function parseHash(hash: string): Route {
  const match = /^#\/read\/([^/?#]+)\/?(?:\?([^#]*))?$/.exec(hash);
  if (match?.[1]) {
    let workId = match[1];
    try {
      workId = decodeURIComponent(match[1]);
    } catch {
      // kept as written: the reader says there is no such work
    }
    const at = match[2] === undefined ? null : new URLSearchParams(match[2]).get('at');
    return at === null ? { name: 'read', workId } : { name: 'read', workId, at };
  }
  return { name: 'library' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if (route.name !== 'read') return '#/';
  const base = `#/read/${encodeURIComponent(route.workId)}`;
  return route.at === undefined ? base : `${base}?at=${encodeURIComponent(route.at)}`;
}
