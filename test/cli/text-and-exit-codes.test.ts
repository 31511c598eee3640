/**
 * `acquis lint` spawned as a process: the text format (`path:line:col severity rule-id message`,
 * 1-based, then a summary line), the exit codes (0, 1 at or above the threshold, 2 for usage and
 * input errors), and the `rules`, `--version` and `--help` commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquis,
  cleanTempDirs,
  copyFixture,
  copyLighthouseAcquis,
  DEMO,
  describeRun,
  FIXTURES,
  LIGHTHOUSE_ACQUIS,
  LIGHTHOUSE_MESSAGE,
  linesOf,
  requireBuild,
  ROOT,
  tempDir,
  writeFiles,
} from './helpers';

requireBuild();
cleanTempDirs();

/** The planted departures of samples/demo.draft (samples/README.md), as the text format prints them. */
const DEMO_DEVIATIONS = [
  'samples/demo.draft:45:1 info precedent.deviation Editorial departure from agreed language of A/70/174, para. 33 (consensus, 2015; also A/RES/73/27, PP11): "behavior" for "behaviour" (spelling).',
  'samples/demo.draft:68:79 warning precedent.deviation Word-order departure from agreed language of A/70/174, para. 35 (consensus, 2015): "regional, bilateral" for "bilateral, regional" (list order).',
  'samples/demo.draft:75:9 info precedent.deviation Editorial departure from agreed language of A/68/98, para. 13 (consensus, 2013; also A/RES/73/27, PP11): "capacity building" for "capacity-building" (hyphenation).',
  'samples/demo.draft:83:58 warning precedent.deviation Departure from agreed language of A/70/174, para. 18 (consensus, 2015; also A/68/98, para. 29): "cooperative measures" for "cooperation".',
  'samples/demo.draft:84:34 warning precedent.deviation Departure from agreed language of A/70/174, para. 18 (consensus, 2015; also A/68/98, para. 29): drops "with broad participation".',
  'samples/demo.draft:89:1 error precedent.deviation Substantive departure from agreed language of A/70/174, para. 33 (consensus, 2015): drops "not" (negation).',
  'samples/demo.draft:97:59 error precedent.deviation Substantive departure from agreed language of A/70/174, para. 35 (consensus, 2015): "must" for "should" (modal verb).',
  'samples/demo.draft:102:30 error precedent.deviation Substantive departure from agreed language of A/65/201, para. 18 (i) (consensus, 2010): adds "all" (quantifier).',
];

const FINDING_LINE = /^(?<path>[^:]+):(?<line>\d+):(?<col>\d+) (?<severity>error|warning|info|hint) (?<rule>[a-z][a-z.]*) (?<message>.+)$/;

/** The summary line the text format should end with, computed from the finding lines. */
function expectedSummary(findingLines: string[], files: number): string {
  const counts: Record<string, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const l of findingLines) counts[FINDING_LINE.exec(l)!.groups!.severity!]!++;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => counts[s]! > 0)
    .map((s) => `${counts[s]} ${s === 'info' || s === 'hint' ? s : `${s}${counts[s] === 1 ? '' : 's'}`}`);
  const fileWord = `${files} file${files === 1 ? '' : 's'}`;
  return parts.length ? `${parts.join(', ')} in ${fileWord}.` : `No findings in ${fileWord}.`;
}

