/**
 * Tokens of the `.draft` markup and the one lexer instance built from them.
 *
 * Block tokens (labels, headings, footnote definitions...) only match at the start of a line;
 * that is checked by custom matchers, since Chevrotain's regular expressions cannot look behind.
 * Whitespace is skipped: the AST takes text from the source by offset, so spaces need no tokens.
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from 'chevrotain';
import { atFileStart, frontMatterEnd } from './front-matter.js';
import { isSpace } from './views.js';

/**
 * A matcher that succeeds only where `regex` (sticky) matches and `where` agrees. `first`, when
 * given, lists every character a match can begin with (ASCII): anywhere else the matcher answers
 * at once. The lexer (safe mode: no first-character index) tries each block token at every line
 * start and every mark before the one that matches; this spares those tries the `where` checks and
 * a regular expression each.
 */
function sticky(
  source: RegExp,
  where: (text: string, offset: number) => boolean,
  first?: string,
): CustomPatternMatcherFunc {
  // A sticky expression is used as it is (one compiled expression for every matcher that shares it).
  const regex = source.sticky ? source : new RegExp(source.source, `${source.flags}y`);
  let starts: Uint8Array | undefined;
  if (first !== undefined) {
    starts = new Uint8Array(128);
    for (let i = 0; i < first.length; i++) starts[first.charCodeAt(i)] = 1;
  }
  // The lexer reads the image at once, so one array serves every match: no match object per token.
  const found: [string] = [''];
  return (text, offset) => {
    if (starts !== undefined && starts[text.charCodeAt(offset)] !== 1) return null;
    if (!where(text, offset)) return null;
    regex.lastIndex = offset;
    if (!regex.test(text)) return null;
    found[0] = text.slice(offset, regex.lastIndex);
    return found as unknown as RegExpExecArray;
  };
}

const isBreak = (code: number): boolean => code === 10 || code === 13;

/** A byte order mark at `offset`: only the first character of a file is one, never a later stretch's. */
const isBom = (text: string, offset: number): boolean => offset === 0 && text.charCodeAt(0) === 0xfeff && atFileStart();

const atLineStart = (text: string, offset: number): boolean =>
  offset === 0 || isBreak(text.charCodeAt(offset - 1)) || (offset === 1 && isBom(text, 0));

/** At a line start, possibly after indentation. */
const afterIndent = (text: string, offset: number): boolean => {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || isBreak(text.charCodeAt(i)) || (i === 0 && isBom(text, 0));
};

const inFrontMatter = (text: string, offset: number): boolean => offset < frontMatterEnd(text);
const inBody = (text: string, offset: number): boolean => offset >= frontMatterEnd(text);

/** Not glued to a preceding word character: a citation starts a word. */
const GLUED = /[\p{L}\p{N}/._-]/u;
const wordStart = (text: string, offset: number): boolean => {
  if (offset === 0) return true;
  const code = text.charCodeAt(offset - 1);
  // ASCII without the Unicode class: letters, digits, `/`, `.`, `_`, `-` glue.
  if (code < 128) return !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 47 || code === 46 || code === 95 || code === 45);
  return !GLUED.test(text[offset - 1]!);
};

// --- Layout -----------------------------------------------------------------------------------

export const BlankLine = createToken({
  name: 'BlankLine',
  // `\r(?!\n)`: a CRLF must never be read as two line breaks.
  pattern: /(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*(?:\r\n|\r(?!\n)|\n))+/,
  line_breaks: true,
});
export const Newline = createToken({ name: 'Newline', pattern: /\r\n?|\n/, line_breaks: true });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[^\S\r\n]+/, group: Lexer.SKIPPED, line_breaks: false });

// --- Front matter -----------------------------------------------------------------------------

export const FrontMatterFence = createToken({
  name: 'FrontMatterFence',
  pattern: sticky(
    /---[ \t]*(?=[\r\n]|$)/,
    // Opening only at the very top of the file (after a BOM at most), never at the top of a later
    // stretch the incremental parser reads alone; closing only inside the front matter.
    (t, o) => atLineStart(t, o) && (((o === 0 || (o === 1 && isBom(t, 0))) && atFileStart()) || inFrontMatter(t, o)),
    '-',
  ),
  line_breaks: false,
  start_chars_hint: ['-'],
});
export const FrontMatterLine = createToken({
  name: 'FrontMatterLine',
  pattern: sticky(/[^\r\n]+/, (t, o) => atLineStart(t, o) && inFrontMatter(t, o)),
  line_breaks: false,
});

