/**
 * Fuzzing `parse` and `inlineView`: random strings weighted toward markup, and mutations of the
 * real samples and acquis files. For every input: parse does not throw (nor fail internally,
 * which its safety net would otherwise hide), every span of every node and every problem span
 * lies inside the text, paragraphs come in source order without overlapping, and the views of
 * every paragraph and sub-paragraph can be built.
 *
 * Reproducible: FUZZ_SEED=<n> picks the run (default below), FUZZ_CASE=<i> replays one case,
 * FUZZ_CASES=<n> changes how many cases each generator makes. Each case draws from its own PRNG
 * seeded by (seed, case index), so a case replays alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { inlineView, parse, type Inline, type ParseResult, type Subparagraph } from '../../grammar/src/index';
import { badSpans, mixSeed, mulberry32, preview } from './helpers';

const DEFAULT_SEED = 20_200_311;
const SEED = readSeed(process.env.FUZZ_SEED);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
/** Cases per generator; FUZZ_CASES sets both. Random strings cost more (error recovery) than mutations. */
const RANDOM_CASES = Number(process.env.FUZZ_CASES ?? 6_000);
const MUTATED_CASES = Number(process.env.FUZZ_CASES ?? 8_000);
/** Case indices of the mutation generator start here, so FUZZ_CASE does not depend on FUZZ_CASES. */
const MUTATED_BASE = 1_000_000;

function readSeed(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SEED;
  const n = Number(value);
  if (Number.isFinite(n)) return n >>> 0;
  let h = 2166136261; // FNV-1a of a non-numeric seed
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619) >>> 0;
  return h;
}

type Random = () => number;
const int = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)]!;

/** Weighted alphabet: [piece, weight]. Markup first, then words, layout and odd characters. */
const ALPHABET: Array<[string, number]> = [
  ['[', 8], [']', 8], ['|', 4], ['\\', 2], ['\\[', 1], ['\\]', 1], ['\\|', 1],
  ['{++', 4], ['++}', 4], ['{--', 3], ['--}', 3], ['{~~', 3], ['~>', 3], ['~~}', 3], ['{>>', 3], ['<<}', 3], ['{==', 2], ['==}', 2],
  ['{', 2], ['}', 2], ['+', 1], ['-', 2], ['~', 1], ['=', 1], ['<', 1], ['>', 2],
  ['@Japan:', 2], ['@Iran (Islamic Republic of):', 1], ['@', 1],
  ['"', 4], ['“', 3], ['”', 3], ['’', 1],
  ['{status: agreed ad ref}', 1], ['{status: maybe}', 1], ['{status:', 1],
  ['[^1]', 2], ['[^1]: ', 2], ['[^', 1], ['[placeholder]', 1], ['[...]', 1], ['[…]', 1], ['…', 1],
  ['A/70/174', 2], ['A/RES/70/237', 1], ['A/C.1/73/L.27/Rev.1', 1], ['A/68/98*', 1], [', para. 13 (f)', 2], [', paras. 13 and 29', 1], ['para.', 1],
  ['resolution 70/237', 1], ['resolutions 73/27 and 73/266', 1], ['paragraph 3 above', 1], ['paragraphs 3 and 4 below', 1], ['paragraph', 1],
  ['12. ', 3], ['1.1. ', 1], ['12bis. ', 1], ['PP3. ', 2], ['OP6alt. ', 1], ['7.', 1],
  ['(a) ', 3], ['(b) ', 2], ['(i) ', 3], ['(ii) ', 2], ['(h) ', 1], ['(v) ', 1], ['(1) ', 1], ['(A) ', 1], ['(', 2], [')', 2],
  ['# ', 2], ['## ', 2], ['### ', 1], ['#', 1], ['> ', 2], ['//', 2], ['// acquis-disable rule.x -- why', 1], ['---', 3], ['---\n', 2],
  ['States', 4], ['the', 4], ['international law', 2], ['shall', 2], ['Charter', 1], ['.', 4], [',', 4], [';', 2], [':', 2], ['*', 1], ['^', 1], ['/', 1],
  [' ', 14], ['  ', 3], ['\t', 2], ['\n', 10], ['\n\n', 5], ['\n  ', 3], ['\r\n', 2], ['\r', 1],
  ['\uFEFF', 1], ['\u0000', 1], ['\u00A0', 1], ['\u2028', 1], ['\uD83D\uDE00', 1], ['\uD800', 1], ['\uDFFF', 1], ['é', 1], ['ﬁ', 1],
];
const TOTAL_WEIGHT = ALPHABET.reduce((sum, [, w]) => sum + w, 0);

