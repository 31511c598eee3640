/**
 * The Chevrotain grammar of `.draft`: a flat list of blocks (the AST builder nests sections and
 * sub-paragraphs), each block a line start followed by inline content that may run over several
 * lines. Recovery is on, so malformed input still yields a full tree.
 *
 * The document takes its blocks directly (no rule for "a block"), and a labelled block (a
 * paragraph, a sub-paragraph, a footnote, a block quote) reads its inline content itself (no
 * `lineTail` node): a rule invocation is most of the parser's work per block (a syntax node, its
 * children table, the rule stack), and those two were two of the four for every paragraph. A block that recovery abandons midway comes back marked `recoveredNode`;
 * the AST builder drops it, as it dropped the empty `block` node that recovery returned before.
 */
import { CstParser, EOF, type CstNode, type ILookaheadStrategy, type IOrAlt, type IToken, type Rule, type TokenType } from 'chevrotain';
// Chevrotain's own computation of the re-sync follows (see `resyncFollows` below). Its package
// exports only its API, so the module is named by its file; the version is pinned (package.json),
// and the recovery tests would fail if it moved.
// @ts-expect-error Chevrotain ships types for its API only.
import { computeAllProdsFollows as untypedFollows } from '../../node_modules/chevrotain/lib/src/parse/grammar/follow.js';
import { tableLookahead } from './lookahead.js';
import { buildProduction, type StoredGrammar } from './recorded-grammar.js';
import storedGrammar from './recorded-grammar.json';
import * as t from './tokens.js';

const computeAllProdsFollows = untypedFollows as (rules: Rule[]) => Record<string, TokenType[]>;

const CLOSERS: TokenType[] = [
  t.InsertClose,
  t.DeleteClose,
  t.ReplaceClose,
  t.ReplaceArrow,
  t.CommentClose,
  t.HighlightClose,
  t.RBracket,
  t.QuoteClose,
];

/** Plain inline tokens: text and single-token citations, consumed without a node of their own. */
const PLAIN: TokenType[] = [
  t.Word,
  t.Punctuation,
  t.Pipe,
  t.Escape,
  t.StrayMark,
  t.FootnoteRef,
  t.StatusTag,
  t.ResolutionCitation,
  t.CrossReference,
  t.Pinpoint,
];

/** Tokens that can continue inline content after a line break (anything but a block start). */
const INLINE_STARTS = new Set<TokenType>([
  t.LeadWord,
  t.FallbackWord,
  t.Punctuation,
  t.Pipe,
  t.Escape,
  t.StrayMark,
  t.FootnoteRef,
  t.StatusTag,
  t.DocumentSymbol,
  t.Pinpoint,
  t.ResolutionCitation,
  t.CrossReference,
  t.InsertOpen,
  t.DeleteOpen,
  t.ReplaceOpen,
  t.CommentOpen,
  t.HighlightOpen,
  t.LBracket,
  t.QuoteOpen,
  t.StraightQuote,
  ...CLOSERS,
]);

/**
 * The DSL methods Chevrotain's grammar recording replaces on the parser (its `enableRecording`):
 * each of the eight repeatable ones with the suffixes "" and 1 to 9, the six that take the index
 * as an argument, and ACTION, BACKTRACK and LA.
 */
export const RECORDING_METHODS: readonly string[] = [
  ...['', '1', '2', '3', '4', '5', '6', '7', '8', '9'].flatMap((i) =>
    ['CONSUME', 'SUBRULE', 'OPTION', 'OR', 'MANY', 'MANY_SEP', 'AT_LEAST_ONE', 'AT_LEAST_ONE_SEP'].map((m) => m + i),
  ),
  ...['consume', 'subrule', 'option', 'or', 'many', 'atLeastOne', 'ACTION', 'BACKTRACK', 'LA'],
];

/**
 * Set to `true` by the production bundles (scripts/build.mjs, esbuild `define`): Chevrotain's
 * grammar validations (ambiguities, left recursion) cost a third of the parser's construction and
 * can only fail on a change to this file, which the test suite, running unbundled, catches.
 */
declare const ACQUIS_PRODUCTION: boolean | undefined;
const skipValidations = typeof ACQUIS_PRODUCTION !== 'undefined' && ACQUIS_PRODUCTION === true;