// --- Blocks (line starts) ---------------------------------------------------------------------

export const CommentLine = createToken({
  name: 'CommentLine',
  pattern: sticky(/\/\/[^\r\n]*/, (t, o) => afterIndent(t, o) && inBody(t, o), '/'),
  start_chars_hint: ['/'],
  line_breaks: false,
});
export const HeadingMark = createToken({
  name: 'HeadingMark',
  pattern: sticky(/#{1,6}(?=[ \t])/, (t, o) => atLineStart(t, o) && inBody(t, o), '#'),
  start_chars_hint: ['#'],
  line_breaks: false,
});
export const FootnoteDefMark = createToken({
  name: 'FootnoteDefMark',
  pattern: sticky(/\[\^[^\]\s]+\]:/, (t, o) => atLineStart(t, o) && inBody(t, o), '['),
  start_chars_hint: ['['],
  line_breaks: false,
});
export const BlockQuoteMark = createToken({
  name: 'BlockQuoteMark',
  pattern: sticky(/>(?=[ \t\r\n]|$)/, (t, o) => afterIndent(t, o) && inBody(t, o), '>'),
  start_chars_hint: ['>'],
  line_breaks: false,
});
/** `12.`, `1.1.`, `12bis.`, `PP3.`, `OP6alt.`, followed by a space. */
export const ParagraphLabel = createToken({
  name: 'ParagraphLabel',
  pattern: sticky(
    /(?:PP|OP)?\d{1,4}(?:\.\d{1,3})*(?:bis|ter|quater|quinquies|sexies|septies|octies|alt\d*)?\.(?=[ \t\r\n]|$)/,
    (t, o) => afterIndent(t, o) && inBody(t, o),
    'PO0123456789',
  ),
  start_chars_hint: ['P', 'O', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  line_breaks: false,
});
/** `(a)`, `(iv)`, `(1)`, `(A)` at a line start, followed by a space. */
export const SubparagraphLabel = createToken({
  name: 'SubparagraphLabel',
  pattern: sticky(/\((?:[a-z]{1,2}|[ivxlc]{1,7}|[A-Z]|\d{1,2})\)(?=[ \t])/, (t, o) => afterIndent(t, o) && inBody(t, o), '('),
  start_chars_hint: ['('],
  line_breaks: false,
});

// --- Negotiation layer ------------------------------------------------------------------------

const proposer = '(?:@[^:{}\\r\\n]{1,100}:)?';
export const InsertOpen = createToken({ name: 'InsertOpen', pattern: new RegExp(`\\{\\+\\+${proposer}`), line_breaks: false });
export const InsertClose = createToken({ name: 'InsertClose', pattern: /\+\+\}/, line_breaks: false });
export const DeleteOpen = createToken({ name: 'DeleteOpen', pattern: new RegExp(`\\{--${proposer}`), line_breaks: false });
export const DeleteClose = createToken({ name: 'DeleteClose', pattern: /--\}/, line_breaks: false });
export const ReplaceOpen = createToken({ name: 'ReplaceOpen', pattern: new RegExp(`\\{~~${proposer}`), line_breaks: false });
export const ReplaceArrow = createToken({ name: 'ReplaceArrow', pattern: /~>/, line_breaks: false });
export const ReplaceClose = createToken({ name: 'ReplaceClose', pattern: /~~\}/, line_breaks: false });
export const CommentOpen = createToken({ name: 'CommentOpen', pattern: new RegExp(`\\{>>${proposer}`), line_breaks: false });
export const CommentClose = createToken({ name: 'CommentClose', pattern: /<<\}/, line_breaks: false });
export const HighlightOpen = createToken({ name: 'HighlightOpen', pattern: /\{==/, line_breaks: false });
export const HighlightClose = createToken({ name: 'HighlightClose', pattern: /==\}/, line_breaks: false });
export const StatusTag = createToken({ name: 'StatusTag', pattern: /\{status:[^}\r\n]*\}/, line_breaks: false });

