/**
 * `attribution.consensus`: a sentence whose subject claims the whole body ("The OEWG", "All States",
 * "States agreed") while it carries a term without consensus or a view that was not shared.
 */
import data from '../data/lexicons/attribution-consensus.json';
import type { Word } from '../text/words.js';
import { phraseWords } from './lexicon-memo.js';
import {
  citeSource,
  compileLexicon,
  excludedEntries,
  fillMessage,
  matchUnit,
  textUnits,
  type Lexicon,
  type LexiconData,
  type LexiconSource,
  type TextUnit,
} from './lexicon.js';
import type { Fix, Rule } from './rule.js';
import { termContestedLexicon } from './term-contested.js';
import { lowerBoundOf, startingIn } from '../text/ranges.js';
import { isSeparatorGap } from './word-keys.js';

interface SubjectData {
  id: string;
  phrases: string[];
  /** `any` verb, `none` (the phrase says it all: "It was agreed"), or the verbs that make the claim. */
  verbs: 'any' | 'none' | string[];
  /** "as the view of the whole Group". */
  claim: string;
  /**
   * How the subject can be attributed mechanically: `replace` a singular subject ("The OEWG", only
   * when the verb does not agree in number: past tense, modal), `replace-plural` a plural one ("All
   * States", always), `prefix` it with "Some" ("States agreed"), or not at all.
   */
  rewrite: 'replace' | 'replace-plural' | 'prefix' | 'none';
}

interface AttributionData {
  message: string;
  source: LexiconSource;
  alternatives: string[];
  subjects: SubjectData[];
  adverbs: string[];
  verbs: string[];
  pastTense: string[];
  modals: string[];
}

interface Subject {
  data: SubjectData;
  phrases: string[][];
  verbs?: string[][];
}

interface Attribution {
  views: Lexicon;
  config: AttributionData;
  subjects: Subject[];
  adverbs: Set<string>;
  verbs: Set<string>;
  past: Set<string>;
  modals: Set<string>;
}

/** A subject that claims the whole body, in view offsets. */
interface Claim {
  subject: Subject;
  start: number;
  end: number;
  /** The subject opens the sentence. */
  initial: boolean;
  /** Replacing or prefixing the subject keeps the sentence grammatical. */
  mechanical: boolean;
  /** The subject opens a clause coordinated with the one before (", and the OEWG"; "; the OEWG"), not a main clause after an introductory one. */
  coordinated: boolean;
}

let compiled: Attribution | undefined;

/** The subjects and the views not shared (data/lexicons/attribution-consensus.json), compiled once. */
export function attributionData(): Attribution {
  if (compiled) return compiled;
  const lexiconData = data as unknown as LexiconData & { attribution: AttributionData };
  const config = lexiconData.attribution;
  const forms = (phrase: string): string[] => phraseWords(phrase, 'form');
  compiled = {
    views: compileLexicon(lexiconData),
    config,
    subjects: config.subjects.map((s) => {
      const subject: Subject = { data: s, phrases: s.phrases.map(forms).sort((a, b) => b.length - a.length) };
      if (Array.isArray(s.verbs)) subject.verbs = s.verbs.map(forms).sort((a, b) => b.length - a.length);
      return subject;
    }),
    adverbs: new Set(config.adverbs.flatMap(forms)),
    verbs: new Set(config.verbs.flatMap(forms)),
    past: new Set(config.pastTense.flatMap(forms)),
    modals: new Set(config.modals.flatMap(forms)),
  };
  return compiled;
}

/** The phrase's forms at word `at`, within words before `to`, with only spaces or hyphens between them. */
function phraseAt(words: readonly Word[], at: number, to: number, phrase: string[], text: string): boolean {
  if (at + phrase.length > to) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (words[at + k]!.form !== phrase[k]) return false;
    if (k > 0 && !isSeparatorGap(text, words[at + k - 1]!.end, words[at + k]!.start)) return false;
  }
  return true;
}

const firstFormsOf = new WeakMap<Attribution, Set<string> | null>();
/** First words of the subject phrases; null (no filter) if a phrase is empty and matches anywhere. */
function firstForms(a: Attribution): Set<string> | null {
  let set = firstFormsOf.get(a);
  if (set === undefined) {
    const phrases = a.subjects.flatMap((s) => s.phrases);
    set = phrases.every((p) => p.length > 0) ? new Set(phrases.map((p) => p[0]!)) : null;
    firstFormsOf.set(a, set);
  }
  return set;
}

