/**
 * Property test over the built-in acquis: every precedent sentence, quoted whole as a draft
 * paragraph, is perturbed inside the quote (a word dropped, added, replaced or moved; a comma
 * dropped or added; a list item added, dropped or swapped; a middle phrase dropped; a negation
 * added; a modal verb changed). Each perturbation must be reported by precedent.deviation, and the
 * first fix of the finding must give back the precedent's text exactly.
 *
 * The seed is printed; set ACQUIS_PROPERTY_SEED to replay a run. At least 5,000 cases per run.
 *
 * Misses allowed: fewer than 0.5% of cases, and only of the classes explained in `EXPLAINED`
 * below. Any other miss fails the test with the case, so it can be replayed.
 */
import { describe, expect, it } from 'vitest';
import { readAcquisFolder, builtinAcquisDir } from '../../server/src/cli/node-host';
import { createEngine } from '../../server/src/engine/index';
import { applyEdits } from '../../server/src/engine/fixes';
import { RULES } from '../../server/src/engine/rules/registry';
import type { Precedent } from '../../server/src/engine/acquis/model';
import { readWords } from '../../server/src/engine/text/words';
import abbreviationData from '../../server/src/engine/data/abbreviations.json';

const ONLY_PRECEDENT = Object.fromEntries(
  RULES.map((r) => [r.id, r.id === 'precedent.deviation' || r.id === 'precedent.agreed' ? 'info' : 'off']),
);
const engine = createEngine(readAcquisFolder(builtinAcquisDir()), {
  builtin: true,
  acquis: [],
  failOn: 'warning',
  rules: ONLY_PRECEDENT as never,
});

const SEED = Number(process.env.ACQUIS_PROPERTY_SEED ?? Date.now() % 2 ** 31);
const TARGET = Number(process.env.ACQUIS_PROPERTY_CASES ?? 5200);

/** mulberry32: small, seedable, good enough to pick positions. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const tokens = (text: string): Token[] => [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index!, end: m.index! + m[0].length }));

const FILLERS = ['important', 'global', 'comprehensive', 'urgent', 'technical', 'regional', 'collective', 'practical', 'national', 'broader'];
const SUBSTITUTES = ['framework', 'dialogue', 'commitment', 'approach', 'mechanism', 'cooperation', 'progress', 'measures', 'assistance', 'efforts'];
const MODAL_SWAP: Record<string, string> = { should: 'must', must: 'should', may: 'shall', shall: 'may', can: 'could', could: 'can', will: 'would', would: 'will' };
const LIST_ITEMS = ['transparency', 'predictability', 'accountability', 'resilience', 'inclusiveness'];
/** Words whose change the grade table counts as meaning, not wording: never perturbation targets of "substitute". */
const FUNCTION = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'to', 'in', 'for', 'by', 'on', 'that', 'with', 'as', 'its', 'their', 'at', 'from']);

export type Kind =
  | 'drop word'
  | 'insert word'
  | 'substitute word'
  | 'reorder words'
  | 'drop comma'
  | 'add comma'
  | 'add list item'
  | 'drop list item'
  | 'swap list items'
  | 'drop middle phrase'
  | 'negate'
  | 'change modal';

const KINDS: Kind[] = [
  'drop word',
  'insert word',
  'substitute word',
  'reorder words',
  'drop comma',
  'add comma',
  'add list item',
  'drop list item',
  'swap list items',
  'drop middle phrase',
  'negate',
  'change modal',
];

interface Case {
  kind: Kind;
  precedent: Precedent;
  draft: string;
}

const splice = (s: string, start: number, end: number, text: string) => s.slice(0, start) + text + s.slice(end);

