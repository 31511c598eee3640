/**
 * Footnote reference digits in the text. A PDF prints them as superscripts; extracted, they are
 * ordinary digits glued to the word before ("it,1", "20152") or standing apart ("2013 3",
 * "November. 2"). They are told from real numbers by three things together:
 *
 * - their form: 1 or 2 digits glued after a lower-case letter or punctuation (not inside a
 *   document symbol or after "para.", "No."...), a year with the digit glued on ("20133" is 2013
 *   and note 3), or a lone 1- or 2-digit number right after a year or after punctuation that ends
 *   a word (and not before a month: "on 1, 2 and 8 November" stays);
 * - the footnotes of the same part of the document: only a number that has a footnote counts;
 * - their order: notes are numbered in order of first reference, so a first reference must be the
 *   next unused number (one may be skipped, if the extraction lost its digit), and it stands
 *   before its note (a note is printed at the foot of the page that refers to it). A number
 *   already referred to may be referred to again anywhere later.
 */
import { MONTHS } from './known-words.js';
import type { Token, Warnings } from './model.js';

/** A possible reference: the token's text without the digits, where they go, and the number. */
export interface RefCandidate {
  /** The word the reference follows. */
  base: string;
  /** Punctuation printed after the reference (a year's comma in "20152,"). */
  tail: string;
  id: number;
  /** Glued to the word: a strong sign, so a rejected one is reported. */
  glued: boolean;
  /** A lone number token, which the reference replaces (attached to the token before). */
  standalone: boolean;
}

/** After these a number is a paragraph, page or supplement number, not a note. */
const NUMBER_ABBREVIATION = /(?:^|[^\p{L}])(?:Rev|Corr|Add|L|PV|CRP|INF|WP|No|Nos|para|paras|chap|sect|art|arts|vol|p|pp|Suppl|Amend|Misc|Sess|Res|annex)\.$/iu;
const YEAR = /^(?:19|20)\d\d$/;

export function refCandidate(token: string, prev: string | undefined, next: string | undefined): RefCandidate | undefined {
  // A year with the note number glued on: "20133", "20152,".
  const year = /^((?:19|20)\d\d)(\d{1,2})([,.;:”’)]*)$/.exec(token);
  if (year) return { base: year[1]!, tail: year[3]!, id: Number(year[2]), glued: true, standalone: false };

  // Digits glued after a lower-case letter or punctuation: "it,1", "follows:4", "2010,1".
  const glued = /^(.*[\p{Ll}”’")\].,;:])(\d{1,2})$/u.exec(token);
  if (glued) {
    const base = glued[1]!;
    if (base.includes('/') || NUMBER_ABBREVIATION.test(base)) return undefined;
    if (!/\p{L}/u.test(base) && !/^(?:19|20)\d\d[,.;:]$/.test(base)) return undefined;
    return { base, tail: '', id: Number(glued[2]), glued: true, standalone: false };
  }

  // A lone number after a year or after a word that ends with punctuation.
  if (/^\d{1,2}$/.test(token) && prev !== undefined) {
    if (next !== undefined && MONTHS.has(next.replace(/[,.;:]$/, ''))) return undefined;
    if (NUMBER_ABBREVIATION.test(prev)) return undefined;
    const afterYear = YEAR.test(prev.replace(/[,.;:]$/, ''));
    const afterWordPunctuation = /\p{L}[”’")\]]?[.,;:][”’")\]]?$/u.test(prev);
    if (afterYear || afterWordPunctuation) return { base: '', tail: '', id: Number(token), glued: false, standalone: true };
  }
  return undefined;
}

/** Finds the references to one part's footnotes, in reading order. */
export class FootnoteRefFinder {
  private readonly seen = new Set<number>();
  private nextNew: number;

  /** `notes`: footnote number -> line where the note is printed. */
  constructor(
    private readonly notes: ReadonlyMap<number, number>,
    private readonly warnings?: Warnings,
  ) {
    this.nextNew = notes.size ? Math.min(...notes.keys()) : 1;
  }

  private accept(id: number, line: number): boolean {
    const noteLine = this.notes.get(id);
    if (noteLine === undefined) return false;
    if (this.seen.has(id)) return true;
    if (id !== this.nextNew && id !== this.nextNew + 1) return false;
    if (line > noteLine) return false;
    this.seen.add(id);
    this.nextNew = id + 1;
    return true;
  }

  /** The tokens with reference digits taken off and recorded in `refs`. */
  scan(tokens: Token[]): Token[] {
    const out: Token[] = [];
    tokens.forEach((t, i) => {
      const c = refCandidate(t.text, out[out.length - 1]?.text, tokens[i + 1]?.text);
      if (!c) {
        out.push(t);
        return;
      }
      const owner = c.standalone ? out[out.length - 1] : t;
      if (owner && owner.tail === '' && this.accept(c.id, t.line)) {
        if (!c.standalone) {
          t.text = c.base;
          t.tail = c.tail;
          out.push(t);
        }
        owner.refs.push(String(c.id));
        return;
      }
      if (c.glued) this.warnings?.add(t.line, t.text, `digits glued to a word look like a reference to footnote ${c.id}, but no such footnote fits here; kept as printed`);
      out.push(t);
    });
    return out;
  }

  /** Notes no reference was found for. */
  unreferenced(): number[] {
    return [...this.notes.keys()].filter((id) => !this.seen.has(id)).sort((a, b) => a - b);
  }
}
