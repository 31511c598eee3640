/**
 * A `.draft` into a Word document with the `docx` package (docs/import.md, "Word out"):
 * headings as Word headings, paragraph labels typed as the negotiators print them ("12.", "(a)";
 * preambular paragraphs unnumbered), footnotes as Word footnotes, and the negotiation layer as
 * Word's own: each amendment a tracked change by its proposer (an insertion, a deletion, or a
 * replacement as a deletion followed by an insertion), each rationale a comment by its author on
 * the change it explains, other comments where they stand, highlights as the commented range.
 * Brackets and quotation marks are written as the text prints them. Drafting notes (`//`),
 * statuses and suppressions are not part of the text and are left out.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Amendment, DraftDocument, Inline, Paragraph as DraftParagraph, Section, Subparagraph } from '../../../../grammar/src/index.js';

export interface DocxExportOptions {
  /** ISO date of the tracked changes and comments (default: now). */
  date?: string;
  /** A clean view: no comments either (the text has no amendments left). */
  clean?: boolean;
}

export interface DocxExportResult {
  bytes: Uint8Array;
  changes: number;
  comments: number;
  footnotes: number;
}

interface Change {
  type: 'ins' | 'del';
  author: string;
}

const unescape = (s: string): string => s.replace(/\\([[\]{}|\\"])/g, '$1');
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

class Exporter {
  private revision = 1;
  readonly comments: Array<{ id: number; author: string; text: string }> = [];
  readonly footnoteIds = new Map<string, number>();
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  changes = 0;

  constructor(
    private readonly text: string,
    private readonly doc: DraftDocument,
    private readonly date: string,
    private readonly clean = false,
  ) {}

  /** The last character written, to know whether an amendment needs a space before it. */
  private lastChar = '';

  private run(text: string, change: Change | undefined): ParagraphChild {
    this.lastChar = text[text.length - 1] ?? this.lastChar;
    if (!change) return new TextRun({ text });
    const options = { text, id: this.revision++, author: change.author || 'Unknown', date: this.date };
    return change.type === 'ins' ? new InsertedTextRun(options) : new DeletedTextRun(options);
  }

  private comment(node: Amendment, fallbackAuthor: string | undefined): number {
    const id = this.comments.length;
    const words = this.plain(node.content, node.contentSpan).replace(/\s+/g, ' ').trim();
    this.comments.push({ id, author: node.proposer ?? fallbackAuthor ?? 'Unknown', text: words });
    return id;
  }

  /**
   * The nodes of a region of the source with the text between them: white space and escapes
   * the syntax tree does not hold as nodes, and the `|` between a bracket's options.
   */
  private *walk(list: Inline[], region: { start: number; end: number }): Generator<{ gap: string } | { node: Inline }> {
    const nodes = flatten(list).sort((a, b) => a.span.start - b.span.start);
    let at = region.start;
    for (const node of nodes) {
      if (node.span.start > at) yield { gap: this.text.slice(at, node.span.start) };
      yield { node };
      at = Math.max(at, node.span.end);
    }
    if (region.end > at) yield { gap: this.text.slice(at, region.end) };
  }

  private tidy(s: string): string {
    return unescape(s).replace(/\s+/g, ' ');
  }

  /** The words of a region, as printed (markup characters removed, amendments as proposed). */
  plain(list: Inline[], region: { start: number; end: number }): string {
    let out = '';
    for (const x of this.walk(list, region)) {
      if ('gap' in x) {
        out += this.tidy(x.gap);
        continue;
      }
      const n = x.node;
      switch (n.type) {
        case 'amendment':
          if (n.kind !== 'comment') out += this.plain(n.content, n.contentSpan) + (n.replacement ? ` ${this.plain(n.replacement, n.replacementSpan!)}` : '');
          break;
        case 'bracket':
          out += `[${this.plain(n.options.flat(), inner(n.span, n.closed))}${n.closed ? ']' : ''}`;
          break;
        case 'quotation':
          out += this.text[n.span.start]! + this.plain(n.content, inner(n.span, n.closed)) + (n.closed ? this.text[n.span.end - 1]! : '');
          break;
        case 'footnoteReference':
        case 'status':
          break;
        default:
          out += this.tidy(this.text.slice(n.span.start, n.span.end));
      }
    }
    return out;
  }

  /** Inlines into Word runs; `change` is the tracked change the text belongs to, if any. */
  runs(list: Inline[], region: { start: number; end: number }, change: Change | undefined, out: ParagraphChild[]): void {
    const rationales = new Set(list.flatMap((n) => (n.type === 'amendment' && n.rationale ? [n.rationale] : [])));
    for (const x of this.walk(list, region)) {
      if ('gap' in x) {
        const t = this.tidy(x.gap);
        if (t) out.push(this.run(t, change));
        continue;
      }
      const n = x.node;
      switch (n.type) {
        case 'amendment': {
          if (rationales.has(n)) break; // written with the amendment it explains
          this.amendment(n, change, out);
          break;
        }
        case 'bracket':
          out.push(this.run('[', change));
          this.runs(n.options.flat(), inner(n.span, n.closed), change, out);
          if (n.closed) out.push(this.run(']', change));
          break;
        case 'quotation':
          out.push(this.run(this.text[n.span.start]!, change));
          this.runs(n.content, inner(n.span, n.closed), change, out);
          if (n.closed) out.push(this.run(this.text[n.span.end - 1]!, change));
          break;
        case 'footnoteReference': {
          const number = this.footnote(n.id);
          if (number !== undefined) out.push(new FootnoteReferenceRun(number));
          break;
        }
        case 'status':
          break;
        default: {
          const t = this.tidy(this.text.slice(n.span.start, n.span.end));
          if (t) out.push(this.run(t, change));
        }
      }
    }
  }

  private amendment(n: Amendment, outer: Change | undefined, out: ParagraphChild[]): void {
    const author = n.proposer ?? '';
    if (this.clean && n.kind === 'comment') return;
    const commentId = n.rationale && !this.clean ? this.comment(n.rationale, n.proposer) : undefined;
    if (n.kind === 'comment') {
      const id = this.comment(n, undefined);
      out.push(new CommentRangeStart(id), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
      return;
    }
    if (commentId !== undefined) out.push(new CommentRangeStart(commentId));
    if (n.kind !== 'highlight' && !outer) this.changes++;
    // `{++@Japan: in its entirety++}` right after a word: the markup's space after the colon
    // is a separator, so Word needs the space between the words back, inside the change.
    const region = regions(n);
    const first = this.text.slice(region.content.start, region.content.end).trimStart()[0] ?? '';
    const before = this.lastChar;
    const spaced = /\s/.test(this.text[region.content.start] ?? ' ');
    if (!spaced && /[\p{L}\p{N})\]”’.,;:]/u.test(before) && /[\p{L}\p{N}(\[“‘]/u.test(first) && n.kind !== 'highlight') {
      out.push(this.run(' ', outer ?? { type: n.kind === 'delete' ? 'del' : 'ins', author }));
    }
    switch (n.kind) {
      case 'insert':
        this.runs(n.content, regions(n).content, outer ?? { type: 'ins', author }, out);
        break;
      case 'delete':
        this.runs(n.content, regions(n).content, outer ?? { type: 'del', author }, out);
        break;
      case 'replace':
        this.runs(n.content, regions(n).content, outer ?? { type: 'del', author }, out);
        this.runs(n.replacement ?? [], regions(n).replacement, outer ?? { type: 'ins', author }, out);
        break;
      default: // highlight: the words, unchanged; its comment covers them
        this.runs(n.content, regions(n).content, outer, out);
    }
    if (commentId !== undefined) out.push(new CommentRangeEnd(commentId), new TextRun({ children: [new CommentReference(commentId)] }));
  }

  private footnote(id: string): number | undefined {
    const known = this.footnoteIds.get(id);
    if (known !== undefined) return known;
    const def = this.doc.footnotes.find((f) => f.id === id);
    if (!def) return undefined;
    const number = this.footnoteIds.size + 1;
    this.footnoteIds.set(id, number);
    const children: ParagraphChild[] = [];
    this.runs(def.content, def.contentSpan, undefined, children);
    this.footnotes[String(number)] = { children: [new Paragraph({ children })] };
    return number;
  }

  paragraph(p: DraftParagraph): Paragraph[] {
    const children: ParagraphChild[] = [];
    this.lastChar = '';
    // Preambular labels are the negotiators' handles, not printed; others print their number.
    const label = p.label && p.kind !== 'preambular' ? `${p.label.text.replace(/^(?:PP|OP)/, '').replace(/\.?$/, '.')}` : undefined;
    if (label) children.push(new TextRun({ text: `${label}\t` }));
    this.runs(p.content, p.contentSpan, undefined, children);
    const out = [
      new Paragraph({
        children,
        alignment: AlignmentType.JUSTIFIED,
        ...(p.kind === 'preambular' ? { indent: { firstLine: 720 } } : {}),
      }),
    ];
    const subs = (list: Subparagraph[]): void => {
      for (const s of list) {
        const runs: ParagraphChild[] = [new TextRun({ text: `${s.label.text}\t` })];
        this.runs(s.content, s.contentSpan, undefined, runs);
        out.push(new Paragraph({ children: runs, alignment: AlignmentType.JUSTIFIED, indent: { left: 720 * s.level } }));
        subs(s.children);
      }
    };
    subs(p.subparagraphs);
    return out;
  }

  blocks(list: Array<Section | DraftDocument['children'][number]>, out: Paragraph[]): void {
    for (const b of list) {
      switch (b.type) {
        case 'section': {
          const runs: ParagraphChild[] = [];
          this.runs(b.heading.content, contentRegion(b.heading.content, b.heading.span), undefined, runs);
          out.push(new Paragraph({ children: runs, heading: HEADINGS[Math.min(b.heading.level, 4) - 1]! }));
          this.blocks(b.children, out);
          break;
        }
        case 'paragraph':
          out.push(...this.paragraph(b));
          break;
        case 'blockQuote': {
          const runs: ParagraphChild[] = [];
          this.runs(b.content, contentRegion(b.content, b.span), undefined, runs);
          out.push(new Paragraph({ children: runs, indent: { left: 720, right: 720 } }));
          break;
        }
        default:
          // Footnote definitions go with their references; drafting notes are not the text.
          break;
      }
    }
  }
}

/**
 * The text of an amendment up to its closing mark (white space included, so that "existing "
 * deleted before "norms" keeps its space), and of a replacement's new text after `~>`.
 */
function regions(n: Amendment): { content: { start: number; end: number }; replacement: { start: number; end: number } } {
  const end = n.closed ? n.span.end - 3 : n.span.end;
  if (n.kind === 'replace' && n.replacementSpan) {
    return { content: { start: n.contentSpan.start, end: Math.max(n.contentSpan.end, n.replacementSpan.start - 2) }, replacement: { start: n.replacementSpan.start, end: Math.max(n.replacementSpan.end, end) } };
  }
  const content = { start: n.contentSpan.start, end: Math.max(n.contentSpan.end, end) };
  return { content, replacement: content };
}

/** The inside of a bracket or quotation: its marks left out. */
function inner(span: { start: number; end: number }, closed: boolean): { start: number; end: number } {
  return { start: span.start + 1, end: closed ? span.end - 1 : span.end };
}

/** A region from the first to the last node (for blocks whose content has no span of its own). */
function contentRegion(list: Inline[], fallback: { start: number; end: number }): { start: number; end: number } {
  if (list.length === 0) return { start: fallback.end, end: fallback.end };
  return { start: list[0]!.span.start, end: list[list.length - 1]!.span.end };
}

/**
 * The direct nodes of a list (a bracket's options are flattened by the caller). Nodes nested in
 * others are reached through their parent, so only the given list is returned.
 */
function flatten(list: Inline[]): Inline[] {
  return [...list];
}

/** The Word document of a parsed draft. */
export async function exportDocx(text: string, doc: DraftDocument, options: DocxExportOptions = {}): Promise<DocxExportResult> {
  const date = options.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const exporter = new Exporter(text, doc, date, options.clean);
  const body: Paragraph[] = [];
  const fields = doc.frontMatter?.fields ?? {};
  if (fields.title) body.push(new Paragraph({ text: fields.title, heading: HeadingLevel.TITLE }));
  exporter.blocks(doc.children, body);
  const document = new Document({
    ...(fields.title ? { title: fields.title } : {}),
    ...(fields.symbol ? { subject: fields.symbol } : {}),
    creator: 'acquis',
    features: { trackRevisions: true },
    comments: {
      children: exporter.comments.map((c) => ({
        id: c.id,
        author: c.author,
        date: new Date(date),
        children: [new Paragraph({ text: c.text })],
      })),
    },
    footnotes: exporter.footnotes,
    sections: [{ children: body }],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return { bytes, changes: exporter.changes, comments: exporter.comments.length, footnotes: exporter.footnoteIds.size };
}
