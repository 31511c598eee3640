/**
 * Giving each block its place: the document is cut into parts (the report's own text, and each
 * draft resolution or decision it carries), and each block becomes a chapter or section heading,
 * a numbered paragraph of the report, a resolution's enacting formula, preambular or operative
 * paragraph, one of the items of an operative paragraph (1.1 to 1.13), or a sub-paragraph at its
 * level. Footnotes go to the part whose text they are printed in.
 *
 * What fits nowhere is kept (as an unnumbered paragraph) and reported with its line.
 */
import type { FootnoteDefinition, SourceLine, Token, Warnings } from './model.js';
import { romanValue, startsOperative, startsPreambular } from './patterns.js';
import type { Block } from './segment.js';

export type ParaKind =
  | 'chapter'
  | 'section'
  | 'annex'
  | 'enacting'
  | 'preambular'
  | 'operative'
  | 'item'
  | 'numbered'
  | 'sub'
  | 'voting'
  | 'votingList'
  | 'text';

export interface Para {
  kind: ParaKind;
  /** As printed: `5`, `1.1`, `a`, `iv`, `III`, `A`. */
  label?: string;
  /** Sub-paragraphs: 1 for the first style met under a paragraph, 2 for the next... */
  level?: number;
  line: number;
  lines: SourceLine[];
  /** Filled by the repair stage. */
  tokens: Token[];
}

export interface Part {
  kind: 'report' | 'resolution';
  /** `I`, `II`, `A`... for a draft resolution of a report; `` for a resolution on its own. */
  id: string;
  /** `resolution` or `decision`, from its heading. */
  noun: string;
  line: number;
  titleLines: SourceLine[];
  title: Token[];
  paras: Para[];
  footnotes: FootnoteDefinition[];
}

export interface Classified {
  parts: Part[];
  /** Items of the title page (before the first heading or paragraph), one line each. */
  cover: SourceLine[];
}

export function classify(blocks: Block[], footnotes: FootnoteDefinition[], warnings: Warnings): Classified {
  const parts: Part[] = [];
  const cover: SourceLine[] = [];
  let part: Part | undefined;
  /** The paragraph sub-paragraphs attach to, and the label styles met under it. */
  let parent: Para | undefined;
  let styles: string[] = [];
  let lastLetter: string | undefined;
  let afterVoting = false;

  const newPart = (kind: Part['kind'], line: number, id = '', noun = 'resolution'): Part => {
    part = { kind, id, noun, line, titleLines: [], title: [], paras: [], footnotes: [] };
    parts.push(part);
    parent = undefined;
    return part;
  };
  const push = (kind: ParaKind, block: Block, label?: string): Para => {
    const p = part ?? newPart('report', block.lines[0]!.line);
    const para: Para = { kind, line: block.lines[0]!.line, lines: block.lines, tokens: [] };
    if (label !== undefined) para.label = label;
    p.paras.push(para);
    return para;
  };

  for (const block of blocks) {
    const first = block.lines[0]!;
    const voting = afterVoting;
    afterVoting = false;
    switch (block.kind) {
      case 'cover':
        // One entry per title-page item, its wrapped lines rejoined.
        cover.push({ ...first, text: block.lines.map((l) => l.text).join(' ') });
        break;
      case 'resolution': {
        const noun = /decision/i.test(first.text) ? 'decision' : 'resolution';
        newPart('resolution', first.line, block.label ?? '', noun);
        break;
      }
      case 'title':
        if (part?.kind === 'resolution' && part.titleLines.length === 0) part.titleLines = block.lines;
        else push('text', block);
        break;
      case 'enacting':
        if (part?.kind !== 'resolution' || part.paras.length > 0) newPart('resolution', first.line);
        push('enacting', block);
        break;
      case 'chapter':
      case 'section':
      case 'annex':
        if (part?.kind !== 'report') newPart('report', first.line);
        push(block.kind, block, block.label);
        parent = undefined;
        break;
      case 'voting':
        push('voting', block);
        afterVoting = true;
        break;
      case 'preambular':
        parent = push('preambular', block);
        styles = [];
        break;
      case 'numbered': {
        const label = block.label!;
        const kind: ParaKind = part?.kind === 'resolution' ? (label.includes('.') ? 'item' : 'operative') : 'numbered';
        parent = push(kind, block, label);
        styles = [];
        lastLetter = undefined;
        break;
      }
      case 'sub': {
        const label = block.label!;
        if (!parent) {
          warnings.add(first.line, first.text, `sub-paragraph (${label}) with no paragraph before it; kept as an unnumbered paragraph`);
          push('text', block);
          break;
        }
        const style = labelStyle(label, lastLetter);
        if (style === 'letter') lastLetter = label;
        if (!styles.includes(style)) styles.push(style);
        const para = push('sub', block, label);
        para.level = styles.indexOf(style) + 1;
        break;
      }
      case 'text':
        if (voting) push('votingList', block);
        else {
          const where = part?.kind === 'resolution' ? 'in a resolution, where every paragraph is labelled' : 'with no paragraph number';
          warnings.add(first.line, first.text, `text ${where}; kept as an unnumbered paragraph`);
          push('text', block);
        }
        break;
    }
  }

  assignFootnotes(parts, footnotes);
  for (const p of parts) checkNumbering(p, warnings);
  return { parts, cover };
}

