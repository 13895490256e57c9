/** The app's routes live in the URL hash: `#/` is the library, `#/read/<work id>` a work. */

export type Route = { name: 'library' } | { name: 'read'; workId: string };

/** Parses a location hash into a route; anything unknown is the library. */
export function parseHash(hash: string): Route {
  const match = /^#\/read\/([^/?#]+)\/?$/.exec(hash);
  if (match?.[1]) {
    try {
      return { name: 'read', workId: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'read', workId: match[1] };
    }
  }
  return { name: 'library' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  return route.name === 'read' ? `#/read/${encodeURIComponent(route.workId)}` : '#/';
}
