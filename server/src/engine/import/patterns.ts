/**
 * How the lines and paragraphs of a UN document are recognised: headings, labels, the enacting
 * formula, voting records, and the first words of preambular and operative paragraphs.
 */

/** `I. Introduction`: a chapter, numbered in roman numerals. */
export const CHAPTER = /^([IVX]{1,6})\.\s+(\p{Lu}.{0,150})$/u;
/** `A. Draft resolution A/C.1/73/L.27/Rev.1`: a section, lettered in capitals. */
export const SECTION = /^([A-Z])\.\s+(\p{Lu}.{0,150})$/u;
/** `Annex`, `Annex II`. */
export const ANNEX = /^(Annex|Appendix|Enclosure)(?:\s+([IVX]+|[A-Z]|\d{1,2}))?$/;
/** `Draft resolution I`, `Draft decision`, `Draft resolution B`. */
export const RESOLUTION_HEADING = /^Draft (resolution|decision)(?:\s+([IVX]{1,6}|[A-Z]))?$/;
/** `The General Assembly,`: the enacting formula of a resolution. */
export const ENACTING = /^The ((?:\p{Lu}[\p{L}-]*)(?: (?:\p{Lu}[\p{L}-]*|and|of|on|for|the))*),$/u;
/** The headers of a recorded vote. */
export const VOTING = /^(In favour|Against|Abstaining|Absent|Abstentions):$/;
/** `1.`, `11.`, `1.13.` and the text after it. */
export const NUMBERED = /^(\d{1,3}(?:\.\d{1,3})*)\.\s+(\S.*)$/;
/** `(a)`, `(iv)` and the text after it. */
export const SUB = /^\(([a-z]{1,2}|[ivx]{1,6})\)\s+(\S.*)$/;

/** Capitalised words that are not participles although they end in -ing. */
const NOT_PARTICIPLES = new Set(['During', 'Nothing', 'Something', 'Anything', 'Everything', 'Morning', 'Evening', 'Spring', 'King', 'Beijing', 'Wellington', 'Notwithstanding']);
/** Openings of preambular paragraphs that are not -ing participles. */
const PREAMBLE_OPENERS = new Set(
  'Also Further Aware Mindful Convinced Concerned Deeply Gravely Seriously Alarmed Conscious Determined Guided Desirous Cognizant Encouraged Pleased Satisfied Appreciative Noting Bearing Recognizing Reaffirming Welcoming Stressing Emphasizing Acknowledging Taking Having'.split(
    ' ',
  ),
);

/** The first words of a preambular paragraph: a participle ("Recalling") or an adjective ("Mindful"). */
export function startsPreambular(text: string): boolean {
  const word = /^(\p{Lu}\p{Ll}+)\b/u.exec(text)?.[1];
  if (!word) return false;
  if (PREAMBLE_OPENERS.has(word)) return true;
  return word.endsWith('ing') && !NOT_PARTICIPLES.has(word);
}

const OPERATIVE_ADVERBS = /^(?:(?:Also|Further|Again|Once again|Strongly|Hereby|Firmly|Urgently|Kindly|Reiterates and)\s+)?(\p{L}+)/u;

/** An operative paragraph starts with a verb in the present tense: "Decides", "Also decides", "Calls upon". */
export function startsOperative(text: string): boolean {
  const verb = OPERATIVE_ADVERBS.exec(text)?.[1];
  return verb !== undefined && verb.length > 2 && verb.endsWith('s') && !/^(?:Is|Has|Was|This|Thus|Its)$/.test(verb);
}

/** Footnote digits that may follow the last punctuation of a line ("November. 2", "General,1"). */
const TRAILING_REF = /(?:\s*\d{1,2})?$/;
const CLAUSE_END = new RegExp(`[.,;:][”’")\\]]*${TRAILING_REF.source}`);
const SENTENCE_END = new RegExp(`[.:!?][”’")\\]]*${TRAILING_REF.source}`);
/** "No." or "para." at a line end does not end a sentence. */
const OPEN_ABBREVIATION = /\b(?:No|Nos|p|pp|para|paras|chap|sect|vol|art|arts|e\.g|i\.e|cf|Mr|Ms|Mrs|Dr|St|Rev|Corr|Add)\.$/;

/** The line ends a clause: a paragraph may end here (preambular paragraphs end with a comma). */
export function endsClause(text: string): boolean {
  return CLAUSE_END.test(text) && !OPEN_ABBREVIATION.test(text);
}

/** The line ends a sentence, or introduces a list (":"). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text) && !OPEN_ABBREVIATION.test(text);
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** The value of a roman numeral (any case), or undefined. */
export function romanValue(s: string): number | undefined {
  const t = s.toLowerCase();
  if (!/^[ivxlc]+$/.test(t)) return undefined;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!]!;
    const next = ROMAN[t[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Roman numeral of a positive number (for `--resolution 2` meaning `II`). */
export function toRoman(n: number): string {
  const table: Array<[number, string]> = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
