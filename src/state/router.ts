/** The app's routes live in the URL hash: `#/` is the library, `#/read/<work id>` a work, `#/about/<work id>` its details. */

export type Route = { name: 'library' } | { name: 'read'; workId: string } | { name: 'about'; workId: string };

/** Parses a location hash into a route; anything unknown is the library. */
export function parseHash(hash: string): Route {
  const match = /^#\/(read|about)\/([^/?#]+)\/?$/.exec(hash);
  if (match?.[2]) {
    const name = match[1] === 'about' ? 'about' : 'read';
    try {
      return { name, workId: decodeURIComponent(match[2]) };
    } catch {
      return { name, workId: match[2] };
    }
  }
  return { name: 'library' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  return route.name === 'library' ? '#/' : `#/${route.name}/${encodeURIComponent(route.workId)}`;
}
