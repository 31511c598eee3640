/**
 * `numbering.sequence`: paragraphs, sub-paragraphs and headings are numbered in order, with no
 * gap and no number used twice.
 *
 * - Paragraphs: numbered paragraphs (`12.`), preambular (`PP3.`) and operative (`OP5.`) ones are
 *   three separate sequences. `1.1.` is the first item under `1.`, and items run `1.1`, `1.2`...
 *   within their parent. `12bis.` comes right after `12.` (or after the `12` paragraphs inserted
 *   before it: `12bis`, `12ter`, `12quater`...); `12alt.` (`12alt2.`...) after some `12`. A
 *   sequence may start again at 1 right after a heading (an annex numbered on its own).
 * - Sub-paragraphs: siblings run (a), (b)... (z), (aa), (bb)...; (i), (ii)...; (1), (2)...;
 *   (A), (B)...; each list from its first label.
 * - Headings: siblings under one heading run I, II, III; A, B, C; 1, 2, 3; and a lone section A
 *   is not lettered (a section A implies a section B; a lone chapter I is accepted).
 * Documents marked `excerpt: true` transcribe only some paragraphs and are not checked.
 */
import type { DraftDocument, Paragraph, Section, Span, Subparagraph } from '../../../../grammar/src/index.js';
import type { Rule, RuleContext } from './rule.js';
import { allSections, isExcerpt, reportAs } from './structure-common.js';

const DEFAULT = 'warning';

function report(ctx: RuleContext, kind: string, message: string, span: Span, data: Record<string, unknown> = {}): void {
  reportAs(ctx, DEFAULT, DEFAULT, kind, { message, span, data });
}

// --- Paragraphs --------------------------------------------------------------------------------

const ORDINAL_SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies'];

/** `bis` is the 2nd paragraph numbered 12, `ter` the 3rd; none is the 1st. Alternatives are apart. */
function suffixRank(suffix: string | undefined): number | undefined {
  if (!suffix) return 1;
  const i = ORDINAL_SUFFIXES.indexOf(suffix);
  return i < 0 ? undefined : i + 2;
}

/** `alt` is the 1st alternative, `alt2` the 2nd. */
function altRank(suffix: string | undefined): number | undefined {
  const m = /^alt(\d*)$/.exec(suffix ?? '');
  return m ? Number(m[1] || '1') : undefined;
}

interface Placed {
  parts: number[];
  suffix?: string;
  paragraph: Paragraph;
}

const show = (parts: number[]): string => parts.join('.');

/** `13`, `13 and 14`, `PP13 to PP16`: the numbers from `from` to `to` at the last level, and the verb. */
function missingRange(seq: string, prefix: number[], from: number, to: number): string {
  const a = `${seq}${show([...prefix, from])}`;
  const b = `${seq}${show([...prefix, to])}`;
  if (from === to) return `${a} is`;
  if (to === from + 1) return `${a} and ${b} are`;
  return `${a} to ${b} are`;
}

function sequenceName(kind: Paragraph['kind']): string {
  return kind === 'preambular' ? 'PP' : kind === 'operative' ? 'OP' : '';
}

function checkParagraphs(ctx: RuleContext, document: DraftDocument): void {
  const headingStarts = allSections(document.children).map((s) => s.heading.span.start);
  const state = new Map<string, { last?: Placed; seen: Set<string> }>();
  for (const paragraph of document.paragraphs) {
    const label = paragraph.label;
    if (!label || paragraph.kind === 'unnumbered') continue;
    const parts = label.number.split('.').map(Number);
    if (parts.some((n) => !Number.isInteger(n))) continue;
    const seq = sequenceName(paragraph.kind);
    const st = state.get(paragraph.kind) ?? { seen: new Set<string>() };
    state.set(paragraph.kind, st);
    const name = (p: number[], suffix?: string): string => `${seq}${show(p)}${suffix ?? ''}`;
    const here = `${label.number}${label.suffix ?? ''}`;
    const prev = st.last;
    const placed: Placed = { parts, paragraph };
    if (label.suffix) placed.suffix = label.suffix;
    // A fresh start at 1 right after a heading: an annex, or a part numbered on its own.
    if (prev && !label.suffix && parts.length === 1 && parts[0] === 1 && headingStarts.some((h) => h > prev.paragraph.span.start && h < paragraph.span.start)) {
      st.seen.clear();
    } else if (st.seen.has(here)) {
      report(ctx, 'duplicate', `Paragraph ${name(parts, label.suffix)} is numbered twice: an earlier paragraph has the same number.`, label.span, {
        label: label.text,
      });
    } else if (label.suffix) {
      checkInserted(ctx, placed, prev, st.seen, name);
    } else {
      checkNext(ctx, placed, prev, st.seen, name);
    }
    st.seen.add(here);
    st.last = placed;
  }
}

