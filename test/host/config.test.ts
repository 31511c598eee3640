/**
 * acquis.config.yaml checked against the rule registry, through the CLI as a process: unknown rule
 * ids (with a "did you mean"), unknown options, wrongly typed options, unknown keys; each refused
 * with file:line:col on standard error and exit code 2. And the parser of the file on its own.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, RULES } from '../../server/src/engine/index';
import { RULE_OPTIONS } from '../../server/src/engine/rules/options';
import { closest } from '../../server/src/engine/text/did-you-mean';
import { acquis, cleanTempDirs, copyFixture, copyLighthouseAcquis, describeRun, requireBuild, tempDir, writeFiles } from '../cli/helpers';

requireBuild();
cleanTempDirs();

function run(yaml: string) {
  const dir = tempDir();
  copyFixture('lighthouse.draft', dir);
  copyLighthouseAcquis(dir);
  writeFiles(dir, { 'acquis.config.yaml': yaml });
  return { dir, r: acquis(['lint', 'lighthouse.draft'], dir) };
}

describe('a configuration that names what does not exist is refused (exit 2, file:line:col)', () => {
  it.each([
    ['an unknown rule id, with a guess', 'rules:\n  precedent.agred: off\n', 2, 3, 'Unknown rule `precedent.agred`. Did you mean `precedent.agreed`?'],
    ['an unknown rule id, nothing close', 'rules:\n  builtin: true\n  frobnicate.everything: off\n', 2, 3, 'Unknown rule `builtin`.'],
    ['a wrongly typed option', 'rules:\n  mandate.coverage:\n    minShare: "lots"\n', 3, 15, '`rules.mandate.coverage.minShare` must be a number, not the text "lots".'],
    ['a negative share', 'rules:\n  mandate.coverage: { minShare: -1 }\n', 2, 33, 'must be a number of at least 0'],
    ['a misspelt option', 'rules:\n  mandate.coverage:\n    minShar: 0.2\n', 3, 5, 'Rule `mandate.coverage` has no option `minShar`. Did you mean `minShare`?'],
    ['an option on a rule that has none', 'rules:\n  precedent.agreed: { exclude: [x] }\n', 2, 23, 'Rule `precedent.agreed` has no option `exclude`.'],
    ['a per-kind severity that is not one', 'rules:\n  xref.valid: { missing: loud }\n', 2, 26, '`rules.xref.valid.missing` must be one of error, warning, info, hint, off'],
    ['a list where a list of words is wanted', 'rules:\n  term.contested: { exclude: 3 }\n', 2, 30, 'must be a list of strings'],
    ['a misspelt top-level key', 'failon: error\n', 1, 1, 'Unknown setting (`failon`). Did you mean `failOn`?'],
    ['a wrong value for duplicates', 'duplicates: sometimes\n', 1, 13, '`duplicates` must be equal to one of the allowed values: one of error, project, builtin.'],
  ])('%s', (_what, yaml, line, col, message) => {
    const { dir, r } = run(yaml);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    const prefix = `${join(dir, 'acquis.config.yaml')}:${line}:${col}: error: `;
    expect(r.stderr.startsWith(prefix), `expected stderr to start with ${prefix}\n${describeRun(r)}`).toBe(true);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('counts the other problems of the file', () => {
    const { r } = run('rules:\n  precedent.agred: off\n  term.unclera: off\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('(and 1 more problem)');
  });

  it('accepts every rule with its documented options, and runs with them', () => {
    const { r } = run(
      'acquis: [acquis]\nrules:\n  precedent.agreed: off\n  mandate.coverage: { minShare: 0.2, always: false, missing: info }\n' +
        '  citation.valid: { maxSession: 90, notInAcquis: off }\n  term.contested: { exclude: [some-entry], severity: hint }\n  precedent.deviation: { editorial: hint }\n',
    );
    expect(r.status, describeRun(r)).toBe(1); // the lighthouse departure is still a warning
    expect(r.stderr).toBe('');
  });

  it('refuses a YAML alias bomb with a clear message, not a crash', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    const { r } = run(bomb);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('The configuration cannot be read');
  });
});

describe('the registry and the option table agree', () => {
  it('every rule of the registry declares its options (a new rule must say what it accepts)', () => {
    for (const rule of RULES) expect(RULE_OPTIONS[rule.id], rule.id).toBeDefined();
    for (const id of Object.keys(RULE_OPTIONS)) expect(RULES.some((r) => r.id === id), id).toBe(true);
  });

  it('guesses a slip of the keyboard, and nothing for a word from elsewhere', () => {
    const ids = RULES.map((r) => r.id);
    expect(closest('precedent.agred', ids)).toBe('precedent.agreed');
    expect(closest('Precedent.Deviaton', ids)).toBe('precedent.deviation');
    expect(closest('xref.vaild', ids)).toBe('xref.valid');
    expect(closest('spelling', ids)).toBeUndefined();
  });

  it('gives spans that point at the mistake in the text', () => {
    const text = 'rules:\n  precedent.agred: off\n';
    const { problems } = parseConfig(text);
    expect(problems).toHaveLength(1);
    expect(text.slice(problems[0]!.span.start, problems[0]!.span.end)).toBe('precedent.agred');
  });
});
