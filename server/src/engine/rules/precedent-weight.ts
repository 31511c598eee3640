/**
 * The weight of a precedent, said honestly: "agreed language" only for text adopted by consensus,
 * "language adopted by vote" with its tally otherwise; how distinctive a stretch is (rare words
 * weigh, stock phrases do not); and what an adopted text says it restates, checked against what
 * the acquis holds.
 */
import { frontMatterFields } from '../../../../grammar/src/index.js';
import type { Acquis } from '../acquis/acquis.js';
import { normaliseSymbol } from '../acquis/acquis.js';
import type { AdoptedDocument, DeclaredLineage, Precedent } from '../acquis/model.js';
import { paragraphFrequencies } from '../acquis/paragraph-frequencies.js';
import type { PrecedentMatch } from '../match/matcher.js';
import type { PrecedentRef } from './rule.js';

/** `A/RES/73/27, para. 5` or `A/70/174, PP3` (as `cite` in precedent-common). */
function pin(symbol: string, paragraph: string): string {
  return /^PP/.test(paragraph) ? `${symbol}, ${paragraph}` : `${symbol}, para. ${paragraph}`;
}

/** What the precedent is, in the product's words (DESIGN.md, section 6). */
export interface LanguageSource {
  symbol: string;
  paragraph: string;
  adoption: AdoptedDocument['adoption'];
  adoptedBy?: string;
  year?: number;
}

function sourceOf(p: Precedent | PrecedentRef): LanguageSource {
  if ('document' in p) {
    const d = p.document;
    const s: LanguageSource = { symbol: d.symbol, paragraph: p.pinpoint, adoption: d.adoption };
    if (d.adoptedBy) s.adoptedBy = d.adoptedBy;
    if (d.year) s.year = d.year;
    return s;
  }
  const s: LanguageSource = { symbol: p.symbol, paragraph: p.paragraph, adoption: p.adoption };
  if (p.adoptedBy) s.adoptedBy = p.adoptedBy;
  if (p.year) s.year = p.year;
  return s;
}

/**
 * `agreed language of A/70/174, para. 18 (consensus, 2015)` or
 * `language adopted by vote (A/RES/73/27, para. 5; 109-45-16, First Committee, 2018)`.
 */
export function languageOf(p: Precedent | PrecedentRef, extra = ''): string {
  const s = sourceOf(p);
  const where = pin(s.symbol, s.paragraph);
  if (s.adoption.kind === 'consensus') return `agreed language of ${where} (${['consensus', s.year].filter(Boolean).join(', ')}${extra})`;
  const a = s.adoption;
  const how = [`${a.inFavour}-${a.against}-${a.abstaining}`, s.adoptedBy, s.year].filter(Boolean).join(', ');
  return `language adopted by vote (${where}; ${how}${extra})`;
}

/** True when the match and every other precedent for its stretch were adopted by vote. */
export function votedOnly(match: PrecedentMatch): boolean {
  if (match.precedent.document.adoption.kind === 'consensus') return false;
  for (const m of match.lineage) if (m.precedent.document.adoption.kind === 'consensus') return false;
  return true;
}

// --- Rarity -------------------------------------------------------------------------------------

const idfByAcquis = new WeakMap<Acquis, Float64Array>();

/**
 * Paragraph frequencies of words counted outside the acquis object: a working acquis that holds
 * only part of the acquis (the candidates retrieved from a shared store) is weighed by the
 * frequencies of the whole. `df` takes a word key (`Word.key`).
 */
export interface WordFrequencies {
  paragraphs: number;
  df(key: string): number;
}

const frequencySources = new WeakMap<Acquis, WordFrequencies>();

/** Weigh `acquis`'s words by `source` rather than by its own paragraphs (set before the first lint). */
export function useWordFrequencies(acquis: Acquis, source: WordFrequencies): void {
  frequencySources.set(acquis, source);
  idfByAcquis.delete(acquis);
}

/**
 * Inverse document frequency of every vocabulary word over the acquis's paragraphs (a paragraph
 * is a document's pinpoint: all its sentences together): ln(N / paragraphs with the word).
 */