/** `12bis` after `12`; `12ter` after `12bis`; `12alt` after some `12`. */
function checkInserted(
  ctx: RuleContext,
  cur: Placed,
  prev: Placed | undefined,
  seen: Set<string>,
  name: (p: number[], s?: string) => string,
): void {
  const label = cur.paragraph.label!;
  const base = show(cur.parts);
  const sameBase = !!prev && show(prev.parts) === base;
  const alt = altRank(cur.suffix);
  if (alt !== undefined) {
    if (!seen.has(base) && ![...seen].some((s) => s.startsWith(base) && /^[a-z]/.test(s.slice(base.length)))) {
      report(ctx, 'inserted', `Paragraph ${name(cur.parts, cur.suffix)} is an alternative to paragraph ${name(cur.parts)}, which does not come before it.`, label.span);
    } else if (!sameBase) {
      report(ctx, 'inserted', `Paragraph ${name(cur.parts, cur.suffix)} should come right after paragraph ${name(cur.parts)} (and the paragraphs inserted after it).`, label.span);
    } else if (alt > 1 && !seen.has(`${base}alt${alt === 2 ? '' : alt - 1}`) && !seen.has(`${base}alt${alt - 1}`)) {
      report(ctx, 'inserted', `Paragraph ${name(cur.parts, cur.suffix)} comes before ${name(cur.parts, alt === 2 ? 'alt' : `alt${alt - 1}`)}.`, label.span);
    }
    return;
  }
  const rank = suffixRank(cur.suffix);
  if (rank === undefined) return;
  const expected = ORDINAL_SUFFIXES[rank - 3];
  const before = name(cur.parts, expected);
  if (!sameBase) {
    const where = seen.has(base) ? `should come right after paragraph ${before}` : `has no paragraph ${name(cur.parts)} before it`;
    report(ctx, 'inserted', `Paragraph ${name(cur.parts, cur.suffix)} ${where}.`, label.span);
    return;
  }
  const prevRank = altRank(prev!.suffix) !== undefined ? undefined : suffixRank(prev!.suffix);
  if (prevRank !== undefined && prevRank + 1 !== rank) {
    const missing = ORDINAL_SUFFIXES.slice(prevRank - 1, rank - 2).map((s) => name(cur.parts, s));
    if (prevRank + 1 < rank) {
      report(ctx, 'gap', `Paragraph ${name(cur.parts, cur.suffix)} follows ${name(prev!.parts, prev!.suffix)}: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing.`, label.span);
    } else {
      report(ctx, 'order', `Paragraph ${name(cur.parts, cur.suffix)} follows ${name(prev!.parts, prev!.suffix)}: it is out of order.`, label.span);
    }
  }
}

/** A plain number: the next at its level, the first under its parent, or a step back up. */
/**
 * Whether `parts` is one of the numbers that may follow `p`: its first child (`p.1`), or the next
 * at its level or at a level above (`p` with its last kept part plus one). Compared in place:
 * most paragraphs are in order, and their check makes no string.
 */
function follows(p: number[], parts: number[]): boolean {
  const n = parts.length;
  if (n === p.length + 1) {
    for (let k = 0; k < p.length; k++) if (parts[k] !== p[k]) return false;
    return parts[n - 1] === 1;
  }
  if (n < 1 || n > p.length) return false;
  for (let k = 0; k < n - 1; k++) if (parts[k] !== p[k]) return false;
  return parts[n - 1] === p[n - 1]! + 1;
}

