/**
 * A Word draft (read.ts's model) into a `.draft` (docs/markup.md, docs/import.md "Word in"):
 *
 * - headings (by outline level) as `#`, numbered paragraphs and sub-paragraphs with the numbers
 *   Word draws (numbering.xml), footnotes as `[^n]`, bracketed text kept as negotiation brackets;
 * - each tracked insertion or deletion as `{++@Author: ...++}` / `{--@Author: ...--}`, a deletion
 *   right next to an insertion by the same author as one replacement `{~~@Author: old~>new~~}`;
 * - a move as a linked pair: the deletion at its source and the insertion at its destination,
 *   each with a comment naming the other paragraph;
 * - a deleted paragraph mark merges the paragraph with the next (ECMA-376 17.13.5.15), unless
 *   the whole paragraph is deleted, which stays one paragraph of deleted text;
 * - each comment as `{>>@Author: ...<<}` where it was: right after the change it is attached to
 *   (so it is that amendment's rationale), or after the words it covers, highlighted.
 *
 * What the markup cannot hold is reported, never silently dropped: images, tables (their cells
 * become paragraphs), endnotes, brackets that do not pair.
 */
import { balanceQuotes } from '../emit.js';
import { parse } from '../../../../../grammar/src/index.js';
import { sameChange, type Change, type Piece, type WordDocument, type WordParagraph } from './read.js';

export interface DocxWarning {
  /** 1-based paragraph of the Word document (0: the document as a whole). */
  paragraph: number;
  text: string;
  reason: string;
}

export interface DocxDraft {
  draft: string;
  warnings: DocxWarning[];
  paragraphs: number;
  amendments: number;
  rationales: number;
}

/** A sub-paragraph label typed at the start of a paragraph: `(a) `, `(iv) `, `(2) `. */
const TYPED_SUB_LABEL = /^\((?:[a-z]{1,3}|[ivxlc]{1,7}|\d{1,2}|[A-Z])\) /;

type Seg =
  | { kind: 'seg'; text: string; change?: Change; replacedBy?: string }
  | { kind: 'anchor'; type: 'commentStart' | 'commentEnd' | 'commentRef'; id: string };

const NOTE_OPEN = '\u0001';
const NOTE_CLOSE = '\u0002';