function piece(random: Random): string {
  let r = random() * TOTAL_WEIGHT;
  for (const [p, w] of ALPHABET) {
    r -= w;
    if (r < 0) return p;
  }
  return ' ';
}

function randomInput(random: Random): string {
  const long = random() < 0.05;
  const n = long ? 100 + int(random, 300) : int(random, 60);
  let text = random() < 0.1 ? '---\n' : '';
  for (let i = 0; i < n; i++) text += random() < 0.03 ? String.fromCharCode(int(random, 0x10000)) : piece(random);
  return text;
}

// --- Mutations of the real files --------------------------------------------------------------

const CORPUS: string[] = [
  ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f)),
  ...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).map((f) => join('server/acquis', f)),
].map((file) => readFileSync(file, 'utf8'));
const CORPUS_LINES = CORPUS.map((text) => text.split('\n'));

function slice(random: Random, text: string, maxLength: number): [number, number] {
  const start = int(random, text.length + 1);
  return [start, Math.min(text.length, start + int(random, maxLength + 1))];
}

const MUTATIONS: Array<(random: Random, text: string) => string> = [
  // delete a slice
  (random, text) => {
    const [a, b] = slice(random, text, 40);
    return text.slice(0, a) + text.slice(b);
  },
  // duplicate a slice in place
  (random, text) => {
    const [a, b] = slice(random, text, 60);
    return text.slice(0, b) + text.slice(a, b) + text.slice(b);
  },
  // insert a slice of any corpus file
  (random, text) => {
    const source = pick(random, CORPUS);
    const [a, b] = slice(random, source, 80);
    const at = int(random, text.length + 1);
    return text.slice(0, at) + source.slice(a, b) + text.slice(at);
  },
  // insert markup pieces
  (random, text) => {
    let out = text;
    for (let k = 1 + int(random, 4); k > 0; k--) {
      const at = int(random, out.length + 1);
      out = out.slice(0, at) + piece(random) + out.slice(at);
    }
    return out;
  },
  // swap two lines
  (random, text) => {
    const lines = text.split('\n');
    const i = int(random, lines.length);
    const j = int(random, lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  // replace a character with a markup character
  (random, text) => {
    if (!text) return text;
    const at = int(random, text.length);
    return text.slice(0, at) + pick(random, ['[', ']', '{', '}', '|', '"', '“', '”', '\\', '~', '+', '-', '>', '<', '=', '\n', '#', '(']) + text.slice(at + 1);
  },
  // CRLF or CR line endings for part of the text
  (random, text) => {
    const [a, b] = slice(random, text, 400);
    return text.slice(0, a) + text.slice(a, b).replace(/\n/g, random() < 0.8 ? '\r\n' : '\r') + text.slice(b);
  },
  // truncate
  (random, text) => text.slice(0, int(random, text.length + 1)),
];

function mutatedInput(random: Random): string {
  const file = int(random, CORPUS.length);
  let text: string;
  if (random() < 0.01) text = CORPUS[file]!; // now and then, the whole file
  else {
    const lines = CORPUS_LINES[file]!;
    const start = random() < 0.15 ? 0 : int(random, lines.length); // sometimes with its front matter
    text = lines.slice(start, start + 1 + int(random, 25)).join('\n');
  }
  for (let k = 1 + int(random, 6); k > 0; k--) text = pick(random, MUTATIONS)(random, text);
  return text;
}

// --- The checks ---------------------------------------------------------------------------------

/** What is wrong with the parse of `text`, or undefined when nothing is. */
function defect(text: string): string | undefined {
  let result: ParseResult;
  try {
    result = parse(text);
  } catch (error) {
    return `parse threw: ${(error as Error).stack ?? String(error)}`;
  }
  const internal = result.problems.find((p) => p.code === 'syntax.internal');
  if (internal) return `parse failed internally: ${internal.message}`;
  const bad = badSpans(result, text.length);
  if (bad.length) return `spans outside the text: ${bad.slice(0, 5).join('; ')}${bad.length > 5 ? ` (+${bad.length - 5} more)` : ''}`;
  const speechless = result.problems.find((p) => typeof p.message !== 'string' || p.message.length === 0);
  if (speechless) return `a problem without a message: ${JSON.stringify(speechless)}`;
  // Paragraphs in source order, not overlapping, each holding its label and content.
  const within = (inner: { start: number; end: number }, outer: { start: number; end: number }): boolean =>
    outer.start <= inner.start && inner.end <= outer.end;
  let previousEnd = 0;
  for (const [i, p] of result.document.paragraphs.entries()) {
    if (p.span.start < previousEnd) return `paragraph #${i} starts at ${p.span.start}, inside the paragraph before (ends at ${previousEnd})`;
    previousEnd = p.span.end;
    if (p.label && !within(p.label.span, p.span)) return `paragraph #${i}: label span outside the paragraph span`;
    if (!within(p.contentSpan, p.span)) return `paragraph #${i}: content span outside the paragraph span`;
  }
  const contents: Array<[string, Inline[]]> = [];
  const subs = (where: string, list: Subparagraph[]): void => {
    for (const s of list) {
      contents.push([`${where} ${s.label.text}`, s.content]);
      subs(`${where} ${s.label.text}`, s.children);
    }
  };
  result.document.paragraphs.forEach((p, i) => {
    const where = `paragraph #${i} (${p.label?.text ?? 'unnumbered'})`;
    contents.push([where, p.content]);
    subs(where, p.subparagraphs);
  });
  for (const [where, content] of contents) {
    for (const mode of ['current', 'accepted'] as const) {
      try {
        const view = inlineView(content, text, mode);
        if (typeof view.text !== 'string') return `inlineView(${where}, ${mode}) returned no text`;
      } catch (error) {
        return `inlineView(${where}, ${mode}) threw: ${(error as Error).stack ?? String(error)}`;
      }
    }
  }
  return undefined;
}

interface Failure {
  index: number;
  reason: string;
  input: string;
}

function run(kind: string, first: number, count: number, generate: (random: Random) => string): void {
  const failures: Failure[] = [];
  let cases = 0;
  let characters = 0;
  const started = performance.now();
  for (let index = first; index < first + count && failures.length < 5; index++) {
    if (ONLY_CASE !== undefined && index !== ONLY_CASE) continue;
    const input = generate(mulberry32(mixSeed(SEED, index)));
    cases++;
    characters += input.length;
    const reason = defect(input);
    if (reason) failures.push({ index, reason, input });
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz ${kind}: ${cases} cases, ${characters} characters, ${seconds.toFixed(1)} s, FUZZ_SEED=${SEED}`);
  const report = failures
    .map((f) => `FUZZ_SEED=${SEED} FUZZ_CASE=${f.index} (${kind}): ${f.reason}\n  input (${f.input.length} chars): ${preview(f.input)}`)
    .join('\n\n');
  expect(failures.length, `fuzz failures, replay with the FUZZ_SEED and FUZZ_CASE shown:\n\n${report}\n`).toBe(0);
}

it(`random strings weighted toward markup (${RANDOM_CASES} cases)`, () => {
  run('random', 0, RANDOM_CASES, randomInput);
});

it(`mutations of the samples and the acquis (${MUTATED_CASES} cases)`, () => {
  run('mutated', MUTATED_BASE, MUTATED_CASES, mutatedInput);
});

it('the generators are deterministic for a seed', () => {
  const a = [randomInput(mulberry32(mixSeed(SEED, 7))), mutatedInput(mulberry32(mixSeed(SEED, 7)))];
  const b = [randomInput(mulberry32(mixSeed(SEED, 7))), mutatedInput(mulberry32(mixSeed(SEED, 7)))];
  expect(a).toEqual(b);
});
