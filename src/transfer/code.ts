/** Transfer codes: the reading data as one line of text to copy from Safari and paste into the installed app. See ./README.md. */
import { MAX_IMPORT_BYTES } from '../storage/backup';
import { fromBase64Url, toBase64Url } from './base64url';
import { crc32 } from './crc32';

/** The code format this version writes and the newest it reads. */
export const CODE_VERSION = 1;
/** Every code starts with this, then the version and a colon: `QUIRE1:…`. */
export const CODE_PREFIX = 'QUIRE';
/** A code that inflates past this is refused: the same limit as an imported file. */
export const MAX_DATA_BYTES = MAX_IMPORT_BYTES;

const FORMAT: CompressionFormat = 'deflate-raw';
const NOTHING_CHANGED = 'Nothing was changed.';

/** Why a pasted code was refused, in words for the reader. */
export const CODE_MESSAGES = {
  empty: `Paste a transfer code into the box first. ${NOTHING_CHANGED}`,
  foreign: `This isn't a Quire transfer code. ${NOTHING_CHANGED}`,
  newer: `This code was made by a newer version of Quire. Update Quire, then paste it again. ${NOTHING_CHANGED}`,
  damaged: `This transfer code is damaged or incomplete. Copy it again, all of it, and paste it here. ${NOTHING_CHANGED}`,
  unsupported: `This browser can't read transfer codes. Use "Import reading data" with an exported file instead. ${NOTHING_CHANGED}`,
} as const;

/** A decoded code: the reading-data value (checked by the store's import), or why not. */
export type DecodedCode = { ok: true; value: unknown } | { ok: false; message: string };

/** The browser can make and read codes (CompressionStream: Safari 16.4+, Chromium, Firefox 113+). */
export function transferSupported(): boolean {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

async function squeeze(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream(FORMAT));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, refusing output past MAX_DATA_BYTES; throws on a broken stream. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream(FORMAT)).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_DATA_BYTES) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The code for `data` (what `store.exportData()` returns): `QUIRE1:` + base64url of
 * [CRC-32 of the compressed bytes, 4 bytes big-endian][deflate-raw of the JSON].
 */
export async function encodeTransferCode(data: unknown): Promise<string> {
  const packed = await squeeze(new TextEncoder().encode(JSON.stringify(data)));
  const bytes = new Uint8Array(4 + packed.length);
  new DataView(bytes.buffer).setUint32(0, crc32(packed));
  bytes.set(packed, 4);
  return `${CODE_PREFIX}${CODE_VERSION}:${toBase64Url(bytes)}`;
}

/**
 * Checks a pasted code whole (prefix, version, alphabet, checksum, compression, JSON)
 * before anything may be written. White space (a code broken over lines) is ignored.
 */
export async function decodeTransferCode(text: string): Promise<DecodedCode> {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return { ok: false, message: CODE_MESSAGES.empty };
  const head = /^QUIRE(\d+):/i.exec(compact);
  if (!head) return { ok: false, message: CODE_MESSAGES.foreign };
  const version = Number(head[1]);
  if (version > CODE_VERSION) return { ok: false, message: CODE_MESSAGES.newer };
  if (version < 1 || head[0].slice(0, CODE_PREFIX.length) !== CODE_PREFIX) return { ok: false, message: CODE_MESSAGES.damaged };
  if (!transferSupported()) return { ok: false, message: CODE_MESSAGES.unsupported };

  const bytes = fromBase64Url(compact.slice(head[0].length));
  if (!bytes || bytes.length < 5) return { ok: false, message: CODE_MESSAGES.damaged };
  const packed = bytes.subarray(4);
  if (new DataView(bytes.buffer, bytes.byteOffset).getUint32(0) !== crc32(packed)) return { ok: false, message: CODE_MESSAGES.damaged };
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(await inflate(packed));
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, message: CODE_MESSAGES.damaged };
  }
}