/** The subjects of the sentence (the unit's words `from` to `to`) that claim the whole body, in order. */
function findClaims(a: Attribution, unit: TextUnit, words: readonly Word[], from: number, to: number): Claim[] {
  const text = unit.view.text;
  const claims: Claim[] = [];
  const firsts = firstForms(a);
  for (let i = from; i < to; i++) {
    const initial = i === from;
    // A claim starts with the first word of a subject phrase: most words are ruled out by that.
    if (firsts && !firsts.has(words[i]!.form)) continue;
    if (!initial && !opensClause(text, words, from, i)) continue;
    const claim = claimAt(a, unit, words, i, to, initial);
    if (claim) {
      const previous = initial ? '' : words[i - 1]!.form;
      claim.coordinated = !initial && (hasSemicolon(text, words[i - 1]!.end, words[i]!.start) || previous === 'and' || previous === 'but');
      claims.push(claim);
    }
  }
  return claims;
}

function claimAt(a: Attribution, unit: TextUnit, words: readonly Word[], i: number, to: number, initial: boolean): Claim | undefined {
  const text = unit.view.text;
  for (const subject of a.subjects) {
    for (const phrase of subject.phrases) {
      if (!phraseAt(words, i, to, phrase, text)) continue;
      let j = i + phrase.length;
      while (j < to && a.adverbs.has(words[j]!.form)) j++;
      const next = j < to ? words[j] : undefined;
      let mechanical = subject.data.rewrite !== 'none';
      const verbs = subject.data.verbs;
      if (verbs === 'any') {
        if (!next) continue;
        const past = (/ed$/.test(next.form) && next.form.length > 3) || a.past.has(next.form) || a.modals.has(next.form);
        if (!past && !a.verbs.has(next.form)) continue;
        if (subject.data.rewrite === 'replace' && !past) mechanical = false;
      } else if (verbs !== 'none' && !subject.verbs!.some((v) => phraseAt(words, j, to, v, text))) {
        continue;
      }
      const start = words[i]!.start;
      const end = words[i + phrase.length - 1]!.end;
      const span = { start: unit.view.toSourceStart(start), end: unit.view.toSourceEnd(end) };
      // A subject inside a quotation belongs to the quoted text.
      if (unit.zones.some((z) => z.kind === 'quotation' && span.start < z.span.end && z.span.start < span.end)) continue;
      return { subject, start, end, initial, mechanical, coordinated: false };
    }
  }
  return undefined;
}

/**
 * After a comma or semicolon (", and" too): the subject of a main clause after an introductory one.
 * Word `i` is past the sentence's first word `from`.
 */
function opensClause(text: string, words: readonly Word[], from: number, i: number): boolean {
  const prev = words[i - 1]!;
  if (endsWithClauseMark(text, prev.end, words[i]!.start)) return true;
  return (
    i - from > 1 &&
    (prev.form === 'and' || prev.form === 'but') &&
    endsWithClauseMark(text, words[i - 2]!.end, prev.start) &&
    isBlank(text, prev.end, words[i]!.start)
  );
}

/** `/[,;]\s*$/` on the text from `from` to `to`, without a slice. */
function endsWithClauseMark(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && isSpace(text.charCodeAt(k))) k--;
  if (k < from) return false;
  const c = text.charCodeAt(k);
  return c === 44 || c === 59;
}