export function inverseFrequencies(acquis: Acquis): Float64Array {
  const cached = idfByAcquis.get(acquis);
  if (cached) return cached;
  const size = acquis.index.vocabulary.size;
  const source = frequencySources.get(acquis);
  if (source) {
    const idf = new Float64Array(size);
    const n = Math.max(1, source.paragraphs);
    for (const [key, id] of acquis.index.vocabulary) if (id < size) idf[id] = Math.log(n / Math.max(1, source.df(key)));
    idfByAcquis.set(acquis, idf);
    return idf;
  }
  const { paragraphs, df } = paragraphFrequencies(acquis);
  const n = Math.max(1, paragraphs);
  const idf = new Float64Array(size);
  for (let i = 0; i < size; i++) idf[i] = Math.log(n / Math.max(1, df[i]!));
  idfByAcquis.set(acquis, idf);
  return idf;
}

/** How distinctive the words of a matched stretch are: the sum of their rarity, each word once. */
export function distinctiveness(acquis: Acquis, match: PrecedentMatch): number {
  const idf = inverseFrequencies(acquis);
  const seen = new Set<number>();
  let sum = 0;
  for (const w of match.precedentWords) {
    const id = acquis.index.vocabulary.get(w.key);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    sum += idf[id] ?? 0;
  }
  return sum;
}

// --- Declared lineage ---------------------------------------------------------------------------

/** What a precedent says it restates: its paragraph's lineage, else its document's. */
export function declaredLineage(p: Precedent): DeclaredLineage | undefined {
  const d = p.document;
  const own = d.lineage?.[p.pinpoint];
  if (own) return own;
  return d.restates?.length ? { symbols: d.restates } : undefined;
}

/** A declared source as the acquis holds it: missing, an excerpt, or whole. */
export interface CheckedSource {
  symbol: string;
  state: 'missing' | 'excerpt' | 'present';
  adoption?: AdoptedDocument['adoption'];
}

const MAY_HOLD_EXCERPT = /excerpt/i;
const excerpts = new WeakMap<AdoptedDocument, boolean>();

/** Whether an acquis document is an excerpt (`excerpt: true` in its front matter), read once per document. */
function isExcerptDocument(doc: AdoptedDocument): boolean {
  let excerpt = excerpts.get(doc);
  if (excerpt === undefined) {
    // The front matter alone: the document's tree is built on demand, and this is all it is needed for here.
    // A text without the word at all has no `excerpt` key (keys are ASCII, read lower-cased), and is not parsed.
    excerpt = MAY_HOLD_EXCERPT.test(doc.text) && /^(?:true|yes)$/i.test(frontMatterFields(doc.text)?.['excerpt'] ?? '');
    excerpts.set(doc, excerpt);
  }
  return excerpt;
}

export function checkSources(acquis: Acquis, symbols: string[]): CheckedSource[] {
  return symbols.map((symbol) => {
    const doc = acquis.bySymbol.get(normaliseSymbol(symbol));
    if (!doc) return { symbol, state: 'missing' };
    return { symbol, state: isExcerptDocument(doc) ? 'excerpt' : 'present', adoption: doc.adoption };
  });
}

/** `A`, `A and B`, `A, B and C`. */
export function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * What the acquis shows about a voted precedent's declared lineage, in one or two sentences; empty
 * when the precedent declares none. The declaration's note says who says so (the text itself, or
 * the source the acquis's curator relied on).
 */
export function lineageReport(acquis: Acquis, p: Precedent): string {
  const declared = declaredLineage(p);
  if (!declared) return '';
  const where = pin(p.document.symbol, p.pinpoint);
  const symbols = listWords(declared.symbols);
  const checked = checkSources(acquis, declared.symbols);
  const missing = checked.filter((c) => c.state === 'missing').map((c) => c.symbol);
  const excerpts = checked.filter((c) => c.state === 'excerpt').map((c) => c.symbol);
  const whole = checked.filter((c) => c.state === 'present').map((c) => c.symbol);
  const parts = [declared.note ? `Declared lineage: ${symbols}; ${declared.note.replace(/\.$/, '')}.` : `${where} declares that it restates ${symbols}.`];
  const plural = (list: string[], one: string, many: string): string => (list.length > 1 ? many : one);
  if (missing.length) parts.push(`${listWords(missing)} ${plural(missing, 'is', 'are')} not in your acquis: add ${plural(missing, 'it', 'them')} to check.`);
  if (excerpts.length) parts.push(`Your acquis has ${listWords(excerpts)} only in excerpt, without this wording: add ${plural(excerpts, 'its', 'their')} full text to check.`);
  if (whole.length) parts.push(`${listWords(whole)} ${plural(whole, 'is', 'are')} in your acquis in full, without this wording.`);
  return parts.join(' ');
}
