/**
 * CST -> AST. The parser gives a flat list of blocks; here headings become sections,
 * sub-paragraphs attach to their paragraph at the right level, comments attach to the amendment
 * they explain, and unclosed or stray marks become syntax problems.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Amendment,
  AmendmentKind,
  BlockQuote,
  Bracket,
  Citation,
  DraftDocument,
  FootnoteDefinition,
  FrontMatter,
  Heading,
  Inline,
  Note,
  Paragraph,
  ParagraphKind,
  ParagraphLabel,
  Section,
  Span,
  Subparagraph,
  Restatement,
  Suppression,
  SyntaxProblem,
} from './ast.js';
import { readAdoption, readSymbolList, splitEntry } from './front-matter.js';
import type { SequencedNode } from './parser.js';
import { assignLevels } from './sub-levels.js';
import { isSpace, singleSpacedStretches } from './views.js';
import { SINGLE_SPACED } from './tokens.js';

/** True when `text` from `start` to `end` is empty or white space only (`/^\s*$/`). */
function onlySpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

type Child = CstNode | IToken;

const isToken = (c: Child): c is IToken => (c as IToken).image !== undefined;

/**
 * A token's or a node's offset as a small integer. Chevrotain's offset fields also hold NaN (its
 * end-of-input token, tokens inserted in recovery), so V8 keeps them as boxed doubles; a span made
 * straight from them would turn every span in the process into two boxed doubles as well.
 */
export const offsetOf = (n: number): number => n | 0;

const KNOWN_STATUSES = new Set(['agreed', 'agreed ad ref', 'pending', 'suggested for closure']);

const CLOSER_NAMES: Record<string, string> = {
  InsertClose: '++}',
  DeleteClose: '--}',
  ReplaceClose: '~~}',
  ReplaceArrow: '~>',
  CommentClose: '<<}',
  HighlightClose: '==}',
  RBracket: ']',
  QuoteClose: '”',
};

/**
 * Children of a CST node in source order, without tokens invented by error recovery: the order
 * the parser added them in (`SequencedNode`), with no look at Chevrotain's table by name.
 */
function ordered(node: CstNode): Child[] {
  const sequence = (node as SequencedNode).sequence;
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence[i]!;
    if (isToken(c) && c.isInsertedInRecovery) return sequence.filter((c) => !(isToken(c) && c.isInsertedInRecovery));
  }
  return sequence;
}

function startOf(c: Child): number {
  return isToken(c) ? c.startOffset : (c.location?.startOffset ?? Number.MAX_SAFE_INTEGER);
}

function tokenSpan(token: IToken): Span {
  const start = offsetOf(token.startOffset);
  return { start, end: start + token.image.length };
}

function nodeSpan(node: CstNode): Span | undefined {
  const loc = node.location;
  if (!loc || Number.isNaN(loc.startOffset) || loc.endOffset === undefined || Number.isNaN(loc.endOffset)) {
    return undefined;
  }
  return { start: offsetOf(loc.startOffset), end: offsetOf(loc.endOffset) + 1 };
}

/** The tokens of type `name` among a node's children, in order (recovery's included). */
function tokensNamed(node: CstNode, name: string): IToken[] {
  const out: IToken[] = [];
  const sequence = (node as SequencedNode).sequence;
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence[i]!;
    if (isToken(c) && c.tokenType.name === name) out.push(c);
  }
  return out;
}

/** The first token of type `name` among a node's children (recovery's included). */
function firstToken(node: CstNode, name: string): IToken | undefined {
  const sequence = (node as SequencedNode).sequence;
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence[i]!;
    if (isToken(c) && c.tokenType.name === name) return c;
  }
  return undefined;
}

/** The child nodes of rule `name`, in order. */
function nodesNamed(node: CstNode, name: string): CstNode[] {
  const out: CstNode[] = [];
  const sequence = (node as SequencedNode).sequence;
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence[i]!;
    if (!isToken(c) && c.name === name) out.push(c);
  }
  return out;
}

function hasRealToken(node: CstNode, name: string): boolean {
  const sequence = (node as SequencedNode).sequence;
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence[i]!;
    if (isToken(c) && c.tokenType.name === name && !c.isInsertedInRecovery) return true;
  }
  return false;
}

