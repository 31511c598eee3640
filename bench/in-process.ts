/**
 * The in-process half of the benchmark, bundled by bench/lint-bench.mjs into .bench/in-process.cjs
 * and spawned once per measurement (with --expose-gc), so that each acquis size is measured in a
 * fresh process. Each command prints one JSON object on its last line of output.
 *
 *   prepare <outDir> <sizes,...>     write the draft, its .txt, the manifest, the prh dictionary,
 *                                    the textlint config and the synthetic acquis folders
 *   measure <draft> <runs> [dir]     build the engine (built-in acquis, plus `dir` if given) and
 *                                    time linting the draft
 *   score <manifest> <acquis.json> <textlint.json>
 *                                    which planted sentences each tool flagged
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinAcquisDir, readAcquisFolder } from '../server/src/cli/node-host.js';
import {
  buildAcquis,
  createEngine,
  DEFAULT_CONFIG,
  lintDraft,
  Matcher,
  readDraft,
  type Finding,
  type SourceFile,
} from '../server/src/engine/index.js';
import { writeSyntheticAcquis, type GeneratedAcquis } from './acquis-gen.js';
import { generateDraft, type PlantedSpan } from './draft-gen.js';
import { isDeparture, PLANTS, PRH_RULES, type PrhRule } from './planted.js';
import { median } from './random.js';

const gc = (globalThis as { gc?: () => void }).gc;

function collect(): void {
  if (gc) {
    gc();
    gc();
  }
}

function now(): number {
  return performance.now();
}

function emit(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export interface Manifest {
  draft: string;
  txt: string;
  words: number;
  sentences: number;
  paragraphs: number;
  plants: PlantedSpan[];
}

function prhYaml(rules: PrhRule[]): string {
  const lines = ['version: 1', 'rules:'];
  for (const rule of rules) {
    lines.push(`  - expected: ${JSON.stringify(rule.expected)}`, '    patterns:');
    for (const p of rule.patterns) lines.push(`      - ${JSON.stringify(p)}`);
  }
  return `${lines.join('\n')}\n`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A dictionary of PEERS.md's size (300 rules) for scale: the hand-written rules, then variants an
 * exhaustive editor would enumerate for the sentences of the built-in acquis (each word dropped in
 * turn, each pair of neighbouring words swapped) over the first ten words of each sentence.
 */
function bigDictionary(size: number): PrhRule[] {
  const rules = [...PRH_RULES];
  const { acquis } = buildAcquis(readAcquisFolder(builtinAcquisDir()));
  const seen = new Set<string>();
  for (let k = 1; rules.length < size && k < 10; k++) {
    for (const p of acquis.precedents) {
      if (rules.length >= size) break;
      const words = p.text.replace(/[,;:.]+$/, '').split(/\s+/).slice(0, 10);
      if (words.length < 10 || /[[\]/\d]/.test(words.join(' '))) continue;
      const expected = words.join(' ');
      const variant = k % 2 ? [...words.slice(0, k), ...words.slice(k + 1)] : [...words.slice(0, k - 1), words[k]!, words[k - 1]!, ...words.slice(k + 1)];
      const pattern = variant.join(' ');
      if (seen.has(pattern)) continue;
      seen.add(pattern);
      // prh 5.4.4 cannot compile a plain pattern with a hyphen (or other escaped characters).
      rules.push({ expected, patterns: [/[-()]/.test(pattern) ? `/${escapeRegExp(pattern)}/` : pattern] });
    }
  }
  return rules;
}

