/**
 * Checks the built-in acquis (server/acquis/*.draft) word for word against the source documents
 * it was transcribed from (the seeds in ../shared/seeds beside the checkout, see their README.md).
 *
 * The reader below is deliberately self-contained (it does not import the grammar): it only needs
 * to find paragraphs, labels, footnotes and front matter, so that a bug in the parser cannot hide
 * a transcription error and a transcription error cannot hide behind the parser.
 *
 * Each seed is PDF-extracted text. It is normalised (lines joined, whitespace collapsed, page noise
 * dropped) and then repaired with an explicit list of artefact repairs, each narrow enough to hit
 * only the intended spot and each checked to hit exactly the expected number of times. Every
 * transcribed paragraph must then be a substring of its document's region of the repaired seed, in
 * order; for the complete resolutions, nothing but the printed paragraph numbers may lie between
 * consecutive paragraphs, so a dropped or misplaced paragraph fails too.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ACQUIS_DIR = join(ROOT, 'server', 'acquis');
/** The seeds live outside the repository; ACQUIS_SEEDS overrides the default location. */
const SEEDS_DIR = process.env['ACQUIS_SEEDS'] ?? resolve(ROOT, '..', 'shared', 'seeds');

// ---------------------------------------------------------------------------------------------
// A small reader for the `.draft` markup (docs/markup.md), just enough for this test.
// ---------------------------------------------------------------------------------------------

interface Paragraph {
  /** `18`, `18 (i)`, `PP3`, `OP1.5`, `OP4 (a)`, or `(unnumbered)`. */
  label: string;
  /** The words: label stripped, footnote references dropped, lines joined with single spaces. */
  text: string;
  /** 1-based line of the file where the paragraph starts. */
  line: number;
  /** The footnote references (`1` for `[^1]`) in the paragraph, in order. */
  refs: string[];
  /** Like `text`, but with the footnote references kept. */
  withRefs: string;
}

interface DraftFile {
  front: Map<string, string>;
  frontText: string;
  paragraphs: Paragraph[];
  footnotes: Map<string, string>;
  /** Body lines (after the front matter), with their 1-based line numbers. */
  body: { line: number; text: string }[];
}

const NUMBERED = /^((?:PP|OP)?\d+(?:\.\d+)*(?:bis|ter|quater|alt\d*)?)\.\s+(.*)$/;
const SUB = /^\(([a-z]+|[A-Z]|\d+)\)\s+(.*)$/;
const FOOTNOTE_DEF = /^\[\^([^\]\s]+)\]:\s*(.*)$/;
const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;

function readDraft(source: string): DraftFile {
  const lines = source.split(/\r?\n/);
  const front = new Map<string, string>();
  let start = 0;
  let frontText = '';
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (close < 0) throw new Error('unclosed front matter');
    frontText = lines.slice(1, close).join('\n');
    for (const l of lines.slice(1, close)) {
      const m = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(l);
      if (!m) continue;
      let value = m[2]!;
      if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
      front.set(m[1]!.toLowerCase(), value);
    }
    start = close + 1;
  }

  const paragraphs: Paragraph[] = [];
  const footnotes = new Map<string, string>();
  const body: { line: number; text: string }[] = [];
  let current: { label: string; line: number; parts: string[] } | undefined;
  let mainLabel = '(unnumbered)';
  const close = () => {
    if (!current) return;
    const raw = current.parts.join(' ');
    const refs = [...raw.matchAll(FOOTNOTE_REF)].map((m) => m[1]!);
    const text = raw.replace(FOOTNOTE_REF, '').replace(/\s+/g, ' ').trim();
    const withRefs = raw.replace(/\s+/g, ' ').trim();
    paragraphs.push({ label: current.label, text, line: current.line, refs, withRefs });
    current = undefined;
  };

  for (let i = start; i < lines.length; i++) {
    const lineNo = i + 1;
    const t = lines[i]!.trim();
    body.push({ line: lineNo, text: lines[i]! });
    if (t === '') {
      close();
      continue;
    }
    if (t.startsWith('//')) continue; // a note to drafters, not text
    const def = FOOTNOTE_DEF.exec(t);
    if (def) {
      close();
      footnotes.set(def[1]!, def[2]!.trim());
      continue;
    }
    if (/^#{1,6}\s/.test(t)) {
      close();
      mainLabel = '(unnumbered)';
      continue;
    }
    const num = NUMBERED.exec(t);
    if (num) {
      close();
      mainLabel = num[1]!;
      current = { label: mainLabel, line: lineNo, parts: [num[2]!] };
      continue;
    }
    const sub = SUB.exec(t);
    if (sub) {
      close();
      current = { label: `${mainLabel} (${sub[1]!})`, line: lineNo, parts: [sub[2]!] };
      continue;
    }
    if (current) current.parts.push(t);
    else {
      mainLabel = '(unnumbered)';
      current = { label: mainLabel, line: lineNo, parts: [t] };
    }
  }
  close();
  return { front, frontText, paragraphs, footnotes, body };
}

