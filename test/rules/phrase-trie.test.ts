/**
 * The one-pass lexicon matcher: the word-key trie (phrase-trie.ts), the pass over joined lexicons
 * (lexicon-pass.ts) and its shortcuts. The pass must find exactly what matching each entry on its
 * own finds (a plain reference matcher below, with every expression run without its literal
 * prefilter), in the same order, on the samples, bench drafts and traps for folding and word
 * boundaries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../bench/draft-gen';
import { readDraft } from '../../server/src/engine/index';
import { attributionData } from '../../server/src/engine/rules/attribution-consensus';
import { joinBuiltinLexicons } from '../../server/src/engine/rules/builtin-lexicons';
import { compileLexicon, matchDraft, textUnits, type Lexicon, type LexiconData, type TextUnit } from '../../server/src/engine/rules/lexicon';
import { LexiconPass, type RawMatch } from '../../server/src/engine/rules/lexicon-pass';
import { normsObligationLexicon } from '../../server/src/engine/rules/norms-obligation';
import { PhraseTrie } from '../../server/src/engine/rules/phrase-trie';
import { styleCapitalsLexicon } from '../../server/src/engine/rules/style-capitals';
import { styleSpellingLexicon } from '../../server/src/engine/rules/style-spelling';
import { termContestedLexicon } from '../../server/src/engine/rules/term-contested';
import { termUnclearLexicon } from '../../server/src/engine/rules/term-unclear';
import { isSeparatorGap, surfaceKey } from '../../server/src/engine/rules/word-keys';
import { mulberry32 as random } from '../grammar/helpers';
import { readWords } from '../../server/src/engine/text/words';

/** Every match of a trie at every word: `[at, length, values]`. */
function allMatches<V>(trie: PhraseTrie<V>, keys: string[], joined?: (k: number) => boolean): Array<[number, number, V[]]> {
  const out: Array<[number, number, V[]]> = [];
  for (let i = 0; i < keys.length; i++) trie.matchAt(keys, i, (values, length) => out.push([i, length, [...values]]), joined);
  return out;
}

describe('PhraseTrie', () => {
  it('finds overlapping phrases and phrases that are prefixes of others, shortest first', () => {
    const trie = new PhraseTrie<string>();
    trie.add(['critical', 'infrastructure'], 'ci');
    trie.add(['critical', 'infrastructure', 'protection'], 'cip');
    trie.add(['infrastructure', 'protection'], 'ip');
    trie.add(['critical'], 'c');
    const keys = 'the critical infrastructure protection plan'.split(' ');
    expect(allMatches(trie, keys)).toEqual([
      [1, 1, ['c']],
      [1, 2, ['ci']],
      [1, 3, ['cip']],
      [2, 2, ['ip']],
    ]);
    expect(trie.maxLength).toBe(3);
    expect(trie.size).toBe(4);
  });

  it('keeps every value of a phrase added twice, in order', () => {
    const trie = new PhraseTrie<number>();
    trie.add(['norms'], 1);
    trie.add(['norms'], 2);
    expect(allMatches(trie, ['norms'])).toEqual([[0, 1, [1, 2]]]);
  });

  it('compares whole keys only, and stops at the end of the words', () => {
    const trie = new PhraseTrie<string>();
    trie.add(['state', 'behaviour'], 'sb');
    expect(allMatches(trie, ['statement', 'behaviour'])).toEqual([]);
    expect(allMatches(trie, ['responsible', 'state'])).toEqual([]);
    expect(trie.starts('state')).toBe(true);
    expect(trie.starts('stat')).toBe(false);
  });

  it('continues a phrase only over gaps that `joined` allows', () => {
    const trie = new PhraseTrie<string>();
    trie.add(['public', 'core'], 'pc');
    const keys = ['public', 'core', 'public', 'core'];
    // Word 3 may not continue from word 2 (say a comma between them).
    expect(allMatches(trie, keys, (k) => k !== 3)).toEqual([[0, 2, ['pc']]]);
  });

  it('refuses an empty phrase', () => {
    expect(() => new PhraseTrie<string>().add([], 'x')).toThrow();
  });
});

