/**
 * `mandate.coverage`: a report on the OEWG/GGE mandate covers its six items (existing and
 * potential threats, international law, norms, confidence-building measures, capacity-building,
 * regular institutional dialogue), and in balance.
 *
 * Coverage is decided from section headings first, then from paragraph text: a section whose
 * heading names an item covers it and gives it every word of its paragraphs; a paragraph under no
 * such heading (an introduction, the conclusions) covers an item it is about (the item it names
 * most, or one of at most two it names), and shares its words among the items its keywords name,
 * in proportion to the mentions. A mention in passing (a list of the six items, a remark in
 * another item's section) covers nothing. An item with no heading and no paragraph about it is
 * missing; an item whose share of the words given to the six items is under `minShare` times the
 * average share (a sixth) is unbalanced. The items, their words and their sources are data:
 * `data/mandate-items.json`.
 *
 * Which documents: drafts and reports of the OEWG or a GGE (front matter `kind: report` or
 * `kind: draft`, and `body` naming the OEWG or a GGE), because the six items are their mandate
 * (resolution 73/27, para. 5); a resolution or another body's report has another mandate.
 * Excerpts (`excerpt: true`) are skipped: the paragraphs left out may cover any item. The option
 * `always: true` checks every document.
 */
import type { DraftDocument, Section, Span } from '../../../../grammar/src/index.js';
import type { Unit } from '../acquis/units.js';
import data from '../data/mandate-items.json';
import type { DraftFile } from '../draft.js';
import { onForgetTexts } from '../text/text-caches.js';
import { readWordList, readWords, wordListOf } from '../text/words.js';
import { KeyFilter } from './key-filter.js';
import { PhraseTrie } from './phrase-trie.js';
import type { Rule } from './rule.js';
import { allSections, booleanOption, isExcerpt, numberOption, reportAs } from './structure-common.js';

export interface MandateItem {
  id: string;
  name: string;
  /** The words of the mandate (resolution 73/27, para. 5). */
  mandate: string;
  headings: string[];
  keywords: string[];
}

export const MANDATE_ITEMS: MandateItem[] = data.items;

export interface ItemCoverage {
  item: MandateItem;
  /** `heading`: a section heading names it; `text`: only paragraphs mention it; `none`: missing. */
  coveredBy: 'heading' | 'text' | 'none';
  /** The sections whose headings name it. */
  sections: Section[];
  /** Words of the paragraphs given to it (fractional when a paragraph is shared). */
  words: number;
  /** Its part of the words given to the six items (0 to 1). */
  share: number;
  /** Paragraphs (`2`, `16 (a)`) that mention it in passing: in a list of items, or in another item's section. */
  passing: string[];
}

export interface MandateCoverage {
  items: ItemCoverage[];
  /** Words given to the six items. */
  itemWords: number;
  /** Every word of the document's paragraphs. */
  totalWords: number;
}

/** Keys of a phrase, as the words of a text are compared. */
const keysOf = (phrase: string): string[] => readWords(phrase).map((w) => w.key);

interface CompiledItem {
  item: MandateItem;
  headings: string[][];
  keywords: string[][];
}

let compiled: CompiledItem[] | undefined;

/** The items with their phrases' keys, read on first use: most lints are not of a report and never ask. */
function compiledItems(): CompiledItem[] {
  return (compiled ??= MANDATE_ITEMS.map((item) => ({
    item,
    headings: dedupe(item.headings.map(keysOf)),
    keywords: dedupe(item.keywords.map(keysOf)),
  })));
}

function dedupe(phrases: string[][]): string[][] {
  const seen = new Set<string>();
  return phrases.filter((p) => p.length && !seen.has(p.join(' ')) && !!seen.add(p.join(' ')));
}

/** Which item a phrase names (a phrase two items share names both). */
interface ItemPhrase {
  item: number;
}