/** `/^\s+$/` on the text from `from` to `to`. */
function isBlank(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

function hasSemicolon(text: string, from: number, to: number): boolean {
  const at = text.indexOf(';', from);
  return at >= 0 && at < to;
}

/** The characters of `\s` in JavaScript regular expressions. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function claimFixes(a: Attribution, unit: TextUnit, claim: Claim): Fix[] {
  if (!claim.mechanical || !unit.view.isContiguous(claim.start, claim.end)) return [];
  const subjectText = unit.view.text.slice(claim.start, claim.end);
  const start = unit.view.toSourceStart(claim.start);
  const end = unit.view.toSourceEnd(claim.end);
  return a.config.alternatives.map((alternative) => {
    let text = claim.subject.data.rewrite === 'prefix' ? `${alternative.split(' ')[0]!} ${subjectText}` : alternative;
    // A sentence keeps its initial capital (a sub-paragraph may open in lower case).
    const capital = claim.initial && /^\p{Lu}/u.test(subjectText);
    text = (capital ? text[0]!.toUpperCase() : text[0]!.toLowerCase()) + text.slice(1);
    return { title: `Attribute the view: "${text}"`, edits: [{ start, end, text }], safe: false };
  });
}

export const attributionConsensus: Rule = {
  id: 'attribution.consensus',
  defaultSeverity: 'warning',
  summary: 'A sentence claims the whole body ("The OEWG", "All States") for a view without consensus.',
  docs:
    '"The OEWG" as a subject claims that the Member States reached a common recognition (Japan\'s comments ' +
    'on the OEWG initial pre-draft, general comments). Flags a sentence whose subject is "The OEWG", "The ' +
    'Group", "All States", "States agreed", "Member States agreed" or "It was agreed" when it also carries ' +
    'a term without consensus (the term.contested lexicon) or a view that the seeds show was not shared ' +
    '(a legally binding instrument, adapting international law, a new OEWG or GGE, an International Law ' +
    'Commission study, a facilitation mechanism, monitoring implementation, the multi-stakeholder approach). ' +
    'The fixes attribute the view to "Some States" or "Many States" where that rewrite is mechanical (a verb ' +
    'in the past tense or after a modal); they are never automatic. "States expressed the view" is how ' +
    'reports attribute views and is not flagged. Data: data/lexicons/attribution-consensus.json ' +
    '(docs/rules/attribution.consensus.md).',
  fixable: false,
  check(ctx) {
    const a = attributionData();
    const excluded = excludedEntries(ctx.options);
    const only = { only: (e: { id: string }) => !excluded.has(e.id) };
    const contested = termContestedLexicon();
    for (const unit of textUnits(ctx.draft)) {
      if (unit.kind !== 'paragraph') continue;
      // A claim is reported only with a term or view after it in its sentence: the terms first
      // (the lexicon pass has them already), then only the sentences that hold one are read.
      const termHits = matchUnit(contested, unit, only);
      const viewHits = matchUnit(a.views, unit, only);
      if (!termHits.length && !viewHits.length) continue;
      const hits = termHits.concat(viewHits).sort((x, y) => x.start - y.start);
      const list = unit.wordList();
      // A paragraph without the first word of any subject phrase needs no sentences.
      const firsts = firstForms(a);
      if (firsts && !list.foldings.some((w) => firsts.has(w.form))) continue;
      for (const sentence of unit.sentences()) {
        const inSentence = startingIn(hits, sentence.start, sentence.end);
        if (!inSentence.length) continue;
        // The sentence's words: those lying wholly inside it (as text/ranges.ts `within` reads them).
        const from = lowerBoundOf(list.starts, sentence.start);
        const to = lowerBoundOf(list.ends, sentence.end + 1);
        if (to <= from) continue;
        const claims = findClaims(a, unit, unit.words(), from, to);
        if (!claims.length) continue;
        claims.forEach((claim, k) => {
          // Each term belongs to the clause of the nearest subject before it; the first subject also
          // takes what an introductory clause holds ("In light of X, the OEWG ...").
          const from = k === 0 && !claim.coordinated ? sentence.start : claim.start;
          const to = claims[k + 1]?.start ?? sentence.end;
          const own = inSentence.filter((h) => h.start >= from && h.start < to);
          const first = own[0];
          if (!first) return;
          const entry = first.entry.data;
          const subject = unit.view.text.slice(claim.start, claim.end);
          ctx.report({
            message: fillMessage(a.config.message, {
              subject: subject.replace(/\s+/g, ' '),
              claim: claim.subject.data.claim,
              match: first.text,
              objection: entry.objection ?? `${entry.source.who ?? 'delegations'} objected`,
              source: citeSource(entry.source),
              subjectSource: citeSource(a.config.source),
            }),
            span: { start: unit.view.toSourceStart(claim.start), end: unit.view.toSourceEnd(claim.end) },
            fixes: claimFixes(a, unit, claim),
            data: {
              subject: claim.subject.data.id,
              terms: own.map((h) => ({ entry: h.entry.id, matched: h.text, source: h.entry.data.source })),
              source: a.config.source,
            },
          });
        });
      }
    }
  },
};