function prepare(outDir: string, sizes: number[]): void {
  mkdirSync(outDir, { recursive: true });
  const t0 = now();
  const generated = generateDraft();
  const draft = join(outDir, 'draft-10k.draft');
  const txt = join(outDir, 'draft-10k.txt');
  writeFileSync(draft, generated.draft);
  writeFileSync(txt, generated.txt);
  const manifest: Manifest = {
    draft,
    txt,
    words: generated.words,
    sentences: generated.sentences,
    paragraphs: generated.paragraphs,
    plants: generated.plants,
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(outDir, 'prh.yml'), prhYaml(PRH_RULES));
  writeFileSync(join(outDir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['prh.yml'] } } }, null, 2));
  const big = bigDictionary(300);
  writeFileSync(join(outDir, 'prh-300.yml'), prhYaml(big));
  writeFileSync(join(outDir, 'textlintrc-300.json'), JSON.stringify({ rules: { prh: { rulePaths: ['prh-300.yml'] } } }, null, 2));
  const draftMs = now() - t0;
  const realTexts = [...readAcquisFolder(builtinAcquisDir()).map((s) => s.text), generated.txt];
  const acquis: Array<GeneratedAcquis & { ms: number }> = [];
  for (const size of sizes) {
    const t = now();
    const made = writeSyntheticAcquis(join(outDir, `acquis-${size}`), size, realTexts);
    acquis.push({ ...made, ms: now() - t });
  }
  emit({
    draft,
    txt,
    words: generated.words,
    sentences: generated.sentences,
    paragraphs: generated.paragraphs,
    plants: generated.plants.length,
    prhRules: PRH_RULES.length,
    prhPatterns: PRH_RULES.reduce((n, r) => n + r.patterns.length, 0),
    prhBigRules: big.length,
    draftMs,
    acquis,
  });
}

function countByRule(findings: Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

function measure(draftFile: string, runs: number, extraDir?: string): void {
  const text = readFileSync(draftFile, 'utf8');
  collect();
  const base = process.memoryUsage();
  const tRead = now();
  const sources: SourceFile[] = readAcquisFolder(builtinAcquisDir());
  if (extraDir) sources.push(...readAcquisFolder(resolve(extraDir)));
  const readMs = now() - tRead;
  const sourceBytes = sources.reduce((n, s) => n + s.text.length, 0);

  const tBuild = now();
  const engine = createEngine(sources, DEFAULT_CONFIG);
  const buildMs = now() - tBuild;
  collect();
  const built = process.memoryUsage();

  // The first lint in this process: code not yet optimised, matcher cache empty.
  const tCold = now();
  const cold = engine.lint(draftFile, text);
  const coldMs = now() - tCold;

  // Warm runs: a fresh matcher each time (its cache would otherwise answer from the first run),
  // the same acquis and index.
  const env = { acquis: engine.acquis, config: engine.config };
  lintDraft(readDraft(draftFile, text), { ...env, matcher: new Matcher(engine.acquis) }); // warm-up
  const warm: number[] = [];
  let findings = cold.findings;
  for (let i = 0; i < runs; i++) {
    const t = now();
    const result = lintDraft(readDraft(draftFile, text), { ...env, matcher: new Matcher(engine.acquis) });
    warm.push(now() - t);
    findings = result.findings;
  }
  // Re-linting unchanged text through the engine: what an editor pays when nothing changed.
  const cached: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const t = now();
    engine.lint(draftFile, text);
    cached.push(now() - t);
  }
  collect();
  const after = process.memoryUsage();
  emit({
    documents: engine.acquis.documents.length,
    precedents: engine.acquis.precedents.length,
    precedentWords: engine.acquis.precedents.reduce((n, p) => n + p.words.length, 0),
    vocabulary: engine.acquis.index.vocabulary.size,
    sourceBytes,
    acquisProblems: engine.acquisProblems.length,
    readMs,
    buildMs,
    coldMs,
    warmMedianMs: median(warm),
    warmMinMs: Math.min(...warm),
    cachedMedianMs: median(cached),
    baseHeapMB: base.heapUsed / 2 ** 20,
    heapAfterBuildMB: built.heapUsed / 2 ** 20,
    rssAfterBuildMB: built.rss / 2 ** 20,
    heapAfterLintMB: after.heapUsed / 2 ** 20,
    rssAfterLintMB: after.rss / 2 ** 20,
    gcExposed: Boolean(gc),
    findingsByRule: countByRule(findings),
    findings: findings.map((f) => ({ ruleId: f.ruleId, start: f.span.start, end: f.span.end, message: f.message })),
  });
}

interface Flagged {
  ruleId: string;
  start: number;
  end: number;
}

interface Outcome {
  id: string;
  kind: string;
  inDictionary: boolean;
  departure: boolean;
  acquisDeviation: boolean;
  acquisAgreed: boolean;
  prh: boolean;
}