/** Proposer names: the markup's `@Name:` takes no colon or brace. */
function proposer(author: string): string {
  const name = author.replace(/[:{}\r\n]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return name ? `@${name}: ` : '';
}

function escapeText(text: string, brackets: boolean): string {
  const special = brackets ? /[\\{}[\]|]/g : /[\\{}]/g;
  return text
    .replace(special, (c) => `\\${c}`)
    .replace(new RegExp(`${NOTE_OPEN}(\\d+)${NOTE_CLOSE}`, 'g'), '[^$1]');
}

const isAmendment = (s: Seg | undefined): boolean => s?.kind === 'seg' && s.change !== undefined;

export function wordToDraft(doc: WordDocument, options: { title?: string } = {}): DocxDraft {
  const warnings: DocxWarning[] = [];
  const warn = (paragraph: number, text: string, reason: string): void => {
    warnings.push({ paragraph, text: text.length > 80 ? `${text.slice(0, 79)}…` : text, reason });
  };
  for (const d of doc.dropped) warn(d.paragraph, '', `${d.what} is not kept in a .draft`);

  // Deleted paragraph marks: the paragraph joins the next one.
  const paragraphs: WordParagraph[] = [];
  for (let i = 0; i < doc.paragraphs.length; i++) {
    const p = doc.paragraphs[i]!;
    const next = doc.paragraphs[i + 1];
    const texts = p.pieces.filter((x): x is Extract<Piece, { kind: 'text' }> => x.kind === 'text' && x.text.trim() !== '');
    const wholly = texts.length > 0 && texts.every((x) => x.change?.type === 'del' || x.change?.type === 'moveFrom');
    if (p.markDeleted !== undefined && next && !wholly) {
      warn(p.index, plain(p.pieces), `the paragraph mark was deleted${p.markDeleted ? ` by ${p.markDeleted}` : ''}: the paragraph is merged with the next`);
      const join: Piece[] = /\s$/.test(plain(p.pieces)) || /^\s/.test(plain(next.pieces)) ? [] : [{ kind: 'text', text: ' ' }];
      doc.paragraphs[i + 1] = { ...p, markDeleted: next.markDeleted!, pieces: [...p.pieces, ...join, ...next.pieces] } as WordParagraph;
      if (next.markDeleted === undefined) delete doc.paragraphs[i + 1]!.markDeleted;
      continue;
    }
    paragraphs.push(p);
  }

  // Footnotes numbered in order of first reference.
  const noteNumbers = new Map<string, number>();
  const numberNotes = (pieces: Piece[]): void => {
    for (const x of pieces) if (x.kind === 'note' && !noteNumbers.has(x.id) && doc.footnotes.has(x.id)) noteNumbers.set(x.id, noteNumbers.size + 1);
  };
  for (const p of paragraphs) numberNotes(p.pieces);

  // Where each move starts and ends, to link the pair.
  const labelOf = (p: WordParagraph): string => (p.label ? `paragraph ${p.label.text.replace(/[.)]$/, '').replace(/^\(/, '(')}` : `paragraph ${p.index}`);
  const moveEnds = new Map<string, { from?: string; to?: string }>();
  for (const p of paragraphs) {
    for (const x of p.pieces) {
      if (x.kind === 'text' && x.change?.move !== undefined && (x.change.type === 'moveFrom' || x.change.type === 'moveTo')) {
        const ends = moveEnds.get(x.change.move) ?? {};
        if (x.change.type === 'moveFrom') ends.from ??= labelOf(p);
        else ends.to ??= labelOf(p);
        moveEnds.set(x.change.move, ends);
      }
    }
  }

  let amendments = 0;
  let rationales = 0;
  const placedComments = new Set<string>();

  /** One paragraph's (or note's) pieces as marked-up text. */
  const render = (pieces: Piece[], index: number, brackets: boolean): string => {
    const segs = segments(pieces, noteNumbers);
    // A deletion and an insertion side by side by the same author: one replacement.
    for (let i = 0; i + 1 < segs.length; i++) {
      const a = segs[i]!;
      const b = segs[i + 1]!;
      if (a.kind !== 'seg' || b.kind !== 'seg' || !a.change || !b.change || a.change.author !== b.change.author) continue;
      const pair = `${a.change.type}+${b.change.type}`;
      if (pair === 'del+ins' || pair === 'ins+del') {
        const [old, now] = pair === 'del+ins' ? [a.text, b.text] : [b.text, a.text];
        segs.splice(i, 2, { kind: 'seg', text: old, change: { type: 'del', author: a.change.author }, replacedBy: now });
      }
    }
    // Comments covering only unchanged words: those words are highlighted.
    const highlight = new Map<number, number>();
    segs.forEach((s, i) => {
      if (s.kind !== 'anchor' || s.type !== 'commentStart') return;
      const end = segs.findIndex((x, j) => j > i && x.kind === 'anchor' && x.type === 'commentEnd' && x.id === s.id);
      if (end < 0) return;
      const inner = segs.slice(i + 1, end).filter((x) => x.kind === 'seg');
      if (inner.length > 0 && inner.every((x) => x.kind === 'seg' && !x.change) && inner.some((x) => x.kind === 'seg' && x.text.trim())) {
        highlight.set(i, end);
      }
    });
    let out = '';
    let open: { end: number } | undefined;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]!;
      if (s.kind === 'anchor') {
        if (s.type === 'commentStart' && highlight.has(i)) {
          // Leading spaces stay outside the highlight.
          out += '{==';
          open = { end: highlight.get(i)! };
        } else if (open && s.type === 'commentEnd' && i === open.end) {
          const trailing = /\s*$/.exec(out)![0];
          out = `${out.slice(0, out.length - trailing.length)}==}${trailing}`;
          open = undefined;
        }
        const placeHere =
          (s.type === 'commentRef' || (s.type === 'commentEnd' && !segs.some((x) => x.kind === 'anchor' && x.type === 'commentRef' && x.id === s.id))) &&
          !placedComments.has(s.id);
        if (placeHere) {
          const comment = doc.comments.get(s.id);
          if (comment) {
            placedComments.add(s.id);
            const trailing = /\s*$/.exec(out)![0];
            const afterAmendment = out.endsWith('~~}') || out.endsWith('++}') || out.endsWith('--}') || out.endsWith('==}');
            const body = `{>>${proposer(comment.author)}${escapeText(comment.text, true)}<<}`;
            if (afterAmendment || trailing === '') out = `${out.slice(0, out.length - trailing.length)}${body}${trailing}`;
            else out += body;
            if (afterAmendment || isAmendment(lastSeg(segs, i))) rationales++;
          }
        }
        continue;
      }
      const text = escapeText(s.text, brackets);
      if (!s.change) {
        out += text;
        continue;
      }
      amendments++;
      const who = proposer(s.change.author);
      if (s.replacedBy !== undefined) out += `{~~${who}${text}~>${escapeText(s.replacedBy, brackets)}~~}`;
      else if (s.change.type === 'ins' || s.change.type === 'moveTo') out += `{++${who}${text}++}`;
      else out += `{--${who}${text}--}`;
      if (s.change.type === 'moveFrom' || s.change.type === 'moveTo') {
        const ends = s.change.move !== undefined ? moveEnds.get(s.change.move) : undefined;
        const other = s.change.type === 'moveFrom' ? ends?.to : ends?.from;
        out += `{>>${who}moved ${s.change.type === 'moveFrom' ? 'to' : 'from'} ${other ?? 'elsewhere'}<<}`;
        rationales++;
        if (!other) warn(index, s.text, `a move by ${s.change.author || 'an unknown author'} has no ${s.change.type === 'moveFrom' ? 'destination' : 'source'}: kept as a ${s.change.type === 'moveFrom' ? 'deletion' : 'insertion'}`);
      }
    }
    if (open) out += '==}';
    return out.replace(/\s+/g, ' ').trim();
  };

  /** The paragraph's text, checked by the real parser; brackets escaped if they do not pair. */
  const checked = (prefix: string, pieces: Piece[], index: number): string => {
    const amendmentsBefore = amendments;
    const rationalesBefore = rationales;
    // The comments this paragraph places, undone before another attempt (not a copy of all).
    const anchored = pieces.flatMap((x) => (x.kind === 'commentRef' || x.kind === 'commentEnd' ? [x.id] : [])).filter((id) => !placedComments.has(id));
    const attempt = (brackets: boolean): string => {
      amendments = amendmentsBefore;
      rationales = rationalesBefore;
      for (const id of anchored) placedComments.delete(id);
      return `${prefix}${render(pieces, index, brackets)}`;
    };
    let line = attempt(false);
    if (parse(line).problems.length === 0) return line;
    const escaped = attempt(true);
    if (parse(escaped).problems.length === 0) {
      warn(index, plain(pieces), 'brackets that do not pair within the paragraph are kept as literal brackets (escaped)');
      return escaped;
    }
    const words = escaped.split(' ');
    const { opened, closed } = balanceQuotes(words);
    line = words.join(' ');
    if (opened + closed > 0) warn(index, plain(pieces), 'a quotation mark that does not pair within the paragraph was paired, so that the draft is valid');
    for (const problem of parse(line).problems) warn(index, plain(pieces), `the paragraph has a syntax problem: ${problem.message}`);
    return line;
  };

  const out: string[] = [];
  let title = options.title ?? doc.title;
  let written = 0;
  let afterParagraph = false;
  for (const p of paragraphs) {
    const text = plain(p.pieces).trim();
    const hasAnchor = p.pieces.some((x) => x.kind !== 'text');
    if (!text && !hasAnchor) continue;
    if (p.title && !p.label) {
      title ??= text;
      continue;
    }
    let prefix = '';
    let sub = false;
    if (p.heading !== undefined && !p.inTable) {
      prefix = `${'#'.repeat(Math.min(p.heading, 3))} ${p.label ? `${p.label.text} ` : ''}`;
    } else if (p.label) {
      const label = labelPrefix(p);
      sub = label.sub;
      prefix = label.text;
    }
    let line = checked(prefix, p.pieces, p.index);
    // A sub-paragraph label typed in the text ("(a)" then a tab) under a paragraph.
    if (!prefix && afterParagraph && TYPED_SUB_LABEL.test(line)) {
      sub = true;
      line = `  ${line}`;
    }
    if (out.length > 0 && !sub) out.push('');
    out.push(line);
    written++;
    afterParagraph = p.heading === undefined;
  }

  // Comments never anchored in the text are kept at the end, with a warning.
  for (const [id, c] of doc.comments) {
    if (placedComments.has(id)) continue;
    warn(0, c.text, `comment by ${c.author || 'an unknown author'} has no place in the text: kept at the end`);
    out.push('', `{>>${proposer(c.author)}${escapeText(c.text, true)}<<}`);
  }

  const notes = [...noteNumbers].map(([id, n]) => `[^${n}]: ${render(doc.footnotes.get(id) ?? [], 0, true)}`);
  if (notes.length) out.push('', ...notes);

  if (amendments === 0 && doc.comments.size === 0) {
    warn(0, '', 'no tracked changes and no comments: the text is imported as it reads');
  }
  const front = ['---'];
  if (title) front.push(`title: ${/^[\p{L}\p{N}(“‘]/u.test(title) && !/: |\s#|"|:$/.test(title) ? title : JSON.stringify(title)}`);
  front.push('kind: draft', '---', '');
  return { draft: `${front.join('\n')}\n${out.join('\n')}\n`, warnings, paragraphs: written, amendments, rationales };
}