/** The phrases of every item in one trie (phrase-trie.ts): a text is read once for all six items. */
function itemTrie(pick: (c: CompiledItem) => string[][]): PhraseTrie<ItemPhrase> {
  const trie = new PhraseTrie<ItemPhrase>();
  compiledItems().forEach((c, item) => {
    for (const phrase of pick(c)) trie.add(phrase, { item });
  });
  return trie;
}

let keywordTrie: PhraseTrie<ItemPhrase> | undefined;
let headingTrie: PhraseTrie<ItemPhrase> | undefined;

/** The first keys of each trie (key-filter.ts), made once. */
const filters = new WeakMap<PhraseTrie<ItemPhrase>, Uint8Array>();
function slotsOf(trie: PhraseTrie<ItemPhrase>, heads: ReadonlyMap<string, unknown>): Uint8Array {
  let slots = filters.get(trie);
  if (!slots) filters.set(trie, (slots = new KeyFilter(heads.keys()).slots));
  return slots;
}

/**
 * How many times each item's phrases occur in the words (compared by key). For each item on its
 * own, the longest of its phrases starting at a word counts, and the words it covers are not
 * counted again for that item. A plain walk of the trie: this runs over every word of a report.
 */
function mentions(words: readonly { key: string }[], trie: PhraseTrie<ItemPhrase>): number[] {
  const items = compiledItems().length;
  const count = new Array<number>(items).fill(0);
  const heads = trie.heads();
  if (!heads) return count;
  let nextFree: number[] | undefined;
  let longest: number[] | undefined;
  const slots = slotsOf(trie, heads);
  for (let i = 0; i < words.length; i++) {
    const key = words[i]!.key;
    // KeyFilter.slot, inline: the key's length and first character rule out most words.
    const n = key.length;
    const c = n ? key.charCodeAt(0) : 0;
    if (slots[((n < 31 ? n : 31) << 7) | (c < 127 ? c : 127)] === 0) continue;
    let node = heads.get(key);
    if (!node) continue;
    let matched = false;
    for (let k = i; node; ) {
      if (node.values) {
        // Shorter phrases are visited first: the last length seen for an item is its longest.
        longest ??= new Array<number>(items).fill(0);
        for (const v of node.values) longest[v.item] = k - i + 1;
        matched = true;
      }
      if (++k >= words.length) break;
      node = PhraseTrie.next(node, words[k]!.key);
    }
    if (!matched) continue;
    nextFree ??= new Array<number>(items).fill(0);
    for (let item = 0; item < items; item++) {
      const length = longest![item]!;
      if (!length) continue;
      longest![item] = 0;
      if (i < nextFree[item]!) continue;
      count[item]!++;
      nextFree[item] = i + length;
    }
  }
  return count;
}

/**
 * Whether a paragraph outside the items' sections is about the item: the item is mentioned and
 * either mentioned more than any other, or the paragraph names no more than two items. A
 * paragraph that lists the six items of the mandate is about none of them.
 */
function isAbout(hits: number[], i: number): boolean {
  const h = hits[i]!;
  if (!h) return false;
  let named = 0;
  let top = 0;
  let atTop = 0;
  for (const x of hits) {
    if (x > 0) named++;
    if (x > top) {
      top = x;
      atTop = 1;
    } else if (x === top) atTop++;
  }
  return named <= 2 || (h === top && atTop === 1);
}

/** Mentions of each item in a paragraph's text, remembered by text (re-linted on every keystroke). */
let hitsByText = new Map<string, number[]>();
onForgetTexts(() => {
  hitsByText = new Map();
});
function itemHits(text: string, read: readonly { key: string }[]): number[] {
  let hits = hitsByText.get(text);
  if (!hits) {
    hits = mentions(read, (keywordTrie ??= itemTrie((c) => c.keywords)));
    if (hitsByText.size >= 4_000) hitsByText = new Map();
    hitsByText.set(text, hits);
  }
  return hits;
}