// ---------------------------------------------------------------------------------------------
// Seed normalisation and artefact repairs.
// ---------------------------------------------------------------------------------------------

interface Repair {
  /** The damaged string as it stands in the normalised seed (neighbouring words included). */
  from: string;
  /** The repaired string. */
  to: string;
  /** How many times it must hit; 1 unless said otherwise. */
  count?: number;
  /** What was wrong. */
  why: string;
  /**
   * For a repair that drops footnote digits: how the transcription writes the same spot, with its
   * `[^n]` references; it must occur exactly once among the files transcribed from this seed.
   */
  draft?: string;
}

interface SeedSpec {
  file: string;
  /** Whole lines of page noise, dropped before the lines are joined. */
  noiseLines: RegExp[];
  /** Markdown emphasis to drop (seed 002 only). */
  dropEmphasis: boolean;
  repairs: Repair[];
}

const SEEDS: Record<string, SeedSpec> = {
  // Background paper on "regular institutional dialogue" (the GGE quotations). It is clean text
  // apart from the Markdown emphasis the quotations carry (`*...*` around each quoted paragraph,
  // `**...**` on the words the paper stresses); no word inside the quoted paragraphs is damaged.
  '002': {
    file: '002_499d35d52cd8c6ce.txt',
    noiseLines: [],
    // Every `*` is emphasis except the one in the symbol "A/68/98*" (footnotes 2 and 5), which
    // follows a digit and is kept; no emphasis mark in this seed follows a digit.
    dropEmphasis: true,
    repairs: [],
  },
  // A/73/505, report of the First Committee, with draft resolutions I (73/27) and II (73/266).
  '004': {
    file: '004_6c968ad1fcba2b60.txt',
    // The PDF's hyperlink targets, listed after each page's text.
    noiseLines: [/^\s*https?:\/\/\S+\s*$/],
    dropEmphasis: false,
    repairs: [
      // Footnote blocks (separator and notes) that the page breaks put inside a paragraph.
      {
        from: '__________________ 1 A/65/201, A/68/98 and A/70/174. 2 A/70/174. 3 A/68/98. ',
        to: '',
        why: 'footnotes 1-3 of draft resolution I, between "Information and" and "Telecommunications" in OP1',
      },
      {
        from:
          '__________________ 4 See Official Records of the General Assembly, Sixty-seventh Session, ' +
          'Supplement No. 53 and corrigendum (A/67/53 and A/67/53/Corr.1), chap. IV, sect. A. ' +
          '5 Ibid., Sixty-ninth Session, Supplement No. 53 (A/69/53), chap. V, sect. A. ',
        to: '',
        why: 'footnotes 4-5 of draft resolution I, between OP1.8 and OP1.9',
      },
      {
        from: '__________________ 1 A/65/201. 2 A/68/98. 3 A/70/174. ',
        to: '',
        why: 'footnotes 1-3 of draft resolution II, inside PP12 ("the United" / "Nations")',
      },
      // Footnote reference digits glued to (or spaced after) the word they follow.
      {
        from: 'by the Secretary- General,1 Welcoming also',
        to: 'by the Secretary-General, Welcoming also',
        why: 'DR I PP15: line-end break after the real hyphen of "Secretary-General", and footnote 1',
        draft: 'by the Secretary-General,[^1]',
      },
      {
        from: 'in its 2015 report,2 identified',
        to: 'in its 2015 report, identified',
        why: 'DR I PP16: footnote 2',
        draft: 'in its 2015 report,[^2] identified',
      },
      {
        from: 'in its 20133 and 20152 reports',
        to: 'in its 2013 and 2015 reports',
        why: 'DR I PP17: footnotes 3 and 2',
        draft: 'in its 2013[^3] and 2015[^2] reports',
      },
      {
        from: 'International Security of 2013 3 and 20152 adopted',
        to: 'International Security of 2013 and 2015 adopted',
        why: 'DR I OP1: footnotes 3 and 2',
        draft: 'International Security of 2013[^3] and 2015[^2] adopted',
      },
      {
        from: 'of 5 July 20124 and 26/13',
        to: 'of 5 July 2012 and 26/13',
        why: 'DR I OP1.5: footnote 4',
        draft: 'of 5 July 2012[^4] and 26/13',
      },
      {
        from: 'of 26 June 20145 on the promotion',
        to: 'of 26 June 2014 on the promotion',
        why: 'DR I OP1.5: footnote 5',
        draft: 'of 26 June 2014[^5] on the promotion',
      },
      {
        from: 'International Security,1 to continue to inform',
        to: 'International Security, to continue to inform',
        why: 'DR I OP4: footnote 1',
        draft: 'International Security,[^1] to continue to inform',
      },
      {
        from: 'and the 2010, 1 2013 2 and 2015 3 reports transmitted',
        to: 'and the 2010, 2013 and 2015 reports transmitted',
        why: 'DR II PP10: footnotes 1, 2 and 3',
        draft: 'and the 2010,[^1] 2013[^2] and 2015[^3] reports transmitted',
      },
      {
        from: 'by the 2010,1 20132 and 20153 reports of the Group',
        to: 'by the 2010, 2013 and 2015 reports of the Group',
        why: 'DR II OP1 (a): footnotes 1, 2 and 3',
        draft: 'by the 2010,[^1] 2013[^2] and 2015[^3] reports of the Group',
      },
      // Words broken by stray spaces.
      {
        from: 'on the application o f international law',
        to: 'on the application of international law',
        why: 'DR I PP11: "o f"',
      },
      {
        from: 'to further devel op the rules',
        to: 'to further develop the rules',
        why: 'DR I OP5: "devel op"',
      },
      {
        from: 'agree on the organizat ional arrangements',
        to: 'agree on the organizational arrangements',
        why: 'DR I OP6: "organizat ional"',
      },
      {
        from: 'the protection of critical information infrastructures , and other',
        to: 'the protection of critical information infrastructures, and other',
        why: 'DR I OP1.7: stray space before the comma',
      },
      {
        from: 'the threats emerging i n this field',
        to: 'the threats emerging in this field',
        why: 'DR II OP1 (b): "i n"',
      },
      {
        from: 'principles of responsible behaviour of States, confidence -building measures',
        to: 'principles of responsible behaviour of States, confidence-building measures',
        why: 'DR II OP3: "confidence -building"',
      },
    ],
  },
};