describe('word keys without slices', () => {
  const texts = [
    ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readFileSync(`samples/${f}`, 'utf8')),
    generateDraft().draft,
    'Organisation’s ORGANISED recognise information and communications technologies ICTs Straße ſtates İstanbul \u212Aelvin',
  ];

  it('surfaceKey is the word lower-cased with straight apostrophes', () => {
    let words = 0;
    for (const text of texts) {
      for (const w of readWords(text)) {
        expect(surfaceKey(w, text)).toBe(text.slice(w.start, w.end).toLowerCase().replace(/’/g, "'"));
        words++;
      }
    }
    expect(words).toBeGreaterThan(10_000);
  });

  it('isSeparatorGap is /^[\\s\\-‐‑]*$/ on the slice', () => {
    const text = 'a b-c\u00a0d\u2009e ‐ f‑g,h;i\te\u200bj k';
    for (let from = 0; from < text.length; from++) {
      for (let to = from; to <= text.length; to++) expect(isSeparatorGap(text, from, to), JSON.stringify(text.slice(from, to))).toBe(/^[\s\-‐‑]*$/.test(text.slice(from, to)));
    }
  });
});

/** The plain matcher: every entry on its own, every pattern at every word, every expression unfiltered. */
function referenceRaw(lexicon: Lexicon, unit: TextUnit): RawMatch[] {
  if ((unit.kind === 'heading' && !lexicon.headings) || (unit.kind === 'footnote' && !lexicon.footnotes)) return [];
  const text = unit.view.text;
  const words = unit.words();
  const raw: RawMatch[] = [];
  for (const [mode, patterns] of lexicon.patterns) {
    const keys = unit.keys(mode);
    for (let i = 0; i < words.length; i++) {
      const here = patterns
        .filter((p) => p.words.every((w, k) => keys[i + k] === w && (k === 0 || /^[\s\-‐‑]*$/.test(text.slice(words[i + k - 1]!.end, words[i + k]!.start)))))
        .sort((a, b) => b.words.length - a.words.length || a.seq - b.seq);
      for (const p of here) raw.push({ entry: p.entry, hit: { start: words[i]!.start, end: words[i + p.words.length - 1]!.end } });
    }
  }
  for (const entry of lexicon.entries) {
    for (const re of entry.regexes) {
      for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
        if (!m[0].length) continue;
        const [start, end] = m.indices!.groups?.['hit'] ?? m.indices![0]!;
        raw.push({ entry, hit: { start, end } });
      }
    }
    if (entry.finder) for (const hit of entry.finder(unit, entry)) raw.push({ entry, hit });
  }
  return raw;
}

/** Every lexicon example (matches, does-not-match, fix inputs), one numbered paragraph each. */
/** Expect the pass's raw hits in each unit to be the plain matcher's, lexicon by lexicon; returns how many there were. */
function expectReferenceHits(pass: LexiconPass, lexicons: Lexicon[], units: TextUnit[]): number {
  let hits = 0;
  for (const unit of units) {
    const raw = pass.match(unit);
    lexicons.forEach((lexicon, i) => {
      const expected = referenceRaw(lexicon, unit);
      hits += expected.length;
      expect(raw[i]!.map((r) => [r.entry.id, r.hit]), `${lexicon.rule} in "${unit.view.text.slice(0, 80)}"`).toEqual(expected.map((r) => [r.entry.id, r.hit]));
    });
  }
  return hits;
}

function lexiconExamples(): string {
  const dir = 'server/src/engine/data/lexicons';
  const lines: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'lexicon.schema.json')) {
    const data = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { entries: Array<{ tests?: { matches?: string[]; doesNotMatch?: string[]; fixes?: Array<[string, string]> } }> };
    for (const { tests = {} } of data.entries) {
      for (const example of [...(tests.matches ?? []), ...(tests.doesNotMatch ?? []), ...(tests.fixes ?? []).map((f) => f[0])]) lines.push(`${lines.length / 2 + 1}. ${example}`, '');
    }
  }
  return lines.join('\n');
}

const BUILTIN = (): Lexicon[] => [termContestedLexicon(), termUnclearLexicon(), attributionData().views, normsObligationLexicon(), styleSpellingLexicon(), styleCapitalsLexicon()];

