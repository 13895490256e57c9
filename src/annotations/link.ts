/**
 * The one link to a passage: `#/read/<work>?at=<place>`, where the place is
 * `1.<section>.<block>.<offset>.<short quote, base64url of its UTF-8>`. Versioned (the
 * leading `1`), compact, URL-safe without escaping. Bookmarks, highlights, search results
 * and "Copy" all make their links here. Pure: no DOM.
 */
import { resolveAnchor, type SectionText } from './anchor';
import type { TextPlace } from './types';

/** The encoding's version: the first field of every place. */
export const LINK_VERSION = 1;
/** Characters of text kept in a link to find the place again (UTF-16 units, never splitting a pair). */
export const SHORT_QUOTE = 16;
/** The longest `at` value accepted; anything longer is not one of ours. */
export const MAX_AT_LENGTH = 160;

/** A place a link points at: section, block, offset and the text that starts there. */
export interface Passage {
  sectionId: string;
  block: number;
  offset: number;
  /** The first characters at the place ('' when none were kept). */
  quote: string;
}

/** Why an `at` value was refused, or the place it names. */
export type Decoded = { ok: true; passage: Passage } | { ok: false; reason: string };

const SECTION = /^[A-Za-z0-9_-]{1,64}$/;
const NUMBER = /^(0|[1-9][0-9]{0,8})$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The first SHORT_QUOTE characters of `text`, not cutting a surrogate pair in half. */
export function shortQuote(text: string): string {
  let cut = Math.min(text.length, SHORT_QUOTE);
  const last = text.charCodeAt(cut - 1);
  if (cut < text.length && last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut);
}

function toBase64url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(code: string): string | null {
  if (!BASE64URL.test(code) || code.length % 4 === 1) return null;
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Only the one canonical spelling of a quote is accepted (no stray bits, no padding).
    return toBase64url(text) === code ? text : null;
  } catch {
    return null;
  }
}

/** The `at` value for a passage. Throws a TypeError for a passage no link can hold (a bug). */
export function encodePassage(p: Passage): string {
  if (!SECTION.test(p.sectionId)) throw new TypeError(`Not a section id a link can hold: ${JSON.stringify(p.sectionId)}`);
  for (const n of [p.block, p.offset]) if (!NUMBER.test(String(n))) throw new TypeError(`Not a place a link can hold: ${n}`);
  return [LINK_VERSION, p.sectionId, p.block, p.offset, toBase64url(shortQuote(p.quote))].join('.');
}

/** Reads an `at` value: garbage, another version, negative or non-integer numbers, over-long values are refused. */
export function decodePassage(at: string): Decoded {
  if (at.length === 0) return { ok: false, reason: 'The link names no place.' };
  if (at.length > MAX_AT_LENGTH) return { ok: false, reason: 'The link is too long to be a Quire link.' };
  const parts = at.split('.');
  if (parts[0] !== String(LINK_VERSION)) {
    return { ok: false, reason: /^[0-9]+$/.test(parts[0] ?? '') ? `The link was made by another version of Quire (format ${parts[0]}).` : 'The link is not a Quire link.' };
  }
  if (parts.length !== 5) return { ok: false, reason: 'The link is not a Quire link.' };
  const [, sectionId = '', block = '', offset = '', code = ''] = parts;
  if (!SECTION.test(sectionId)) return { ok: false, reason: 'The link names no valid section.' };
  if (!NUMBER.test(block) || !NUMBER.test(offset)) return { ok: false, reason: 'The link names no valid place.' };
  const quote = fromBase64url(code);
  if (quote === null || quote.length > SHORT_QUOTE) return { ok: false, reason: 'The link’s text is damaged.' };
  return { ok: true, passage: { sectionId, block: Number(block), offset: Number(offset), quote } };
}

/** The passage for a place of a loaded section: the text there is its short quote. */
export function passageAt(section: SectionText & { id: string }, place: TextPlace): Passage {
  const text = section.blocks[place.block]?.text ?? '';
  return { sectionId: section.id, block: place.block, offset: place.offset, quote: shortQuote(text.slice(place.offset)) };
}

/** The hash route of a passage in a work. */
export function passageHash(workId: string, p: Passage): string {
  return `#/read/${encodeURIComponent(workId)}?at=${encodePassage(p)}`;
}

/** The full link: the app's address (without its hash) and the passage's route. */
export function passageUrl(appUrl: string, workId: string, p: Passage): string {
  return `${appUrl.replace(/#.*$/, '')}${passageHash(workId, p)}`;
}

/**
 * Where a passage is in its (loaded) section: at its place when the text there starts with its
 * quote; else where the quote stands nearest to it; null when it can't be found (the section's
 * text has no such place or quote). A passage without a quote needs a place inside a block.
 */
export function resolvePassage(section: SectionText, p: Passage): TextPlace | null {
  const block = section.blocks[p.block];
  if (p.quote === '') return block && p.offset < Math.max(1, block.text.length) ? { block: p.block, offset: p.offset } : null;
  const found = resolveAnchor(section, {
    start: { block: p.block, offset: p.offset },
    end: { block: p.block, offset: p.offset + p.quote.length },
    quote: { before: '', text: p.quote, after: '' },
  });
  return found.ok ? found.start : null;
}
