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
import { expect, it } from 'vitest';
import { inlineView, parse, type Inline, type ParseResult, type Subparagraph } from '../../grammar/src/index';
import { mutatedInput, randomInput, readSeed, type Random } from './fuzz-inputs';
import { badSpans, mixSeed, mulberry32, preview } from './helpers';

const DEFAULT_SEED = 20_200_311;
const SEED = readSeed(process.env.FUZZ_SEED, DEFAULT_SEED);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
/** Cases per generator; FUZZ_CASES sets both. Random strings cost more (error recovery) than mutations. */
const RANDOM_CASES = Number(process.env.FUZZ_CASES ?? 6_000);
const MUTATED_CASES = Number(process.env.FUZZ_CASES ?? 8_000);
/** Case indices of the mutation generator start here, so FUZZ_CASE does not depend on FUZZ_CASES. */
const MUTATED_BASE = 1_000_000;

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