describe('LexiconPass', () => {
  const drafts = [
    ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readDraft(f, readFileSync(`samples/${f}`, 'utf8'))),
    readDraft('bench.draft', generateDraft().draft),
    readDraft('examples.draft', lexiconExamples()),
    readDraft('other.draft', generateDraft(3_000, 1007).draft),
    readDraft(
      'traps.draft',
      [
        '# Cybersecurity and MEMBER STATES',
        '',
        '1. Member states and member States, ICT’s role, the ICTS, non-state actors; state behaviour and State sovereignty.',
        '',
        '2. States must fully implement the norms. The norms are legally binding, and international law is voluntary.',
        '',
        '3. The militarisation of the digital space, the militarization of cyberspace, the public core of the Internet, the PUBLIC CORE of the internet.',
        '',
        '4. Behavior, behaviour, centre, center, programme, program, organise, organisation’s, ORGANISED, recogniſe, advise.',
        '',
        '5. Public, core; public-core; the critical infrastructure, critical infrastructures and supranational critical information infrastructure.',
        '',
        '6. Statement behaviours, stately, membership states, bound by the norms, obligations under the norms, obliged to comply with the norms.[^1]',
        '',
        '7. ICT’s role 😀 for member states: the normſ must be observed, \u212Aeeping international law is voluntary.',
        '',
        '[^1]: Member states, as the footnote says, and cybersecurity.',
        '',
      ].join('\n'),
    ),
  ];

  it('gives each joined lexicon exactly the raw hits of the plain matcher, in its order, whichever way it looks up literals', () => {
    const lexicons = BUILTIN();
    // Literals looked up one by one (a short run), by the automata from the first unit, and both in one run.
    for (const unitsBeforeAutomata of [Infinity, 0, 40]) {
      const pass = new LexiconPass(lexicons, { unitsBeforeAutomata });
      let hits = 0;
      for (const draft of drafts) hits += expectReferenceHits(pass, lexicons, textUnits(draft));
      expect(hits).toBeGreaterThan(150);
    }
  });

  it('finds the same hits joined as alone', () => {
    const alone = (l: Lexicon): Lexicon => ({ ...l, pass: undefined });
    joinBuiltinLexicons();
    for (const lexicon of BUILTIN()) {
      expect(lexicon.pass?.lexicons.length).toBe(6);
      for (const draft of drafts) {
        const joined = matchDraft(lexicon, draft).map((h) => [h.entry.id, h.span, h.text, h.replacements]);
        const own = matchDraft(alone(lexicon), readDraft(draft.uri, draft.text)).map((h) => [h.entry.id, h.span, h.text, h.replacements]);
        expect(joined).toEqual(own);
      }
    }
  });

  it('folds case and spelling as each match mode says, with word boundaries', () => {
    const data: LexiconData = {
      rule: 'test.lexicon',
      defaults: { match: 'key' },
      entries: [
        { id: 'ci', patterns: ['critical infrastructure(s)'], message: '{match}', source: { document: 'X' }, tests: {} },
        { id: 'cii', patterns: ['critical information infrastructure'], message: '{match}', source: { document: 'X' }, tests: {} },
        { id: 'crit', patterns: ['critical'], message: '{match}', source: { document: 'X' }, tests: {} },
        { id: 'behavior', patterns: ['behavior'], match: 'surface', message: '{match}', source: { document: 'X' }, tests: {} },
        { id: 'organise', patterns: ['organise'], match: 'form', message: '{match}', source: { document: 'X' }, tests: {} },
        { id: 'ICT', patterns: ['ICT'], match: 'exact', message: '{match}', source: { document: 'X' }, tests: {} },
      ],
    };
    const lexicon = compileLexicon(data);
    const found = (text: string): string[] => matchDraft(lexicon, readDraft('t.draft', `1. ${text}\n`)).map((h) => `${h.entry.id}:${h.text}`);
    // Overlapping entries and an entry that is a prefix of others: each entry reports its own hit.
    expect(found('Critical Information Infrastructure and CRITICAL infrastructures.')).toEqual([
      'cii:Critical Information Infrastructure',
      'crit:Critical',
      'ci:CRITICAL infrastructures',
      'crit:CRITICAL',
    ]);
    // Hyphens and spaces join the words of a pattern; a comma or a full stop does not.
    expect(found('critical-infrastructure; critical, infrastructure; critical. Infrastructure')).toEqual([
      'ci:critical-infrastructure',
      'crit:critical',
      'crit:critical',
      'crit:critical',
    ]);
    // Word boundaries: no match inside a longer word.
    expect(found('noncritical infrastructureless behaviors organiser ICTs')).toEqual([]);
    // `key` folds US/UK spelling and -ise/-ize; `surface` folds case only; `form` folds -ise/-ize but
    // not US spelling; `exact` folds nothing.
    expect(found('Behavior BEHAVIOUR')).toEqual(['behavior:Behavior']);
    expect(found('Organize organise ORGANISE')).toEqual(['organise:Organize', 'organise:organise', 'organise:ORGANISE']);
    expect(found('ICT ict Ict')).toEqual(['ICT:ICT']);
  });

  it('runs a finder that declares its literals only on the units that hold one, with the same hits', () => {
    let calls = 0;
    const finder = Object.assign(
      (unit: TextUnit): Array<{ start: number; end: number }> => {
        calls++;
        return [...unit.view.text.matchAll(/marker/gi)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
      },
      { literals: { anyOf: ['marker'], ignoreCase: true } },
    );
    const data: LexiconData = {
      rule: 'test.finder',
      entries: [{ id: 'marker', finder: 'marker', message: '{match}', source: { document: 'X' }, tests: {} }],
    };
    const text = ['1. No such word here.', '', '2. A MARKER and a marker.', '', '3. Nothing again.', '', '4. Marker.', ''].join('\n');
    for (const unitsBeforeAutomata of [Infinity, 0]) {
      const lexicon = compileLexicon(data, { marker: finder });
      lexicon.pass = new LexiconPass([lexicon], { unitsBeforeAutomata });
      calls = 0;
      const hits = matchDraft(lexicon, readDraft('t.draft', text)).map((h) => h.text);
      expect(hits).toEqual(['MARKER', 'marker', 'Marker']);
      expect(calls).toBe(2);
    }
  });
});

