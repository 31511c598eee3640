/**
 * Where the acquis comes from (`--acquis`, `--no-builtin`, the configuration's `builtin` and
 * `acquis`), rule settings in `acquis.config.yaml`, and the input errors of an unusable acquis
 * document or a bad configuration: `file:line:col` on standard error, exit code 2.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquis,
  cleanTempDirs,
  copyFixture,
  copyLighthouseAcquis,
  DEMO,
  describeRun,
  LIGHTHOUSE_MESSAGE,
  linesOf,
  parseJsonReport,
  requireBuild,
  tempDir,
  writeFiles,
} from './helpers';

requireBuild();
cleanTempDirs();

/** A folder with a copy of the demo (as demo.draft) and of the lighthouse draft, plus `files`. */
function project(files: Record<string, string> = {}): string {
  const dir = tempDir();
  copyFileSync(DEMO, join(dir, 'demo.draft'));
  copyFixture('lighthouse.draft', dir);
  writeFiles(dir, files);
  return dir;
}

const rulesOf = (stdout: string): string[] =>
  linesOf(stdout)
    .slice(0, -1)
    .map((l) => l.split(' ')[2]!);

describe('acquis folders', () => {
  it('--acquis adds a folder: the deviation names its document', () => {
    const dir = project();
    copyLighthouseAcquis(dir, 'our-acquis');
    const r = acquis(['lint', 'lighthouse.draft', '--acquis', 'our-acquis'], dir);
    expect(r.stdout, describeRun(r)).toBe(`lighthouse.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}\n1 warning in 1 file.\n`);
    expect(r.status).toBe(1);
  });

  it('--acquis is repeatable and keeps the built-in acquis', () => {
    const dir = project();
    copyLighthouseAcquis(dir, 'one');
    writeFiles(dir, {
      'two/A-99-888.draft':
        '---\ntitle: Another made-up report\nsymbol: A/99/888\nyear: 2031\nkind: report\nadoption: vote 100-20-30\n---\n\n3. Delegations welcomed the reopening of the northern ferry route after the winter closure.\n',
      'ferry.draft': '1. Delegations welcomed the reopening of the southern ferry route after the winter closure.\n',
    });
    const r = acquis(['lint', 'lighthouse.draft', 'ferry.draft', 'demo.draft', '--acquis', 'one', '--acquis', 'two', '-f', 'json'], dir);
    const report = parseJsonReport(r);
    const [lighthouse, ferry, demo] = report.files;
    expect(lighthouse!.findings.map((f) => f.precedent?.symbol)).toEqual(['A/99/777']);
    expect(ferry!.findings.find((f) => f.ruleId === 'precedent.deviation')?.precedent).toMatchObject({
      symbol: 'A/99/888',
      paragraph: '3',
      adoption: 'vote',
      tally: { inFavour: 100, against: 20, abstaining: 30 },
    });
    expect(demo!.findings.filter((f) => f.ruleId === 'precedent.deviation')).toHaveLength(8);
  });

  it('--no-builtin drops the built-in acquis: the demo findings vanish', () => {
    const dir = project();
    const withBuiltin = acquis(['lint', 'demo.draft'], dir);
    expect(withBuiltin.status, describeRun(withBuiltin)).toBe(1);
    const r = acquis(['lint', 'demo.draft', '--no-builtin'], dir);
    // Rules that need no acquis (spelling, citations) still speak; no precedent is found.
    expect(precedentLines(r.stdout), describeRun(r)).toEqual([]);
    expect(r.stdout).toContain(DEMO_SPELLING);
    expect(r.status).toBe(0);
  });

  it('a configuration with builtin: false and acquis: [folder] does the same, relative to the config file', () => {
    const dir = project({ 'acquis.config.yaml': 'builtin: false\nacquis: [vendor/lighthouse]\n' });
    copyLighthouseAcquis(dir, 'vendor/lighthouse');
    const r = acquis(['lint', 'demo.draft', 'lighthouse.draft'], dir);
    expect(precedentLines(r.stdout), describeRun(r)).toEqual([`lighthouse.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}`]);
    expect(r.status).toBe(1);
    // Found from a sub-folder too, its acquis folder still relative to the file.
    copyFixture('lighthouse.draft', join(dir, 'sub', 'deeper'));
    const below = acquis(['lint', 'lighthouse.draft'], join(dir, 'sub', 'deeper'));
    expect(below.stdout, describeRun(below)).toBe(`lighthouse.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}\n1 warning in 1 file.\n`);
  });

  it('--config names a configuration file elsewhere', () => {
    const dir = project({ 'settings/strict.yaml': 'builtin: false\nacquis: [../acq]\nfailOn: error\n' });
    copyLighthouseAcquis(dir, 'acq');
    const r = acquis(['lint', 'lighthouse.draft', 'demo.draft', '--config', 'settings/strict.yaml'], dir);
    expect(precedentLines(r.stdout), describeRun(r)).toEqual([`lighthouse.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}`]);
    expect(r.status).toBe(0);
  });
});

