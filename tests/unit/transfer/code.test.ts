import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/transfer/base64url';
import { CODE_MESSAGES, decodeTransferCode, encodeTransferCode } from '../../../src/transfer/code';
import { crc32 } from '../../../src/transfer/crc32';
import { openStore } from '../../../src/storage/store';
import { channelName, freshIdb, place, works } from '../storage/helpers';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const sample = {
  format: 'quire-reading-data',
  version: 1,
  exportedAt: 1_700_000_000_000,
  positions: [place(), place({ workId: 'beta', sectionId: 'b1', block: 1, offset: 0 })],
  settings: { value: { theme: 'dark', fontSize: 22, note: 'é “quoted” ✓' }, updatedAt: 5 },
  acknowledgements: [{ workId: 'alpha', updatedAt: 3 }],
  speedSamples: [],
  bookmarks: [],
};

describe('crc32 and base64url', () => {
  it('match the reference values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(fromBase64Url('-_-_')).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]));
  });

  it('refuse text that is not the canonical spelling of some bytes', () => {
    expect(fromBase64Url('QQ')).toEqual(new Uint8Array([0x41]));
    expect(fromBase64Url('QR')).toBeNull(); // the same byte, with a bit set past its end
    expect(fromBase64Url('QQ==')).toBeNull();
    expect(fromBase64Url('Q')).toBeNull();
    expect(fromBase64Url('Q+Q/')).toBeNull();
  });
});

describe('transfer codes', () => {
  it('round-trip the reading data, and are shorter than its JSON', async () => {
    const code = await encodeTransferCode(sample);
    expect(code).toMatch(/^QUIRE1:[A-Za-z0-9_-]+$/);
    expect(await decodeTransferCode(code)).toEqual({ ok: true, value: sample });
    const big = { ...sample, speedSamples: Array.from({ length: 300 }, (_, i) => ({ workId: 'alpha', words: 250 + i, ms: 60_000, updatedAt: i })) };
    const bigCode = await encodeTransferCode(big);
    expect(bigCode.length).toBeLessThan(JSON.stringify(big).length);
    expect(await decodeTransferCode(bigCode)).toEqual({ ok: true, value: big });
  });

  it('ignore white space around and inside (a code broken over lines)', async () => {
    const code = await encodeTransferCode(sample);
    const broken = `  ${code.slice(0, 20)}\n${code.slice(20, 50)} ${code.slice(50)}\n`;
    expect(await decodeTransferCode(broken)).toEqual({ ok: true, value: sample });
  });

  it('refuse every code with any one character changed', async () => {
    const code = await encodeTransferCode(sample);
    for (let i = 0; i < code.length; i++) {
      const original = code[i] as string;
      // A different character of the code's own alphabet (the hardest case), at every position.
      const replacement = ALPHABET[(ALPHABET.indexOf(original) + 1 + (i % 63)) % 64] ?? 'A';
      const changed = code.slice(0, i) + (replacement === original ? 'B' : replacement) + code.slice(i + 1);
      const result = await decodeTransferCode(changed);
      expect(result.ok, `character ${i} changed: ${changed.slice(Math.max(0, i - 3), i + 4)}`).toBe(false);
    }
  });

  it('refuse every truncated code, with the damaged message', async () => {
    const code = await encodeTransferCode(sample);
    for (let n = 'QUIRE1:'.length; n < code.length; n++) {
      expect(await decodeTransferCode(code.slice(0, n))).toEqual({ ok: false, message: CODE_MESSAGES.damaged });
    }
  });

  it('say what is wrong: empty, foreign, newer', async () => {
    expect(await decodeTransferCode('  ')).toEqual({ ok: false, message: CODE_MESSAGES.empty });
    expect(await decodeTransferCode('{"format":"quire-reading-data"}')).toEqual({ ok: false, message: CODE_MESSAGES.foreign });
    const code = await encodeTransferCode(sample);
    expect(await decodeTransferCode(code.replace('QUIRE1:', 'QUIRE2:'))).toEqual({ ok: false, message: CODE_MESSAGES.newer });
    expect(CODE_MESSAGES.damaged).toMatch(/Nothing was changed/);
  });

  it('carry places, settings and bookmarks from one store to another, merged like an import', async () => {
    const from = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    await from.putPosition(place({ updatedAt: 2000 }));
    await from.putSettings({ theme: 'sepia', fontSize: 20 });
    await from.putBookmark({ id: 'bm1', workId: 'alpha', locator: place({ block: 4 }), snippet: 'a dark', createdAt: 10, updatedAt: 10 });
    const code = await encodeTransferCode(await from.exportData());

    const to = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    await to.putPosition(place({ workId: 'beta', sectionId: 'b1', block: 0, offset: 0, updatedAt: 1 }));
    const decoded = await decodeTransferCode(code);
    if (!decoded.ok) throw new Error(decoded.message);
    const result = await to.importData(decoded.value);
    expect(result.ok).toBe(true);
    expect(await to.getPosition('alpha')).toMatchObject({ block: 2, offset: 5, updatedAt: 2000 });
    expect(await to.getPosition('beta')).toMatchObject({ block: 0 }); // kept: merged, not replaced
    expect(await to.getSettings((raw) => raw)).toEqual({ theme: 'sepia', fontSize: 20 });
    expect((await to.listBookmarks('alpha')).map((b) => b.id)).toEqual(['bm1']);
    from.close();
    to.close();
  });
});
