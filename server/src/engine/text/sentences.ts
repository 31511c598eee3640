/**
 * Sentence boundaries in a view of a paragraph. A sentence ends at `.`, `!` or `?` followed by a
 * space and a capital, a digit, a quote or a bracket, or at the end of the text; abbreviations
 * common in UN texts ("para.", "Rev.", "e.g.") do not end one.
 */
import { isWhiteSpace } from './words.js';

export interface SentenceSpan {
  start: number;
  end: number;
}

const NO_BREAK_AFTER = new Set([
  'para',
  'paras',
  'art',
  'arts',
  'no',
  'nos',
  'rev',
  'corr',
  'add',
  'sect',
  'chap',
  'vol',
  'p',
  'pp',
  'e.g',
  'i.e',
  'mr',
  'ms',
  'mrs',
  'dr',
  'st',
  'vs',
  'cf',
  'op',
  'u.s',
  'u.n',
]);

/** Entries are ASCII: a run of letters longer than the longest cannot be one. */
const LONGEST_NO_BREAK = Math.max(...[...NO_BREAK_AFTER].map((a) => a.length));

/** A candidate end: the punctuation (and a closing quote or bracket) before a space and a capital or number. */
const BOUNDARY = /[.!?]["”’)]?(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;

/**
 * Sentences of `text`, in order. The candidate ends are found by one regular expression; the
 * exceptions after a full stop (an abbreviation, an initial) are read from the character codes
 * before it, with the regular expressions they stand for kept for text that is not ASCII there.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  BOUNDARY.lastIndex = 0;
  // `test` rather than `exec`: no match array per candidate end. The match is the punctuation and
  // an optional closing mark, so where it starts is read back from where it ends.
  while (BOUNDARY.test(text)) {
    const end = BOUNDARY.lastIndex;
    const at = isSentencePunctuation(text.charCodeAt(end - 1)) ? end - 1 : end - 2;
    if (text.charCodeAt(at) === 0x2e && fullStopContinues(text, start, at)) continue;
    if (end > start) spans.push({ start, end });
    start = skipSpace(text, end);
  }
  BOUNDARY.lastIndex = 0;
  let end = text.length;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
  return spans;
}

/**
 * Whether the full stop at `at` (in the sentence from `start`) does not end it: it follows an
 * abbreviation ("para.", "e.g.") or a single capital letter ("A. Threats"), as the regular
 * expressions `([\p{L}.]+)\.$` over the 12 characters before it and `(?:^|\s)\p{Lu}\.$` over the
 * 2 before it (neither reaching back before `start`) tell.
 */
function fullStopContinues(text: string, start: number, at: number): boolean {
  // The letters and full stops just before `at`: one more than the longest abbreviation is enough
  // to tell (lower case is never shorter), within the regular expression's 12.
  const from = Math.max(start, at - 12, at - LONGEST_NO_BREAK - 1);
  let k = at;
  while (k > from) {
    const c = text.charCodeAt(k - 1);
    if (c >= 0x80) return slowFullStopContinues(text, start, at);
    if (!(c === 0x2e || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))) break;
    k--;
  }
  if (k < at && at - k <= LONGEST_NO_BREAK && NO_BREAK_AFTER.has(text.slice(k, at).toLowerCase())) return true;
  // A single capital letter, at the start of the sentence or after white space.
  const initialFrom = Math.max(start, at - 2);
  if (at - initialFrom < 1) return false;
  const letter = text.charCodeAt(at - 1);
  if (letter < 0x41 || letter > 0x5a) return false;
  return at - initialFrom === 1 || isWhiteSpace(text.charCodeAt(at - 2));
}

/** `fullStopContinues` by its regular expressions, for text that is not ASCII before the full stop. */
function slowFullStopContinues(text: string, start: number, at: number): boolean {
  const before = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(start, at - 12), at + 1));
  if (before && NO_BREAK_AFTER.has(before[1]!.toLowerCase())) return true;
  return /(?:^|\s)\p{Lu}\.$/u.test(text.slice(Math.max(start, at - 2), at + 1));
}

/** `.`, `!` or `?`: what a sentence boundary starts with (a closing mark may follow it). */
function isSentencePunctuation(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isWhiteSpace(text.charCodeAt(at))) at++;
  return at;
}
