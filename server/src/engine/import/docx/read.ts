/**
 * WordprocessingML (word/document.xml and its footnotes, comments, numbering and styles) into a
 * small model of paragraphs made of pieces: text with the tracked change it belongs to, footnote
 * references and comment anchors. Formatting is not read; formatting-only revisions
 * (`w:rPrChange`, `w:pPrChange`) therefore leave no trace, as they should (they change no word).
 */
import type { Element } from '@xmldom/xmldom';
import { Numbering, type ListLabel } from './numbering.js';
import { attr, child, children, nameOf, parseXml } from './xml.js';

export type ChangeType = 'ins' | 'del' | 'moveFrom' | 'moveTo';

export interface Change {
  type: ChangeType;
  author: string;
  /** A move's name, shared by its source (`moveFrom`) and destination (`moveTo`). */
  move?: string;
}

export type Piece =
  | { kind: 'text'; text: string; change?: Change }
  | { kind: 'note'; id: string; change?: Change }
  | { kind: 'commentStart' | 'commentEnd' | 'commentRef'; id: string };

export interface WordParagraph {
  /** 1-based, in reading order: where warnings point. */
  index: number;
  pieces: Piece[];
  /** Heading level (1 for Heading 1), from the style's outline level. */
  heading?: number;
  title?: boolean;
  /** The number Word draws before it (from numbering.xml). */
  label?: ListLabel;
  /** The paragraph mark was deleted (by this author): the paragraph merges with the next. */
  markDeleted?: string;
  inTable: boolean;
}

export interface WordComment {
  id: string;
  author: string;
  text: string;
}

export interface WordDocument {
  paragraphs: WordParagraph[];
  /** Footnote text by id (separators left out), each as pieces. */
  footnotes: Map<string, Piece[]>;
  comments: Map<string, WordComment>;
  /** Things dropped on the way: images, tables, endnotes... by paragraph index. */
  dropped: Array<{ paragraph: number; what: string }>;
  /** The document's title, from its core properties. */
  title?: string;
}

/** The XML text of the parts that matter, by part name (`word/document.xml`...). */
export type DocxParts = Record<string, string | undefined>;

interface Style {
  outline?: number;
  title: boolean;
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

function readStyles(root: Element | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!root) return styles;
  for (const s of children(root)) {
    if (nameOf(s) !== 'style' || attr(s, 'type') !== 'paragraph') continue;
    const name = (attr(child(s, 'name'), 'val') ?? '').toLowerCase();
    const pPr = child(s, 'pPr');
    const outline = attr(child(pPr ?? s, 'outlineLvl'), 'val');
    const heading = /^heading (\d)$/.exec(name);
    const numPr = pPr ? child(pPr, 'numPr') : undefined;
    const style: Style = { title: name === 'title' };
    if (outline !== undefined && Number(outline) < 9) style.outline = Number(outline) + 1;
    else if (heading) style.outline = Number(heading[1]);
    if (numPr) {
      const numId = attr(child(numPr, 'numId'), 'val');
      if (numId !== undefined) style.numId = numId;
      style.ilvl = Number(attr(child(numPr, 'ilvl'), 'val') ?? 0);
    }
    const basedOn = attr(child(s, 'basedOn'), 'val');
    if (basedOn) style.basedOn = basedOn;
    styles.set(attr(s, 'styleId') ?? '', style);
  }
  return styles;
}

class Reader {
  readonly dropped: WordDocument['dropped'] = [];
  private paragraph = 0;
  private readonly moveNames = new Map<string, string>();
  private moveFrom: string | undefined;
  private moveTo: string | undefined;
  /** Inside a complex field's instructions (between `begin` and `separate`). */
  private inFieldCode = false;

  setParagraph(index: number): void {
    this.paragraph = index;
  }

  drop(what: string): void {
    if (!this.dropped.some((d) => d.paragraph === this.paragraph && d.what === what)) this.dropped.push({ paragraph: this.paragraph, what });
  }

