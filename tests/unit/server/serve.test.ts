import { request, type IncomingMessage } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../../build/csp-policy.mjs';
import { serve } from '../../../scripts/serve.mjs';

let root = '';
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quire-serve-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Quire</title>');
  await writeFile(join(root, 'assets', 'app-1234.js'), 'export {};');
  server = await serve({ root, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(new URL(path, server.url));

function expectSafetyHeaders(res: Response): void {
  expect(res.headers.get('content-security-policy')).toBe(CSP);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('scripts/serve.mjs', () => {
  it('a bad percent-encoding is a 400 that says nothing of the error', async () => {
    const res = await get('/%E0%A4%A');
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toBe('Bad request');
    expect(body).not.toMatch(/URIError|malformed|at /i);
    expectSafetyHeaders(res);
  });

  it('sends the CSP and nosniff on every response: files, the shell, 404s and 403s', async () => {
    const cases: [string, number][] = [
      ['/', 200],
      ['/assets/app-1234.js', 200],
      ['/library', 200], // no extension: the shell
      ['/missing.js', 404],
      ['/assets/missing.css', 404],
    ];
    for (const [path, status] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expectSafetyHeaders(res);
      await res.arrayBuffer();
    }
  });

  it('never serves outside its root (a 403 with the same headers)', async () => {
    // node:http sends the path as written (fetch would resolve the dots first).
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      request(new URL(server.url), { path: '/..%2f..%2fetc%2fhosts.txt' }, resolve).on('error', reject).end(),
    );
    res.resume();
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