describe('text format', () => {
  it('prints every planted departure of the demo as path:line:col severity rule-id message, then a summary', () => {
    const r = acquis(['lint', 'samples/demo.draft'], ROOT);
    expect(r.stderr, describeRun(r)).toBe('');
    expect(r.status, describeRun(r)).toBe(1);
    const lines = linesOf(r.stdout);
    const findings = lines.slice(0, -1);
    for (const l of findings) expect(l).toMatch(FINDING_LINE);
    expect(findings.filter((l) => l.includes(' precedent.deviation '))).toEqual(DEMO_DEVIATIONS);
    // The findings come in file order.
    const positions = findings.map((l) => FINDING_LINE.exec(l)!.groups!).map((g) => [Number(g.line), Number(g.col)] as const);
    const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(positions).toEqual(sorted);
    expect(lines.at(-1)).toBe(expectedSummary(findings, 1));
  });

  it('gives 1-based lines and columns that point at the quoted words', () => {
    const r = acquis(['lint', 'samples/demo.draft'], ROOT);
    const demo = readFileSync(DEMO, 'utf8').split('\n');
    const at = (line: number, col: number): string => demo[line - 1]!.slice(col - 1);
    const starts = linesOf(r.stdout)
      .filter((l) => l.includes(' precedent.deviation '))
      .map((l) => FINDING_LINE.exec(l)!.groups!)
      .map((g) => at(Number(g.line), Number(g.col)).slice(0, 30));
    expect(starts).toEqual([
      'behavior.[^2]',
      'regional, bilateral',
      'capacity building and the diss',
      'cooperative measures. The OEWG',
      'dialogue under the auspices of',
      'should duplicate ongoing work ',
      'must take these efforts into a',
      'all States to discuss norms pe',
    ]);
  });

  it('prints the exact output for a small acquis of its own', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    copyFixture('lighthouse-quote.draft', dir);
    copyLighthouseAcquis(dir);
    const r = acquis(['lint', 'lighthouse.draft', 'lighthouse-quote.draft', '--no-builtin', '--acquis', 'acquis'], dir);
    expect(r.stdout).toBe(
      [
        `lighthouse.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}`,
        'lighthouse-quote.draft:6:4 info precedent.agreed Agreed language: A/99/777, para. 8 (consensus, 2030).',
        '1 warning, 1 info in 2 files.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  it('says "No findings" and exits 0 for a draft that quotes no agreed language', () => {
    const dir = tempDir();
    copyFixture('clean.draft', dir);
    const r = acquis(['lint', 'clean.draft'], dir);
    expect(r.stdout, describeRun(r)).toBe('No findings in 1 file.\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('reports a syntax problem of the draft itself as a finding (exit 1), not as an input error', () => {
    const dir = tempDir();
    writeFiles(dir, { 'broken.draft': '1. States {++@Mexico: all++ agreed.\n' });
    const r = acquis(['lint', 'broken.draft', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stdout).toMatch(/^broken\.draft:1:11 error syntax .+\n1 error in 1 file\.\n$/);
  });
});

describe('exit codes', () => {
  /** lighthouse.draft has one warning (a deviation); lighthouse-quote.draft one info (agreed language). */
  const setUp = (config?: string): string => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    copyFixture('lighthouse-quote.draft', dir);
    copyLighthouseAcquis(dir);
    if (config !== undefined) writeFiles(dir, { 'acquis.config.yaml': config });
    return dir;
  };
  const lintIn = (dir: string, file: string, ...extra: string[]) =>
    acquis(['lint', file, '--no-builtin', '--acquis', 'acquis', ...extra], dir);

  it('fails at the default threshold, warning, and not below it', () => {
    const dir = setUp();
    expect(lintIn(dir, 'lighthouse.draft').status).toBe(1);
    expect(lintIn(dir, 'lighthouse-quote.draft').status).toBe(0);
  });

  it.each([
    ['error', 0, 0],
    ['warning', 1, 0],
    ['info', 1, 1],
    ['hint', 1, 1],
    ['none', 0, 0],
  ])('--max-severity %s: exit %i for a warning, %i for an info', (level, forWarning, forInfo) => {
    const dir = setUp();
    expect(lintIn(dir, 'lighthouse.draft', '--max-severity', level).status).toBe(forWarning);
    expect(lintIn(dir, 'lighthouse-quote.draft', '--max-severity', level).status).toBe(forInfo);
  });

  it.each([
    ['error', 0, 0],
    ['warning', 1, 0],
    ['info', 1, 1],
    ['none', 0, 0],
  ])('failOn: %s in the configuration: exit %i for a warning, %i for an info', (level, forWarning, forInfo) => {
    const dir = setUp(`failOn: ${level}\n`);
    expect(lintIn(dir, 'lighthouse.draft').status).toBe(forWarning);
    expect(lintIn(dir, 'lighthouse-quote.draft').status).toBe(forInfo);
  });

  it('lets --max-severity override failOn', () => {
    const dir = setUp('failOn: none\n');
    expect(lintIn(dir, 'lighthouse.draft', '--max-severity', 'warning').status).toBe(1);
    const strict = setUp('failOn: info\n');
    expect(lintIn(strict, 'lighthouse-quote.draft', '--max-severity', 'none').status).toBe(0);
  });

  it('exits 1 on the demo by default, 0 with --max-severity none, and still prints the findings', () => {
    const failing = acquis(['lint', 'samples/demo.draft'], ROOT);
    const lenient = acquis(['lint', 'samples/demo.draft', '--max-severity', 'none'], ROOT);
    expect(failing.status, describeRun(failing)).toBe(1);
    expect(lenient.status, describeRun(lenient)).toBe(0);
    expect(lenient.stdout).toBe(failing.stdout);
  });
});

describe('usage and input errors: exit 2', () => {
  it.each([
    ['an unknown option', ['lint', 'x.draft', '--bogus'], "error: unknown option '--bogus'\n"],
    [
      'an unknown format',
      ['lint', 'x.draft', '--format', 'xml'],
      "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github.\n",
    ],
    [
      'an unknown severity',
      ['lint', 'x.draft', '--max-severity', 'fatal'],
      "error: option '--max-severity <level>' argument 'fatal' is invalid. Allowed choices are error, warning, info, hint, none.\n",
    ],
    ['no files', ['lint'], "error: missing required argument 'files'\n"],
    ['an unknown command', ['frobnicate'], "error: unknown command 'frobnicate'\n"],
  ])('%s', (_what, args, message) => {
    const dir = tempDir();
    const r = acquis(args, dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
  });

  it('a missing file, named in the message', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    const r = acquis(['lint', 'lighthouse.draft', 'nowhere/missing.draft', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe('nowhere/missing.draft: error: cannot read: no such file.\n');
  });

  it('a missing file with the built-in acquis too', () => {
    const dir = tempDir();
    const r = acquis(['lint', 'missing.draft'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe('missing.draft: error: cannot read: no such file.\n');
  });

  it('an --acquis folder that does not exist', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    const r = acquis(['lint', 'lighthouse.draft', '--no-builtin', '--acquis', 'no-such-folder'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'no-such-folder')}: error: acquis folder not found.\n`);
  });

  it('an explicit --config file that does not exist', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    const r = acquis(['lint', 'lighthouse.draft', '--config', 'nope.yaml'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'nope.yaml')}: error: cannot read: no such file.\n`);
  });
});

describe('other commands', () => {
  it('`acquis rules` lists the rule ids with their default severity', () => {
    const r = acquis(['rules']);
    expect(r.status, describeRun(r)).toBe(0);
    const rows = linesOf(r.stdout).map((l) => l.split(/\s+/).slice(0, 2));
    expect(rows).toEqual([
      ['precedent.deviation', 'warning'],
      ['precedent.voted', 'warning'],
      ['precedent.agreed', 'info'],
      ['suppression.reason', 'warning'],
      ['term.contested', 'warning'],
      ['term.unclear', 'info'],
      ['attribution.consensus', 'warning'],
      ['norms.obligation', 'warning'],
      ['style.spelling', 'info'],
      ['style.capitals', 'info'],
      ['mandate.coverage', 'warning'],
      ['citation.valid', 'error'],
      ['numbering.sequence', 'warning'],
      ['xref.valid', 'warning'],
      ['syntax', 'error'],
    ]);
    expect(r.stdout).toContain('precedent.deviation    warning  A quote of agreed language departs from the precedent wording.\n');
  });

  it('`--version` and `-v` print the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = acquis([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('`--help` and `lint --help` exit 0 and describe the commands and options', () => {
    const top = acquis(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/^Usage: acquis \[options\] \[command\]/);
    expect(top.stdout).toContain('lint [options] <files...>');
    expect(top.stdout).toContain('rules');
    const lint = acquis(['lint', '--help']);
    expect(lint.status).toBe(0);
    for (const option of ['--format <format>', '--acquis <dir>', '--no-builtin', '--config <file>', '--max-severity <level>', '--fix', '--fix-dry-run', '--output <file>']) {
      expect(lint.stdout).toContain(option);
    }
  });
});