export const FootnoteRef = createToken({ name: 'FootnoteRef', pattern: /\[\^[^\]\s]+\]/, line_breaks: false });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, line_breaks: false });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, line_breaks: false });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, line_breaks: false });
export const QuoteOpen = createToken({ name: 'QuoteOpen', pattern: /“/, line_breaks: false });
export const QuoteClose = createToken({ name: 'QuoteClose', pattern: /”/, line_breaks: false });
export const StraightQuote = createToken({ name: 'StraightQuote', pattern: /"/, line_breaks: false });
export const Escape = createToken({ name: 'Escape', pattern: /\\[[\]{}\\"|]/, line_breaks: false });

// --- Citations and cross-references -----------------------------------------------------------

/** Between two words of a citation: spaces, or one line break (LF, CRLF or CR; not a blank line). */
const gap = '[ \\t]*(?:(?:\\r\\n|\\r|\\n)[ \\t]*)?';
const pin = `\\d{1,4}[a-z]*(?:${gap}\\([a-z0-9]{1,6}\\))*`;
const pinList = `${pin}(?:(?:,${gap}|${gap}(?:and|to|-|–)${gap})${pin})*`;

/** UN document symbols: A/70/174, A/RES/70/237, A/C.1/73/L.27/Rev.1, A/68/98*. */
export const DocumentSymbol = createToken({
  name: 'DocumentSymbol',
  pattern: (() => {
    const symbol = sticky(/(?:A|S|E|ST)(?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+\*?/, wordStart, 'ASE');
    return (text: string, offset: number) => {
      const match = symbol(text, offset, [], {});
      return match && /\d/.test(match[0]) ? match : null;
    };
  })(),
  start_chars_hint: ['A', 'S', 'E'],
  line_breaks: false,
});
/** `, para. 13 (f)`, `, paras. 13 and 29`: a pinpoint inside a document. */
export const Pinpoint = createToken({
  name: 'Pinpoint',
  pattern: sticky(new RegExp(`,?${gap}paras?\\.?${gap}${pinList}`), (t, o) => t[o] === ',' || wordStart(t, o)),
  start_chars_hint: [',', 'p'],
  line_breaks: true,
});
/** `resolution 70/237`, `resolutions 73/27 and 73/266`, `decision 72/512`. */
export const ResolutionCitation = createToken({
  name: 'ResolutionCitation',
  pattern: sticky(
    new RegExp(
      `(?:[Rr]esolutions?|[Dd]ecisions?)${gap}\\d{1,3}\\/\\d{1,4}(?: [A-Z](?![\\p{L}\\p{N}]))?` +
        `(?:(?:,${gap}|${gap}and${gap})\\d{1,3}\\/\\d{1,4}(?: [A-Z](?![\\p{L}\\p{N}]))?)*`,
      'u',
    ),
    wordStart,
    'rRdD',
  ),
  start_chars_hint: ['r', 'R', 'd', 'D'],
  line_breaks: true,
});
/** `paragraph 3 above`, `paragraphs 3 and 4 below`. */
export const CrossReference = createToken({
  name: 'CrossReference',
  pattern: sticky(new RegExp(`[Pp]aragraphs?${gap}${pinList}${gap}(?:above|below)(?![\\p{L}\\p{N}])`, 'u'), wordStart, 'pP'),
  start_chars_hint: ['p', 'P'],
  line_breaks: true,
});

// --- Plain text -------------------------------------------------------------------------------

export const Punctuation = createToken({ name: 'Punctuation', pattern: /[(),;:]/, line_breaks: false });
/**
 * Where a word may start. Plain text is most of a draft, so a run of it (LeadWord) is tried
 * first; it steps aside wherever another token could start (front matter, block starts at a line
 * start, citations), and the later tokens get their turn.
 */
const SYMBOL_START = /(?:A|S|E|ST)\/[A-Za-z0-9]/y;
const CITATION_WORD = /(?:[Rr]esolutions?|[Dd]ecisions?|[Pp]aragraphs?|paras?\.?)[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?\d/y;
/** The characters that may begin a block at a line start (after indentation): `0-9 P O # / > ( [ -`. */
const BLOCK_START_CHARS = new Uint8Array(128);
for (const c of '0123456789PO#/>([-') BLOCK_START_CHARS[c.charCodeAt(0)] = 1;
/** True where a word may start: no other token (front matter, block start, citation) could start there. */
export function wordMayStart(text: string, offset: number): boolean {
  if (offset < frontMatterEnd(text)) return false;
  const c = text.charCodeAt(offset);
  if (c < 128 && BLOCK_START_CHARS[c] === 1 && afterIndent(text, offset)) return false;
  // A, S, E: a document symbol; r R d D p P: a resolution, decision, paragraph or pinpoint.
  if ((c === 65 || c === 83 || c === 69) && wordStart(text, offset)) {
    SYMBOL_START.lastIndex = offset;
    if (SYMBOL_START.test(text)) return false;
  }
  if ((c === 114 || c === 82 || c === 100 || c === 68 || c === 112 || c === 80) && wordStart(text, offset)) {
    CITATION_WORD.lastIndex = offset;
    if (CITATION_WORD.test(text)) return false;
  }
  return true;
}

/**
 * One word (FallbackWord's pattern; a run of text is words of this shape). The plain characters
 * are read by an inner loop (`[...]+`) rather than one alternation per character: the same
 * words, and the regular-expression engine reads a run of text's words a tenth faster.
 */
export const WORD_PATTERN = /(?:[^\s[\]{}“”"|\\(),;:+\-~=<]+|\+(?!\+\})|-(?!-\})|~(?!~\}|>)|=(?!=\})|<(?!<\}))+/;

/** A run of word characters; stops before anything that could open or close markup. */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });

/**
 * ASCII characters as words read them: 0 a word character, 1 white space, 2 a mark or
 * punctuation that ends a word, 3 a word character unless it begins a closing mark (`++}`...).
 */
const ASCII_CLASS = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) ASCII_CLASS[c] = 1;
for (const c of '[]{}"|\\(),;:') ASCII_CLASS[c.charCodeAt(0)] = 2;
for (const c of '+-~=<') ASCII_CLASS[c.charCodeAt(0)] = 3;

/**
 * True when the character at `i` belongs to a word (as WORD_PATTERN reads it): not white space,
 * not a mark, and `+ - ~ = <` only where they do not begin a closing mark.
 */
function wordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) {
    const kind = ASCII_CLASS[c];
    if (kind === 0) return true;
    if (kind !== 3) return false;
    const next = text.charCodeAt(i + 1);
    // `~` also begins `~>`; the others begin only their doubled closing mark (`++}`, `--}`, `==}`, `<<}`).
    if (c === 126 && next === 62) return false;
    return !(next === c && text.charCodeAt(i + 2) === 125);
  }
  return !(Number.isNaN(c) || c === 0x201c || c === 0x201d || isSpace(c));
}

/**
 * One word at the sticky expression's `lastIndex` (WORD_PATTERN): FallbackWord's, and the first
 * word of a run of text (one native match rather than a loop over its characters).
 */
const WORD_AT = new RegExp(WORD_PATTERN.source, 'y');

/** Where a comma may open a Pinpoint (`, para. 13`): a run of text stops before it. */
const PINPOINT_START = /,[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?para/y;

/** One item of a run past its first token: `) ; : (`, a comma that opens no pinpoint, a word that starts no citation. */
const RUN_ITEM = `(?:[();:]|(?!${PINPOINT_START.source}),|(?!${SYMBOL_START.source})(?!${CITATION_WORD.source})(?:${WORD_PATTERN.source}))`;
/**
 * The rest of a run after its first token, as one native search: blanks, then an item (past the
 * first token, a word always starts after a blank or punctuation, on a line that already has
 * text, past the front matter: only the citation checks of `wordMayStart` remain). Trailing
 * blanks are left out by backtracking, as WhiteSpace's.
 */
const RUN_REST = new RegExp(`(?:[^\\S\\r\\n]*${RUN_ITEM})*`, 'y');
/**
 * The same, also over one line break (never a blank line) followed by an item that cannot begin a
 * block at that line start: no `(`, and no word starting with a digit, `P`, `O`, `#`, `/`, `>`,
 * `[` or `-` (a label, heading, comment line, block quote or fence might start there). The old
 * tokens there were a Newline, which the parser takes as a continuation before a word or
 * punctuation mark and the AST builder skips, then a run: the tree is the same, and the 10k-word
 * bench draft lexes into 482 tokens instead of 1,852. Not after a heading line until a blank line
 * (see `inHeadingBlock`).
 */
const RUN_REST_LINES = new RegExp(
  `(?:[^\\S\\r\\n]*(?:(?:\\r\\n|\\r|\\n)[^\\S\\r\\n]*(?![(0-9PO#/>[-]))?${RUN_ITEM})*`,
  'y',
);

/**
 * True when `offset` begins the first token of its line whose first character after any
 * indentation (white space other than a line break; a byte order mark at the start) is `#`: the
 * token starts there, or starts the line with that indentation in it (a front matter line).
 */
function startsHashLine(text: string, offset: number): boolean {
  let i = offset;
  let c = text.charCodeAt(i);
  // Most tokens begin with a printable ASCII character other than `#`: answered at once.
  if (c > 32 && c < 127 && c !== 35) return false;
  while (c !== 10 && c !== 13 && isSpace(c)) c = text.charCodeAt(++i);
  if (c !== 35) return false;
  for (let j = offset - 1; j >= 0; j--) {
    const d = text.charCodeAt(j);
    if (d === 10 || d === 13) return true;
    if (!isSpace(d)) return false;
  }
  return true;
}

// The tokens read so far of the text being lexed (Chevrotain passes its token list to a custom
// matcher), how many of them `inHeadingBlock` has looked at, and its answer after them.
let headingTokens: IToken[] | undefined;
let headingSeen = 0;
let headingOpen = false;
/**
 * Whether a heading's block may still be open after `tokens`, the tokens of `text` read so far:
 * some line since the last blank line (or the start) starts with `#` (after any indentation). A
 * heading ends at its line break, but what it opens (an amendment, a bracket) may run on over the
 * lines after it, and where the parser stops then depends on the line breaks it sees: runs there
 * keep to their line. Every blank line is a BlankLine token, and the first character of a line
 * after its indentation always begins a token (or lies in a front matter line, which begins the
 * line): the answer follows from the tokens, each looked at once, as the lexer adds them, with no
 * search of the text (test/grammar/heading-block.test.ts compares it with a search of the lines).
 */
function inHeadingBlock(text: string, tokens: IToken[]): boolean {
  if (tokens !== headingTokens || tokens.length < headingSeen) {
    headingTokens = tokens;
    headingSeen = 0;
    headingOpen = false;
  }
  for (; headingSeen < tokens.length; headingSeen++) {
    const token = tokens[headingSeen]!;
    if (token.tokenType === BlankLine) headingOpen = false;
    else if (!headingOpen && startsHashLine(text, token.startOffset)) headingOpen = true;
  }
  return headingOpen;
}

/** A character that may be inside a word of a run (WORD_PATTERN's plain characters). */
const PLAIN_CHAR = '[^\\s[\\]{}“”"|\\\\(),;:+\\-~=<]';
/**
 * Between two items of a run, a separator that the text's views read as it stands (the views'
 * `JOINED_WORDS` joins across it): nothing, or one white-space character that follows no opening
 * bracket or quote and precedes neither white space nor closing punctuation. Over a line break
 * (`\r` or `\n` alone: a CRLF is two characters), under RUN_REST_LINES' condition.
 */
const SINGLE_SEPARATOR = '(?:(?<![(“‘[])(?:[^\\S\\r\\n]|[\\r\\n](?![(0-9PO#/>[-]))(?![\\s,.;:)\\]”’!?]))?';
const SINGLE_SEPARATOR_NO_BREAK = '(?:(?<![(“‘[])[^\\S\\r\\n](?![\\s,.;:)\\]”’!?]))?';
/**
 * The common item first, with no look-ahead: one space, then a word starting with a lower-case
 * letter that begins no citation (`d`ecision, `p`aragraph, `p`ara, `r`esolution) and so needs none
 * of RUN_ITEM's checks. It reads the word up to a character that is not plain (`+ - ~ = <`, where
 * the next item goes on, as RUN_ITEM's word would), so the run is the same.
 */
const PLAIN_WORD_AFTER_SPACE = `(?<![(“‘[]) [a-ce-oqs-z][a-z]*${PLAIN_CHAR}*`;
/**
 * The rest of a run after its first token as far as every separator is single (SINGLE_SEPARATOR):
 * a run read to its end by these alone is *single-spaced*, and its text's view is the run as it
 * stands (see `singleSpaced`). Past where these stop, RUN_REST or RUN_REST_LINES read on.
 */
const SINGLE_REST = new RegExp(`(?:${PLAIN_WORD_AFTER_SPACE}|${SINGLE_SEPARATOR_NO_BREAK}${RUN_ITEM})*`, 'y');
const SINGLE_REST_LINES = new RegExp(`(?:${PLAIN_WORD_AFTER_SPACE}|${SINGLE_SEPARATOR}${RUN_ITEM})*`, 'y');

/**
 * The payload (Chevrotain's field for what a custom token carries) of a single-spaced run: its
 * items are separated by single white-space characters that follow no opening bracket or quote
 * and precede no closing punctuation. The views read such a run's text in one piece without
 * searching it again (grammar/src/views.ts).
 */
export const SINGLE_SPACED = 1;

/** Marks no item of a run can begin with, nor a separator take in: `[ ] { } “ ” " | \\`. */
const NOT_IN_RUN = new Uint8Array(128);
for (const c of '[]{}"|\\') NOT_IN_RUN[c.charCodeAt(0)] = 1;

/**
 * True where RUN_REST (`heading`) or RUN_REST_LINES, started at `at`, would read nothing: at the
 * end of the text, before a mark no item begins with, before a line break under a heading, or
 * before a blank line or a line break at the end (after a line break, an item must follow). Where
 * most runs end (a paragraph's blank line, a heading's line break), the single-spaced reading is
 * then the whole run, with no second search; a one-file run does not even compile the other one.
 */
function runStopsAt(text: string, at: number, heading: boolean): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  if (c < 128 ? NOT_IN_RUN[c] === 1 : c === 0x201c || c === 0x201d) return true;
  if (c !== 10 && c !== 13) return false;
  if (heading) return true;
  const next = c === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  const d = text.charCodeAt(next);
  return next >= text.length || d === 10 || d === 13;
}

const runFound: [string] & { payload?: number } = [''];
/**
 * A run of plain text, over single line breaks (RUN_REST_LINES): words, the spaces between them
 * and the punctuation `( ) , ; :`, from a word or a punctuation mark up to the first character that could start
 * anything else. It stands for exactly the words and punctuation the lexer would otherwise have
 * read one by one there: it extends only over places where those tokens (a word where
 * `wordMayStart` agrees, punctuation that opens neither a pinpoint nor a sub-paragraph label)
 * would have come. The parser and the AST builder treat words and punctuation alike and merge
 * them across spaces, so the tree is the same, from a sixth of the tokens on a 10k-word draft.
 * The first token is read here (it alone may sit at a line start or in the front matter), the
 * rest by RUN_REST.
 */
function matchTextRun(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  return readTextRun(text, offset, tokens, headingBlockAt);
}

/**
 * Whether runs at `offset` keep to their line: a heading's block is open after `tokens`, or the
 * run itself begins a `#` line (after indentation `afterIndent` does not read as such, a no-break
 * space or a byte order mark inside the text, a run may start with `#`).
 */
function headingBlockAt(text: string, offset: number, tokens: IToken[]): boolean {
  return inHeadingBlock(text, tokens) || startsHashLine(text, offset);
}

/**
 * The run of text at `offset` (see `matchTextRun`), kept to its line where `headingBlock` says a
 * heading's block is open (asked only where a run starts).
 */
export function readTextRun(
  text: string,
  offset: number,
  tokens: IToken[],
  headingBlock: (text: string, offset: number, tokens: IToken[]) => boolean,
): RegExpExecArray | null {
  const c = text.charCodeAt(offset);
  let end: number;
  if (c === 41 || c === 59 || c === 58) {
    if (offset < frontMatterEnd(text)) return null;
    end = offset + 1;
  } else if (c === 40) {
    // `(` opens a sub-paragraph label after indentation.
    if (offset < frontMatterEnd(text) || afterIndent(text, offset)) return null;
    end = offset + 1;
  } else if (c === 44) {
    PINPOINT_START.lastIndex = offset;
    if (PINPOINT_START.test(text) || offset < frontMatterEnd(text)) return null;
    end = offset + 1;
  } else if (offset < text.length && wordCharAt(text, offset) && wordMayStart(text, offset)) {
    WORD_AT.lastIndex = offset;
    WORD_AT.test(text);
    end = WORD_AT.lastIndex;
  } else return null; // white space first (WhiteSpace's), or anything else
  const heading = headingBlock(text, offset, tokens);
  const single = heading ? SINGLE_REST : SINGLE_REST_LINES;
  single.lastIndex = end;
  single.test(text);
  const singleEnd = single.lastIndex;
  if (runStopsAt(text, singleEnd, heading)) end = singleEnd;
  else {
    const rest = heading ? RUN_REST : RUN_REST_LINES;
    rest.lastIndex = singleEnd;
    rest.test(text);
    end = rest.lastIndex;
  }
  runFound[0] = text.slice(offset, end);
  runFound.payload = end === singleEnd ? SINGLE_SPACED : undefined;
  return runFound as unknown as RegExpExecArray;
}

/** The common case, tried first: a run of plain text (see `matchTextRun`). */
export const LeadWord = createToken({
  name: 'LeadWord',
  pattern: matchTextRun,
  categories: [Word],
  line_breaks: true,
});
/** A word where another token could have started but none did ("61/54 of ..." at a line start). */
export const FallbackWord = createToken({
  name: 'FallbackWord',
  pattern: sticky(WORD_AT, () => true),
  categories: [Word],
  line_breaks: false,
});
/** A lone brace or backslash: kept as text, reported by the AST builder. */
export const StrayMark = createToken({ name: 'StrayMark', pattern: /[{}\\]/, line_breaks: false });

/**
 * Order matters: Chevrotain takes the first token that matches, not the longest, and tries them in
 * this order at every position (safe mode). The common ones come first: white space, paragraph
 * labels (one a paragraph: they came eleventh, after eight tokens that never match where a label
 * does), runs of text, blank lines. Moving a token ahead of others changes nothing where no token
 * it passes can match at the same place: a label begins with `P`, `O` or a digit and only in the
 * body, where a run of text steps aside for it (`wordMayStart`), and none of the tokens it now
 * precedes can begin so (test/grammar/lexer-options.test.ts lexes with the order before as well).
 * Labels go before runs: at a label the run's matcher failed only after its checks of the place,
 * while before a run the label's matcher answers from the first character, mostly.
 */
export const allTokens: TokenType[] = [
  WhiteSpace,
  ParagraphLabel,
  LeadWord,
  BlankLine,
  Newline,
  FrontMatterFence,
  FrontMatterLine,
  CommentLine,
  HeadingMark,
  FootnoteDefMark,
  BlockQuoteMark,
  SubparagraphLabel,
  StatusTag,
  InsertOpen,
  DeleteOpen,
  ReplaceOpen,
  CommentOpen,
  HighlightOpen,
  InsertClose,
  DeleteClose,
  ReplaceClose,
  ReplaceArrow,
  CommentClose,
  HighlightClose,
  FootnoteRef,
  LBracket,
  RBracket,
  Pipe,
  QuoteOpen,
  QuoteClose,
  StraightQuote,
  Escape,
  DocumentSymbol,
  ResolutionCitation,
  CrossReference,
  Pinpoint,
  Punctuation,
  FallbackWord,
  StrayMark,
  Word,
];

/**
 * Tokens carry offsets only (`onlyOffset`): nothing reads a token's line or column (spans,
 * problems and the parser's node locations are offsets), and tracking them made the lexer scan
 * every character of every run of text a second time for line breaks and keep six numbers a token.
 * Chevrotain's `onlyOffset` tokens have no `endOffset`, which the parser's node locations (and so
 * every AST span) are computed from: DraftLexer adds it (see `createOffsetOnlyToken`).
 * The first-character optimisation stays off: Word, tried second, takes most positions anyway, and
 * indexing the patterns (start hints over the whole BMP, regular-expression analysis) cost more at
 * start-up than it saved on a 10k draft. `safeMode` says so to Chevrotain, which then skips that
 * indexing altogether (FallbackWord, a custom pattern without start hints, turned the optimisation
 * off anyway, after the work). Every token states `line_breaks`, so that the lexer's construction
 * does not parse each pattern to find out (test/grammar/lexer-options.test.ts checks the flags
 * against Chevrotain's own analysis).
 */
export const LEXER_OPTIONS = { positionTracking: 'onlyOffset', safeMode: true, skipValidations: true } as const;

/**
 * Chevrotain's lexer, its offset-only tokens given their `endOffset` (the last character's offset,
 * as a `full` token has it) at creation, in one object shape.
 */
export class DraftLexer extends Lexer {
  /** Chevrotain's constructor picks this method to create every token under `onlyOffset`. */
  protected createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType, _line?: number, _column?: number, imageLength?: number): IToken {
    // `payload` is set by Chevrotain after creation on single-spaced runs (SINGLE_SPACED): present on
    // every token, one shape, and a small integer from the start (0), so that setting it to 1 changes
    // no field representation.
    return { image, startOffset, endOffset: startOffset + (imageLength ?? image.length) - 1, tokenTypeIdx, tokenType, payload: 0 };
  }
}

export const draftLexer: Lexer = new DraftLexer(allTokens, LEXER_OPTIONS);
