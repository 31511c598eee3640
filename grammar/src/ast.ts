/**
 * The syntax tree of a `.draft` document. Every node carries a span of UTF-16 offsets into the
 * source text (end exclusive), so any consumer can slice the exact characters back out.
 */

export interface Span {
  start: number;
  end: number;
}

export interface SyntaxProblem {
  message: string;
  span: Span;
  /** `syntax.lexer`, `syntax.parser` or a more specific code such as `syntax.unclosed`. */
  code: string;
}

export interface DraftDocument {
  type: 'document';
  span: Span;
  frontMatter?: FrontMatter;
  /** Top-level structure in source order: sections hold the paragraphs that follow a heading. */
  children: Array<Section | BodyBlock>;
  /** Every paragraph (numbered or not) in source order, outside of and inside sections. */
  paragraphs: Paragraph[];
  footnotes: FootnoteDefinition[];
  notes: Note[];
}

export interface FrontMatter {
  type: 'frontMatter';
  span: Span;
  entries: FrontMatterEntry[];
  /** Entries by key (the last one wins when a key repeats). */
  fields: Record<string, string>;
  adoption?: Adoption;
  /** `restates: A/68/98, A/70/174`: consensus sources the whole document says it restates. */
  restates?: string[];
}

export interface FrontMatterEntry {
  key: string;
  value: string;
  span: Span;
  keySpan: Span;
  valueSpan: Span;
}

export type Adoption =
  | { kind: 'consensus' }
  | { kind: 'vote'; inFavour: number; against: number; abstaining: number };

export interface Section {
  type: 'section';
  span: Span;
  heading: Heading;
  children: Array<Section | BodyBlock>;
}

export interface Heading {
  type: 'heading';
  span: Span;
  /** 1 for `#`, 2 for `##`... */
  level: number;
  /** `III`, `A`, `1` when the heading starts with a number or letter and a full stop. */
  number?: string;
  title: string;
  content: Inline[];
}

export type BodyBlock = Paragraph | BlockQuote | FootnoteDefinition | Note;

export type ParagraphKind = 'numbered' | 'preambular' | 'operative' | 'unnumbered';

export interface ParagraphLabel {
  span: Span;
  /** As written, without the final full stop: `12bis`, `PP3`, `OP1.2`. */
  text: string;
  /** The number as cited: `12`, `3`, `1.2`. */
  number: string;
  /** `bis`, `ter`, `alt`, `alt2`... */
  suffix?: string;
}

export interface Paragraph {
  type: 'paragraph';
  kind: ParagraphKind;
  span: Span;
  label?: ParagraphLabel;
  /** The chapeau (or the whole text when there are no sub-paragraphs). */
  content: Inline[];
  contentSpan: Span;
  subparagraphs: Subparagraph[];
  status?: ParagraphStatus;
  /** Suppression directives written on the lines just before the paragraph. */
  suppressions: Suppression[];
  /** `// acquis-restates ...` on the lines just before the paragraph. */
  restates?: Restatement;
}

export interface Subparagraph {
  type: 'subparagraph';
  span: Span;
  label: { span: Span; text: string; style: LabelStyle };
  level: number;
  content: Inline[];
  contentSpan: Span;
  children: Subparagraph[];
  /** `// acquis-restates ...` on the lines just before the sub-paragraph. */
  restates?: Restatement;
}

export type LabelStyle = 'letter' | 'roman' | 'number' | 'capital';

export interface ParagraphStatus {
  span: Span;
  value: string;
  known: boolean;
}

export interface Suppression {
  span: Span;
  rules: string[];
  reason?: string;
}

/**
 * Lineage declared by an adopted text: `// acquis-restates A/68/98, A/70/174 -- where it says so`
 * before a paragraph or sub-paragraph. The paragraph restates text of those documents.
 */
export interface Restatement {
  span: Span;
  /** Document symbols as written. */
  symbols: string[];
  /** The words after `--`: where the text itself says so. */
  note?: string;
}

export interface BlockQuote {
  type: 'blockQuote';
  span: Span;
  content: Inline[];
}

export interface FootnoteDefinition {
  type: 'footnoteDefinition';
  span: Span;
  id: string;
  content: Inline[];
  contentSpan: Span;
}

/** A `//` line: a note to drafters, or a directive such as `acquis-disable`. */
export interface Note {
  type: 'note';
  span: Span;
  text: string;
}

export type Inline =
  | TextRun
  | Bracket
  | Amendment
  | Quotation
  | Citation
  | CrossReference
  | FootnoteReference
  | StatusMark
  | Stray;

/** Words and punctuation (and the spaces and line breaks between them). */
export interface TextRun {
  type: 'text';
  span: Span;
}

export interface Bracket {
  type: 'bracket';
  span: Span;
  /** Negotiation brackets mean "not agreed"; editorial ones sit inside quotations. */
  role: 'negotiation' | 'editorial';
  placeholder: boolean;
  /** One entry per `|`-separated option (a single entry when there are no alternatives). */
  options: Inline[][];
  closed: boolean;
}

export type AmendmentKind = 'insert' | 'delete' | 'replace' | 'comment' | 'highlight';

export interface Amendment {
  type: 'amendment';
  kind: AmendmentKind;
  span: Span;
  proposer?: string;
  proposerSpan?: Span;
  /** Inserted, deleted, highlighted or commented text; for a replacement, the old text. */
  content: Inline[];
  contentSpan: Span;
  /** For a replacement: the new text. */
  replacement?: Inline[];
  replacementSpan?: Span;
  /** A comment written right after this amendment: its rationale. */
  rationale?: Amendment;
  closed: boolean;
}

export interface Quotation {
  type: 'quotation';
  span: Span;
  content: Inline[];
  closed: boolean;
}

export interface Citation {
  type: 'citation';
  span: Span;
  /** `A/70/174`, or `resolution` for resolution numbers, or `local` for a bare `para. 11`. */
  kind: 'symbol' | 'resolution' | 'local';
  /** Document symbols as written (`A/68/98*`) or resolution numbers (`70/237`). */
  documents: string[];
  /** Paragraph pinpoints (`13 (f)`, `29`). */
  paragraphs: string[];
}

export interface CrossReference {
  type: 'crossReference';
  span: Span;
  paragraphs: string[];
  direction: 'above' | 'below';
}

export interface FootnoteReference {
  type: 'footnoteReference';
  span: Span;
  id: string;
}

export interface StatusMark {
  type: 'status';
  span: Span;
  value: string;
}

/** A closing mark with no opening one; kept so that no character is lost. */
export interface Stray {
  type: 'stray';
  span: Span;
}

export interface ParseResult {
  document: DraftDocument;
  problems: SyntaxProblem[];
}
