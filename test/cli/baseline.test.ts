/**
 * Baseline mode, through the CLI as a process: `--write-baseline` records the findings of an old
 * draft, `--baseline` reports and fails only on new ones. Findings are matched by file, rule,
 * precedent, covered words and message, not by line, so text inserted above does not make a
 * finding new, and a fixed finding simply disappears.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquis, cleanTempDirs, copyFixture, describeRun, LIGHTHOUSE_ACQUIS, LIGHTHOUSE_MESSAGE, parseJsonReport, requireBuild, tempDir } from './helpers';

requireBuild();
cleanTempDirs();

const A = ['--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS];
const OLD_FINDING = `d.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}`;
/** A second departure (from A/99/777, para. 8): "share" for "exchange". */
const NEW_PARAGRAPH = '\n2. States should share information on maritime beacons through the existing regional mechanisms.\n';

function withBaseline(): { dir: string; file: string } {
  const dir = tempDir();
  const file = copyFixture('lighthouse.draft', dir, 'd.draft');
  const r = acquis(['lint', 'd.draft', ...A, '--write-baseline', 'acquis-baseline.json'], dir);
  expect(r.status, describeRun(r)).toBe(0);
  expect(r.stdout).toContain(OLD_FINDING);
  expect(r.stderr).toBe('acquis-baseline.json: baseline of 1 finding written.\n');
  return { dir, file };
}

describe('acquis lint --write-baseline / --baseline', () => {
  it('writes a versioned JSON baseline that names the finding without its line', () => {
    const { dir } = withBaseline();
    const baseline = JSON.parse(readFileSync(join(dir, 'acquis-baseline.json'), 'utf8')) as { version: number; findings: Record<string, string>[] };
    expect(baseline.version).toBe(1);
    expect(baseline.findings).toHaveLength(1);
    const [entry] = baseline.findings;
    expect(entry).toMatchObject({ path: 'd.draft', ruleId: 'precedent.deviation', precedent: 'A/99/777, para. 7' });
    expect(entry!.text).toContain('coasts');
    expect(Object.keys(entry!)).not.toContain('line');
  });

  it('passes on the same draft, and on the draft with lines inserted above the finding', () => {
    const { dir, file } = withBaseline();
    const same = acquis(['lint', 'd.draft', ...A, '--baseline', 'acquis-baseline.json'], dir);
    expect(same.status, describeRun(same)).toBe(0);
    expect(same.stdout).toBe('No findings in 1 file.\n');
    expect(same.stderr).toBe('acquis-baseline.json: 1 known finding not reported; 0 from the baseline no longer found.\n');

    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('---\n\n1.', '---\n\n// A note added above.\n\n## Preamble\n\n1.'));
    const moved = acquis(['lint', 'd.draft', ...A, '--baseline', 'acquis-baseline.json'], dir);
    expect(moved.status, describeRun(moved)).toBe(0);
    expect(moved.stdout).toBe('No findings in 1 file.\n');
    // Without the baseline the finding is there, on another line.
    expect(acquis(['lint', 'd.draft', ...A], dir).stdout).toContain('d.draft:10:93 warning precedent.deviation');
  });

  it('fails on a new finding only, in every format', () => {
    const { dir, file } = withBaseline();
    writeFileSync(file, readFileSync(file, 'utf8') + NEW_PARAGRAPH);
    const r = acquis(['lint', 'd.draft', ...A, '--baseline', 'acquis-baseline.json'], dir);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stdout).not.toContain(OLD_FINDING);
    expect(r.stdout).toMatch(/^d\.draft:8:\d+ warning precedent\.deviation Departure from agreed language of A\/99\/777, para\. 8 .*"share" for "exchange"/m);

    const json = acquis(['lint', 'd.draft', ...A, '--baseline', 'acquis-baseline.json', '--format', 'json'], dir);
    expect(json.status).toBe(1);
    const findings = parseJsonReport(json).files[0]!.findings.filter((f) => f.severity === 'warning');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('para. 8')]);
  });

  it('counts findings: a second identical finding is new', () => {
    const { dir, file } = withBaseline();
    const text = readFileSync(file, 'utf8');
    const paragraph = text.slice(text.indexOf('1. The Group'));
    writeFileSync(file, `${text}\n${paragraph.replace('1.', '2.')}`);
    const r = acquis(['lint', 'd.draft', ...A, '--baseline', 'acquis-baseline.json'], dir);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stdout.match(/warning precedent\.deviation/g)).toHaveLength(1);
    expect(r.stdout).toContain('d.draft:8:93 warning precedent.deviation');
  });

  it('a fixed finding disappears from the run and is counted as gone', () => {
    const { dir, file } = withBaseline();
    writeFileSync(file, readFileSync(file, 'utf8').replace('the coasts of', 'the shores of'));
    const r = acquis(['lint', 'd.draft', ...A, '--baseline', 'acquis-baseline.json'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('acquis-baseline.json: 0 known findings not reported; 1 from the baseline no longer found.\n');
  });

  it('paths are relative to the baseline file, so it works from another folder', () => {
    const { dir } = withBaseline();
    mkdirSync(join(dir, 'sub'));
    const r = acquis(['lint', '../d.draft', ...A, '--baseline', '../acquis-baseline.json'], join(dir, 'sub'));
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stderr).toContain('1 known finding not reported');
  });

  it('takes an earlier revision of the draft as the baseline: only what the new revision adds fails', () => {
    const dir = tempDir();
    const old = readFileSync(copyFixture('lighthouse.draft', dir, 'rev1.draft'), 'utf8');
    writeFileSync(join(dir, 'rev2.draft'), old.replace('---\n\n1.', '---\n\n// Revised.\n\n1.') + NEW_PARAGRAPH);
    const r = acquis(['lint', 'rev2.draft', ...A, '--baseline', 'rev1.draft'], dir);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stdout.match(/warning precedent\.deviation/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/^rev2\.draft:10:\d+ warning precedent\.deviation .*para\. 8 /m);
    expect(r.stderr).toBe('rev1.draft: 1 known finding not reported; 0 from the baseline no longer found.\n');
    writeFileSync(join(dir, 'rev3.draft'), old.replace('---\n\n1.', '---\n\n// Revised.\n\n1.'));
    expect(acquis(['lint', 'rev3.draft', ...A, '--baseline', 'rev1.draft'], dir).status).toBe(0);
  });

  it('refuses a baseline that is not one: exit 2 with the file', () => {
    const { dir } = withBaseline();
    writeFileSync(join(dir, 'bad.json'), '{"version": 7, "findings": []}');
    const wrong = acquis(['lint', 'd.draft', ...A, '--baseline', 'bad.json'], dir);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('bad.json: error: not a baseline of version 1 (write one with `acquis lint --write-baseline bad.json`).\n');
    writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
    const broken = acquis(['lint', 'd.draft', ...A, '--baseline', 'broken.json'], dir);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^broken\.json: error: not a baseline: /);
    const missing = acquis(['lint', 'd.draft', ...A, '--baseline', 'none.json'], dir);
    expect(missing.stderr).toBe('none.json: error: cannot read: no such file.\n');
    const onInput = acquis(['lint', 'd.draft', ...A, '--write-baseline', 'd.draft'], dir);
    expect(onInput.status).toBe(2);
    expect(onInput.stderr).toContain('refusing to write over an input');
  });
});
