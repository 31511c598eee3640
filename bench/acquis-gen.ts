/**
 * Synthetic acquis: adopted `.draft` documents of numbered paragraphs, 100 paragraphs each, for
 * index-size figures. Sentences are 12 to 45 words (about 28 on average), one to three per
 * paragraph, built from chunks of function words around content words drawn with a Zipf law from a
 * vocabulary of about 4,000 words: the real words of the built-in acquis and of the benchmark
 * draft's prose (so that a draft shares common 3-grams with the acquis, as real drafts do) mixed
 * with made-up words (so that 3-grams are diverse). A quarter of the documents are adopted by vote.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random, Zipf, wrap } from './random.js';

export const GENERATOR_VERSION = 4;
export const PARAGRAPHS_PER_DOCUMENT = 100;
const CONTENT_WORDS = 4_000;

const FUNCTION_CHUNKS = [
  'the C of C', 'C and C', 'to C the C', 'in the C of the C', 'C, C and C', 'for C C', 'on the C C',
  'with C C', 'by the C', 'that C C should C', 'as well as C C', 'C C', 'its C C', 'their C', 'of all C',
  'C to C', 'at the C level', 'within the C of C', 'and to C C', 'including C C', 'in C with C',
  'the C C', 'such as C', 'may C C', 'C from the C', 'of C C',
];
const OPENINGS = [
  'Recognizing that', 'Noting that', 'Stressing that', 'The Group', 'The Assembly', 'States',
  'Member States', 'Welcoming', 'Reaffirming that', 'The Council', 'Emphasizing the importance of',
  'Recalling', 'Underlining that', 'In this regard, the Group', 'The Committee', 'Encourages',
  'Requests the Secretary-General to', 'Calls upon all States to', 'Decides to', 'Invites',
];
const SYLLABLES = [
  'ba', 'ce', 'di', 'fo', 'gu', 'ha', 'je', 'ki', 'lo', 'mu', 'na', 'pe', 'qui', 'ra', 'se', 'ti', 'vo',
  'za', 'bri', 'cla', 'dre', 'fla', 'gro', 'pla', 'sto', 'tra', 'ver', 'mon', 'tal', 'ren', 'dis', 'con',
];
const SUFFIXES = ['', '', 'ation', 'ity', 'al', 'ive', 'ment', 'ing', 'ed', 's', 'ance', 'ory', 'ism', 'ure'];
const STOP = new Set(
  'the of and to in for on with by as that its their a an at from all or be is are which this these such its'.split(' '),
);

/** The content vocabulary: real words first gathered from `realTexts`, then made-up ones. */
export function vocabulary(realTexts: string[], seed = 7): string[] {
  const r = new Random(seed);
  const words = new Set<string>();
  for (const text of realTexts) {
    for (const m of text.matchAll(/[A-Za-z][a-z]+(?:-[a-z]+)?/g)) {
      const w = m[0].toLowerCase();
      if (w.length >= 3 && !STOP.has(w)) words.add(w);
    }
  }
  const real = [...words];
  const madeUp = new Set<string>();
  while (real.length + madeUp.size < CONTENT_WORDS) {
    let w = '';
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) w += r.pick(SYLLABLES);
    w += r.pick(SUFFIXES);
    if (w.length >= 4 && !words.has(w)) madeUp.add(w);
  }
  const all = [...real, ...madeUp];
  // A seeded shuffle, so that ranks mix real and made-up words.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

class SentenceMaker {
  private readonly zipf: Zipf<string>;

  constructor(
    words: string[],
    private readonly r: Random,
  ) {
    this.zipf = new Zipf(words, 1.0);
  }

  sentence(): string {
    const target = Math.round(12 + ((this.r.next() + this.r.next() + this.r.next()) / 3) * 33);
    const parts = [this.r.pick(OPENINGS)];
    let length = parts[0]!.split(' ').length;
    while (length < target) {
      const chunk = this.r.pick(FUNCTION_CHUNKS).replace(/C/g, () => this.zipf.sample(this.r));
      parts.push(chunk);
      length += chunk.split(' ').length;
    }
    return `${parts.join(' ')}.`;
  }
}

export interface GeneratedAcquis {
  dir: string;
  documents: number;
  paragraphs: number;
  words: number;
  bytes: number;
  /** True when the folder was already there with the same parameters. */
  reused: boolean;
}

/** Write `paragraphs` paragraphs of synthetic adopted documents into `dir` (reused when present). */
export function writeSyntheticAcquis(dir: string, paragraphs: number, realTexts: string[], seed = 1_000 + paragraphs): GeneratedAcquis {
  const stampFile = join(dir, 'stamp.json');
  const stamp = { version: GENERATOR_VERSION, paragraphs, seed, perDocument: PARAGRAPHS_PER_DOCUMENT };
  if (existsSync(stampFile)) {
    const old = JSON.parse(readFileSync(stampFile, 'utf8')) as typeof stamp & { words: number; bytes: number; documents: number };
    if (old.version === stamp.version && old.paragraphs === paragraphs && old.seed === seed) {
      return { dir, documents: old.documents, paragraphs, words: old.words, bytes: old.bytes, reused: true };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = new Random(seed);
  const maker = new SentenceMaker(vocabulary(realTexts), r);
  let words = 0;
  let bytes = 0;
  let documents = 0;
  for (let done = 0; done < paragraphs; documents++) {
    const vote = r.chance(0.25);
    const year = 1995 + (documents % 29);
    const lines = [
      '---',
      `title: Synthetic adopted document ${documents + 1}`,
      `symbol: A/SYN/${paragraphs}/${documents + 1}`,
      `body: ${vote ? 'GA' : 'GGE'}`,
      `year: ${year}`,
      `kind: ${vote ? 'resolution' : 'report'}`,
      `adoption: ${vote ? `vote ${r.int(100, 160)}-${r.int(5, 50)}-${r.int(5, 30)}` : 'consensus'}`,
      ...(vote ? ['adopted-by: First Committee'] : []),
      '---',
      '',
    ];
    const n = Math.min(PARAGRAPHS_PER_DOCUMENT, paragraphs - done);
    for (let k = 1; k <= n; k++) {
      const count = r.chance(0.3) ? 1 : r.chance(0.7) ? 2 : 3;
      const sentences: string[] = [];
      for (let s = 0; s < count; s++) sentences.push(maker.sentence());
      const text = `${k}. ${sentences.join(' ')}`;
      words += text.split(' ').length - 1;
      lines.push(wrap(text, 100), '');
    }
    done += n;
    const file = lines.join('\n');
    bytes += Buffer.byteLength(file);
    writeFileSync(join(dir, `doc-${String(documents + 1).padStart(5, '0')}.draft`), file);
  }
  writeFileSync(stampFile, JSON.stringify({ ...stamp, words, bytes, documents }));
  return { dir, documents, paragraphs, words, bytes, reused: false };
}
