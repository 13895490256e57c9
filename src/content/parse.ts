/** The build-time compiler: a source text plus its structure rules → the Work model. Pure. */
import type { Block, BlockKind, Section, Work } from './types';
import type { LineRef, WorkSourceMeta } from './rules';
import { ID_PATTERN } from './rules';
import { countWords } from './words';

const INVISIBLE = /[\u00a0\u00ad\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;

type Role = 'title' | Exclude<BlockKind, 'para' | 'break'>;

/** Compiles one work; throws an Error naming the work, the rule and the line when text and rules disagree. */
export function compileWork(id: string, text: string, meta: WorkSourceMeta): Work {
  const fail: (msg: string) => never = (msg) => {
    throw new Error(`work "${id}": ${msg}`);
  };
  if (!ID_PATTERN.test(id)) fail(`the id must match ${String(ID_PATTERN)}`);
  if (text.includes('\r')) fail('the text contains a carriage return; the format is LF line ends only');

  const lines = text.split('\n');
  const lineAt = (n: number) => lines[n - 1] ?? '';
  // JSON quoting plus \u escapes, so a no-break or zero-width space is visible in the message.
  const show = (s: string) =>
    JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

  const check = (ref: LineRef, rule: string): number => {
    if (ref.line > lines.length) fail(`rule ${rule} names line ${ref.line}, but the text has ${lines.length} lines`);
    const actual = lineAt(ref.line);
    const ok = 'text' in ref ? actual === ref.text : actual.startsWith(ref.startsWith);
    if (!ok) {
      const want = 'text' in ref ? `to be ${show(ref.text)}` : `to start with ${show(ref.startsWith)}`;
      fail(`rule ${rule} expects line ${ref.line} ${want}, but it is ${show(actual)}`);
    }
    if (actual === '') fail(`rule ${rule} names line ${ref.line}, which is empty`);
    return ref.line;
  };

  const { structure: rules, fromText } = meta;
  const roles = new Map<number, Role>();
  const assign = (ref: LineRef, role: Role, rule: string) => {
    const n = check(ref, rule);
    const had = roles.get(n);
    if (had) fail(`rule ${rule} makes line ${n} a ${role}, but another rule already made it a ${had}`);
    roles.set(n, role);
  };

  if (rules.titleLine) assign(rules.titleLine, 'title', 'structure.titleLine');
  const titleText = rules.titleLine ? lineAt(rules.titleLine.line) : null;
  if (titleText !== fromText.title) {
    fail(`fromText.title is ${show(String(fromText.title))}, but the title line is ${show(String(titleText))}`);
  }
  rules.markers.forEach((r, i) => assign(r, 'marker', `structure.markers[${i}]`));
  rules.notes.forEach((r, i) => assign(r, 'note', `structure.notes[${i}]`));
  rules.ends.forEach((r, i) => assign(r, 'end', `structure.ends[${i}]`));

  const starts = rules.sections.map((s, i) => {
    const rule = `structure.sections[${i}] ("${s.id}")`;
    if (s.titleSource === 'text') assign(s.start, 'heading', `${rule}.start`);
    else check(s.start, `${rule}.start`);
    if (rules.sections.findIndex((t) => t.id === s.id) !== i) fail(`${rule}: the section id is used twice`);
    return s.start.line;
  });
  starts.forEach((n, i) => {
    const prev = i === 0 ? (rules.titleLine?.line ?? 0) : (starts[i - 1] ?? 0);
    if (n <= prev) fail(`structure.sections[${i}] starts at line ${n}, not after line ${prev}`);
  });
  const firstStart = starts[0] ?? 1;
  for (let n = 1; n < firstStart; n++) {
    if (lineAt(n) !== '' && roles.get(n) !== 'title') {
      fail(`line ${n} ${show(lineAt(n))} comes before the first section (line ${firstStart}) and no rule places it`);
    }
  }
  for (const [n, role] of roles) {
    if (role !== 'title' && n < firstStart) fail(`line ${n}, a ${role}, comes before the first section`);
  }

  const notBreakAt = new Map<number, string>();
  rules.notBreaks.forEach((r, i) => notBreakAt.set(check(r.before, `structure.notBreaks[${i}].before`), `structure.notBreaks[${i}]`));

  const sections: Section[] = [];
  let wordsBefore = 0;
  rules.sections.forEach((rule, index) => {
    const first = rule.start.line;
    const last = (starts[index + 1] ?? lines.length + 1) - 1;
    const blocks: Block[] = [];
    let words = 0;
    let chars = 0;
    let emptyRun = 0;
    for (let n = first; n <= last; n++) {
      const line = lineAt(n);
      if (line === '') {
        emptyRun += 1;
        continue;
      }
      const notBreak = notBreakAt.get(n);
      if (notBreak !== undefined) {
        if (emptyRun < 2 || blocks.length === 0) {
          fail(`rule ${notBreak} expects a run of 2+ empty lines inside a section before line ${n}, and there is none`);
        }
        notBreakAt.delete(n);
      } else if (emptyRun >= 2 && blocks.length > 0) {
        blocks.push({ kind: 'break', text: '' });
      }
      emptyRun = 0;
      const role = roles.get(n);
      if (role === 'title') fail(`the title line ${n} falls inside section "${rule.id}"`);
      blocks.push({ kind: role ?? 'para', text: line });
      words += countWords(line);
      chars += line.length;
    }
    if (blocks.length === 0) fail(`section "${rule.id}" (lines ${first}–${last}) has no text`);
    const title = rule.titleSource === 'text' ? lineAt(first).trim() : rule.title;
    sections.push({ id: rule.id, index, title, titleSource: rule.titleSource, words, chars, blockCount: blocks.length, wordsBefore, blocks });
    wordsBefore += words;
  });
  for (const [n, rule] of notBreakAt) fail(`rule ${rule} names line ${n}, which no section reaches`);

  const words = countWords(text);
  if (words !== fromText.words) fail(`fromText.words is ${fromText.words}, but the text has ${words} words (wc -w)`);
  const paragraphs = lines.filter((l) => l !== '').length;
  if (paragraphs !== fromText.paragraphs) {
    fail(`fromText.paragraphs is ${fromText.paragraphs}, but the text has ${paragraphs} non-empty lines`);
  }
  const firstPara = sections.flatMap((s) => s.blocks).find((b) => b.kind === 'para');
  if (!firstPara?.text.startsWith(fromText.opening)) {
    fail(`fromText.opening ${show(fromText.opening)} is not how the first paragraph begins`);
  }

  return { id, sha256: meta.sha256, meta: { fromText, addedByApp: meta.addedByApp }, words, sections };
}