/**
 * A syntax node with all its children in the order the parser added them: source order (a child
 * node is added when its rule ends, before any later token). Chevrotain also kept every node's
 * children in a table by name, without prototype (V8 keeps it as a hash table), which the AST
 * builder no longer reads: writing it was a sixth of the parse. The table is still there for any
 * reader of a `CstNode` (tests, tools), computed from the sequence when first read.
 */
export interface SequencedNode extends CstNode {
  readonly sequence: Array<CstNode | IToken>;
}

/** A syntax node as the parser builds it (Chevrotain's shape, with `sequence`; see above). */
class SyntaxNode implements SequencedNode {
  // Fields are assigned in the constructor, not declared with values: a class field is defined
  // by a separate initializer, a cost on every node while the parser is still interpreted.
  declare readonly name: string;
  declare readonly sequence: Array<CstNode | IToken>;
  /** Chevrotain's start value with recovery on: NaN until a child with a location is added. */
  declare readonly location: { startOffset: number; endOffset?: number };
  declare recoveredNode?: boolean;
  declare private table: Record<string, Array<CstNode | IToken>> | undefined;

  constructor(name: string) {
    this.name = name;
    this.sequence = [];
    this.location = { startOffset: Number.NaN, endOffset: Number.NaN };
    this.table = undefined;
  }

  /**
   * Chevrotain's children by name, in order: a node by its rule's name, a token by the name of the
   * type the grammar consumed it as (a word, `LeadWord` or `FallbackWord`, is consumed as `Word`).
   */
  get children(): Record<string, CstNode[] | IToken[]> {
    if (!this.table) {
      const table: Record<string, Array<CstNode | IToken>> = Object.create(null);
      for (const child of this.sequence) {
        const key = 'image' in child ? (child.tokenType.CATEGORIES?.[0] ?? child.tokenType).name : child.name;
        (table[key] ??= []).push(child);
      }
      this.table = table;
    }
    return this.table as Record<string, CstNode[] | IToken[]>;
  }
}

/**
 * Chevrotain's location update with recovery on and offsets only (its `setNodeLocationOnlyOffset`):
 * the first valid child sets both ends, a later one may only move the end.
 */
function extend(location: { startOffset: number; endOffset?: number }, child: { startOffset: number; endOffset?: number }): void {
  if (Number.isNaN(location.startOffset)) {
    location.startOffset = child.startOffset;
    location.endOffset = child.endOffset;
  } else if ((location.endOffset as number) < (child.endOffset as number)) {
    location.endOffset = child.endOffset;
  }
}

/** Chevrotain's step to the next token (not in its public types). */
interface LexerState {
  consumeToken(): void;
}

/** Chevrotain's tree-building stack (not in its public types). */
interface TreeBuilding {
  CST_STACK: SyntaxNode[];
}

