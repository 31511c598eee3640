/**
 * Sentence boundaries in a view of a paragraph. A sentence ends at `.`, `!` or `?` followed by a
 * space and a capital, a digit, a quote or a bracket, or at the end of the text; abbreviations
 * common in UN texts ("para.", "Rev.", "e.g.") do not end one.
 */

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

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  const boundary = /[.!?]["”’)]?(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    const before = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(start, m.index - 12), m.index + 1));
    if (m[0][0] === '.' && before && NO_BREAK_AFTER.has(before[1]!.toLowerCase())) continue;
    // A single capital letter before the full stop is an initial or a list letter ("A. Threats").
    if (m[0][0] === '.' && /(?:^|\s)\p{Lu}\.$/u.test(text.slice(Math.max(start, m.index - 2), m.index + 1))) continue;
    if (end > start) spans.push({ start, end });
    start = skipSpace(text, end);
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
  return spans;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}
