/**
 * `parse(text)`: the one entry point of the syntax layer.
 *
 * **Invariant**: it never throws. Any input yields a document and a list of problems whose spans
 * lie inside the text; recovery keeps what follows a mistake usable.
 */
import type { IRecognitionException } from 'chevrotain';
import type { FrontMatter, ParseResult, Span, SyntaxProblem } from './ast.js';
import { AstBuilder, offsetOf, type FlatBlock } from './build-ast.js';
import { allowFrontMatter, frontMatterEnd } from './front-matter.js';
import { draftParser } from './parser.js';
import * as t from './tokens.js';
import { draftLexer } from './tokens.js';
import type { IToken, TokenType } from 'chevrotain';

/** Deeper nesting than this is not a draft: the excess opening marks are read as text. */
const MAX_NESTING = 100;
const OPENERS = new Set<TokenType>([t.LBracket, t.InsertOpen, t.DeleteOpen, t.ReplaceOpen, t.CommentOpen, t.HighlightOpen, t.QuoteOpen]);
const CLOSERS_OF_NESTING = new Set<TokenType>([t.RBracket, t.InsertClose, t.DeleteClose, t.ReplaceClose, t.CommentClose, t.HighlightClose, t.QuoteClose]);
const BLOCK_ENDS = new Set<TokenType>([t.BlankLine, t.ParagraphLabel, t.SubparagraphLabel, t.HeadingMark, t.FootnoteDefMark, t.CommentLine]);

/**
 * The parser recurses once per nesting level; a pathological file (hundreds of unclosed `[`)
 * would exhaust the stack. Past MAX_NESTING open marks in one block, further opening marks are
 * turned into plain words and reported, so the rest of the document still parses.
 */
function limitNesting(tokens: IToken[], problems: SyntaxProblem[]): IToken[] {
  let depth = 0;
  let straightOpen = false;
  let reported = false;
  // Indexed: a for-of allocates an iterator result per token while not optimised.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    // Words are most tokens and neither open, close nor end anything: no set look-ups for them.
    if (type === t.LeadWord) continue;
    if (BLOCK_ENDS.has(type)) {
      depth = 0;
      straightOpen = false;
      reported = false;
      continue;
    }
    const opens = OPENERS.has(type) || (type === t.StraightQuote && !straightOpen);
    if (type === t.StraightQuote) straightOpen = !straightOpen;
    if (opens) {
      depth++;
      if (depth > MAX_NESTING) {
        token.tokenType = t.FallbackWord;
        token.tokenTypeIdx = t.FallbackWord.tokenTypeIdx!;
        if (!reported) {
          problems.push({
            code: 'syntax.nesting',
            message: `More than ${MAX_NESTING} brackets, quotations or amendments are open here: the rest are read as text.`,
            span: { start: offsetOf(token.startOffset), end: offsetOf(token.startOffset) + token.image.length },
          });
          reported = true;
        }
      }
    } else if (CLOSERS_OF_NESTING.has(type) || type === t.StraightQuote) depth = Math.max(0, depth - 1);
  }
  return tokens;
}

/** Closing marks whose absence the AST builder reports in its own words ("not closed"). */
const CLOSERS = new Set([
  'InsertClose',
  'DeleteClose',
  'ReplaceClose',
  'CommentClose',
  'HighlightClose',
  'RBracket',
  'QuoteClose',
  'StraightQuote',
  'FrontMatterFence',
]);

/**
 * The fields of `text`'s front matter, as `parse(text).document.frontMatter?.fields` gives them,
 * without parsing the body: a rule that needs one field of an acquis document (`excerpt`) does not
 * parse the whole document for it.
 */
export function frontMatterFields(text: string): Record<string, string> | undefined {
  allowFrontMatter(true);
  return parse(text.slice(0, frontMatterEnd(text))).document.frontMatter?.fields;
}

export function parse(text: string): ParseResult {
  try {
    return parseUnsafe(text);
  } catch (error) {
    // Defence in depth: a bug in the grammar must not take an editor or a CI run down with it.
    return {
      document: { type: 'document', span: { start: 0, end: text.length }, children: [], paragraphs: [], footnotes: [], notes: [] },
      problems: [
        {
          code: 'syntax.internal',
          message: `The parser failed on this file (${(error as Error).message}); please report it.`,
          span: { start: 0, end: Math.min(text.length, 1) },
        },
      ],
    };
  }
}

function parseUnsafe(text: string): ParseResult {
  const { flat, frontMatter, problems, builder } = parseBlocks(text, true);
  const document = builder.assemble(flat, frontMatter);
  problems.push(...builder.problems.splice(0).map((p) => ({ ...p, span: clamp(p.span, text) })));
  problems.sort((a, b) => a.span.start - b.span.start);
  return { document, problems };
}

/**
 * Lex and parse `text` into blocks (not yet assembled into sections), with its problems.
 * `withFrontMatter` is false for a stretch read out of the middle of a file.
 */
export function parseBlocks(
  text: string,
  withFrontMatter: boolean,
): { flat: FlatBlock[]; frontMatter?: FrontMatter; problems: SyntaxProblem[]; builder: AstBuilder } {
  allowFrontMatter(withFrontMatter);
  try {
    return parseBlocksUnsafe(text);
  } finally {
    allowFrontMatter(true);
  }
}

function parseBlocksUnsafe(text: string): { flat: FlatBlock[]; frontMatter?: FrontMatter; problems: SyntaxProblem[]; builder: AstBuilder } {
  const problems: SyntaxProblem[] = [];
  const lexed = draftLexer.tokenize(text);
  for (const error of lexed.errors) {
    problems.push({
      code: 'syntax.lexer',
      message: `Unexpected character ${JSON.stringify(text.slice(error.offset, error.offset + error.length))}.`,
      span: clamp({ start: error.offset, end: error.offset + error.length }, text),
    });
  }
  const parser = draftParser();
  parser.input = limitNesting(lexed.tokens, problems);
  const cst = parser.document();
  const builder = new AstBuilder(text);
  const { flat, frontMatter } = builder.blocks(cst);
  for (const error of parser.errors) {
    const problem = fromRecognitionError(error, text);
    if (problem) problems.push(problem);
  }
  // Problems found while building blocks belong to this text; assembling may add more later.
  problems.push(...builder.problems.splice(0).map((p) => ({ ...p, span: clamp(p.span, text) })));
  return frontMatter ? { flat, frontMatter, problems, builder } : { flat, problems, builder };
}

function fromRecognitionError(error: IRecognitionException, text: string): SyntaxProblem | undefined {
  const expected = /Expecting token of type --> (\w+) <--/.exec(error.message)?.[1];
  if (expected && CLOSERS.has(expected)) return undefined;
  const token = error.token;
  const start = Number.isFinite(token.startOffset) ? offsetOf(token.startOffset) : text.length;
  const image = token.tokenType?.name === 'EOF' ? 'end of file' : JSON.stringify(token.image);
  return {
    code: 'syntax.parser',
    message: `Unexpected ${image} here.`,
    span: clamp({ start, end: start + (token.image?.length ?? 0) }, text),
  };
}

function clamp(span: Span, text: string): Span {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(Number.isFinite(span.end) ? span.end : start, text.length));
  return { start, end };
}
