/**
 * The incremental parser against `parse`, on fuzzed input: the editor and CI must report the same
 * problems. Two generators: random strings from the markup's alphabet (parsed in turn by a fresh
 * parser and by one long-lived parser whose cache has seen everything before), and sequences of
 * random edits to the samples and the acquis, re-parsed after every edit by one parser, as an
 * editor does. Every compared text counts as an input; the default run compares 20,000.
 *
 * Reproducible: FUZZ_SEED=<n> picks the run, FUZZ_CASE=<i> replays one case, FUZZ_CASES=<n>
 * scales both generators. A failure prints the seed, the case and a shrunk input.
 * The longer run: `node scripts/fuzz-long.mjs` (see its header).
 */
import { isDeepStrictEqual } from 'node:util';
import { expect, it } from 'vitest';
import { IncrementalParser, parse, type ParseResult } from '../../grammar/src/index';
import { int, mutatedInput, pick, piece, randomInput, readSeed, type Random } from './fuzz-inputs';
import { mixSeed, mulberry32, preview } from './helpers';

const SEED = readSeed(process.env.FUZZ_SEED, 20_261_203);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
const SCALE = Number(process.env.FUZZ_CASES ?? 20_000) / 20_000;
/** Random strings cost the most (error recovery everywhere): 6,000 of the 20,000 inputs. */
const RANDOM_CASES = Math.round(6_000 * SCALE);
/** Sequences of EDITS edits each: 1,400 x 10 = 14,000 compared texts. */
const SEQUENCES = Math.round(1_400 * SCALE);
const EDITS = 10;
const SEQUENCE_BASE = 2_000_000;

/** Where the incremental result departs from the full parse, or undefined when it does not. */
export function difference(text: string, parser: IncrementalParser): string | undefined {
  const expected = parse(text);
  const actual = parser.parse(text);
  if (!isDeepStrictEqual(actual.document, expected.document)) return 'the documents differ';
  const norm = (r: ParseResult) => r.problems.map((p) => [p.code, p.span.start, p.span.end, p.message]);
  if (!isDeepStrictEqual(norm(actual), norm(expected))) {
    return `the problems differ: ${JSON.stringify(norm(actual))} vs ${JSON.stringify(norm(expected))}`;
  }
  return undefined;
}

/** A smaller input that still fails with a fresh parser (greedy removal of chunks, then characters). */
function shrink(input: string): string {
  let best = input;
  for (let size = Math.max(1, best.length >> 1); size >= 1; size = size === 1 ? 0 : size >> 1) {
    for (let at = 0; at + size <= best.length; ) {
      const candidate = best.slice(0, at) + best.slice(at + size);
      if (difference(candidate, new IncrementalParser())) best = candidate;
      else at += size;
    }
  }
  return best;
}

/** One random edit of the kind an editor sends: type, delete, paste a piece of markup. */
function edit(random: Random, text: string): string {
  const at = int(random, text.length + 1);
  const r = random();
  if (r < 0.35) return text.slice(0, at) + piece(random) + text.slice(at);
  if (r < 0.65) return text.slice(0, at) + text.slice(at + 1 + int(random, 8));
  if (r < 0.75) return text.slice(0, at) + pick(random, ['\n', '\n\n', '\r\n', '\r', '\r\n\r\n']) + text.slice(at);
  if (r < 0.85) return text.slice(0, at) + String.fromCharCode(32 + int(random, 95)) + text.slice(at);
  if (r < 0.95) return mutatedInput(random).slice(0, 80) + text.slice(at);
  return text.slice(0, at) + text.slice(at).replace(/\n/, random() < 0.5 ? '\r\n' : '\r');
}

interface Failure {
  index: number;
  step?: number;
  reason: string;
  input: string;
}

function report(kind: string, failures: Failure[], cases: number, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  console.log(`incremental fuzz ${kind}: ${cases} inputs, ${seconds.toFixed(1)} s, FUZZ_SEED=${SEED}`);
  const text = failures
    .map((f) => {
      const small = shrink(f.input);
      const step = f.step === undefined ? '' : `, edit ${f.step}`;
      return `FUZZ_SEED=${SEED} FUZZ_CASE=${f.index}${step} (${kind}): ${f.reason}\n  input: ${preview(f.input)}\n  shrunk: ${preview(small)}`;
    })
    .join('\n\n');
  expect(failures.length, `incremental parser differs from parse; replay with the FUZZ_SEED and FUZZ_CASE shown:\n\n${text}\n`).toBe(0);
}

/** Random strings in chunks of 2,000, each with its own time limit on a loaded machine. */
const RANDOM_CHUNKS = Array.from({ length: Math.ceil(RANDOM_CASES / 2_000) }, (_, i) => [i * 2_000, Math.min(RANDOM_CASES, (i + 1) * 2_000)] as const);

it.each(RANDOM_CHUNKS)('random strings %i to %i: a fresh and a long-lived incremental parser equal parse', (first, last) => {
  const started = performance.now();
  const failures: Failure[] = [];
  const shared = new IncrementalParser();
  let cases = 0;
  for (let index = first; index < last && failures.length < 5; index++) {
    if (ONLY_CASE !== undefined && index !== ONLY_CASE) continue;
    const input = randomInput(mulberry32(mixSeed(SEED, index)));
    cases++;
    const reason = difference(input, index % 2 ? shared : new IncrementalParser());
    if (reason) failures.push({ index, reason, input });
  }
  report('random', failures, cases, started);
});

it(`edit sequences on the samples and the acquis equal parse after every edit (${SEQUENCES * EDITS} inputs)`, () => {
  const started = performance.now();
  const failures: Failure[] = [];
  let cases = 0;
  for (let index = SEQUENCE_BASE; index < SEQUENCE_BASE + SEQUENCES && failures.length < 5; index++) {
    if (ONLY_CASE !== undefined && index !== ONLY_CASE) continue;
    const random = mulberry32(mixSeed(SEED, index));
    const parser = new IncrementalParser();
    let text = mutatedInput(random);
    parser.parse(text);
    for (let step = 0; step < EDITS; step++) {
      text = edit(random, text);
      cases++;
      const reason = difference(text, parser);
      if (reason) {
        failures.push({ index, step, reason, input: text });
        break;
      }
    }
  }
  report('edits', failures, cases, started);
});

it('the minimal cases of the issue parse alike', () => {
  for (const text of ['\n\n---\n', '1. "[\n\n]\n', '---\r\ntitle: x\r\n---\r\r1. a\r\rb', '\uFEFF---\n\n---\n']) {
    expect(difference(text, new IncrementalParser()), JSON.stringify(text)).toBeUndefined();
  }
});