/** One perturbation of `text` of the given kind, away from the sentence's first and last two words. */
function perturb(text: string, kind: Kind, random: () => number): string | undefined {
  const t = tokens(text);
  if (t.length < 12) return undefined;
  const pick = <T,>(list: T[]): T | undefined => (list.length ? list[Math.floor(random() * list.length)] : undefined);
  const interior = t.slice(2, t.length - 2);
  const at = (i: number) => t.indexOf(interior[i]!);
  switch (kind) {
    case 'drop word': {
      const w = pick(interior.filter((x) => !FUNCTION.has(x.word.toLowerCase())));
      if (!w) return undefined;
      const i = t.indexOf(w);
      const gap = text.slice(t[i - 1]!.end, w.start);
      // Quotation marks and brackets stay: only the word and one space go.
      if (!/^[\s,]*$/.test(gap)) return splice(text, w.start, text[w.end] === ' ' ? w.end + 1 : w.end, '');
      return splice(text, t[i - 1]!.end, w.end, gap.includes(',') ? ',' : '');
    }
    case 'insert word': {
      const w = pick(interior)!;
      return splice(text, w.start, w.start, `${pick(FILLERS)} `);
    }
    case 'substitute word': {
      const w = pick(interior.filter((x) => !FUNCTION.has(x.word.toLowerCase()) && x.word.length > 3));
      if (!w) return undefined;
      const sub = pick(SUBSTITUTES.filter((s) => s !== w.word.toLowerCase()))!;
      return splice(text, w.start, w.end, sub);
    }
    case 'reorder words': {
      const i = at(Math.floor(random() * (interior.length - 1)));
      const a = t[i]!;
      const b = t[i + 1]!;
      if (a.word.toLowerCase() === b.word.toLowerCase() || text.slice(a.end, b.start) !== ' ') return undefined;
      return splice(text, a.start, b.end, `${b.word} ${a.word}`);
    }
    case 'drop comma': {
      const commas = [...text.matchAll(/, /g)].map((m) => m.index!).filter((i) => i > t[1]!.end && i < t[t.length - 2]!.start);
      const c = pick(commas);
      return c === undefined ? undefined : splice(text, c, c + 1, '');
    }
    case 'add comma': {
      const spaces = interior.slice(0, -1).map((w, k) => ({ w, next: interior[k + 1]! })).filter(({ w, next }) => text.slice(w.end, next.start) === ' ');
      const s = pick(spaces);
      return s ? splice(text, s.w.end, s.w.end, ',') : undefined;
    }
    case 'add list item':
    case 'drop list item':
    case 'swap list items': {
      // "A, B and C": items of one word each, the commonest list in resolutions.
      const lists = [...text.matchAll(/\b([\p{L}-]+), ([\p{L}-]+),? (and|or) ([\p{L}-]+)\b/gu)].filter(
        (m) => m.index! > t[1]!.end && m.index! + m[0].length < t[t.length - 2]!.start,
      );
      const m = pick(lists);
      if (!m) return undefined;
      const [all, a, b, conj, c] = m as unknown as string[];
      const comma = all!.includes(`${b},`) ? ',' : '';
      let out: string;
      if (kind === 'add list item') {
        const item = pick(LIST_ITEMS.filter((x) => !text.includes(x)))!;
        out = `${a}, ${b}, ${c}${comma} ${conj} ${item}`;
      } else if (kind === 'drop list item') out = `${a}${comma} ${conj} ${c}`;
      else out = `${b}, ${a}${comma} ${conj} ${c}`;
      if (out === all) return undefined;
      return splice(text, m.index!, m.index! + all!.length, out);
    }
    case 'drop middle phrase': {
      const len = 2 + Math.floor(random() * 3);
      const from = 3 + Math.floor(random() * Math.max(1, t.length - len - 6));
      if (from + len > t.length - 3) return undefined;
      const gap = text.slice(t[from - 1]!.end, t[from + len]!.start);
      if (/[;:.()“”"]/.test(gap)) return undefined;
      // Keep a comma that closed the dropped phrase only if one opened it ("law, X, is" -> "law is").
      const opens = text.slice(t[from - 1]!.end, t[from]!.start).includes(',');
      const closes = text.slice(t[from + len - 1]!.end, t[from + len]!.start).includes(',');
      return splice(text, t[from - 1]!.end, t[from + len]!.start, opens && !closes ? ', ' : closes && !opens ? ', ' : ' ');
    }
    case 'negate': {
      const modal = interior.find((w) => MODAL_SWAP[w.word.toLowerCase()]);
      if (!modal) return undefined;
      const next = t[t.indexOf(modal) + 1]!;
      if (next.word.toLowerCase() === 'not') return splice(text, modal.end, next.end, '');
      return splice(text, modal.end, modal.end, ' not');
    }
    case 'change modal': {
      const modal = pick(interior.filter((w) => MODAL_SWAP[w.word.toLowerCase()]));
      if (!modal) return undefined;
      return splice(text, modal.start, modal.end, MODAL_SWAP[modal.word.toLowerCase()]!);
    }
  }
}

function sentencesOf(): Precedent[] {
  return engine.acquis.precedents.filter((p) => tokens(p.text).length >= 12);
}

/** The draft paragraph for a quote: the precedent sentence as paragraph 1. */
const draftOf = (sentence: string) => `1. ${sentence}\n`;

type Outcome = 'ok' | 'not a departure' | 'not reported' | 'no fix' | 'inexact fix';

/** Where the draft differs from the precedent sentence, as offsets in the draft paragraph text. */
function changedRegion(c: Case): { start: number; end: number } {
  const a = c.precedent.text;
  const b = c.draft;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const offset = draftOf('').length - 1;
  return { start: offset + p, end: offset + b.length - s };
}

/** Defined terms written out, as the matcher folds them (ICTs = information and communications technologies). */
const EXPANSIONS: Array<{ re: RegExp; abbreviation: string }> = abbreviationData.entries.flatMap((e) =>
  e.expansions.map((x) => ({ re: new RegExp(`\\b${x.replace(/[-\s]+/g, '[-\\s]+')}\\b`, 'gi'), abbreviation: e.abbreviation })),
);
const foldTerms = (s: string) => EXPANSIONS.reduce((t, { re, abbreviation }) => t.replace(re, abbreviation), s);

/** The same words (keys): 73/27 PP8 "ICTs" and 73/266 PP5 "information and communications technologies". */
const sameWords = (x: string, y: string) => readWords(x).map((w) => w.key).join(' ') === readWords(y).map((w) => w.key).join(' ');

function run(c: Case): { outcome: Outcome; got?: string } {
  const text = draftOf(c.draft);
  const { findings, matches } = engine.lint('case.draft', text);
  const deviations = findings.filter((f) => f.ruleId === 'precedent.deviation');
  if (!deviations.length) {
    // A perturbation that makes the changed words verbatim in another precedent, over most of
    // the quote, is that precedent's language: not a departure, and not counted as a case. The
    // matcher's matches (each primary with its lineage) are in the paragraph's own text.
    const offset = draftOf('').length - 1;
    const region = changedRegion(c);
    const start = region.start - offset;
    const end = region.end - offset;
    const verbatim = matches
      .flatMap((u) => u.matches.flatMap((m) => [m, ...m.lineage]))
      .some(
        (m) =>
          m.kind === 'agreed' &&
          m.precedent.text !== c.precedent.text &&
          m.start <= start &&
          end <= m.end &&
          m.end - m.start >= 0.6 * c.draft.length,
      );
    return { outcome: verbatim ? 'not a departure' : 'not reported' };
  }
  let got: string | undefined;
  for (const f of deviations) {
    const fix = f.fixes[0];
    if (!fix) continue;
    got = applyEdits(text, fix.edits);
    if (got === draftOf(c.precedent.text)) return { outcome: 'ok' };
    // Exact but for a defined term written out where the precedent abbreviates it (73/27 PP17
    // writes "ICTs" where 73/266 PP12, the same sentence, writes the term out).
    if (foldTerms(got) === foldTerms(draftOf(c.precedent.text))) return { outcome: 'ok' };
    // Restored to a precedent with the same words (the sentence is repeated in another resolution).
    if (f.precedent && sameWords(f.precedent.text, c.precedent.text) && got === draftOf(f.precedent.text)) return { outcome: 'ok' };
  }
  return got === undefined ? { outcome: 'no fix' } : { outcome: 'inexact fix', got };
}

/**
 * Classes of miss that are known and accepted, with why. A miss is put in a class by looking at
 * the case itself, never by its index.
 */
export const EXPLAINED: Array<{ name: string; why: string; test: (c: Case, outcome: Outcome, got?: string) => boolean }> = [
  {
    name: 'inside a defined term written out',
    why:
      'The matcher reads a defined term written out ("information and communications technologies", ' +
      '"Group of Governmental Experts") as the one word it abbreviates, so that ICTs and the full form are ' +
      'the same. A perturbation inside the written-out term breaks it into four or five ordinary words ' +
      'against one; at the opening or closing words of a quote that is too much change to call the rest ' +
      'a quote. Real drafts change such terms as a whole (ICTs for the full form), which is not a departure.',
    test: (c, outcome) => {
      if (outcome !== 'not reported') return false;
      const region = changedRegion(c);
      const offset = draftOf('').length - 1;
      return EXPANSIONS.some(({ re }) =>
        [...c.precedent.text.matchAll(new RegExp(re.source, 'gi'))].some(
          (m) => m.index! <= region.end - offset && region.start - offset <= m.index! + m[0].length,
        ),
      );
    },
  },
  {
    name: "change in the precedent's own frame",
    why:
      'The change hits the reporting verb before "that" ("The Group reiterates that, given ..."): ' +
      'a drafter rewords that frame as a matter of course ("The Group stressed that"), so only what ' +
      'follows "that" is compared.',
    test: (c, outcome) => {
      if (outcome !== 'not reported') return false;
      // The change lies before the precedent's first "that", right after a reporting verb.
      const region = changedRegion(c);
      const offset = draftOf('').length - 1;
      const m = /\b(\w+) that\b/.exec(c.precedent.text);
      return !!m && /^(reiterates|believes|recommends|notes|concludes|recognizes|considers|affirms|reaffirms|stresses|underlines|emphasizes|confirming|noting|stressing|recognizing|affirming|reaffirming|underlining|emphasizing|recalling|expressing|welcoming|acknowledging)$/i.test(m[1]!) && region.start - offset <= m.index + m[1]!.length;
    },
  },
  {
    name: 'closer to another precedent',
    why:
      'The perturbation makes the draft closer to another precedent than to the one it came from ' +
      '(68/98 para. 29 without "the Group believes" is 70/174 para. 18; a stretch left verbatim in ' +
      'another resolution is that resolution\'s language): the finding names that precedent and its fix ' +
      'makes the quoted stretch read exactly as that precedent does, which is what a drafter would want.',
    test: (_c, outcome, got) => {
      if (outcome !== 'inexact fix' || !got) return false;
      return !engine.lint('case.draft', got).findings.some((f) => f.ruleId === 'precedent.deviation');
    },
  },
];

describe('perturbations inside quotes of the built-in acquis', () => {
  it(`are reported and fixed exactly (seed ${SEED})`, () => {
    // eslint-disable-next-line no-console
    console.log(`perturbation property test: seed ${SEED} (replay with ACQUIS_PROPERTY_SEED=${SEED})`);
    const random = rng(SEED);
    const sentences = sentencesOf();
    const cases: Case[] = [];
    // The unperturbed quotes first: each must give no departure (and is not counted).
    const exactFailures: string[] = [];
    for (const p of sentences) {
      const { findings } = engine.lint('case.draft', draftOf(p.text));
      if (findings.some((f) => f.ruleId === 'precedent.deviation')) exactFailures.push(`${p.document.symbol} ${p.pinpoint}: ${p.text}`);
    }
    expect(exactFailures).toEqual([]);
    let guard = 0;
    while (cases.length < TARGET && guard++ < TARGET * 20) {
      const precedent = sentences[Math.floor(random() * sentences.length)]!;
      const kind = KINDS[Math.floor(random() * KINDS.length)]!;
      const draft = perturb(precedent.text, kind, random);
      if (draft === undefined || draft === precedent.text) continue;
      cases.push({ kind, precedent, draft });
    }
    expect(cases.length).toBeGreaterThanOrEqual(5000);
    const byKind = new Map<Kind, { total: number; missed: number }>();
    const explained = new Map<string, number>();
    const unexplained: string[] = [];
    let missed = 0;
    let notDepartures = 0;
    for (const c of cases) {
      const { outcome, got } = run(c);
      if (outcome === 'not a departure') {
        notDepartures++;
        continue;
      }
      const entry = byKind.get(c.kind) ?? { total: 0, missed: 0 };
      entry.total++;
      byKind.set(c.kind, entry);
      if (outcome === 'ok') continue;
      missed++;
      entry.missed++;
      const cls = EXPLAINED.find((e) => e.test(c, outcome, got));
      if (cls) explained.set(cls.name, (explained.get(cls.name) ?? 0) + 1);
      else
        unexplained.push(
          `${outcome} [${c.kind}] ${c.precedent.document.symbol} ${c.precedent.pinpoint}\n  draft: ${c.draft}${got ? `\n  fixed: ${got.slice(3).trim()}` : ''}`,
        );
    }
    const counted = cases.length - notDepartures;
    const rate = (missed / counted) * 100;
    const lines = [...byKind].map(([k, v]) => `  ${k}: ${v.total - v.missed}/${v.total}`);
    // eslint-disable-next-line no-console
    console.log(
      `perturbation property test: ${cases.length} cases, ${notDepartures} verbatim in another precedent (not departures), ` +
        `${counted} counted, ${counted - missed} reported and fixed exactly, ` +
        `${missed} missed (${rate.toFixed(2)}%): ${[...explained].map(([k, v]) => `${k} ${v}`).join(', ') || 'none explained'}` +
        `, ${unexplained.length} unexplained\n${lines.join('\n')}`,
    );
    expect(unexplained.slice(0, 15)).toEqual([]);
    expect(rate).toBeLessThan(0.5);
  }, 120_000);
});
