/**
 * Speed work must not move judgement: the findings (rule, severity, range, message, fixes,
 * precedent cited) on the bench draft, the samples, the test fixtures, every lexicon example and
 * two stress drafts (one long paragraph, deep nesting) are compared with a golden file.
 *
 * The golden file belongs to whoever changes speed, not judgement. After `git merge main` has
 * brought in others' judgement changes, regenerate it FROM MAIN's code, so that the comparison
 * stays "main's judgement vs this branch's":
 *
 *   git worktree add --detach /tmp/golden main && ln -s "$PWD/node_modules" /tmp/golden/
 *   cp test/perf/golden-findings.test.ts /tmp/golden/test/perf/   (mkdir -p it first if needed)
 *   (cd /tmp/golden && UPDATE_GOLDEN=1 npx vitest run test/perf/golden-findings.test.ts)
 *   cp /tmp/golden/test/perf/golden-findings.json test/perf/ && git worktree remove --force /tmp/golden
 *
 * A change that is MEANT to move findings (a rule, a lexicon, the matcher) regenerates it in place
 * and commits it with that change: UPDATE_GOLDEN=1 npx vitest run test/perf/golden-findings.test.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../bench/draft-gen';
import { builtinAcquisDir, readAcquisFolder } from '../../server/src/cli/node-host';
import { createEngine, engineFromAcquis, fromSnapshot, toSnapshot, type Engine } from '../../server/src/engine/index';
import type { Finding } from '../../server/src/engine/rules/rule';

const GOLDEN = join(__dirname, 'golden-findings.json');
const LEXICONS = 'server/src/engine/data/lexicons';

interface Input {
  name: string;
  text: string;
  acquis: 'builtin' | 'lighthouse';
}

/** Every lexicon example (matches, does-not-match, fix inputs) as one numbered paragraph each. */
function lexiconExamples(): string {
  const lines = ['---', 'symbol: X/GOLDEN/1', '---', ''];
  let n = 0;
  for (const file of readdirSync(LEXICONS).filter((f) => f.endsWith('.json') && f !== 'lexicon.schema.json').sort()) {
    const data = JSON.parse(readFileSync(join(LEXICONS, file), 'utf8')) as {
      entries: Array<{ tests?: { matches?: string[]; doesNotMatch?: string[]; fixes?: Array<[string, string]> } }>;
    };
    for (const entry of data.entries) {
      const t = entry.tests ?? {};
      for (const example of [...(t.matches ?? []), ...(t.doesNotMatch ?? []), ...(t.fixes ?? []).map((f) => f[0])]) {
        lines.push(`${++n}. ${example}`, '');
      }
    }
  }
  return lines.join('\n');
}

/** The bench draft's paragraphs run together into one paragraph (long-input paths). */
function longParagraph(draft: string): string {
  const body = draft
    .split('\n')
    .filter((l) => /^\d+\.\s/.test(l) || (l && !l.startsWith('#') && !l.startsWith('---') && !l.includes(':')))
    .map((l) => l.replace(/^\d+\.\s+/, ''))
    .join(' ');
  return `1. ${body.slice(0, 60_000)}\n`;
}

/** Sub-paragraphs, brackets, amendments and quotations nested a few levels deep. */
function nested(): string {
  const lines = ['1. The Group recommends that States:', ''];
  for (let i = 0; i < 30; i++) {
    const letter = String.fromCharCode(97 + (i % 26));
    lines.push(
      `   (${letter}) [Take note of|Welcome] the "norms of responsible State behaviour" and {++international law++} [[applies|is applicable]] to the use of ICTs by States, {--a binding norm--} on critical infrastructure;`,
      '',
    );
  }
  return lines.join('\n');
}

function inputs(): Input[] {
  const draft = generateDraft();
  const list: Input[] = [{ name: 'bench/draft-10k', text: draft.draft, acquis: 'builtin' }];
  for (const f of readdirSync('samples').filter((f) => f.endsWith('.draft')).sort()) {
    list.push({ name: `samples/${f}`, text: readFileSync(join('samples', f), 'utf8'), acquis: 'builtin' });
  }
  for (const f of ['clean.draft', 'lighthouse.draft', 'lighthouse-quote.draft']) {
    list.push({ name: `test/cli/fixtures/${f}`, text: readFileSync(join('test/cli/fixtures', f), 'utf8'), acquis: f.startsWith('lighthouse') ? 'lighthouse' : 'builtin' });
  }
  list.push({ name: 'test/e2e/fixtures/second.draft', text: readFileSync('test/e2e/fixtures/second.draft', 'utf8'), acquis: 'builtin' });
  list.push({ name: 'lexicon examples', text: lexiconExamples(), acquis: 'builtin' });
  list.push({ name: 'long paragraph', text: longParagraph(draft.draft), acquis: 'builtin' });
  list.push({ name: 'nested', text: nested(), acquis: 'builtin' });
  return list;
}

/** What must not move, in a stable, diffable shape. */
function summarize(f: Finding): unknown {
  const out: Record<string, unknown> = {
    rule: f.ruleId,
    severity: f.severity,
    range: [f.span.start, f.span.end],
    message: f.message,
  };
  if (f.fixes.length) out['fixes'] = f.fixes.map((x) => ({ title: x.title, safe: x.safe, edits: x.edits.map((e) => [e.start, e.end, e.text]) }));
  if (f.precedent) out['precedent'] = `${f.precedent.symbol} ${f.precedent.paragraph}`;
  return out;
}

describe('findings do not move (golden file)', () => {
  const engines = new Map<string, Engine>();
  const engineFor = (kind: Input['acquis']): Engine => {
    let engine = engines.get(kind);
    if (!engine) {
      const sources = readAcquisFolder(builtinAcquisDir());
      if (kind === 'lighthouse') sources.push(...readAcquisFolder('test/cli/fixtures/lighthouse-acquis'));
      engine = createEngine(sources);
      engines.set(kind, engine);
    }
    return engine;
  };

  it('matches the golden findings on every input', () => {
    const actual: Record<string, unknown[]> = {};
    for (const input of inputs()) {
      actual[input.name] = engineFor(input.acquis).lint(`file:///golden/${input.name.replace(/\W+/g, '-')}.draft`, input.text).findings.map(summarize);
    }
    if (process.env['UPDATE_GOLDEN']) {
      writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    }
    expect(existsSync(GOLDEN), 'golden file missing: run with UPDATE_GOLDEN=1').toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, unknown[]>;
    expect(Object.keys(actual)).toEqual(Object.keys(golden));
    for (const name of Object.keys(golden)) {
      expect(actual[name], name).toEqual(golden[name]);
    }
    // The inputs must exercise something: a golden file of empty lists proves nothing.
    expect(Object.values(golden).flat().length).toBeGreaterThan(100);
  });

  it('an engine over the snapshot (ready-made index) finds the same as one over the parsed acquis', () => {
    const parsed = engineFor('builtin');
    const stored = JSON.parse(JSON.stringify(toSnapshot(parsed.acquis, 'test'))) as ReturnType<typeof toSnapshot>;
    expect(stored.vocabulary?.length).toBeGreaterThan(100);
    const loaded = engineFromAcquis(fromSnapshot(stored));
    for (const input of inputs().filter((i) => i.acquis === 'builtin')) {
      const uri = `file:///golden/${input.name.replace(/\W+/g, '-')}.draft`;
      const a = parsed.lint(uri, input.text).findings.map(summarize);
      const b = loaded.lint(uri, input.text).findings.map(summarize);
      expect(b, input.name).toEqual(a);
    }
  });
});