function checkNext(ctx: RuleContext, cur: Placed, prev: Placed | undefined, seen: Set<string>, name: (p: number[], s?: string) => string): void {
  const label = cur.paragraph.label!;
  const parts = cur.parts;
  if (prev && follows(prev.parts, parts)) return;
  const depth = parts.length;
  const here = name(parts);
  if (!prev) {
    const parent = parts.slice(0, -1);
    if (parent.length) {
      report(ctx, 'parent', `Paragraph ${here} comes before any paragraph ${name(parent)}.`, label.span);
    } else if (parts[0]! > 1) {
      report(ctx, 'gap', `Numbering starts at ${here}: ${missingRange(name([]), [], 1, parts[0]! - 1)} missing.`, label.span);
    }
    return;
  }
  const p = prev.parts;
  const candidates: number[][] = [[...p, 1]];
  for (let k = p.length; k >= 1; k--) candidates.push([...p.slice(0, k - 1), p[k - 1]! + 1]);
  if (candidates.some((c) => show(c) === show(parts))) return;
  const prefix = parts.slice(0, -1);
  const last = parts[depth - 1]!;
  const after = name(prev.parts, prev.suffix);
  if (depth <= p.length && show(prefix) === show(p.slice(0, depth - 1))) {
    const expected = p[depth - 1]! + 1;
    if (last > expected) {
      report(ctx, 'gap', `Paragraph ${here} follows ${after}: ${missingRange(name([]), prefix, expected, last - 1)} missing.`, label.span);
    } else {
      report(ctx, 'order', `Paragraph ${here} follows ${after}: it is out of order.`, label.span);
    }
    return;
  }
  if (depth === p.length + 1 && show(prefix) === show(p)) {
    report(ctx, 'gap', `Paragraph ${here} is the first under ${name(p)}: ${missingRange(name([]), prefix, 1, last - 1)} missing.`, label.span);
    return;
  }
  if (depth > 1 && !seen.has(show(prefix))) {
    report(ctx, 'parent', `Paragraph ${here} follows ${after}, but there is no paragraph ${name(prefix)} before it.`, label.span);
    return;
  }
  const expected = candidates.slice(1).map((c) => name(c));
  report(ctx, 'order', `Paragraph ${here} follows ${after}: expected ${expected.join(' or ')}.`, label.span);
}

// --- Sub-paragraphs ----------------------------------------------------------------------------