interface NormalisedSeed {
  /** Lines joined, whitespace collapsed, noise and emphasis dropped; before any repair. */
  plain: string;
  /** `plain` with every repair applied. */
  repaired: string;
  /** How often each repair's `from` occurred (checked against `count`). */
  hits: number[];
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function normaliseSeed(raw: string, spec: SeedSpec): NormalisedSeed {
  const lines = raw.split(/\r?\n/).filter((l) => !spec.noiseLines.some((re) => re.test(l)));
  let plain = collapse(lines.join(' '));
  if (spec.dropEmphasis) plain = collapse(plain.replace(/(?<![0-9])\*+/g, ''));
  let repaired = plain;
  const hits: number[] = [];
  for (const r of spec.repairs) {
    hits.push(repaired.split(r.from).length - 1);
    repaired = repaired.split(r.from).join(r.to);
  }
  return { plain, repaired, hits };
}

// ---------------------------------------------------------------------------------------------
// What each file must contain.
// ---------------------------------------------------------------------------------------------

interface FileSpec {
  seed: keyof typeof SEEDS;
  /** The document's region of the repaired seed: from `start` (included) to `end` (excluded). */
  start: string;
  end: string | null;
  /** Every paragraph is transcribed: only printed numbers may lie between paragraphs. */
  complete: boolean;
  symbol: string;
  adoption: string;
  labels: string[];
}

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const FILES: Record<string, FileSpec> = {
  'A-65-201.draft': {
    seed: '002',
    start: 'Paragraph 18(i) of the 2010 report',
    end: 'In 2013, the GGE recognized',
    complete: false,
    symbol: 'A/65/201',
    adoption: 'consensus',
    labels: ['18', '18 (i)'],
  },
  'A-68-98.draft': {
    seed: '002',
    start: 'In 2013, the GGE recognized',
    end: 'In 2015, the GGE repeated',
    complete: false,
    symbol: 'A/68/98',
    adoption: 'consensus',
    labels: ['13', '29'],
  },
  'A-70-174.draft': {
    seed: '002',
    start: 'In 2015, the GGE repeated',
    end: 'Characteristics of regular institutional dialogue',
    complete: false,
    symbol: 'A/70/174',
    adoption: 'consensus',
    labels: ['18', '33', '35'],
  },
  'A-RES-73-27.draft': {
    seed: '004',
    start: 'The General Assembly, Recalling its resolutions 36/103',
    end: 'Draft resolution II Advancing responsible State behaviour',
    complete: true,
    symbol: 'A/RES/73/27',
    adoption: 'vote 109-45-16',
    labels: [
      '(unnumbered)',
      ...range('PP', 1, 21),
      'OP1',
      ...range('OP1.', 1, 13),
      'OP2',
      'OP3',
      'OP4',
      'OP4 (a)',
      'OP4 (b)',
      'OP4 (c)',
      'OP4 (d)',
      'OP5',
      'OP6',
      'OP7',
    ],
  },
  'A-RES-73-266.draft': {
    seed: '004',
    start: 'The General Assembly, Recalling its resolutions 53/70',
    end: null,
    complete: true,
    symbol: 'A/RES/73/266',
    adoption: 'vote 139-11-18',
    labels: [
      '(unnumbered)',
      ...range('PP', 1, 15),
      'OP1',
      'OP1 (a)',
      'OP1 (b)',
      'OP2',
      'OP2 (a)',
      'OP2 (b)',
      'OP3',
      'OP4',
      'OP5',
      'OP6',
    ],
  },
};

/** How the print numbers a paragraph with this label (`OP1.5` -> `1.5.`, `OP4 (a)` -> `(a)`). */
function printedLabel(label: string): string {
  if (label === '(unnumbered)') return '';
  const sub = /\((\w+)\)$/.exec(label);
  if (sub) return `(${sub[1]!})`;
  const m = /^(?:OP)?(\d+(?:\.\d+)*)$/.exec(label);
  return m ? `${m[1]!}.` : ''; // PPn and unnumbered paragraphs carry no printed number
}

/** Where the paragraph first departs from the seed: the longest prefix found in the region. */
function firstDifference(text: string, region: string): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (region.includes(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const at = lo === 0 ? -1 : region.indexOf(text.slice(0, lo));
  const from = Math.max(0, lo - 40);
  const draft = `${text.slice(from, lo)}⟦${text.slice(lo, lo + 40)}`;
  const seed =
    at < 0
      ? '(no prefix of the paragraph occurs in the seed)'
      : `${region.slice(at + from, at + lo)}⟦${region.slice(at + lo, at + lo + 40)}`;
  return (
    `first difference at character ${lo} of the paragraph (marked ⟦)\n` +
    `  draft: …${draft}…\n` +
    `  seed:  …${seed}…`
  );
}

// ---------------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------------

const draftFiles = readdirSync(ACQUIS_DIR).filter((f) => f.endsWith('.draft')).sort();
const drafts = new Map(draftFiles.map((f) => [f, readDraft(readFileSync(join(ACQUIS_DIR, f), 'utf8'))]));

describe('acquis files: structure', () => {
  it('has exactly the expected files', () => {
    expect(draftFiles).toEqual(Object.keys(FILES).sort());
  });

  for (const [file, draft] of drafts) {
    const spec = FILES[file];
    describe(file, () => {
      it('has front matter with symbol and adoption, valid as YAML', () => {
        expect(draft.front.get('symbol'), `${file}: symbol`).toBe(spec?.symbol);
        expect(draft.front.get('adoption'), `${file}: adoption`).toBe(spec?.adoption);
        const yaml = parseYaml(draft.frontText) as Record<string, unknown>;
        expect(yaml['symbol'], `${file}: front matter read as YAML`).toBe(spec?.symbol);
      });

      it('has the expected paragraph labels, in order', () => {
        expect(draft.paragraphs.map((p) => p.label)).toEqual(spec?.labels);
      });

      it('has no empty paragraph and no line the markup would misread', () => {
        for (const p of draft.paragraphs) expect(p.text, `${file}:${p.line} ${p.label}`).not.toBe('');
        for (const { line, text } of draft.body) {
          const where = `${file}:${line}`;
          expect(/^\s*(?:#|>|---)/.test(text), `${where} starts like a heading, quotation or fence`).toBe(false);
          const words = text.replace(FOOTNOTE_REF, '').replace(/^\[\^[^\]\s]+\]:/, '');
          expect(/(?<!\\)[[\]{}|]/.test(words), `${where} contains negotiation markup`).toBe(false);
        }
      });

      it('defines every footnote it references, and references every footnote it defines', () => {
        const used = new Set(draft.paragraphs.flatMap((p) => p.refs));
        expect([...used].sort()).toEqual([...draft.footnotes.keys()].sort());
      });
    });
  }
});

const seedsPresent = existsSync(SEEDS_DIR);
if (!seedsPresent) {
  console.warn(`transcription.test: seeds not found at ${SEEDS_DIR}; word-for-word checks skipped`);
}

// Skipped, visibly, where the seeds are not available (they are not part of the repository).
const describeWithSeeds = seedsPresent ? describe : describe.skip;

describeWithSeeds('acquis files: word for word against the seeds', () => {
  if (!seedsPresent) {
    it(`needs the seeds at ${SEEDS_DIR} (set ACQUIS_SEEDS)`, () => {});
    return;
  }
  const seeds = new Map<string, NormalisedSeed>();
  for (const [key, spec] of Object.entries(SEEDS)) {
    seeds.set(key, normaliseSeed(readFileSync(join(SEEDS_DIR, spec.file), 'utf8'), spec));
  }

  for (const [key, spec] of Object.entries(SEEDS)) {
    it(`seed ${key}: every artefact repair hits exactly the expected number of times`, () => {
      const seed = seeds.get(key)!;
      spec.repairs.forEach((r, i) => {
        const what = `repair ${JSON.stringify(r.from)} -> ${JSON.stringify(r.to)} (${r.why})`;
        expect(seed.hits[i], what).toBe(r.count ?? 1);
      });
    });
  }

  for (const [key, spec] of Object.entries(SEEDS)) {
    it(`seed ${key}: every footnote reference stands where the print has its digit`, () => {
      const paragraphs = [...drafts]
        .filter(([file]) => FILES[file]?.seed === key)
        .flatMap(([file, d]) => d.paragraphs.map((p) => ({ file, p })));
      let expected = 0;
      for (const r of spec.repairs) {
        if (r.draft === undefined) continue;
        expected += (r.draft.match(FOOTNOTE_REF) ?? []).length;
        const found = paragraphs.filter(({ p }) => p.withRefs.includes(r.draft!));
        const what = `${JSON.stringify(r.draft)} (${r.why}) found in ${found.length} paragraphs`;
        expect(found.length, what).toBe(1);
      }
      const actual = paragraphs.reduce((n, { p }) => n + p.refs.length, 0);
      expect(actual, `footnote references in the files transcribed from seed ${key}`).toBe(expected);
    });
  }

  for (const [file, draft] of drafts) {
    const spec = FILES[file];
    if (!spec) continue;
    describe(file, () => {
      const seed = seeds.get(spec.seed)!;
      const regionStart = seed.repaired.indexOf(spec.start);
      const regionEnd =
        spec.end === null ? seed.repaired.length : seed.repaired.indexOf(spec.end, Math.max(regionStart, 0));
      const region = seed.repaired.slice(regionStart, regionEnd);

      it('finds its region of the seed', () => {
        expect(regionStart, `start marker ${JSON.stringify(spec.start)}`).toBeGreaterThanOrEqual(0);
        expect(regionEnd, `end marker ${JSON.stringify(spec.end)}`).toBeGreaterThan(regionStart);
      });

      it('transcribes every paragraph word for word', () => {
        const failures: string[] = [];
        for (const p of draft.paragraphs) {
          if (!region.includes(p.text)) {
            const where = `${file}:${p.line} ${p.label}: not in seed ${spec.seed}`;
            failures.push(`${where}\n${firstDifference(p.text, region)}`);
          }
        }
        expect(failures.length, failures.join('\n\n')).toBe(0);
      });

      it('keeps the order of the print, with the printed numbers between paragraphs', () => {
        let pos = 0;
        let previousFound = true;
        for (const p of draft.paragraphs) {
          const at = region.indexOf(p.text, pos);
          if (at < 0) {
            // Not in the seed (reported by the word-for-word test) or out of order.
            const where = `${file}:${p.line} ${p.label}: out of order (found earlier in the seed)`;
            expect(region.includes(p.text), where).toBe(false);
            previousFound = false;
            continue;
          }
          const gap = region.slice(pos, at).trim();
          const printed = printedLabel(p.label);
          const where = `${file}:${p.line} ${p.label}: text before it in the seed: …${gap.slice(-80)}`;
          // After a paragraph that is not in the seed, the gap holds that paragraph's seed text.
          if (previousFound) {
            if (spec.complete) expect(gap, where).toBe(printed);
            else expect(gap.endsWith(printed), where).toBe(true);
          }
          previousFound = true;
          pos = at + p.text.length;
        }
        if (spec.complete && previousFound) {
          expect(region.slice(pos).trim(), `${file}: seed text after the last paragraph`).toBe('');
        }
      });

      it('transcribes every footnote word for word', () => {
        for (const [n, text] of draft.footnotes) {
          expect(seed.plain.includes(` ${n} ${text}`), `${file}: [^${n}]: ${text}`).toBe(true);
        }
      });
    });
  }
});

describe('built-in acquis as the engine reads it', () => {
  it('parses every document with no syntax problem and builds precedents from each', async () => {
    const { readAcquisFolder, builtinAcquisDir } = await import('../../server/src/cli/node-host');
    const { buildAcquis } = await import('../../server/src/engine/index');
    const { acquis, problems } = buildAcquis(readAcquisFolder(builtinAcquisDir()));
    expect(problems).toEqual([]);
    expect(acquis.documents.map((d) => d.symbol).sort()).toEqual(['A/65/201', 'A/68/98', 'A/70/174', 'A/RES/73/266', 'A/RES/73/27']);
    for (const d of acquis.documents) expect(acquis.precedents.some((p) => p.document === d)).toBe(true);
  });
});