/** The lines of precedent findings: what the acquis decides. */
const precedentLines = (stdout: string): string[] => linesOf(stdout).filter((l) => / precedent\./.test(l));

/** A finding on the demo that needs no acquis: a US spelling (style.spelling). */
const DEMO_SPELLING = 'demo.draft:45:1 info style.spelling UN editorial style (Oxford spelling) writes "behaviour", not "behavior".';

describe('rule settings', () => {
  it('rules: { precedent.agreed: off } removes those findings and nothing else', () => {
    const dir = project();
    const before = acquis(['lint', 'demo.draft'], dir);
    expect(rulesOf(before.stdout), describeRun(before)).toContain('precedent.agreed');
    writeFiles(dir, { 'acquis.config.yaml': 'rules:\n  precedent.agreed: off\n' });
    const after = acquis(['lint', 'demo.draft'], dir);
    expect(after.status, describeRun(after)).toBe(1);
    expect(rulesOf(after.stdout)).not.toContain('precedent.agreed');
    const kept = linesOf(before.stdout)
      .slice(0, -1)
      .filter((l) => !l.includes(' precedent.agreed '));
    expect(linesOf(after.stdout).slice(0, -1)).toEqual(kept);
  });

  it('rules: { precedent.deviation: error } raises every deviation to error', () => {
    const dir = project();
    const before = acquis(['lint', 'demo.draft'], dir);
    writeFiles(dir, { 'acquis.config.yaml': 'rules:\n  precedent.deviation: error\n' });
    const after = acquis(['lint', 'demo.draft'], dir);
    expect(after.status, describeRun(after)).toBe(1);
    const deviations = (s: string) =>
      linesOf(s)
        .slice(0, -1)
        .filter((l) => l.includes(' precedent.deviation '));
    expect(deviations(after.stdout)).toHaveLength(8);
    expect(deviations(after.stdout)).toEqual(deviations(before.stdout).map((l) => l.replace(/ (error|warning|info|hint) precedent\.deviation /, ' error precedent.deviation ')));
    expect(linesOf(after.stdout).at(-1)).toBe(
      linesOf(before.stdout).at(-1)!.replace(/^3 errors, 5 warnings, 7 info/, '8 errors, 2 warnings, 5 info'),
    );
  });

  it('the per-grade form sets each grade, and failOn decides the exit code', () => {
    const dir = project({
      'acquis.config.yaml': 'failOn: error\nrules:\n  precedent.deviation:\n    substantive: warning\n    editorial: hint\n',
    });
    const r = acquis(['lint', 'demo.draft', '-f', 'json'], dir);
    const deviations = parseJsonReport(r).files[0]!.findings.filter((f) => f.ruleId === 'precedent.deviation');
    expect(deviations.map((f) => [f.data?.grade, f.severity])).toEqual([
      ['editorial', 'hint'],
      ['structural', 'warning'],
      ['editorial', 'hint'],
      ['wording', 'warning'],
      ['wording', 'warning'],
      ['substantive', 'warning'],
      ['substantive', 'warning'],
      ['substantive', 'warning'],
    ]);
    expect(r.status).toBe(0);
  });

  it('a rule set to a severity in the configuration changes the lighthouse finding too', () => {
    const dir = project({ 'acquis.config.yaml': 'builtin: false\nacquis: [acq]\nrules:\n  precedent.deviation: info\n' });
    copyLighthouseAcquis(dir, 'acq');
    const r = acquis(['lint', 'lighthouse.draft'], dir);
    expect(r.stdout, describeRun(r)).toBe(`lighthouse.draft:6:93 info precedent.deviation ${LIGHTHOUSE_MESSAGE}\n1 info in 1 file.\n`);
    expect(r.status).toBe(0);
  });
});

