/**
 * Random drafts (random markup, mutated samples and acquis files) through the whole engine, every
 * rule against the built-in acquis: no rule may throw (an `internal.error` finding), and every
 * finding, fix edit and related span lies inside the text. 5,000 drafts by default.
 *
 * Reproducible: FUZZ_SEED=<n>, FUZZ_CASE=<i> replays one draft, LINT_FUZZ_CASES=<n> scales.
 * The longer run: `node scripts/fuzz-long.mjs` (see its header).
 */
import { expect, it } from 'vitest';
import { INTERNAL_RULE_ID, type Finding } from '../../server/src/engine/index';
import { builtinEngine } from '../engine/helpers';
import { mutatedInput, randomInput, readSeed } from '../grammar/fuzz-inputs';
import { mixSeed, mulberry32, preview } from '../grammar/helpers';

const SEED = readSeed(process.env.FUZZ_SEED, 20_261_204);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
const CASES = Number(process.env.LINT_FUZZ_CASES ?? 5_000);

/** What is wrong with the lint of `text`, or undefined. */
export function lintDefect(text: string): string | undefined {
  let findings: Finding[];
  try {
    findings = builtinEngine().lint('fuzz.draft', text).findings;
  } catch (error) {
    return `lint threw: ${(error as Error).stack ?? String(error)}`;
  }
  const internal = findings.find((f) => f.ruleId === INTERNAL_RULE_ID);
  if (internal) return `a rule failed: ${internal.message}`;
  const inside = (s: { start: number; end: number }) => Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length;
  for (const f of findings) {
    if (!inside(f.span)) return `${f.ruleId} finding span ${JSON.stringify(f.span)} outside the text (${text.length})`;
    for (const fix of f.fixes) {
      for (const e of fix.edits) if (!inside(e)) return `${f.ruleId} fix edit ${JSON.stringify([e.start, e.end])} outside the text (${text.length})`;
    }
    if (typeof f.message !== 'string' || !f.message) return `${f.ruleId} finding without a message`;
  }
  return undefined;
}

/** In chunks of 1,000, each with its own time limit on a loaded machine. */
const CHUNKS = Array.from({ length: Math.ceil(CASES / 1_000) }, (_, i) => [i * 1_000, Math.min(CASES, (i + 1) * 1_000)] as const);

it.each(CHUNKS)('lints random drafts %i to %i without a rule failing or a span outside the text', (first, last) => {
  const started = performance.now();
  const failures: string[] = [];
  let cases = 0;
  for (let index = first; index < last && failures.length < 5; index++) {
    if (ONLY_CASE !== undefined && index !== ONLY_CASE) continue;
    const random = mulberry32(mixSeed(SEED, index));
    const text = random() < 0.3 ? randomInput(random) : mutatedInput(random);
    cases++;
    const reason = lintDefect(text);
    if (reason) failures.push(`FUZZ_SEED=${SEED} FUZZ_CASE=${index}: ${reason}\n  input: ${preview(text)}`);
  }
  console.log(`lint fuzz: ${cases} drafts, ${((performance.now() - started) / 1000).toFixed(1)} s, FUZZ_SEED=${SEED}`);
  expect(failures, `lint fuzz failures; replay with the FUZZ_SEED and FUZZ_CASE shown:\n\n${failures.join('\n\n')}\n`).toEqual([]);
});