/** `(i)` is the letter after `(h)`, `(v)` after `(u)`, `(x)` after `(w)`; otherwise a roman numeral. */
export function labelStyle(label: string, lastLetter: string | undefined): 'letter' | 'roman' {
  if (!/^[ivx]+$/.test(label)) return 'letter';
  if (label.length === 1 && lastLetter !== undefined && lastLetter.charCodeAt(0) + 1 === label.charCodeAt(0)) return 'letter';
  return 'roman';
}

/** A footnote belongs to the part its note is printed in (parts are contiguous runs of lines). */
function assignFootnotes(parts: Part[], footnotes: FootnoteDefinition[]): void {
  for (const note of footnotes) {
    let owner = parts[0];
    for (const p of parts) if (p.line <= note.line) owner = p;
    owner?.footnotes.push(note);
  }
}

/** Paragraph numbers, items and sub-paragraph labels follow on; a gap is reported. */
function checkNumbering(part: Part, warnings: Warnings): void {
  let lastNumber = 0;
  let lastItem: string | undefined;
  let lastSub: Record<number, string> = {};
  for (const p of part.paras) {
    const label = p.label ?? '';
    const text = p.lines[0]?.text ?? '';
    if (p.kind === 'operative' || p.kind === 'numbered') {
      const n = Number(label);
      if (n !== lastNumber + 1) warnings.add(p.line, text, `paragraph ${n} follows paragraph ${lastNumber}`);
      lastNumber = n;
      lastItem = undefined;
      lastSub = {};
    } else if (p.kind === 'item') {
      // Items of operative paragraph n are numbered n.1, n.2...
      const k = lastItem === undefined ? 1 : Number(lastItem.slice(lastItem.lastIndexOf('.') + 1)) + 1;
      if (label !== `${lastNumber}.${k}`) warnings.add(p.line, text, `item ${label} does not follow ${lastItem ?? `paragraph ${lastNumber}`}`);
      lastItem = label;
    } else if (p.kind === 'sub' && p.level !== undefined) {
      const before = lastSub[p.level];
      if (!followsSub(before, label)) warnings.add(p.line, text, `sub-paragraph (${label}) follows (${before ?? 'nothing'})`);
      lastSub[p.level] = label;
      for (const k of Object.keys(lastSub)) if (Number(k) > p.level) delete lastSub[Number(k)];
    } else if (p.kind === 'chapter' || p.kind === 'section' || p.kind === 'annex') {
      lastSub = {};
    }
    if (p.kind === 'preambular' || p.kind === 'operative' || p.kind === 'numbered') lastSub = {};
  }
}

function followsSub(before: string | undefined, label: string): boolean {
  const roman = romanValue(label);
  if (before === undefined) return label === 'a' || label === 'i';
  const romanBefore = romanValue(before);
  if (roman !== undefined && romanBefore !== undefined && roman === romanBefore + 1) return true;
  return label.length === 1 && before.length === 1 && label.charCodeAt(0) === before.charCodeAt(0) + 1;
}

/**
 * Checks on the words of a resolution's paragraphs, once repaired: a preambular paragraph opens
 * with a participle and ends with a comma; an operative paragraph opens with a verb in the present.
 */
export function checkWording(part: Part, textOf: (p: Para) => string, warnings: Warnings): void {
  if (part.kind !== 'resolution') return;
  for (const p of part.paras) {
    const text = textOf(p);
    if (p.kind === 'preambular') {
      if (!startsPreambular(text)) warnings.add(p.line, text, 'preambular paragraph does not open with a participle');
      if (!/,$/.test(text.replace(/\[\^[^\]]+\]$/, ''))) warnings.add(p.line, text, 'preambular paragraph does not end with a comma');
    } else if (p.kind === 'operative' && !startsOperative(text)) {
      warnings.add(p.line, text, 'operative paragraph does not open with a verb in the present tense');
    }
  }
}