describe('an unusable acquis document: file:line:col on standard error, exit 2', () => {
  it('a document without `adoption`', () => {
    const dir = project({
      'acq/unadopted.draft': '---\ntitle: Not adopted\nsymbol: A/99/999\nkind: report\n---\n\n1. The Group met three times in Geneva and once in New York.\n',
    });
    const r = acquis(['lint', 'lighthouse.draft', '--acquis', 'acq'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${join(dir, 'acq', 'unadopted.draft')}:1:1: error: acquis document unusable: An acquis document needs an \`adoption\` (\`consensus\` or \`vote\` with its tally) in its front matter.\n`,
    );
  });

  it('a document with a syntax error, at its line and column', () => {
    const dir = project({
      'acq/broken.draft':
        '---\ntitle: Broken\nsymbol: A/99/998\nyear: 2030\nkind: report\nadoption: consensus\n---\n\n1. The Group welcomed {++ the new lighthouse keepers.\n',
    });
    copyLighthouseAcquis(dir, 'acq');
    const r = acquis(['lint', 'lighthouse.draft', '--no-builtin', '--acquis', 'acq'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${escape(join(dir, 'acq', 'broken.draft'))}:9:23: error: acquis document unusable: .*insertion.*\\n$`));
  });

  it('an --acquis that is a file, not a folder', () => {
    const dir = project();
    const r = acquis(['lint', 'lighthouse.draft', '--acquis', 'demo.draft'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'demo.draft')}: error: an acquis must be a folder of .draft files.\n`);
  });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a bad configuration: acquis.config.yaml:line:col on standard error, exit 2', () => {
  it.each([
    ['invalid YAML (a duplicated key)', 'builtin: true\nbuiltin: false\n', 2, 1, 'Map keys must be unique'],
    ['invalid YAML (an unclosed flow sequence)', 'failOn: warning\nacquis: [one, two\n', 3, 1, ''],
    ['an unknown key', 'builtin: true\nfrobnicate: 1\n', 2, 1, '(`frobnicate`)'],
    ['a misspelt key after other keys', 'rules:\n  precedent.agreed: off\nfailon: error\n', 3, 1, '(`failon`)'],
    ['a wrong type', '# a comment\nbuiltin: "yes"\n', 2, 10, '`builtin` must be boolean.'],
    ['a wrong type (a string for a list)', 'acquis: vendor\n', 1, 9, '`acquis` must be array.'],
    ['a wrong value', 'failOn: often\n', 1, 9, '`failOn` must be equal to one of the allowed values: one of error, warning, info, hint, none.'],
    ['a wrong rule severity', 'rules:\n  precedent.agreed: loud\n', 2, 21, '`rules.precedent.agreed` must be equal to one of the allowed values'],
  ])('%s', (_what, yaml, line, col, message) => {
    const dir = project({ 'acquis.config.yaml': yaml });
    const r = acquis(['lint', 'lighthouse.draft'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    const prefix = `${join(dir, 'acquis.config.yaml')}:${line}:${col}: error: `;
    expect(r.stderr.startsWith(prefix), `expected stderr to start with ${prefix}\n${describeRun(r)}`).toBe(true);
    expect(r.stderr).toContain(message);
    expect(linesOf(r.stderr)).toHaveLength(1);
  });
});