/**
 * Acquis findings reduced to flagged spans: from the CLI's JSON (format version 1), or from the
 * output of `measure` (its `findings`).
 */
function acquisFlags(file: string): Flagged[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    files?: Array<{ findings: Array<{ ruleId: string; offsets: { start: number; end: number } }> }>;
    findings?: Flagged[];
  };
  if (report.findings) return report.findings;
  return (report.files ?? []).flatMap((f) => f.findings.map((x) => ({ ruleId: x.ruleId, start: x.offsets.start, end: x.offsets.end })));
}

function textlintFlags(file: string): Flagged[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    messages: Array<{ ruleId: string; index?: number; range?: [number, number]; fix?: { range: [number, number] } }>;
  }>;
  // prh reports a one-character range; the span it would replace is the fix's range.
  return report.flatMap((f) =>
    f.messages.map((m) => {
      const [start, end] = m.fix?.range ?? m.range ?? [m.index ?? 0, (m.index ?? 0) + 1];
      return { ruleId: m.ruleId, start, end: Math.max(start + 1, end) };
    }),
  );
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function score(manifestFile: string, acquisJson: string, textlintJson: string): void {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const acquis = acquisFlags(acquisJson);
  const prh = textlintFlags(textlintJson);
  const deviations = acquis.filter((f) => f.ruleId === 'precedent.deviation');
  const agreed = acquis.filter((f) => f.ruleId === 'precedent.agreed' || f.ruleId === 'precedent.voted');
  const outcomes: Outcome[] = manifest.plants.map((p) => ({
    id: p.id,
    kind: p.kind,
    inDictionary: p.inDictionary,
    departure: isDeparture(p.kind),
    acquisDeviation: deviations.some((f) => overlaps(f, p)),
    acquisAgreed: agreed.some((f) => overlaps(f, p)),
    prh: prh.some((f) => overlaps(f, p)),
  }));
  const departures = outcomes.filter((o) => o.departure);
  const controls = outcomes.filter((o) => !o.departure);
  const enumerated = departures.filter((o) => o.inDictionary);
  const notEnumerated = departures.filter((o) => !o.inDictionary);
  const outside = (flags: Flagged[]): number => flags.filter((f) => !manifest.plants.some((p) => overlaps(f, p))).length;
  emit({
    plants: outcomes.length,
    departures: departures.length,
    enumerated: enumerated.length,
    notEnumerated: notEnumerated.length,
    controls: controls.length,
    acquisFound: departures.filter((o) => o.acquisDeviation).length,
    acquisFoundEnumerated: enumerated.filter((o) => o.acquisDeviation).length,
    acquisFoundNotEnumerated: notEnumerated.filter((o) => o.acquisDeviation).length,
    prhFound: departures.filter((o) => o.prh).length,
    prhFoundEnumerated: enumerated.filter((o) => o.prh).length,
    prhFoundNotEnumerated: notEnumerated.filter((o) => o.prh).length,
    acquisControlsFlagged: controls.filter((o) => o.acquisDeviation).length,
    acquisControlsRecognised: controls.filter((o) => o.acquisAgreed && !o.acquisDeviation).length,
    prhControlsFlagged: controls.filter((o) => o.prh).length,
    acquisDeviationsOutsidePlants: outside(deviations),
    acquisAgreedOutsidePlants: outside(acquis.filter((f) => f.ruleId === 'precedent.agreed')),
    prhOutsidePlants: outside(prh),
    kinds: PLANTS.map((p) => p.kind).filter((k, i, all) => all.indexOf(k) === i),
    outcomes,
  });
}

function main(argv: string[]): void {
  const [command, ...args] = argv;
  if (command === 'prepare') {
    prepare(resolve(args[0] ?? '.bench'), (args[1] ?? '').split(',').filter(Boolean).map(Number));
  } else if (command === 'measure') {
    measure(args[0]!, Number(args[1] ?? 7), args[2]);
  } else if (command === 'score') {
    score(args[0]!, args[1]!, args[2]!);
  } else {
    process.stderr.write('usage: in-process.cjs prepare <outDir> <sizes> | measure <draft> <runs> [dir] | score <manifest> <acquis.json> <textlint.json>\n');
    process.exitCode = 2;
  }
}

main(process.argv.slice(2));