/** The items a heading title names, by title: drafts of a run share their few headings (read-only lists). */
const itemsByTitle = new Map<string, number[]>();

function itemsOfTitle(title: string): number[] {
  let hit = itemsByTitle.get(title);
  if (!hit) {
    const named = mentions(readWordList(title).foldings, (headingTrie ??= itemTrie((c) => c.headings)));
    hit = compiledItems().flatMap((c, i) => (named[i] ? [i] : []));
    if (itemsByTitle.size >= 4_000) itemsByTitle.clear();
    itemsByTitle.set(title, hit);
  }
  return hit;
}

/**
 * How a document covers the six items of the mandate. Shared with the report. With `withPassing`
 * false, the items' `passing` lists are left empty, and a paragraph under an item's heading is not
 * read for mentions at all (they only say which items it names in passing): the rule asks for
 * them only when an item is missing, the one finding that quotes them.
 */
export function measureCoverage(document: DraftDocument, units: Unit[], withPassing = true): MandateCoverage {
  const sections = allSections(document.children);
  const itemsOfSection = new Map<Section, number[]>();
  for (const s of sections) {
    const hit = itemsOfTitle(s.heading.title);
    if (hit.length) itemsOfSection.set(s, hit);
  }
  const itemSections = sections.filter((s) => itemsOfSection.has(s));
  const words = compiledItems().map(() => 0);
  const about = compiledItems().map(() => false);
  const passing = compiledItems().map((): string[] => []);
  let totalWords = 0;
  for (const unit of units) {
    const read = wordListOf(unit.view.text).foldings;
    if (!read.length) continue;
    totalWords += read.length;
    // The innermost section about an item takes the paragraph, words and all.
    const at = unit.paragraph.span.start;
    let owner: Section | undefined;
    for (const s of itemSections) if (at >= s.span.start && at < s.span.end) owner = s;
    const where = unit.pinpoint ?? 'an unnumbered paragraph';
    if (owner) {
      const items = itemsOfSection.get(owner)!;
      for (const i of items) words[i]! += read.length / items.length;
      if (!withPassing) continue;
      itemHits(unit.view.text, read).forEach((h, i) => {
        if (h && !items.includes(i) && !passing[i]!.includes(where)) passing[i]!.push(where);
      });
      continue;
    }
    const hits = itemHits(unit.view.text, read);
    // Elsewhere (an introduction, the conclusions) a paragraph's words go to the items it names.
    const all = hits.reduce((a, b) => a + b, 0);
    if (all) hits.forEach((h, i) => (words[i]! += (read.length * h) / all));
    hits.forEach((h, i) => {
      if (isAbout(hits, i)) about[i] = true;
      else if (h && withPassing && !passing[i]!.includes(where)) passing[i]!.push(where);
    });
  }
  const itemWords = words.reduce((a, b) => a + b, 0);
  const items = compiledItems().map((c, i): ItemCoverage => {
    const own = sections.filter((s) => itemsOfSection.get(s)?.includes(i));
    return {
      item: c.item,
      coveredBy: own.length ? 'heading' : about[i] ? 'text' : 'none',
      sections: own,
      words: words[i]!,
      share: itemWords ? words[i]! / itemWords : 0,
      passing: passing[i]!,
    };
  });
  return { items, itemWords, totalWords };
}

/** Whether the rule looks at this document at all (see the module comment). */
export function isMandateReport(draft: DraftFile): boolean {
  const fields = draft.document.frontMatter?.fields ?? {};
  const kind = (fields.kind ?? '').trim().toLowerCase();
  const body = fields.body ?? '';
  return (
    (kind === 'report' || kind === 'draft') &&
    /\b(?:OEWG|GGE)s?\b|open-ended working group|group of governmental experts/i.test(body)
  );
}

