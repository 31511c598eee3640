/**
 * Stray spaces: PDF extraction splits words where the typesetter adjusted letter spacing ("o f",
 * "devel op", "organizat ional", "Sta te"), and puts spaces before punctuation
 * ("infrastructures ,", "People ’s", "confidence -building").
 *
 * Pieces are joined only when the joined word is attested (a known word, or a word the document
 * uses elsewhere) and at least one piece is not a word on its own; two real words ("in to", "every
 * one") are never joined. A split at a hyphen is closed only when the hyphenated compound is
 * attested. Tokens carrying footnote references are left alone.
 */
import { KNOWN_HYPHENATED } from './known-words.js';
import type { Token } from './model.js';
import type { Vocabulary } from './vocabulary.js';

/** Punctuation that never has a space before it. */
const CLOSING_ONLY = /^[,;:.!?)\]”’]+$/;
/** Punctuation that never has a space after it. */
const OPENING_ONLY = /^[(\[“‘]+$/;
/** An English clitic split from its word: "’s", "’t". */
const CLITIC = /^[’'](?:s|t|d|ll|re|ve|m)(?![\p{L}])/iu;

/** A piece that may start a split word: letters, after opening punctuation. */
const HEAD = /^([(\[“‘"]*)(\p{L}+)$/u;
/** A piece that may end one: letters, then closing punctuation. */
const REST = /^(\p{L}+)([^\p{L}\p{N}]*)$/u;

export function repairSpacing(tokens: Token[], vocabulary: Vocabulary): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out[out.length - 1];
    const clean = (x: Token | undefined): x is Token => x !== undefined && x.refs.length === 0 && x.tail === '';

    if (prev && clean(prev) && (CLOSING_ONLY.test(t.text) || (CLITIC.test(t.text) && /\p{L}$/u.test(prev.text)))) {
      absorb(prev, t);
      continue;
    }
    if (clean(prev) && OPENING_ONLY.test(prev.text) && /^\S/.test(t.text)) {
      prev.text += t.text;
      prev.refs = t.refs;
      prev.tail = t.tail;
      continue;
    }
    if (prev && clean(prev)) {
      const hyphenated = joinAtHyphen(prev.text, t.text, vocabulary);
      if (hyphenated !== undefined) {
        prev.text = hyphenated;
        prev.refs = t.refs;
        prev.tail = t.tail;
        continue;
      }
    }
    // Three pieces first ("organi zat ional"), then two.
    const third = tokens[i + 1];
    if (prev && clean(prev) && clean(t) && third) {
      const joined = joinPieces([prev.text, t.text, third.text], vocabulary);
      if (joined !== undefined) {
        prev.text = joined;
        prev.refs = third.refs;
        prev.tail = third.tail;
        i++;
        continue;
      }
    }
    if (prev && clean(prev)) {
      const joined = joinPieces([prev.text, t.text], vocabulary);
      if (joined !== undefined) {
        absorb(prev, t);
        prev.text = joined;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

function absorb(into: Token, t: Token): void {
  into.text += t.text;
  into.refs = t.refs;
  into.tail = t.tail;
}

/** `confidence -building` or `confidence- building` -> `confidence-building`, when attested. */
export function joinAtHyphen(a: string, b: string, vocabulary: Vocabulary): string | undefined {
  let joined: string | undefined;
  if (/\p{L}$/u.test(a) && /^-\p{L}/u.test(b)) joined = a + b;
  else if (/\p{L}-$/u.test(a) && /^\p{L}/u.test(b)) joined = a + b;
  if (joined === undefined) return undefined;
  const head = HEAD.exec(a.replace(/-$/, ''));
  const rest = /^-?(\p{L}[\p{L}-]*)/u.exec(b);
  if (!head || !rest) return undefined;
  const compound = `${head[2]!}-${rest[1]!}`.toLowerCase();
  return KNOWN_HYPHENATED.has(compound) || vocabulary.count(compound) > 0 ? joined : undefined;
}

/** The word the pieces make, when they are a split word; undefined otherwise. */
export function joinPieces(pieces: string[], vocabulary: Vocabulary): string | undefined {
  const first = HEAD.exec(pieces[0]!);
  if (!first) return undefined;
  const letters = [first[2]!];
  let tail = '';
  for (let k = 1; k < pieces.length; k++) {
    const last = k === pieces.length - 1;
    const m = last ? REST.exec(pieces[k]!) : /^(\p{L}+)()$/u.exec(pieces[k]!);
    if (!m) return undefined;
    // A capital after lower-case letters starts a new word ("the Secretary").
    if (/^\p{Lu}/u.test(m[1]!) && !/^\p{Lu}+$/u.test(letters.join('') + m[1]!)) return undefined;
    letters.push(m[1]!);
    if (last) tail = m[2]!;
  }
  const word = letters.join('');
  if (!vocabulary.isAttested(word)) return undefined;
  if (letters.every((piece) => vocabulary.isWord(piece))) return undefined;
  return first[1]! + word + tail;
}