  content(e: Element, change: Change | undefined, out: Piece[]): void {
    for (const c of children(e)) {
      const name = nameOf(c);
      switch (name) {
        case 'r':
          this.run(c, change, out);
          break;
        case 'ins':
        case 'del': {
          this.content(c, { type: name, author: attr(c, 'author') ?? '' }, out);
          break;
        }
        case 'moveFrom':
        case 'moveTo': {
          const move = name === 'moveFrom' ? this.moveFrom : this.moveTo;
          this.content(c, { type: name, author: attr(c, 'author') ?? '', ...(move ? { move } : {}) }, out);
          break;
        }
        case 'moveFromRangeStart':
        case 'moveToRangeStart': {
          const moveName = attr(c, 'name') ?? attr(c, 'id') ?? '';
          this.moveNames.set(`${name}:${attr(c, 'id')}`, moveName);
          if (name === 'moveFromRangeStart') this.moveFrom = moveName;
          else this.moveTo = moveName;
          break;
        }
        case 'moveFromRangeEnd':
          this.moveFrom = undefined;
          break;
        case 'moveToRangeEnd':
          this.moveTo = undefined;
          break;
        case 'commentRangeStart':
          out.push({ kind: 'commentStart', id: attr(c, 'id') ?? '' });
          break;
        case 'commentRangeEnd':
          out.push({ kind: 'commentEnd', id: attr(c, 'id') ?? '' });
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'sdt':
        case 'sdtContent':
        case 'customXml':
        case 'fldSimple':
        case 'bdo':
        case 'dir':
          this.content(c, change, out);
          break;
        case 'oMath':
        case 'oMathPara':
        case 'm:oMath':
        case 'm:oMathPara':
          this.drop('an equation');
          break;
        case 'mc:AlternateContent':
          this.drop('an embedded object');
          break;
        default:
          // Paragraph properties, bookmarks, proofing marks: no words.
          break;
      }
    }
  }

  private run(r: Element, change: Change | undefined, out: Piece[]): void {
    const text = (t: string): void => {
      if (this.inFieldCode || t === '') return;
      const last = out[out.length - 1];
      if (last && last.kind === 'text' && sameChange(last.change, change)) last.text += t;
      else out.push({ kind: 'text', text: t, ...(change ? { change } : {}) });
    };
    for (const c of children(r)) {
      switch (nameOf(c)) {
        case 't':
        case 'delText':
          text(c.textContent ?? '');
          break;
        case 'tab':
        case 'ptab':
        case 'br':
        case 'cr':
          text(' ');
          break;
        case 'noBreakHyphen':
          text('-');
          break;
        case 'fldChar': {
          const type = attr(c, 'fldCharType');
          if (type === 'begin') this.inFieldCode = true;
          else if (type === 'separate' || type === 'end') this.inFieldCode = false;
          break;
        }
        case 'footnoteReference':
          out.push({ kind: 'note', id: attr(c, 'id') ?? '', ...(change ? { change } : {}) });
          break;
        case 'endnoteReference':
          this.drop('an endnote');
          break;
        case 'commentReference':
          out.push({ kind: 'commentRef', id: attr(c, 'id') ?? '' });
          break;
        case 'drawing':
        case 'pict':
        case 'object':
          this.drop('an image');
          break;
        default:
          break;
      }
    }
  }
}

export function sameChange(a: Change | undefined, b: Change | undefined): boolean {
  if (!a || !b) return a === b;
  return a.type === b.type && a.author === b.author && a.move === b.move;
}

