/**
 * A lexicon expression without its `u` flag, for the texts on which that reads the same. V8
 * compiles a case-insensitive Unicode expression several times more slowly than the same
 * expression without `u` (it closes every literal character and `\b` under Unicode case folding:
 * about 2 ms against 0.7 for the longest built-in one, paid once per process and again when the
 * expression is compiled to native code), and a one-file lint pays that for every expression it runs.
 *
 * For a source of printable ASCII (and typographic quotes) without `\p`, `\u`, `\x` or `\c`
 * escapes, the two forms differ only on three kinds of character: the long s and the Kelvin sign
 * (Unicode case folding reads them as s and k, and `\b` as word characters; without `u`, no
 * character past ASCII matches an ASCII one), and surrogates (one character with `u`, two without).
 * A text without any of them is read the same way by both (test/rules/unicode-twin.test.ts).
 */

/** Characters on which an expression and its twin may disagree. */
const UNICODE_ONLY = /[\u017f\u212a\ud800-\udfff]/;

/** A source whose meaning does not depend on the `u` flag on the texts `twinReads` accepts. */
const PLAIN_SOURCE = /^[\x20-\x7e‘’“”]*$/;
const UNICODE_ESCAPE = /\\[pPuxc]/;

/** The twin of a Unicode expression (the same flags but `u`), or null when it has none. */
export function unicodeTwin(re: RegExp): RegExp | null {
  if (!re.unicode || re.flags.includes('v') || !PLAIN_SOURCE.test(re.source) || UNICODE_ESCAPE.test(re.source)) return null;
  try {
    return new RegExp(re.source, re.flags.replace('u', ''));
  } catch {
    return null;
  }
}

/** True when every twin reads `text` as its Unicode expression does. */
export function twinReads(text: string): boolean {
  return !UNICODE_ONLY.test(text);
}