/** Where a finding about the whole document goes: the title in the front matter, or the first heading. */
function documentSpan(draft: DraftFile): Span {
  const fm = draft.document.frontMatter;
  const entry = fm?.entries.find((e) => e.key === 'title') ?? fm?.entries[0];
  if (entry) return entry.span;
  if (fm) return fm.span;
  const first = allSections(draft.document.children)[0];
  if (first) return first.heading.span;
  const end = draft.text.search(/[\r\n]|$/);
  return { start: 0, end };
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** `paragraph 2`, `paragraphs 2 and 10`, `paragraphs 2, 10 and 15`. */
function listOf(places: string[]): string {
  const numbered = places.filter((p) => /^\d/.test(p));
  const named = numbered.length === 1 ? `paragraph ${numbered[0]}` : numbered.length ? `paragraphs ${numbered.slice(0, -1).join(', ')} and ${numbered[numbered.length - 1]}` : '';
  const others = places.filter((p) => !/^\d/.test(p));
  return [named, ...others].filter(Boolean).join(' and ');
}

export const mandateCoverage: Rule = {
  id: 'mandate.coverage',
  defaultSeverity: 'warning',
  summary: 'A report must cover the six items of the mandate, in balance.',
  docs:
    'The mandate of the OEWG (resolution 73/27, para. 5) has six items: existing and potential threats, ' +
    'international law, rules, norms and principles of responsible State behaviour, confidence-building ' +
    'measures, capacity-building and regular institutional dialogue. Leaving one out is a political act, and ' +
    'delegations ask for them to be "mentioned in a balanced manner". The rule flags an item that no section ' +
    'heading names and no paragraph is about (a list of the six items mentions each in passing only; warning, on the front matter), and an item whose share of the ' +
    "words given to the six items is under `minShare` (default 0.25) times the average share (information, on the item's heading). " +
    'It looks at reports and drafts of the OEWG or a GGE (front matter `kind: report` or `draft`, `body: OEWG` or `GGE`) ' +
    'that are not excerpts; `always: true` checks every document.',
  fixable: false,
  check(ctx) {
    const draft = ctx.draft;
    const always = booleanOption(ctx.options, 'always', false);
    if (!always && (!isMandateReport(draft) || isExcerpt(draft.document))) return;
    const minShare = Math.max(0, numberOption(ctx.options, 'minShare', 0.25));
    // Mentions in passing only say more about a missing item: read only when one is missing.
    let coverage = measureCoverage(draft.document, draft.units, false);
    if (coverage.items.some((c) => c.coveredBy === 'none')) coverage = measureCoverage(draft.document, draft.units);
    const at = documentSpan(draft);
    for (const c of coverage.items) {
      if (c.coveredBy !== 'none') continue;
      reportAs(ctx, 'warning', 'warning', 'missing', {
        message:
          `The report does not cover "${c.item.name}", an item of the mandate (resolution 73/27, para. 5: "${c.item.mandate}"): ` +
          `no section heading names it and no paragraph is about it${c.passing.length ? ` (it is mentioned in passing in ${listOf(c.passing)})` : ''}.`,
        span: at,
        data: { item: c.item.id },
      });
    }
    // Balance means nothing in an excerpt (checked only with `always: true`): its shares are the transcriber's.
    if (!coverage.itemWords || isExcerpt(draft.document)) return;
    const average = 1 / compiledItems().length;
    for (const c of coverage.items) {
      if (c.coveredBy === 'none' || c.share >= minShare * average) continue;
      reportAs(ctx, 'warning', 'info', 'unbalanced', {
        message:
          `"${c.item.name}" has ${percent(c.share)} of the words given to the six items of the mandate ` +
          `(${Math.round(c.words)} of ${Math.round(coverage.itemWords)}), under ${minShare} of the average share (${percent(average)}): ` +
          'the items should be covered in a balanced manner.',
        span: c.sections[0]?.heading.span ?? at,
        data: { item: c.item.id, share: c.share, words: c.words, itemWords: coverage.itemWords },
      });
    }
  },
};