/** Read a document package's parts into the model. */
export function readWordDocument(parts: DocxParts): WordDocument {
  const documentXml = parts['word/document.xml'];
  if (documentXml === undefined) throw new Error('no word/document.xml');
  const body = child(parseXml(documentXml, 'word/document.xml'), 'body');
  const styles = readStyles(parts['word/styles.xml'] ? parseXml(parts['word/styles.xml'], 'word/styles.xml') : undefined);
  const numbering = new Numbering(parts['word/numbering.xml'] ? parseXml(parts['word/numbering.xml'], 'word/numbering.xml') : undefined);
  const reader = new Reader();
  const paragraphs: WordParagraph[] = [];

  const styleOf = (id: string | undefined): Style | undefined => {
    let s = id !== undefined ? styles.get(id) : undefined;
    // Outline level and numbering are inherited through `basedOn`.
    const seen = new Set<string>();
    const merged: Style | undefined = s ? { ...s } : undefined;
    while (s?.basedOn && !seen.has(s.basedOn) && merged) {
      seen.add(s.basedOn);
      s = styles.get(s.basedOn);
      if (!s) break;
      if (merged.outline === undefined && s.outline !== undefined) merged.outline = s.outline;
      if (merged.numId === undefined && s.numId !== undefined) [merged.numId, merged.ilvl] = [s.numId, s.ilvl];
    }
    return merged;
  };

  const paragraph = (p: Element, inTable: boolean): void => {
    const index = paragraphs.length + 1;
    reader.setParagraph(index);
    const pPr = child(p, 'pPr');
    const style = styleOf(attr(child(pPr ?? p, 'pStyle'), 'val'));
    const numPr = pPr ? child(pPr, 'numPr') : undefined;
    const numId = numPr ? attr(child(numPr, 'numId'), 'val') : style?.numId;
    const ilvl = numPr ? Number(attr(child(numPr, 'ilvl'), 'val') ?? 0) : (style?.ilvl ?? 0);
    const pieces: Piece[] = [];
    reader.content(p, undefined, pieces);
    const para: WordParagraph = { index, pieces, inTable };
    if (style?.outline !== undefined) para.heading = style.outline;
    if (style?.title) para.title = true;
    // A paragraph with no words draws no number in the text we keep; Word would skip it too
    // when it is fully deleted, but an emptied one keeps its number (an orphan): counted anyway.
    if (numId !== undefined) {
      const label = numbering.next(numId, ilvl);
      if (label) para.label = label;
    }
    const markRPr = pPr ? child(pPr, 'rPr') : undefined;
    const markDel = markRPr ? child(markRPr, 'del') : undefined;
    if (markDel) para.markDeleted = attr(markDel, 'author') ?? '';
    paragraphs.push(para);
  };

  const block = (e: Element, inTable: boolean): void => {
    for (const c of children(e)) {
      const name = nameOf(c);
      if (name === 'p') paragraph(c, inTable);
      else if (name === 'tbl') {
        reader.setParagraph(paragraphs.length + 1);
        reader.drop('a table (its cells become paragraphs)');
        for (const tr of children(c).filter((x) => nameOf(x) === 'tr')) {
          for (const tc of children(tr).filter((x) => nameOf(x) === 'tc')) block(tc, true);
        }
      } else if (name === 'sdt') block(child(c, 'sdtContent') ?? c, inTable);
      else if (name === 'customXml') block(c, inTable);
    }
  };
  if (body) block(body, false);

  const footnotes = new Map<string, Piece[]>();
  if (parts['word/footnotes.xml']) {
    for (const f of children(parseXml(parts['word/footnotes.xml'], 'word/footnotes.xml'))) {
      if (nameOf(f) !== 'footnote' || (attr(f, 'type') ?? 'normal') !== 'normal') continue;
      const pieces: Piece[] = [];
      for (const p of children(f).filter((x) => nameOf(x) === 'p')) {
        if (pieces.length) pieces.push({ kind: 'text', text: ' ' });
        reader.content(p, undefined, pieces);
      }
      footnotes.set(attr(f, 'id') ?? '', pieces);
    }
  }

  const comments = new Map<string, WordComment>();
  if (parts['word/comments.xml']) {
    for (const c of children(parseXml(parts['word/comments.xml'], 'word/comments.xml'))) {
      if (nameOf(c) !== 'comment') continue;
      const text = children(c)
        .filter((x) => nameOf(x) === 'p')
        .map((p) => (p.textContent ?? '').trim())
        .filter(Boolean)
        .join(' ');
      comments.set(attr(c, 'id') ?? '', { id: attr(c, 'id') ?? '', author: attr(c, 'author') ?? '', text });
    }
  }

  const doc: WordDocument = { paragraphs, footnotes, comments, dropped: reader.dropped };
  const core = parts['docProps/core.xml'];
  if (core) {
    const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
    if (title) doc.title = decodeEntities(title).trim();
  }
  return doc;
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}
