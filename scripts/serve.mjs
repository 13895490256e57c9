// @ts-check
/**
 * A small static server for the production build, used by `npm start` and the
 * e2e suite. It sends the headers a real deployment should send (see README:
 * Deployment): a Content-Security-Policy, no long caching for the service
 * worker, index.html and the manifest, and immutable caching for hashed assets.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP } from '../build/csp-policy.mjs';

/** Sent with every response, errors included. */
const SAFETY = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/**
 * A short plain-text answer (an error); it never carries the error's own text.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function plain(res, status, text) {
  res.writeHead(status, { ...SAFETY, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end(text);
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files that must always be revalidated so updates are seen. */
const NO_CACHE = new Set(['/', '/index.html', '/sw.js', '/manifest.webmanifest']);

/**
 * Starts serving `root` on host:port (port 0 picks a free one).
 * @param {{ root?: string, host?: string, port?: number, log?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, setRoot(dir: string): void, close(): Promise<void> }>}
 */
export async function serve(options = {}) {
  let root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        plain(res, 400, 'Bad request');
        return;
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        plain(res, 403, 'Forbidden');
        return;
      }
      let body;
      let served = file;
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        body = await readFile(file);
      } catch {
        // The app routes in the hash; any other unknown path without an extension gets the shell.
        if (extname(path) !== '') {
          plain(res, 404, 'Not found');
          return;
        }
        served = join(root, 'index.html');
        body = await readFile(served);
      }
      const ext = extname(served);
      const name = '/' + served.slice(root.length + 1).split(sep).join('/');
      res.writeHead(200, {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': NO_CACHE.has(name) || ext === '.html'
          ? 'no-cache'
          : name.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        ...SAFETY,
        ...(name === '/sw.js' ? { 'Service-Worker-Allowed': '/' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      // Logged here; the answer says nothing of the server's insides.
      console.error('serve:', error);
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4173, host, () => done(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${host}:${port}/`;
  if (options.log) console.log(`Quire is being served at ${url} (from ${root}). Press Ctrl+C to stop.`);
  return {
    url,
    port,
    setRoot(dir) {
      root = resolve(dir);
    },
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  /** @param {string} name */
  const arg = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  await serve({
    root: arg('root') ?? process.env.QUIRE_DIST ?? 'dist',
    host: arg('host') ?? '127.0.0.1',
    port: Number(arg('port') ?? process.env.PORT ?? 4173),
    log: true,
  });
}