/** Where inline content stands: inside a quotation (brackets there are editorial) or not. Read only. */
interface InlineContext {
  readonly quoted?: boolean;
}
// One of each, shared: the context is only read.
const PLAIN: InlineContext = {};
const QUOTED: InlineContext = { quoted: true };

export type FlatBlock =
  | { kind: 'heading'; node: Heading }
  | { kind: 'paragraph'; node: Paragraph }
  | { kind: 'subparagraph'; node: Subparagraph }
  | { kind: 'footnote'; node: FootnoteDefinition }
  | { kind: 'quote'; node: BlockQuote }
  | { kind: 'note'; node: Note };

export class AstBuilder {
  readonly problems: SyntaxProblem[] = [];

  /** Where the lexer read single-spaced runs of this text (see `singleSpacedStretches` in views.ts). */
  private readonly singleSpaced: Map<number, number>;

  constructor(private readonly text: string) {
    this.singleSpaced = singleSpacedStretches(text);
  }

  build(cst: CstNode): DraftDocument {
    const { flat, frontMatter } = this.blocks(cst);
    return this.assemble(flat, frontMatter);
  }

  /** The blocks in source order, before sections and sub-paragraph levels are worked out. */
  blocks(cst: CstNode): { flat: FlatBlock[]; frontMatter?: FrontMatter } {
    const flat: FlatBlock[] = [];
    let frontMatter: FrontMatter | undefined;
    const children = ordered(cst);
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      // Blocks (comment lines are tokens) and the front matter.
      if (isToken(child)) {
        if (child.tokenType.name === 'CommentLine') flat.push(this.note(child));
      } else if (child.name === 'frontMatter') frontMatter = this.frontMatter(child);
      else {
        const block = this.block(child);
        if (block) flat.push(block);
      }
    }
    return frontMatter ? { flat, frontMatter } : { flat };
  }

  // --- Front matter ----------------------------------------------------------------------------

  private frontMatter(node: CstNode): FrontMatter {
    const span = nodeSpan(node) ?? { start: 0, end: 0 };
    const entries = [];
    const fields: Record<string, string> = {};
    for (const tok of tokensNamed(node, 'FrontMatterLine')) {
      if (tok.isInsertedInRecovery || tok.image.trim() === '' || tok.image.trimStart().startsWith('#')) continue;
      const entry = splitEntry(tok.image, offsetOf(tok.startOffset));
      if (!entry) {
        this.problem('syntax.frontMatter', 'A front matter line must read `key: value`.', tokenSpan(tok));
        continue;
      }
      entries.push(entry);
      fields[entry.key] = entry.value;
    }
    const fences = tokensNamed(node, 'FrontMatterFence').filter((f) => !f.isInsertedInRecovery);
    if (fences.length < 2) {
      this.problem('syntax.unclosed', 'The front matter is not closed: end it with a line `---`.', tokenSpan(fences[0]!));
    }
    const result: FrontMatter = { type: 'frontMatter', span, entries, fields };
    const restatesEntry = entries.filter((e) => e.key === 'restates').pop();
    if (restatesEntry) {
      const { symbols, bad } = readSymbolList(restatesEntry.value);
      if (symbols.length) result.restates = symbols;
      if (bad.length || !symbols.length) {
        this.problem(
          'syntax.restates',
          `\`restates\` takes document symbols separated by commas, e.g. \`A/68/98, A/70/174\`${bad.length ? `; cannot read "${bad.join('", "')}"` : ''}.`,
          restatesEntry.valueSpan,
        );
      }
    }
    const adoptionEntry = entries.filter((e) => e.key === 'adoption').pop();
    if (adoptionEntry) {
      const adoption = readAdoption(adoptionEntry.value);
      if (adoption) result.adoption = adoption;
      else {
        this.problem(
          'syntax.adoption',
          `Cannot read the adoption "${adoptionEntry.value}": write \`consensus\` or \`vote\` with the tally, e.g. \`vote 109-45-16\`.`,
          adoptionEntry.valueSpan,
        );
      }
    }
    return result;
  }

  // --- Blocks ----------------------------------------------------------------------------------

  private note(token: IToken): FlatBlock {
    const text = token.image.replace(/^\s*\/\/\s?/, '');
    return { kind: 'note', node: { type: 'note', span: tokenSpan(token), text } };
  }

  private block(inner: CstNode): FlatBlock | undefined {
    switch (inner.name) {
      case 'heading':
        return { kind: 'heading', node: this.heading(inner) };
      case 'paragraph':
        return { kind: 'paragraph', node: this.paragraph(inner) };
      case 'subparagraph':
        return { kind: 'subparagraph', node: this.subparagraph(inner) };
      case 'footnoteDefinition':
        return { kind: 'footnote', node: this.footnote(inner) };
      case 'blockQuote': {
        const content = this.inlines(inner, QUOTED);
        return { kind: 'quote', node: { type: 'blockQuote', span: this.spanOf(inner), content } };
      }
      case 'textBlock': {
        const content = this.inlines(inner, PLAIN);
        const span = this.spanOf(inner);
        return {
          kind: 'paragraph',
          node: this.makeParagraph('unnumbered', span, undefined, content, span),
        };
      }
      default:
        return undefined;
    }
  }

  private heading(node: CstNode): Heading {
    const mark = firstToken(node, 'HeadingMark')!;
    const content = this.inlines(node, PLAIN);
    const span = this.spanOf(node);
    const title = this.text.slice(offsetOf(mark.startOffset) + mark.image.length, span.end).trim();
    const heading: Heading = { type: 'heading', span, level: mark.image.length, title, content };
    const number = /^([IVXLC]+|[A-Z]|\d+)\.\s/.exec(title);
    if (number) heading.number = number[1]!;
    return heading;
  }

  private paragraph(node: CstNode): Paragraph {
    const labelToken = firstToken(node, 'ParagraphLabel')!;
    const children = ordered(node);
    const content = this.inlines(node, PLAIN, children);
    const span = this.spanOf(node);
    const label = readLabel(labelToken);
    const kind: ParagraphKind = label.text.startsWith('PP')
      ? 'preambular'
      : label.text.startsWith('OP')
        ? 'operative'
        : 'numbered';
    const contentSpan = this.contentSpan(node, labelToken, children);
    return this.makeParagraph(kind, span, label, content, contentSpan);
  }

  private makeParagraph(
    kind: ParagraphKind,
    span: Span,
    label: ParagraphLabel | undefined,
    content: Inline[],
    contentSpan: Span,
  ): Paragraph {
    const paragraph: Paragraph = { type: 'paragraph', kind, span, content, contentSpan, subparagraphs: [], suppressions: [] };
    if (label) paragraph.label = label;
    return paragraph;
  }

  private subparagraph(node: CstNode): Subparagraph {
    const labelToken = firstToken(node, 'SubparagraphLabel')!;
    const children = ordered(node);
    const text = labelToken.image.trim();
    const labelStart = offsetOf(labelToken.startOffset) + labelToken.image.indexOf('(');
    return {
      type: 'subparagraph',
      span: this.spanOf(node),
      label: { span: { start: labelStart, end: labelStart + text.length }, text, style: 'letter' },
      level: 1,
      content: this.inlines(node, PLAIN, children),
      contentSpan: this.contentSpan(node, labelToken, children),
      children: [],
    };
  }

  private footnote(node: CstNode): FootnoteDefinition {
    const mark = firstToken(node, 'FootnoteDefMark')!;
    const children = ordered(node);
    return {
      type: 'footnoteDefinition',
      span: this.spanOf(node),
      id: mark.image.slice(2, -2),
      content: this.inlines(node, PLAIN, children),
      contentSpan: this.contentSpan(node, mark, children),
    };
  }

  /**
   * The span of a block's inline content: from its first child (of `children`, in source order)
   * after the block's mark (`after`) to the block's end; empty just after the mark when there is none.
   */
  private contentSpan(block: CstNode, after: IToken, children: Child[]): Span {
    const end = block.location?.endOffset;
    if (end !== undefined && !Number.isNaN(end)) {
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child === after) continue;
        const start = startOf(child);
        if (!Number.isNaN(start)) return { start: offsetOf(start), end: offsetOf(end) + 1 };
      }
    }
    const at = offsetOf(after.startOffset) + after.image.length;
    return { start: at, end: at };
  }

  private spanOf(node: CstNode): Span {
    return nodeSpan(node) ?? { start: 0, end: 0 };
  }

  // --- Inline ----------------------------------------------------------------------------------

  /** The inline content of a block, a lineTail or an interior node (a block's mark left out), runs of text merged. */
  private inlines(node: CstNode | undefined, ctx: InlineContext, children?: Child[]): Inline[] {
    if (!node) return [];
    const out: Inline[] = [];
    this.visitAll(children ?? ordered(node), out, ctx);
    this.attachRationales(out);
    return out;
  }

  // Methods rather than closures made for every block: a block's content is read without
  // allocating a context and three functions for it.

  private visitAll(list: Child[], out: Inline[], ctx: InlineContext): void {
    for (let i = 0; i < list.length; i++) {
      const child = list[i]!;
      if (isToken(child)) {
        this.token(child, out);
        continue;
      }
      switch (child.name) {
        case 'lineTail':
        case 'interior':
        case 'heading':
        case 'inline':
        case 'textBlock':
          this.visitAll(ordered(child), out, ctx);
          break;
        default: {
          const built = this.construct(child, ctx);
          if (built) out.push(built);
        }
      }
    }
  }

  /**
   * A word joins the text run before it across white space: the run's own span grows (it was
   * made here and nothing else holds it), no span object or gap string per word.
   * `single`: the text is one single-spaced run of the lexer (see `singleSpacedStretches`).
   */
  private pushText(out: Inline[], start: number, end: number, single: boolean): void {
    if (single) this.singleSpaced.set(start, end);
    const last = out[out.length - 1];
    if (last?.type === 'text' && onlySpace(this.text, last.span.end, start)) last.span.end = end;
    else out.push({ type: 'text', span: { start, end } });
  }

  private token(tok: IToken, out: Inline[]): void {
    switch (tok.tokenType.name) {
      case 'Newline':
      case 'HeadingMark':
      case 'ParagraphLabel':
      case 'SubparagraphLabel':
      case 'FootnoteDefMark':
      case 'BlockQuoteMark':
        return;
      case 'LeadWord':
      case 'FallbackWord':
      case 'Punctuation':
      case 'Escape':
      case 'Pipe': // options are split by the bracket that holds them
        this.pushText(out, offsetOf(tok.startOffset), offsetOf(tok.startOffset) + tok.image.length, tok.payload === SINGLE_SPACED);
        return;
    }
    const span = tokenSpan(tok);
    switch (tok.tokenType.name) {
      case 'StrayMark':
        out.push({ type: 'stray', span });
        if (tok.image !== '\\') {
          this.problem(
            'syntax.stray',
            `A lone \`${tok.image}\` is not markup: check the amendment marks ({++ ++}, {-- --}, {~~ ~> ~~}, {>> <<}, {== ==}), or write \`\\${tok.image}\` for the character itself.`,
            span,
          );
        }
        return;
      case 'FootnoteRef':
        out.push({ type: 'footnoteReference', span, id: tok.image.slice(2, -1) });
        return;
      case 'StatusTag': {
        const value = tok.image.slice('{status:'.length, -1).trim();
        out.push({ type: 'status', span, value });
        return;
      }
      case 'ResolutionCitation':
        out.push({
          type: 'citation',
          kind: 'resolution',
          span,
          documents: tok.image.match(/\d{1,3}\/\d{1,4}/g) ?? [],
          paragraphs: [],
        });
        return;
      case 'Pinpoint':
        out.push({ type: 'citation', kind: 'local', span: trimLeadingComma(tok), documents: [], paragraphs: readPins(tok.image) });
        return;
      case 'CrossReference':
        out.push({
          type: 'crossReference',
          span,
          paragraphs: readPins(tok.image.replace(/^[Pp]aragraphs?/, '')),
          direction: /above$/.test(tok.image) ? 'above' : 'below',
        });
        return;
      default:
        if (CLOSER_NAMES[tok.tokenType.name]) {
          out.push({ type: 'stray', span });
          this.problem('syntax.stray', `\`${tok.image}\` closes nothing: there is no matching opening mark.`, span);
          return;
        }
        this.pushText(out, span.start, span.end, false);
    }
  }

  private construct(node: CstNode, ctx: InlineContext): Inline | undefined {
    const span = this.spanOf(node);
    switch (node.name) {
      case 'symbolCitation': {
        const symbol = firstToken(node, 'DocumentSymbol')!;
        const pin = firstToken(node, 'Pinpoint');
        const citation: Citation = {
          type: 'citation',
          kind: 'symbol',
          span,
          documents: [symbol.image],
          paragraphs: pin ? readPins(pin.image) : [],
        };
        return citation;
      }
      case 'insertion':
        return this.amendment(node, 'insert', 'InsertOpen', 'InsertClose', ctx);
      case 'deletion':
        return this.amendment(node, 'delete', 'DeleteOpen', 'DeleteClose', ctx);
      case 'replacement':
        return this.amendment(node, 'replace', 'ReplaceOpen', 'ReplaceClose', ctx);
      case 'comment':
        return this.amendment(node, 'comment', 'CommentOpen', 'CommentClose', ctx);
      case 'highlight':
        return this.amendment(node, 'highlight', 'HighlightOpen', 'HighlightClose', ctx);
      case 'bracket':
        return this.bracket(node, ctx);
      case 'curlyQuotation':
      case 'straightQuotation': {
        const interior = nodesNamed(node, 'interior')[0];
        const closer = node.name === 'curlyQuotation' ? 'QuoteClose' : 'StraightQuote';
        const closed =
          node.name === 'curlyQuotation'
            ? hasRealToken(node, closer)
            : tokensNamed(node, 'StraightQuote').filter((q) => !q.isInsertedInRecovery).length >= 2;
        const open = ordered(node)[0] as IToken;
        if (!closed) this.problem('syntax.unclosed', 'This quotation is not closed.', tokenSpan(open));
        return { type: 'quotation', span, content: this.inlines(interior, QUOTED), closed };
      }
      default:
        return undefined;
    }
  }

  private amendment(
    node: CstNode,
    kind: AmendmentKind,
    openName: string,
    closeName: string,
    ctx: InlineContext,
  ): Amendment {
    const open = firstToken(node, openName)!;
    const interiors = nodesNamed(node, 'interior');
    const closed = hasRealToken(node, closeName);
    const span = this.spanOf(node);
    const contentSpan = interiors[0] ? (nodeSpan(interiors[0]) ?? emptyAt(open)) : emptyAt(open);
    const amendment: Amendment = {
      type: 'amendment',
      kind,
      span,
      content: this.inlines(interiors[0], ctx),
      contentSpan,
      closed,
    };
    const who = /@([^:]+):$/.exec(open.image);
    if (who) {
      const name = who[1]!.trim();
      const at = offsetOf(open.startOffset) + open.image.indexOf('@') + 1;
      const lead = who[1]!.length - who[1]!.trimStart().length;
      amendment.proposer = name;
      amendment.proposerSpan = { start: at + lead, end: at + lead + name.length };
    }
    if (kind === 'replace') {
      const arrow = tokensNamed(node, 'ReplaceArrow').find((a) => !a.isInsertedInRecovery);
      if (arrow) {
        amendment.replacement = this.inlines(interiors[1], ctx);
        amendment.replacementSpan = interiors[1] ? (nodeSpan(interiors[1]) ?? emptyAt(arrow)) : emptyAt(arrow);
      } else {
        this.problem('syntax.replace', 'A replacement needs `~>` between the old and the new text.', tokenSpan(open));
      }
    }
    if (!closed) {
      const marks: Record<AmendmentKind, string> = { insert: '++}', delete: '--}', replace: '~~}', comment: '<<}', highlight: '==}' };
      const noun = { insert: 'insertion', delete: 'deletion', replace: 'replacement', comment: 'comment', highlight: 'highlight' }[kind];
      this.problem('syntax.unclosed', `This ${noun} is not closed: end it with \`${marks[kind]}\`.`, tokenSpan(open));
    }
    return amendment;
  }

  private bracket(node: CstNode, ctx: InlineContext): Bracket {
    const open = firstToken(node, 'LBracket')!;
    const interior = nodesNamed(node, 'interior')[0];
    const content = this.inlines(interior, ctx);
    const closed = hasRealToken(node, 'RBracket');
    if (!closed) this.problem('syntax.unclosed', 'This bracket is not closed: end it with `]`.', tokenSpan(open));
    const options = this.splitOptions(content);
    const inner = interior ? this.text.slice(...spanArgs(nodeSpan(interior))) : '';
    return {
      type: 'bracket',
      span: this.spanOf(node),
      role: ctx.quoted ? 'editorial' : 'negotiation',
      placeholder: /^\s*(?:placeholder\b[\s\S]*|\.\.\.|…|)\s*$/i.test(inner),
      options,
      closed,
    };
  }

  /** Split a bracket's content at top-level `|` marks, which may sit inside merged text runs. */
  private splitOptions(content: Inline[]): Inline[][] {
    const options: Inline[][] = [[]];
    for (const node of content) {
      if (node.type !== 'text') {
        options[options.length - 1]!.push(node);
        continue;
      }
      let start = node.span.start;
      const slice = this.text.slice(node.span.start, node.span.end);
      let at = slice.indexOf('|');
      while (at >= 0) {
        const abs = node.span.start + at;
        if (this.text[abs - 1] !== '\\') {
          pushTrimmed(options[options.length - 1]!, this.text, start, abs);
          options.push([]);
          start = abs + 1;
        }
        at = slice.indexOf('|', at + 1);
      }
      pushTrimmed(options[options.length - 1]!, this.text, start, node.span.end);
    }
    return options;
  }

  /** A comment right after an amendment is its rationale, and inherits its proposer. */
  private attachRationales(list: Inline[]): void {
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      if (cur.type !== 'amendment' || cur.kind !== 'comment') continue;
      if (prev.type !== 'amendment' || prev.kind === 'comment') continue;
      if (!/^\s*$/.test(this.text.slice(prev.span.end, cur.span.start))) continue;
      prev.rationale = cur;
      if (!cur.proposer && prev.proposer) cur.proposer = prev.proposer;
    }
  }

  // --- Assembly --------------------------------------------------------------------------------

  /** Sections, sub-paragraph levels, suppressions and statuses: the document from its blocks. */
  assemble(flat: FlatBlock[], frontMatter: FrontMatter | undefined): DraftDocument {
    const doc: DraftDocument = {
      type: 'document',
      span: { start: 0, end: this.text.length },
      children: [],
      paragraphs: [],
      footnotes: [],
      notes: [],
    };
    if (frontMatter) doc.frontMatter = frontMatter;
    const stack: Section[] = [];
    const container = (): Array<Section | DraftDocument['children'][number]> =>
      stack.length ? stack[stack.length - 1]!.children : doc.children;
    let current: Paragraph | undefined;
    let pendingSuppressions: Suppression[] = [];
    let pendingRestates: Restatement | undefined;
    let lastQuote: BlockQuote | undefined;

    for (let b = 0; b < flat.length; b++) {
      const block = flat[b]!;
      if (block.kind !== 'quote') lastQuote = undefined;
      switch (block.kind) {
        case 'heading': {
          const section: Section = { type: 'section', span: { ...block.node.span }, heading: block.node, children: [] };
          while (stack.length && stack[stack.length - 1]!.heading.level >= block.node.level) stack.pop();
          container().push(section);
          stack.push(section);
          current = undefined;
          break;
        }
        case 'paragraph':
          current = block.node;
          current.suppressions = pendingSuppressions;
          pendingSuppressions = [];
          if (pendingRestates) current.restates = pendingRestates;
          pendingRestates = undefined;
          container().push(current);
          doc.paragraphs.push(current);
          this.collectStatus(current);
          break;
        case 'subparagraph': {
          if (!current) {
            // A sub-paragraph with no paragraph above it: give it an empty unnumbered parent.
            const at = { start: block.node.span.start, end: block.node.span.start };
            current = this.makeParagraph('unnumbered', { ...block.node.span }, undefined, [], at);
            current.suppressions = pendingSuppressions;
            pendingSuppressions = [];
            container().push(current);
            doc.paragraphs.push(current);
          }
          if (pendingRestates) block.node.restates = pendingRestates;
          pendingRestates = undefined;
          current.subparagraphs.push(block.node);
          current.span = { start: current.span.start, end: block.node.span.end };
          this.collectStatusFrom(current, block.node.content);
          break;
        }
        case 'footnote':
          doc.footnotes.push(block.node);
          container().push(block.node);
          break;
        case 'quote':
          if (lastQuote) {
            lastQuote.content.push(...block.node.content);
            lastQuote.span = { start: lastQuote.span.start, end: block.node.span.end };
          } else {
            lastQuote = block.node;
            container().push(block.node);
          }
          break;
        case 'note': {
          doc.notes.push(block.node);
          container().push(block.node);
          const suppression = readSuppression(block.node);
          if (suppression) pendingSuppressions.push(suppression);
          const restates = this.readRestates(block.node);
          if (restates) pendingRestates = restates;
          break;
        }
      }
      // A section's span is its own copy (made above), so it grows in place.
      for (let k = 0; k < stack.length; k++) {
        const span = stack[k]!.span;
        if (span.end < block.node.span.end) span.end = block.node.span.end;
      }
    }
    for (const paragraph of doc.paragraphs) {
      if (paragraph.subparagraphs.length) paragraph.subparagraphs = assignLevels(paragraph.subparagraphs);
    }
    return doc;
  }

  /** `// acquis-restates A/68/98, A/70/174 -- note` */
  private readRestates(note: Note): Restatement | undefined {
    const m = /^\s*acquis-restates\b\s*([^]*)$/.exec(note.text);
    if (!m) return undefined;
    const [list, ...noteParts] = m[1]!.split(/\s+--\s*|\s*—\s*/);
    const { symbols, bad } = readSymbolList(list ?? '');
    if (bad.length || !symbols.length) {
      this.problem(
        'syntax.restates',
        `\`acquis-restates\` takes document symbols separated by commas, then \`--\` and where the text says so${bad.length ? `; cannot read "${bad.join('", "')}"` : ''}.`,
        note.span,
      );
    }
    if (!symbols.length) return undefined;
    const restatement: Restatement = { span: note.span, symbols };
    const text = noteParts.join(' -- ').trim();
    if (text) restatement.note = text;
    return restatement;
  }

  private collectStatus(paragraph: Paragraph): void {
    this.collectStatusFrom(paragraph, paragraph.content);
  }

  private collectStatusFrom(paragraph: Paragraph, content: Inline[]): void {
    // Indexed loops on these per-block paths: a for-of allocates an iterator and its results while not optimised.
    for (let i = 0; i < content.length; i++) {
      const node = content[i]!;
      if (node.type !== 'status') continue;
      const value = node.value.toLowerCase().replace(/\s+/g, ' ');
      const known = KNOWN_STATUSES.has(value);
      if (!known) {
        this.problem(
          'syntax.status',
          `Unknown paragraph status "${node.value}": use agreed, agreed ad ref, pending or suggested for closure.`,
          node.span,
        );
      }
      paragraph.status = { span: node.span, value, known };
    }
  }

  problem(code: string, message: string, span: Span): void {
    this.problems.push({ code, message, span });
  }
}

