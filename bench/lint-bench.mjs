#!/usr/bin/env node
/**
 * Lint benchmark: prints figures, asserts nothing. See bench/README.md.
 *
 *   node bench/lint-bench.mjs [--runs 7] [--sizes 1000,10000,100000] [--profile]
 *
 * (a) whole-process `acquis lint` on a generated 10,000-word draft;
 * (b) in-process lint and index figures with the built-in acquis and synthetic acquis of 1k, 10k
 *     and 100k paragraphs (each in a fresh `node --expose-gc` process);
 * (c) textlint + textlint-rule-prh on the same text, and what each tool finds of the planted
 *     departures.
 * Generated files go to .bench/ (git-ignored); synthetic acquis folders are reused between runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SourceMap } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundleBench, root } from './bundle.mjs';

const out = join(root, '.bench');
process.chdir(root);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Number(option('runs', '7'));
const SIZES = option('sizes', '1000,10000,100000').split(',').filter(Boolean).map(Number);
const PROFILE = args.includes('--profile');

const TARGET = {
  builtinLintMs: 100,
  bigLintMs: 500,
  bigBuildMs: 20_000,
  bigMemoryMB: 1024,
  processRatio: 10,
};

// ---------------------------------------------------------------------------------------------
// Helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const mb = (x) => `${x.toFixed(0)} MB`;
const mark = (ok) => (ok ? 'met' : 'MISSED');
const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

function run(command, argv, { timeout = 180_000, env } = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(command, argv, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
    timeout,
    env: env ? { ...process.env, ...env } : process.env,
  });
  const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.error) throw new Error(`${command} ${argv.join(' ')}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: elapsed };
}

/** The JSON printed on the last line by .bench/in-process.cjs. */
function lastJson(result, what) {
  const lines = result.stdout.trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]);
  } catch {
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
}

/** Time `argv` several times as a whole process, after one untimed run (file cache). */
function timeProcess(argv, runs) {
  const first = run(process.execPath, argv);
  const times = [];
  let last = first;
  for (let i = 0; i < runs; i++) {
    last = run(process.execPath, argv);
    times.push(last.ms);
  }
  return { median: median(times), min: Math.min(...times), times, first, last };
}

/** Peak resident memory of one run, from GNU time, when it is installed. */
function peakRss(argv) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

/** A bundle's source map, to name the original file (and line) of a profiled function. */
const sourceMaps = new Map();
function originalPlace(url, line, column) {
  if (!url.startsWith('file://')) return { file: url ? basename(url) : '', line: undefined };
  const file = fileURLToPath(url);
  if (!sourceMaps.has(file)) {
    let map;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    sourceMaps.set(file, map);
  }
  const entry = sourceMaps.get(file)?.findEntry(line, column);
  const source = entry?.originalSource;
  if (!source) return { file: basename(file), line: line + 1 };
  return { file: source.replace(/^.*?(node_modules\/|grammar\/|server\/|bench\/)/, '$1'), line: entry.originalLine + 1 };
}

/** Self time by function and by source file in a .cpuprofile, largest first. */
function topFunctions(profileFile, limit = 12) {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const files = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const f = byId.get(id).callFrame;
    const place = originalPlace(f.url, f.lineNumber, f.columnNumber);
    const where = place.file;
    // Minified bundles have one-letter names: the original file and line say which function it is.
    const key = `${f.functionName || '(anonymous)'}${where ? ` (${where}${place.line ? `:${place.line}` : ''})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const group = where.startsWith('node_modules/') ? where.split('/').slice(0, where.startsWith('node_modules/@') ? 3 : 2).join('/') : where || f.functionName;
    files.set(group, (files.get(group) ?? 0) + dt);
  });
  const rank = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, t]) => ({ name, ms: t, share: t / total }));
  return { total, top: rank(self), files: rank(files) };
}

function profileOf(argv, tag) {
  const dir = join(out, 'prof', tag);
  rmSync(dir, { recursive: true, force: true });
  run(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...argv], { timeout: 300_000 });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return file ? topFunctions(join(dir, file)) : undefined;
}