const ROMAN: Array<[number, string]> = [
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function romanValue(s: string): number | undefined {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  if (!/^[ivxlc]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = values[s[i]!]!;
    const next = values[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const letterIndex = (c: string): number => c.toLowerCase().charCodeAt(0) - 96;

/** The place of a label in its list: (a) 1, (z) 26, (aa) 27, (bb) 28; (iv) 4; (3) 3; (C) 3. */
function position(inner: string, style: Subparagraph['label']['style']): number | undefined {
  switch (style) {
    case 'number':
      return Number(inner);
    case 'capital':
      return letterIndex(inner);
    case 'roman':
      return romanValue(inner);
    case 'letter':
      if (inner.length === 1) return letterIndex(inner);
      // (aa), (bb): UN style after (z); (ab), (ac) is read as spreadsheet style.
      if (inner[0] === inner[1]) return 26 + letterIndex(inner[0]!);
      return 26 * letterIndex(inner[0]!) + letterIndex(inner[1]!);
  }
}

/** Labels that may follow `inner` in a list of its style. */
function nextLabels(inner: string | undefined, style: Subparagraph['label']['style']): string[] {
  if (inner === undefined) return [{ letter: 'a', roman: 'i', number: '1', capital: 'A' }[style]];
  const pos = position(inner, style);
  if (pos === undefined) return [];
  switch (style) {
    case 'number':
      return [String(pos + 1)];
    case 'capital':
      return [String.fromCharCode(inner.charCodeAt(0) + 1)];
    case 'roman':
      return [toRoman(pos + 1)];
    case 'letter': {
      if (inner === 'z') return ['aa'];
      if (inner.length === 1) return [String.fromCharCode(inner.charCodeAt(0) + 1)];
      const [a, b] = [inner[0]!, inner[1]!];
      const out: string[] = [];
      if (a === b && a !== 'z') out.push(String.fromCharCode(a.charCodeAt(0) + 1).repeat(2));
      if (b !== 'z') out.push(a + String.fromCharCode(b.charCodeAt(0) + 1));
      else if (a !== 'z') out.push(`${String.fromCharCode(a.charCodeAt(0) + 1)}a`);
      return out;
    }
  }
}

function checkSubparagraphs(ctx: RuleContext, subs: Subparagraph[], parent: string, parentLabel?: Subparagraph): void {
  let prev: Subparagraph | undefined;
  const seen = new Set<string>();
  for (const sub of subs) {
    const inner = sub.label.text.slice(1, -1);
    const style = sub.label.style;
    if (prev && prev.label.style !== style) {
      // Siblings share a style; the grammar opens a level for a new one. Nothing to compare.
      prev = undefined;
    }
    if (style === 'roman' && toRoman(romanValue(inner) ?? 0) !== inner) {
      report(ctx, 'subparagraph', `${sub.label.text} is not a roman numeral as written in UN documents: write (${toRoman(romanValue(inner) ?? 0)}).`, sub.label.span);
    } else if (seen.has(inner)) {
      report(ctx, 'duplicate', `Sub-paragraph ${sub.label.text} of ${parent} is labelled twice.`, sub.label.span);
    } else {
      const allowed = nextLabels(prev ? prev.label.text.slice(1, -1) : undefined, style);
      // "(h) ... (i) (ii)": the grammar reads the (i) after (h) as a letter, so a roman list under it starts at (ii).
      const misread = !prev && style === 'roman' && inner === 'ii' && parentLabel?.label.text === '(i)' && parentLabel.label.style === 'letter';
      if (!allowed.includes(inner) && !misread) {
        const pos = position(inner, style) ?? 0;
        const prevPos = prev ? (position(prev.label.text.slice(1, -1), style) ?? 0) : 0;
        const expected = allowed.map((a) => `(${a})`).join(' or ');
        const message = !prev
          ? `Sub-paragraph ${sub.label.text} is the first of ${parent}: expected ${expected}.`
          : pos > prevPos
            ? `Sub-paragraph ${sub.label.text} follows ${prev.label.text} in ${parent}: ${expected} ${pos - prevPos > 2 ? 'and others are' : 'is'} missing.`
            : `Sub-paragraph ${sub.label.text} follows ${prev.label.text} in ${parent}: it is out of order (expected ${expected}).`;
        report(ctx, pos > prevPos || !prev ? 'gap' : 'order', message, sub.label.span);
      }
    }
    seen.add(inner);
    prev = sub;
    checkSubparagraphs(ctx, sub.children, `${parent} ${sub.label.text}`, sub);
  }
}

// --- Headings ----------------------------------------------------------------------------------

type HeadingStyle = 'roman' | 'letter' | 'number';

const ROMAN_LETTER_BEFORE: Record<string, string> = { I: 'H', V: 'U', X: 'W', L: 'K', C: 'B', D: 'C', M: 'L' };

function headingStyle(number: string, prev: { style: HeadingStyle; number: string } | undefined): HeadingStyle | undefined {
  if (/^\d+$/.test(number)) return 'number';
  const upper = number.toUpperCase();
  const isRoman = /^[IVXLC]+$/.test(upper) && toRoman(romanValue(upper.toLowerCase()) ?? 0) === upper.toLowerCase();
  if (/^[A-Z]$/.test(upper)) {
    // (I after H is a letter; I at the start of a list, or after another roman numeral, is one.)
    if (prev?.style === 'letter' && ROMAN_LETTER_BEFORE[upper] === prev.number) return 'letter';
    if (isRoman && (prev?.style === 'roman' || (!prev && upper === 'I'))) return 'roman';
    return 'letter';
  }
  return isRoman ? 'roman' : undefined;
}

function headingValue(number: string, style: HeadingStyle): number {
  if (style === 'number') return Number(number);
  if (style === 'roman') return romanValue(number.toLowerCase()) ?? 0;
  return letterIndex(number);
}

function headingName(value: number, style: HeadingStyle): string {
  if (style === 'number') return String(value);
  if (style === 'roman') return toRoman(value).toUpperCase();
  return String.fromCharCode(64 + value);
}

function checkHeadings(ctx: RuleContext, children: DraftDocument['children']): void {
  const sections = children.filter((c): c is Section => c.type === 'section');
  let prev: { style: HeadingStyle; number: string; value: number } | undefined;
  let run: Section[] = [];
  const seen = new Set<string>();
  const closeRun = (): void => {
    // A lone lettered section: UN documents divide into sections A, B... or not at all. (A lone
    // chapter I is left alone: a short report may have a single numbered chapter.)
    const only = run.length === 1 ? run[0]! : undefined;
    const n = only?.heading.number;
    if (only && n && prev!.style === 'letter' && headingValue(n, 'letter') === 1) {
      report(ctx, 'lone', `Section ${n} has no section B beside it: a lone section is not lettered (a section A implies a section B).`, only.heading.span);
    }
    run = [];
    seen.clear();
  };
  for (const section of sections) {
    const number = section.heading.number;
    const style = number ? headingStyle(number, prev) : undefined;
    if (!number || !style) {
      checkHeadings(ctx, section.children);
      continue;
    }
    if (prev && prev.style !== style) {
      closeRun();
      prev = undefined;
    }
    const value = headingValue(number, style);
    const noun = style === 'roman' ? 'Chapter' : 'Section';
    const expected = prev ? prev.value + 1 : 1;
    if (seen.has(number.toUpperCase())) {
      report(ctx, 'duplicate', `${noun} ${number} appears twice at this level.`, section.heading.span);
    } else if (value !== expected) {
      if (value > expected) {
        const missing = Array.from({ length: value - expected }, (_, i) => headingName(expected + i, style));
        const list = missing.length > 3 ? `${missing[0]} to ${missing[missing.length - 1]}` : missing.join(', ');
        report(
          ctx,
          'heading',
          prev
            ? `${noun} ${number} follows ${noun.toLowerCase()} ${prev.number}: ${list} ${missing.length > 1 ? 'are' : 'is'} missing.`
            : `${noun} ${number} is the first at this level: ${list} ${missing.length > 1 ? 'are' : 'is'} missing.`,
          section.heading.span,
        );
      } else {
        report(ctx, 'heading', `${noun} ${number} follows ${noun.toLowerCase()} ${prev!.number}: it is out of order.`, section.heading.span);
      }
    }
    seen.add(number.toUpperCase());
    run.push(section);
    prev = { style, number: number.toUpperCase(), value };
    checkHeadings(ctx, section.children);
  }
  if (prev) closeRun();
}

export const numberingSequence: Rule = {
  id: 'numbering.sequence',
  defaultSeverity: DEFAULT,
  summary: 'Paragraphs, sub-paragraphs and headings must be numbered in order, without gaps or repeats.',
  docs:
    'Checks that numbered paragraphs run 1, 2, 3 (preambular PP1, PP2... and operative OP1, OP2... as separate ' +
    'sequences), that `1.1`, `1.2` run within their parent, that `12bis` comes right after `12` and `12ter` after ' +
    '`12bis`, that sub-paragraphs run (a), (b)... or (i), (ii)... within each list, and that headings run I, II, III ' +
    'or A, B, C under their parent, a section A implying a section B. A sequence may start again at 1 right after a ' +
    'heading (an annex). Documents marked `excerpt: true` are not checked. Renumbering is the formatter\'s job; this ' +
    'rule only reports.',
  fixable: false,
  check(ctx) {
    const document = ctx.draft.document;
    if (isExcerpt(document)) return;
    checkParagraphs(ctx, document);
    for (const paragraph of document.paragraphs) {
      // Most paragraphs have no sub-paragraphs: no name to make.
      if (!paragraph.subparagraphs.length) continue;
      const name = paragraph.label ? `paragraph ${paragraph.label.text}` : 'this paragraph';
      checkSubparagraphs(ctx, paragraph.subparagraphs, name);
    }
    checkHeadings(ctx, document.children);
  },
};
