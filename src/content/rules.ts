/** The shape of works/<id>/meta.json (metadata plus structure rules) and its validation. */
import type { AddedByApp, FromText } from './types';

/** A 1-based line of the source and the text it must have (exactly, or as a prefix). */
export type LineRef = { line: number; text: string } | { line: number; startsWith: string };

/** Where a section starts, and where its title comes from. */
export type SectionRule =
  /** The start line is a heading in the text; it becomes a 'heading' block and the title. */
  | { id: string; start: LineRef; titleSource: 'text' }
  /** The text has no heading here: this app names the section. */
  | { id: string; start: LineRef; titleSource: 'app'; title: string };

/** A run of 2+ empty lines (the one ending just before `before`) that is not a break. */
export interface NotBreakRule {
  before: LineRef;
  reason: string;
}

/** How a text is laid out, as data: the compiler has no per-work cases. */
export interface StructureRules {
  /** The title line (not a block), or null when the source has none. */
  titleLine: LineRef | null;
  sections: SectionRule[];
  markers: LineRef[];
  notes: LineRef[];
  ends: LineRef[];
  notBreaks: NotBreakRule[];
}

/** Everything in a work's meta.json. */
export interface WorkSourceMeta {
  /** Expected SHA-256 (hex) of text.txt. */
  sha256: string;
  fromText: FromText;
  addedByApp: AddedByApp;
  structure: StructureRules;
}

/** Ids of works and sections: they become module ids and file names. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

type Obj = Record<string, unknown>;

class Checker {
  constructor(private readonly where: string) {}

  fail(path: string, want: string): never {
    throw new Error(`${this.where}: ${path} must be ${want}`);
  }

  obj(v: unknown, path: string): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'an object');
    return v as Obj;
  }

  str(v: unknown, path: string): string {
    if (typeof v !== 'string') this.fail(path, 'a string');
    return v;
  }

  int(v: unknown, path: string, min: number): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) this.fail(path, `an integer ≥ ${min}`);
    return v;
  }

  arr<T>(v: unknown, path: string, each: (x: unknown, p: string) => T): T[] {
    if (!Array.isArray(v)) this.fail(path, 'an array');
    return v.map((x, i) => each(x, `${path}[${i}]`));
  }

  id(v: unknown, path: string): string {
    const s = this.str(v, path);
    if (!ID_PATTERN.test(s)) this.fail(path, `an id matching ${String(ID_PATTERN)}`);
    return s;
  }

  lineRef(v: unknown, path: string): LineRef {
    const o = this.obj(v, path);
    const line = this.int(o.line, `${path}.line`, 1);
    if (typeof o.text === 'string') return { line, text: o.text };
    if (typeof o.startsWith === 'string' && o.startsWith !== '') return { line, startsWith: o.startsWith };
    return this.fail(path, 'a { line, text } or { line, startsWith } with a non-empty prefix');
  }
}

/** Validates a parsed meta.json; throws an Error naming the work and the bad field. */
export function readWorkSourceMeta(value: unknown, where: string): WorkSourceMeta {
  const c = new Checker(where);
  const o = c.obj(value, 'meta');
  const sha256 = c.str(o.sha256, 'sha256');
  if (!/^[0-9a-f]{64}$/.test(sha256)) c.fail('sha256', '64 lowercase hex digits');

  const ft = c.obj(o.fromText, 'fromText');
  const title = ft.title === null ? null : c.str(ft.title, 'fromText.title');
  const fromText: FromText = {
    title,
    opening: c.str(ft.opening, 'fromText.opening'),
    notes: c.arr(ft.notes, 'fromText.notes', (x, p) => c.str(x, p)),
    paragraphs: c.int(ft.paragraphs, 'fromText.paragraphs', 0),
    words: c.int(ft.words, 'fromText.words', 0),
  };

  const ab = c.obj(o.addedByApp, 'addedByApp');
  const strs = (x: unknown, p: string) => c.arr(x, p, (y, q) => c.str(y, q));
  const addedByApp: AddedByApp = {
    displayTitle: c.str(ab.displayTitle, 'addedByApp.displayTitle'),
    fandom: c.str(ab.fandom, 'addedByApp.fandom'),
    relationship: c.str(ab.relationship, 'addedByApp.relationship'),
    characters: strs(ab.characters, 'addedByApp.characters'),
    tags: strs(ab.tags, 'addedByApp.tags'),
    contentNotes: strs(ab.contentNotes, 'addedByApp.contentNotes'),
    adult: typeof ab.adult === 'boolean' ? ab.adult : c.fail('addedByApp.adult', 'a boolean'),
    adultReason: c.str(ab.adultReason, 'addedByApp.adultReason'),
  };
  if (ab.displayTitleNote !== undefined) {
    addedByApp.displayTitleNote = c.str(ab.displayTitleNote, 'addedByApp.displayTitleNote');
  }

  const st = c.obj(o.structure, 'structure');
  const refs = (x: unknown, p: string) => c.arr(x, p, (y, q) => c.lineRef(y, q));
  const structure: StructureRules = {
    titleLine: st.titleLine === null ? null : c.lineRef(st.titleLine, 'structure.titleLine'),
    sections: c.arr(st.sections, 'structure.sections', (x, p): SectionRule => {
      const s = c.obj(x, p);
      const id = c.id(s.id, `${p}.id`);
      const start = c.lineRef(s.start, `${p}.start`);
      if (s.titleSource === 'text') return { id, start, titleSource: 'text' };
      if (s.titleSource === 'app') return { id, start, titleSource: 'app', title: c.str(s.title, `${p}.title`) };
      return c.fail(`${p}.titleSource`, "'text' or 'app'");
    }),
    markers: refs(st.markers, 'structure.markers'),
    notes: refs(st.notes, 'structure.notes'),
    ends: refs(st.ends, 'structure.ends'),
    notBreaks: c.arr(st.notBreaks, 'structure.notBreaks', (x, p) => {
      const n = c.obj(x, p);
      return { before: c.lineRef(n.before, `${p}.before`), reason: c.str(n.reason, `${p}.reason`) };
    }),
  };
  if (structure.sections.length === 0) c.fail('structure.sections', 'a non-empty array');
  return { sha256, fromText, addedByApp, structure };
}