function printProfile(title, profile) {
  if (!profile) return;
  console.log(`\n  CPU profile, ${title} (${ms(profile.total)} sampled), self time by source file:`);
  for (const f of profile.files) console.log(`    ${ms(f.ms).padStart(9)}  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
  console.log('  by function:');
  for (const f of profile.top) console.log(`    ${ms(f.ms).padStart(9)}  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => `| ${r.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------
// Set-up

const started = Date.now();
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` (or `npm run bench`, which builds first).');
  process.exit(2);
}
const bundle = await bundleBench('in-process.ts', 'in-process.cjs', { legalComments: 'none', sourcemap: true });

const prep = lastJson(run(process.execPath, [bundle, 'prepare', out, SIZES.join(',')], { timeout: 300_000 }), 'prepare');
const draft = prep.draft;
const relDraft = draft.slice(root.length + 1);
const relTxt = prep.txt.slice(root.length + 1);
const manifest = join(out, 'manifest.json');

console.log('Acquis lint benchmark');
const loadBefore = loadavg()[0];
console.log(`node ${process.version}, ${cpus().length} cores; ${RUNS} timed runs per figure; load average ${loadBefore.toFixed(2)} at start`);
if (loadBefore > 0.7) console.log('  (the machine is busy: whole-process times in particular will be noisy)');
console.log(
  `Draft: ${relDraft}: ${prep.words} words, ${prep.paragraphs} numbered paragraphs, ${prep.sentences} sentences, ` +
    `${prep.plants} of them planted quotes of the built-in acquis (${((prep.plants / prep.sentences) * 100).toFixed(1)}% of sentences)`,
);
for (const a of prep.acquis) {
  console.log(
    `Synthetic acquis ${label(a.paragraphs)}: ${a.documents} documents, ${a.paragraphs} paragraphs, ${(a.words / 1e6).toFixed(2)} M words, ` +
      `${(a.bytes / 2 ** 20).toFixed(1)} MB (${a.reused ? 'reused' : `generated in ${ms(a.ms)}`})`,
  );
}

// ---------------------------------------------------------------------------------------------
// (a) Whole-process acquis lint

const acquisArgv = [join('bin', 'acquis.js'), 'lint', relDraft, '--format', 'json'];
const nodeOnly = timeProcess(['-e', '0'], RUNS);
const cliVersion = timeProcess([join('bin', 'acquis.js'), '--version'], RUNS);
const acquisProc = timeProcess(acquisArgv, RUNS);
const acquisReportFile = join(out, 'acquis-report.json');
writeFileSync(acquisReportFile, acquisProc.last.stdout);
let acquisReport;
try {
  acquisReport = JSON.parse(acquisProc.last.stdout);
} catch {
  acquisReport = undefined;
}
const cliByRule = {};
for (const f of acquisReport?.files.flatMap((x) => x.findings) ?? []) cliByRule[f.ruleId] = (cliByRule[f.ruleId] ?? 0) + 1;
const acquisRss = peakRss(acquisArgv);

console.log('\n(a) Whole process: node bin/acquis.js lint <10k-word draft> --format json');
const snapshot = join(root, 'dist', 'builtin-acquis.json');
console.log(
  existsSync(snapshot)
    ? '  (dist/builtin-acquis.json present: the CLI loads the built-in acquis from this snapshot when it matches the sources)'
    : '  (no dist/builtin-acquis.json: the CLI parses the built-in acquis on each run)',
);
if (!acquisReport) {
  console.log(`  THE RUN FAILED (exit ${acquisProc.last.status}); its times below are of a failing run:`);
  console.log(`  ${acquisProc.last.stderr.trim().split('\n').join('\n  ')}`);
}
console.log(`  median ${ms(acquisProc.median)}, min ${ms(acquisProc.min)} (runs: ${acquisProc.times.map((t) => t.toFixed(0)).join(', ')} ms); exit code ${acquisProc.last.status}`);
console.log(`  for scale: \`node -e 0\` ${ms(nodeOnly.median)}; \`acquis --version\` (load the bundle, no lint) ${ms(cliVersion.median)}`);
if (acquisRss) console.log(`  peak RSS ${mb(acquisRss)}`);
if (acquisReport) {
  console.log(`  acquis: ${acquisReport.acquis.documents} documents, ${acquisReport.acquis.precedents} precedents`);
  console.log(`  findings by rule: ${Object.entries(cliByRule).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
}

// ---------------------------------------------------------------------------------------------
// (b) In-process figures

const measure = (dir) =>
  lastJson(
    run(process.execPath, ['--expose-gc', '--max-old-space-size=6144', bundle, 'measure', draft, String(RUNS), ...(dir ? [dir] : [])], {
      timeout: 300_000,
    }),
    `measure ${dir ?? 'built-in'}`,
  );
const scoreOf = (measured, textlintFile) => {
  const file = join(out, 'measured-findings.json');
  writeFileSync(file, JSON.stringify({ findings: measured.findings }));
  return lastJson(run(process.execPath, [bundle, 'score', manifest, file, textlintFile]), 'score');
};
const emptyTextlint = join(out, 'textlint-empty.json');
writeFileSync(emptyTextlint, '[]');

const builtinHeapMB = () => measured[0].m.heapAfterBuildMB;
const sizes = [{ name: 'built-in', paragraphs: 0, dir: undefined }, ...prep.acquis.map((a) => ({ name: label(a.paragraphs), paragraphs: a.paragraphs, dir: a.dir }))];
const measured = [];
console.log('\n(b) In process: createEngine(sources) then lint of the same draft (fresh process per acquis)');
for (const size of sizes) {
  const m = measure(size.dir);
  const s = scoreOf(m, emptyTextlint);
  measured.push({ ...size, m, s });
  console.log(
    `  ${size.name.padEnd(8)} ${String(m.documents).padStart(5)} docs ${String(m.precedents).padStart(7)} precedents ${String(m.vocabulary).padStart(6)} words | ` +
      `read ${ms(m.readMs)}, build ${ms(m.buildMs)} | lint cold ${ms(m.coldMs)}, warm median ${ms(m.warmMedianMs)} (min ${ms(m.warmMinMs)}), ` +
      `cached re-lint ${ms(m.cachedMedianMs)} | heap ${mb(m.heapAfterBuildMB)}, RSS ${mb(m.rssAfterBuildMB)} after build | ` +
      `planted departures flagged ${s.acquisFound}/${s.departures}, other deviation findings ${s.acquisDeviationsOutsidePlants}`,
  );
  if (size.dir) {
    const perWord = ((m.heapAfterBuildMB - builtinHeapMB()) * 2 ** 20) / (m.precedentWords - measured[0].m.precedentWords);
    console.log(`           ${(m.precedentWords / 1e6).toFixed(2)} M precedent words; about ${perWord.toFixed(0)} bytes of heap per precedent word`);
  }
  if (m.acquisProblems) console.log(`           (the acquis has ${m.acquisProblems} problems: the CLI would refuse it)`);
}
const builtin = measured[0];
const loadAfter = loadavg()[0];
const big = measured.find((x) => x.paragraphs === 100_000);
console.log(`  target: 10k-word draft < ${TARGET.builtinLintMs} ms with the built-in acquis: warm ${ms(builtin.m.warmMedianMs)} ${mark(builtin.m.warmMedianMs < TARGET.builtinLintMs)}; cold first run ${ms(builtin.m.coldMs)} ${mark(builtin.m.coldMs < TARGET.builtinLintMs)}`);
if (big) {
  console.log(`  target: < ${TARGET.bigLintMs} ms with 100k paragraphs: warm ${ms(big.m.warmMedianMs)} ${mark(big.m.warmMedianMs < TARGET.bigLintMs)}; cold ${ms(big.m.coldMs)} ${mark(big.m.coldMs < TARGET.bigLintMs)}`);
  console.log(`  target: 100k-paragraph index built in < ${TARGET.bigBuildMs / 1000} s: ${ms(big.m.buildMs)} ${mark(big.m.buildMs < TARGET.bigBuildMs)}`);
  console.log(`  target: within 1 GB: heap ${mb(big.m.heapAfterBuildMB)} ${mark(big.m.heapAfterBuildMB < TARGET.bigMemoryMB)}, RSS ${mb(big.m.rssAfterBuildMB)} ${mark(big.m.rssAfterBuildMB < TARGET.bigMemoryMB)}`);
}

// ---------------------------------------------------------------------------------------------
// (c) textlint + prh

const textlintArgvFor = (config) => [join('node_modules', 'textlint', 'bin', 'textlint.js'), '--config', join('.bench', config), '--format', 'json', relTxt];
const textlintArgv = textlintArgvFor('.textlintrc.json');
const textlintProc = timeProcess(textlintArgv, RUNS);
const textlint300 = timeProcess(textlintArgvFor('textlintrc-300.json'), RUNS);
const textlint300File = join(out, 'textlint-300-report.json');
let textlint300Ok = true;
try {
  JSON.parse(textlint300.last.stdout);
  writeFileSync(textlint300File, textlint300.last.stdout);
} catch {
  textlint300Ok = false;
  writeFileSync(textlint300File, '[]');
}
const textlintFile = join(out, 'textlint-report.json');
writeFileSync(textlintFile, textlintProc.last.stdout);
let textlintOk = true;
try {
  JSON.parse(textlintProc.last.stdout);
} catch {
  textlintOk = false;
  writeFileSync(textlintFile, '[]');
}
const textlintRss = peakRss(textlintArgv);
const textlintVersion = timeProcess([join('node_modules', 'textlint', 'bin', 'textlint.js'), '--version'], RUNS);
const score = lastJson(run(process.execPath, [bundle, 'score', manifest, acquisReport ? acquisReportFile : join(out, 'measured-findings.json'), textlintFile]), 'score');
const score300 = lastJson(run(process.execPath, [bundle, 'score', manifest, acquisReport ? acquisReportFile : join(out, 'measured-findings.json'), textlint300File]), 'score');
const ratio = textlintProc.median / acquisProc.median;
const ratio300 = textlint300.median / acquisProc.median;

console.log(`\n(c) textlint 15 + textlint-rule-prh 6.1 (prh 5.4.4) on ${relTxt} (the same text, one paragraph per line)`);
console.log(`  dictionary .bench/prh.yml: ${prep.prhRules} rules, ${prep.prhPatterns} patterns (the agreed formulations and their enumerated variants; hyphenated patterns as regular expressions)`);
if (!textlintOk) console.log(`  THE RUN FAILED (exit ${textlintProc.last.status}): ${textlintProc.last.stderr.trim().split('\n').slice(0, 5).join(' / ')}`);
console.log(`  median ${ms(textlintProc.median)}, min ${ms(textlintProc.min)} (runs: ${textlintProc.times.map((t) => t.toFixed(0)).join(', ')} ms); \`textlint --version\` ${ms(textlintVersion.median)}`);
if (textlintRss) console.log(`  peak RSS ${mb(textlintRss)}`);
console.log(`  whole-process ratio textlint / acquis: ${ratio.toFixed(2)}x (target >= ${TARGET.processRatio}x: ${mark(ratio >= TARGET.processRatio)})`);
console.log(
  `  for scale, a 300-rule dictionary (PEERS.md's size; .bench/prh-300.yml: the rules above plus generated word-drop and word-swap variants of built-in sentences): ` +
    `median ${ms(textlint300.median)}, min ${ms(textlint300.min)}${textlint300Ok ? '' : ` (RUN FAILED, exit ${textlint300.last.status})`}; ratio ${ratio300.toFixed(2)}x; ` +
    `flags ${score300.prhFound}/${score300.departures} planted departures (${score300.prhFoundNotEnumerated} of those the small dictionary leaves out), ${score300.prhOutsidePlants} findings elsewhere`,
);
const needed = textlintProc.median / TARGET.processRatio;
console.log(
  `  a ${TARGET.processRatio}x ratio needs acquis under ${ms(needed)} per whole process; \`node -e 0\` alone takes ${ms(nodeOnly.median)} here`,
);
if (!acquisReport) console.log('  (acquis detection below from the in-process run with the built-in acquis, as the CLI run failed)');
console.log(`  planted departures: ${score.departures} (${score.enumerated} enumerated in the dictionary, ${score.notEnumerated} deliberately not)`);
console.log(`    acquis flags ${score.acquisFound}/${score.departures}: ${score.acquisFoundEnumerated}/${score.enumerated} enumerated, ${score.acquisFoundNotEnumerated}/${score.notEnumerated} not enumerated`);
console.log(`    prh    flags ${score.prhFound}/${score.departures}: ${score.prhFoundEnumerated}/${score.enumerated} enumerated, ${score.prhFoundNotEnumerated}/${score.notEnumerated} not enumerated`);
console.log(`    found by acquis and not enumerated in the dictionary: ${score.outcomes.filter((o) => o.departure && o.acquisDeviation && !o.prh).map((o) => `${o.id} (${o.kind})`).join(', ') || 'none'}`);
console.log(`    missed by acquis: ${score.outcomes.filter((o) => o.departure && !o.acquisDeviation).map((o) => `${o.id} (${o.kind})`).join(', ') || 'none'}`);
console.log(
  `  controls (verbatim quotes and ICTs/expansion, not departures): ${score.controls}; acquis recognised ${score.acquisControlsRecognised} as agreed language and flagged ${score.acquisControlsFlagged}` +
    `${score.acquisControlsFlagged ? ` (${score.outcomes.filter((o) => !o.departure && o.acquisDeviation).map((o) => o.id).join(', ')})` : ''}; prh flagged ${score.prhControlsFlagged}`,
);
console.log(
  `  findings outside the planted sentences: acquis deviations ${score.acquisDeviationsOutsidePlants} (and ${score.acquisAgreedOutsidePlants} precedent.agreed on stock phrases of the filler prose), prh ${score.prhOutsidePlants}`,
);

console.log('\n  per planted sentence (D dropped phrase, N negation, M modal, S substitution, R reorder, U US spelling, H hyphenation; V verbatim, A abbreviation):');
const byKind = new Map();
for (const o of score.outcomes) byKind.set(o.id, o);
const cell = (o) => `${o.id}${o.departure ? (o.inDictionary ? '*' : '') : ''}:${o.departure ? (o.acquisDeviation ? 'A' : '-') + (o.prh ? 'P' : '-') : (o.acquisDeviation ? 'a!' : o.acquisAgreed ? 'ok' : '--') + (o.prh ? 'p!' : '')}`;
console.log(`    ${[...byKind.values()].sort((a, b) => a.id.localeCompare(b.id)).map(cell).join('  ')}`);
console.log('    (* enumerated in the dictionary; A/P flagged by acquis/prh; ok = recognised as agreed, a!/p! = flagged although not a departure)');

// ---------------------------------------------------------------------------------------------
// Optional CPU profiles

if (PROFILE) {
  printProfile('whole-process acquis lint', profileOf(acquisArgv, 'cli'));
  const biggest = measured[measured.length - 1];
  printProfile(
    `in-process build + lint, ${biggest.name} acquis`,
    profileOf([bundle, 'measure', draft, '1', ...(biggest.dir ? [biggest.dir] : [])], 'measure'),
  );
}

// ---------------------------------------------------------------------------------------------
// Summary

console.log('\nSummary');
const rows = [['figure', 'value', 'target', 'status']];
rows.push(['(a) acquis lint, whole process, median', ms(acquisProc.median), '-', acquisReport ? '' : 'run failed']);
rows.push(['(a) acquis lint, whole process, min', ms(acquisProc.min), '-', '']);
rows.push(['(b) lint 10k words, built-in acquis, warm median', ms(builtin.m.warmMedianMs), `< ${TARGET.builtinLintMs} ms`, mark(builtin.m.warmMedianMs < TARGET.builtinLintMs)]);
rows.push(['(b) lint 10k words, built-in acquis, cold first run', ms(builtin.m.coldMs), `< ${TARGET.builtinLintMs} ms`, mark(builtin.m.coldMs < TARGET.builtinLintMs)]);
for (const x of measured.slice(1)) {
  const isBig = x.paragraphs === 100_000;
  rows.push([`(b) ${x.name} paragraphs: index build`, ms(x.m.buildMs), isBig ? `< ${TARGET.bigBuildMs / 1000} s` : '-', isBig ? mark(x.m.buildMs < TARGET.bigBuildMs) : '']);
  rows.push([`(b) ${x.name} paragraphs: lint warm median`, ms(x.m.warmMedianMs), isBig ? `< ${TARGET.bigLintMs} ms` : '-', isBig ? mark(x.m.warmMedianMs < TARGET.bigLintMs) : '']);
  rows.push([`(b) ${x.name} paragraphs: lint cold`, ms(x.m.coldMs), '-', '']);
  rows.push([`(b) ${x.name} paragraphs: heap / RSS after build`, `${mb(x.m.heapAfterBuildMB)} / ${mb(x.m.rssAfterBuildMB)}`, isBig ? '< 1 GB' : '-', isBig ? mark(x.m.rssAfterBuildMB < TARGET.bigMemoryMB) : '']);
}
rows.push(['(c) textlint + prh, whole process, median', ms(textlintProc.median), '-', textlintOk ? '' : 'run failed']);
rows.push(['(c) textlint + prh (300 rules), whole process, median', ms(textlint300.median), '-', textlint300Ok ? '' : 'run failed']);
rows.push(['(c) whole-process ratio textlint / acquis', `${ratio.toFixed(2)}x`, `>= ${TARGET.processRatio}x`, mark(ratio >= TARGET.processRatio)]);
rows.push(['(c) same, 300-rule dictionary', `${ratio300.toFixed(2)}x`, `>= ${TARGET.processRatio}x`, mark(ratio300 >= TARGET.processRatio)]);
rows.push(['(c) planted departures found: acquis', `${score.acquisFound}/${score.departures}`, '-', '']);
rows.push(['(c) planted departures found: prh', `${score.prhFound}/${score.departures}`, '-', '']);
rows.push(['(c) found by acquis, not in the dictionary', `${score.acquisFoundNotEnumerated}/${score.notEnumerated}`, '-', '']);
table(rows);
console.log(`\nLoad average ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} after (b), ${loadavg()[0].toFixed(2)} at the end (${cpus().length} cores).`);
console.log(`(benchmark took ${((Date.now() - started) / 1000).toFixed(0)} s; data in .bench/)`);