/**
 * Seeded random paragraphs made of the lexicons' own words and literals, in every case, with US and
 * UK spellings, -ise and -ize, apostrophes, hyphens, digits and letters past ASCII that fold to
 * ASCII (Kelvin sign, long s, dotted I), and words that stand for abbreviations: words that start
 * patterns, words that share a length and first letter with one (key-filter.ts lets them through
 * to the look-up), units whose only literal is of a later set, and literals in most combinations
 * of steps.
 */
function randomParagraphs(seed: number, count: number): string {
  const next = random(seed);
  const pieces = [
    ...'the of and to States states state State Member member norms norm must obligations obligation bound by under are voluntary'.split(' '),
    ...'international law International Law Commission ILC existing new global adapt adapting public core Internet internet’s'.split(' '),
    ...'legally binding non-binding nonbinding multi-stakeholder multistakeholder approach facilitation mechanism monitoring implementation'.split(' '),
    ...'behavior behaviour Behavior BEHAVIOUR center centre program programme dialog organise organize organisation’s ORGANISED recognise'.split(' '),
    ...'advise exercise raise security Security cyber Cyber cybersecurity Cyber-security ICTs ICT’s ICT\'s icts Icts ICTS use of sovereignty actor actors'.split(' '),
    ...'non-state Non-state Some some many All these several expressed agreed should were information OEWG GGE endeavor gray toward'.split(' '),
    ...'nationals expressed chair could civil exercises examine eXisting existinG n3w 2021 behaviour’s ſtates \u212Aeeping İnternational États'.split(' '),
    ...'Open-Ended Working Group open-ended working group information and communications communication technologies technology environment'.split(' '),
    ...'CBMs cbms confidence-building measures GGE Group of Governmental Experts İCTs ICT environment'.split(' '),
  ];
  const separators = [' ', ' ', ' ', ' ', '-', ', ', '. ', '; ', ' (', ') ', ' “', '” ', '\u00a0', ' - '];
  const paragraphs: string[] = [];
  for (let p = 0; p < count; p++) {
    const words = 1 + Math.floor(next() * 40);
    let text = '';
    for (let w = 0; w < words; w++) {
      text += pieces[Math.floor(next() * pieces.length)]!;
      if (w < words - 1) text += separators[Math.floor(next() * separators.length)]!;
    }
    paragraphs.push(`${p + 1}. ${text}.`, '');
  }
  return paragraphs.join('\n');
}

describe('LexiconPass on seeded random paragraphs', () => {
  /** Word patterns of words that stand for abbreviations, compared by `surface` (their text) and by `key`. */
  const abbreviations = compileLexicon({
    rule: 'test.abbreviations',
    defaults: { match: 'surface' },
    entries: [
      { id: 'icts', patterns: ['ICTs', 'ICT environment'], message: '{match}', source: { document: 'X' }, tests: {} },
      { id: 'oewg', patterns: ['open-ended working group', 'OEWG'], message: '{match}', source: { document: 'X' }, tests: {} },
      { id: 'ict-env', patterns: ['information and communications technology environment'], message: '{match}', source: { document: 'X' }, tests: {} },
      { id: 'cbms', patterns: ['confidence-building measures'], match: 'key', message: '{match}', source: { document: 'X' }, tests: {} },
      { id: 'gge', patterns: ['Group of Governmental Experts'], message: '{match}', source: { document: 'X' }, tests: {} },
    ],
  });

  it('gives exactly the raw hits of the plain matcher, whichever way it looks up literals', () => {
    const lexicons = [...BUILTIN(), abbreviations];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const draft = readDraft(`random-${seed}.draft`, randomParagraphs(seed, 120));
      for (const unitsBeforeAutomata of [Infinity, 0]) {
        const pass = new LexiconPass(lexicons, { unitsBeforeAutomata });
        expect(expectReferenceHits(pass, lexicons, textUnits(draft))).toBeGreaterThan(100);
      }
    }
  });
});