export class DraftParser extends CstParser {
  /**
   * `lookahead`: Chevrotain's LL(2) decisions, each built the first time the parser reaches it,
   * from the paths kept with the grammar (lookahead.ts); a test passes its own to list them.
   */
  constructor(
    lookahead: ILookaheadStrategy = tableLookahead(2, t.allTokens),
    /** The grammar as recorded before (recorded-grammar.ts); a rule it lacks is recorded now (`{}`: all). */
    private readonly recorded: StoredGrammar = storedGrammar as unknown as StoredGrammar,
    /** Read plain blocks directly (`plainBlock`); false: every block through Chevrotain's rules (tests compare the two). */
    private readonly plainBlocks = true,
  ) {
    super(t.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: 2,
      skipValidations,
      lookaheadStrategy: lookahead,
    });
    // Recovery is off during the analysis only, so that Chevrotain does not compute the follows.
    const recovery = this as unknown as { recoveryEnabled: boolean };
    recovery.recoveryEnabled = false;
    this.performSelfAnalysis();
    recovery.recoveryEnabled = true;
  }

  private follows: Record<string, TokenType[]> | undefined;

  /**
   * What may follow each rule reference, which "re-sync" recovery (skipping tokens up to one that
   * can follow) reads. Chevrotain computes them all when it analyses the grammar, a third of the
   * parser's construction; only a parse that meets a mistake needs them, so they are computed on
   * first read instead, by Chevrotain's own function over the same recorded grammar.
   */
  protected get resyncFollows(): Record<string, TokenType[]> {
    const productions = (this as unknown as { getGAstProductions(): Record<string, Rule> }).getGAstProductions();
    return (this.follows ??= computeAllProdsFollows(Object.values(productions)));
  }

  /** Chevrotain's constructor sets an empty table here; the getter computes the real one. */
  protected set resyncFollows(_empty: Record<string, TokenType[]>) {}

  private tokensByName: Map<string, TokenType> | undefined;

  /**
   * Chevrotain's recording of one rule: its production from the table when it is there
   * (recorded-grammar.ts), else the rule run in recording mode as Chevrotain does.
   */
  protected topLevelRuleRecord(name: string, def: () => void): Rule {
    const stored = this.recorded[name];
    if (stored) {
      this.tokensByName ??= new Map(t.allTokens.map((type) => [type.name, type]));
      const rule = buildProduction(stored, this.tokensByName);
      if (rule) return rule as unknown as Rule;
    }
    const record = (CstParser.prototype as unknown as { topLevelRuleRecord(name: string, def: () => void): Rule }).topLevelRuleRecord;
    return record.call(this, name, def);
  }

  /**
   * Ends Chevrotain's grammar recording. Recording puts a recording version of each DSL method
   * (`CONSUME`, `OR2`, `LA`, ...: RECORDING_METHODS) on the parser itself, and Chevrotain then
   * deletes them; but the parser is by then a prototype object for V8 (Chevrotain's
   * `toFastProperties`), on which each of the 89 deletes rebuilds its shape: about 3.5 ms of every
   * start. Setting each back to the method the prototype holds gives the parser the same
   * behaviour for a tenth of that (test/grammar/recording-methods.test.ts checks both the list
   * and the result).
   */
  protected disableRecording(): void {
    this.tokensByName = undefined;
    const self = this as unknown as Record<string, unknown> & { RECORDING_PHASE: boolean };
    self.RECORDING_PHASE = false;
    const proto = Object.getPrototypeOf(this) as Record<string, unknown>;
    for (const name of RECORDING_METHODS) self[name] = proto[name];
  }

  // Chevrotain's tree-building steps, replaced: the same nodes and locations, without the table.

  /** A new node, on top of the stack. */
  protected cstInvocationStateUpdate(fullRuleName: string): void {
    (this as unknown as TreeBuilding).CST_STACK.push(new SyntaxNode(fullRuleName));
  }

  /** A token added to the current node. */
  protected cstPostTerminal(_key: string, consumedToken: IToken): void {
    const stack = (this as unknown as TreeBuilding).CST_STACK;
    const node = stack[stack.length - 1]!;
    node.sequence.push(consumedToken);
    extend(node.location, consumedToken);
  }

  /** A finished node added to the current one. */
  protected cstPostNonTerminal(ruleCstResult: CstNode, _ruleName: string): void {
    const stack = (this as unknown as TreeBuilding).CST_STACK;
    const node = stack[stack.length - 1]!;
    node.sequence.push(ruleCstResult);
    extend(node.location, ruleCstResult.location!);
  }

  /**
   * Recovery by deleting one token must never delete a blank line: that would join two blocks
   * (`"[` + blank line + `]` closing across it), and blocks end at blank lines, which the
   * incremental parser relies on. (Chevrotain passes the expected type; the token it would
   * delete is the next one.)
   */
  protected override canTokenTypeBeDeletedInRecovery(expected: TokenType): boolean {
    return this.LA(1).tokenType !== t.BlankLine && super.canTokenTypeBeDeletedInRecovery(expected);
  }

  /** True unless the next token is a line break that ends the current block. */
  private continuesBlock(): boolean {
    const next = this.LA(1).tokenType;
    if (next === t.BlankLine) return false;
    if (next !== t.Newline) return true;
    return INLINE_STARTS.has(this.LA(2).tokenType);
  }

  public document = this.RULE('document', () => {
    this.OPTION(() => this.SUBRULE(this.frontMatter));
    this.MANY(() => {
      // Not run while Chevrotain records the grammar (ACTION is then a no-op): the OR is the grammar.
      if (this.ACTION((this.plainBlockAction ??= () => this.plainBlock()))) return;
      this.OR(
        (this.documentCache ??= [
          { ALT: () => this.CONSUME(t.BlankLine) },
          { ALT: () => this.CONSUME(t.Newline) },
          { ALT: () => this.SUBRULE(this.heading) },
          { ALT: () => this.SUBRULE(this.paragraph) },
          { ALT: () => this.SUBRULE(this.subparagraph) },
          { ALT: () => this.SUBRULE(this.footnoteDefinition) },
          { ALT: () => this.SUBRULE(this.blockQuote) },
          { ALT: () => this.CONSUME(t.CommentLine) },
          { ALT: () => this.SUBRULE(this.textBlock) },
        ]),
      );
    });
  });

  /**
   * The two blocks of which a draft is mostly made, read without Chevrotain's rule machinery (the
   * alternation, the sub-rule call, the content's repetition and its gate, each a few calls and
   * allocations while the parser is interpreted): a blank line, and a paragraph that is its label
   * and runs of text up to a blank line or the end. Each comes out as the document's `OR` would
   * make it: the same token or `paragraph` node, with the same children and location, and no
   * error is possible in either (test/grammar/plain-blocks.test.ts compares whole parses).
   * Anything else is left to the `OR`. Returns whether a block was read.
   */
  private plainBlock(): boolean {
    if (!this.plainBlocks) return false;
    const next = this.LA(1);
    if (next.tokenType === t.BlankLine) {
      (this as unknown as LexerState).consumeToken();
      this.cstPostTerminal(t.BlankLine.name, next);
      return true;
    }
    if (next.tokenType !== t.ParagraphLabel) return false;
    let k = 2;
    while (this.LA(k).tokenType === t.LeadWord) k++;
    const after = this.LA(k).tokenType;
    if (after !== t.BlankLine && after !== EOF) return false;
    const node = new SyntaxNode('paragraph');
    for (let i = 1; i < k; i++) {
      const token = this.LA(1);
      (this as unknown as LexerState).consumeToken();
      node.sequence.push(token);
      extend(node.location, token);
    }
    this.cstPostNonTerminal(node, 'paragraph');
    return true;
  }

  public frontMatter = this.RULE('frontMatter', () => {
    this.CONSUME(t.FrontMatterFence);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Newline) },
        { ALT: () => this.CONSUME(t.FrontMatterLine) },
      ]);
    });
    this.OPTION(() => this.CONSUME2(t.FrontMatterFence));
  });

  /** A heading is one line: the next line is a paragraph of its own. */
  public heading = this.RULE('heading', () => {
    this.CONSUME(t.HeadingMark);
    this.MANY(
      (this.headingRepetition ??= {
        GATE: () => this.LA(1).tokenType !== t.Newline && this.LA(1).tokenType !== t.BlankLine,
        DEF: () => this.OR(this.topAlternatives()),
      }),
    );
  });

  public paragraph = this.RULE('paragraph', () => {
    this.CONSUME(t.ParagraphLabel);
    this.inlineContent();
  });

  public subparagraph = this.RULE('subparagraph', () => {
    this.CONSUME(t.SubparagraphLabel);
    this.inlineContent();
  });

  public footnoteDefinition = this.RULE('footnoteDefinition', () => {
    this.CONSUME(t.FootnoteDefMark);
    this.inlineContent();
  });

  public blockQuote = this.RULE('blockQuote', () => {
    this.CONSUME(t.BlockQuoteMark);
    this.inlineContent();
  });

  public textBlock = this.RULE('textBlock', () => {
    this.OR(this.topAlternatives());
    this.SUBRULE(this.lineTail);
  });

  /**
   * Inline content up to the end of the block, read in the block's own rule (a paragraph, a
   * sub-paragraph, a footnote or a block quote: each has this one `MANY`); closing marks with no
   * opening are allowed. Words and other plain tokens are consumed directly rather than through a
   * rule of their own: a syntax node per word was most of the parser's allocations.
   */
  private inlineContent(): void {
    this.MANY(
      (this.inlineRepetition ??= {
        GATE: () => this.continuesBlock(),
        DEF: () => this.OR(this.lineAlternatives()),
      }),
    );
  }

  /** The rest of an unlabelled block's first line and the lines after it (its first token read apart). */
  public lineTail = this.RULE('lineTail', () => {
    this.inlineContent();
  });

  /** Inline content inside a construct; stops at its closing mark (or the end of the block). */
  public interior = this.RULE('interior', (excludeStraightQuote?: boolean) => {
    this.MANY({
      GATE: () => this.continuesBlock() && !(excludeStraightQuote && this.LA(1).tokenType === t.StraightQuote),
      DEF: () => this.OR(this.interiorAlternatives()),
    });
  });

  /** Constructs that nest: citations with pinpoints, amendments, brackets, quotations. */
  public inline = this.RULE('inline', () => {
    this.OR(
      (this.constructAlternatives ??= [
        { ALT: () => this.SUBRULE(this.symbolCitation) },
        { ALT: () => this.SUBRULE(this.insertion) },
        { ALT: () => this.SUBRULE(this.deletion) },
        { ALT: () => this.SUBRULE(this.replacement) },
        { ALT: () => this.SUBRULE(this.comment) },
        { ALT: () => this.SUBRULE(this.highlight) },
        { ALT: () => this.SUBRULE(this.bracket) },
        { ALT: () => this.SUBRULE(this.curlyQuotation) },
        { ALT: () => this.SUBRULE(this.straightQuotation) },
      ]),
    );
  });

  // Alternatives are built once and reused: Chevrotain otherwise allocates them on every call.
  // So are the repetitions of a block's content and a heading's (their gate and body read only
  // the parser's state): an object and two closures for every paragraph otherwise.
  private inlineRepetition?: { GATE: () => boolean; DEF: () => void };
  private headingRepetition?: { GATE: () => boolean; DEF: () => void };
  private constructAlternatives?: IOrAlt<unknown>[];
  private documentCache?: IOrAlt<unknown>[];
  private plainBlockAction?: () => boolean;
  private topCache?: IOrAlt<unknown>[];
  private lineCache?: IOrAlt<unknown>[];
  private interiorCache?: IOrAlt<unknown>[];

  private plainAlternatives(): IOrAlt<unknown>[] {
    return [
      ...PLAIN.map((type) => ({ ALT: () => this.CONSUME(type) })),
      { ALT: () => this.SUBRULE(this.inline) },
    ];
  }

  /** A plain token, a construct, or a stray closing mark (where a block may start or run on). */
  private topAlternatives(): IOrAlt<unknown>[] {
    return (this.topCache ??= [...this.plainAlternatives(), ...CLOSERS.map((type) => ({ ALT: () => this.CONSUME(type) }))]);
  }

  private lineAlternatives(): IOrAlt<unknown>[] {
    return (this.lineCache ??= [{ ALT: () => this.CONSUME(t.Newline) }, ...this.topAlternatives()]);
  }

  private interiorAlternatives(): IOrAlt<unknown>[] {
    return (this.interiorCache ??= [{ ALT: () => this.CONSUME(t.Newline) }, ...this.plainAlternatives()]);
  }

  public symbolCitation = this.RULE('symbolCitation', () => {
    this.CONSUME(t.DocumentSymbol);
    this.OPTION(() => this.CONSUME(t.Pinpoint));
  });

  public insertion = this.RULE('insertion', () => {
    this.CONSUME(t.InsertOpen);
    this.SUBRULE(this.interior);
    this.CONSUME(t.InsertClose);
  });

  public deletion = this.RULE('deletion', () => {
    this.CONSUME(t.DeleteOpen);
    this.SUBRULE(this.interior);
    this.CONSUME(t.DeleteClose);
  });

  public replacement = this.RULE('replacement', () => {
    this.CONSUME(t.ReplaceOpen);
    this.SUBRULE1(this.interior);
    this.OPTION(() => {
      this.CONSUME(t.ReplaceArrow);
      this.SUBRULE2(this.interior);
    });
    this.CONSUME(t.ReplaceClose);
  });

  public comment = this.RULE('comment', () => {
    this.CONSUME(t.CommentOpen);
    this.SUBRULE(this.interior);
    this.CONSUME(t.CommentClose);
  });

  public highlight = this.RULE('highlight', () => {
    this.CONSUME(t.HighlightOpen);
    this.SUBRULE(this.interior);
    this.CONSUME(t.HighlightClose);
  });

  public bracket = this.RULE('bracket', () => {
    this.CONSUME(t.LBracket);
    this.SUBRULE(this.interior);
    this.CONSUME(t.RBracket);
  });

  public curlyQuotation = this.RULE('curlyQuotation', () => {
    this.CONSUME(t.QuoteOpen);
    this.SUBRULE(this.interior);
    this.CONSUME(t.QuoteClose);
  });

  public straightQuotation = this.RULE('straightQuotation', () => {
    this.CONSUME(t.StraightQuote);
    this.SUBRULE(this.interior, { ARGS: [true] });
    this.CONSUME2(t.StraightQuote);
  });
}

/** Chevrotain parsers are built once and reused: self-analysis is the expensive part. */
let instance: DraftParser | undefined;
export function draftParser(): DraftParser {
  instance ??= new DraftParser();
  return instance;
}

export type { IToken };