function lastSeg(segs: Seg[], before: number): Seg | undefined {
  for (let i = before - 1; i >= 0; i--) if (segs[i]!.kind === 'seg') return segs[i];
  return undefined;
}

/** The words of pieces as they read now (deleted text included), for warnings and tests. */
function plain(pieces: Piece[]): string {
  return pieces.map((x) => (x.kind === 'text' ? x.text : '')).join('');
}

/**
 * Pieces into segments: footnote references folded into the text, comment anchors kept. An
 * anchor that falls strictly inside a change (text of the same change on both sides) is moved
 * after it, so that the change stays whole.
 */
function segments(pieces: Piece[], noteNumbers: Map<string, number>): Seg[] {
  const flat: Seg[] = pieces.map((x) =>
    x.kind === 'text'
      ? { kind: 'seg', text: x.text, ...(x.change ? { change: x.change } : {}) }
      : x.kind === 'note'
        ? { kind: 'seg', text: noteNumbers.has(x.id) ? `${NOTE_OPEN}${noteNumbers.get(x.id)}${NOTE_CLOSE}` : '', ...(x.change ? { change: x.change } : {}) }
        : { kind: 'anchor', type: x.kind, id: x.id },
  );
  const moved: Seg[] = [];
  const held: Seg[] = [];
  for (let i = 0; i < flat.length; i++) {
    const s = flat[i]!;
    if (s.kind === 'anchor') {
      const before = lastSeg(flat, i);
      const after = flat.slice(i + 1).find((x) => x.kind === 'seg');
      const inside = before?.kind === 'seg' && after?.kind === 'seg' && before.change && sameChange(before.change, after.change);
      if (inside) held.push(s);
      else moved.push(s);
      continue;
    }
    const last = moved[moved.length - 1];
    if (last && last.kind === 'seg' && sameChange(last.change, s.change)) last.text += s.text;
    else moved.push({ ...s });
    const next = flat.slice(i + 1).find((x) => x.kind === 'seg');
    if (held.length && !(next?.kind === 'seg' && sameChange(next.change, s.change))) moved.push(...held.splice(0));
  }
  moved.push(...held);
  return moved.filter((s) => s.kind === 'anchor' || s.text !== '');
}

/** `12.` for a first-level number, `(a)` indented for lower levels, `1.1.` for items. */
function labelPrefix(p: WordParagraph): { text: string; sub: boolean } {
  const label = p.label!;
  const core = label.text.replace(/^\(|[.)]$/g, '');
  if (/^\d+(?:\.\d+)+$/.test(core) || /^\d+(?:\.\d+)*\.$/.test(label.text)) return { text: `${core}. `, sub: false };
  if (label.level === 0 && /^\d+$/.test(core)) return { text: `${core}. `, sub: false };
  if (/^(?:[a-z]{1,3}|[ivxlc]{1,7}|[A-Z]|\d{1,2})$/.test(core)) return { text: `${'  '.repeat(Math.max(1, label.level))}(${core}) `, sub: label.level > 0 };
  return { text: `${label.text} `, sub: false };
}