function emptyAt(tok: IToken): Span {
  const end = offsetOf(tok.startOffset) + tok.image.length;
  return { start: end, end };
}

function spanArgs(span: Span | undefined): [number, number] {
  return span ? [span.start, span.end] : [0, 0];
}

function pushTrimmed(list: Inline[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) list.push({ type: 'text', span: { start, end } });
}

function trimLeadingComma(tok: IToken): Span {
  const lead = /^,?\s*/.exec(tok.image)![0].length;
  const start = offsetOf(tok.startOffset);
  return { start: start + lead, end: start + tok.image.length };
}

/** `para. 13 (f) and 29` -> ['13 (f)', '29']. */
export function readPins(image: string): string[] {
  const body = image.replace(/^,?\s*(?:paras?\.?)?\s*/, '').replace(/\s+(?:above|below)$/, '');
  return body
    .split(/\s*(?:,|\band\b|\bto\b|[-–])\s*/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** True when `text` is one or more ASCII digits. */
function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

function readLabel(tok: IToken): ParagraphLabel {
  const text = tok.image.slice(0, -1);
  // The common label, `12.`: its number is its text (what the expression below reads from it).
  if (allDigits(text)) return { span: tokenSpan(tok), text, number: text };
  const m = /^(?:PP|OP)?(\d+(?:\.\d+)*)(bis|ter|quater|quinquies|sexies|septies|octies|alt\d*)?$/.exec(text);
  const label: ParagraphLabel = { span: tokenSpan(tok), text, number: m?.[1] ?? text };
  if (m?.[2]) label.suffix = m[2];
  return label;
}

/** `// acquis-disable rule.a, rule.b -- reason` */
function readSuppression(note: Note): Suppression | undefined {
  const m = /^\s*acquis-disable(?:-paragraph)?\b\s*([^]*)$/.exec(note.text);
  if (!m) return undefined;
  const [rulesPart, ...reasonParts] = m[1]!.split(/\s+--\s*|\s*—\s*/);
  const rules = (rulesPart ?? '')
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  const reason = reasonParts.join(' -- ').trim();
  const suppression: Suppression = { span: note.span, rules };
  if (reason) suppression.reason = reason;
  return suppression;
}
