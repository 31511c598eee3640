/**
 * The rules of matching through `acquis lint` as a process: the JSON report's message, range and
 * first fix for each case of cases.ts, and `--fix` writing the exact precedent wording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquis, applySafeFixes, cleanTempDirs, describeRun, offsetOf, parseJsonReport, requireBuild, tempDir, writeFiles } from '../cli/helpers';
import { CASES, PP12 } from './cases';

const FRONT = '---\ntitle: Case\nkind: draft\n---\n\n';

beforeAll(() => requireBuild());
afterAll(() => cleanTempDirs());

describe('acquis lint judges quotes as a legal adviser would', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = tempDir();
    const text = `${FRONT}${c.draft}\n`;
    writeFiles(dir, { 'case.draft': text });
    const r = acquis(['lint', 'case.draft', '--format', 'json', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const findings = parseJsonReport(r).files[0]!.findings;
    const deviation = findings.find((f) => f.ruleId === 'precedent.deviation');
    if (!c.message) {
      expect(deviation, describeRun(r)).toBeUndefined();
      return;
    }
    expect(deviation, describeRun(r)).toBeDefined();
    expect(deviation!.message).toContain(c.message);
    if (c.on) expect(text.slice(offsetOf(text, deviation!.range.start), offsetOf(text, deviation!.range.end))).toBe(c.on);
    if (!c.fixed) {
      expect(deviation!.fixes).toEqual([]);
      return;
    }
    if (c.level) expect(deviation!.fixes[0]!.level).toBe(c.level);
    // The first fix is safe and gives the precedent's wording exactly.
    expect(applySafeFixes(text, [{ ...deviation!, fixes: deviation!.fixes.slice(0, 1) }]).slice(FRONT.length)).toBe(`${c.fixed}\n`);
  });

  it('--fix writes the exact wording and keeps the frame', () => {
    const dir = tempDir();
    // An editorial fix (a dropped comma), so that it is applied whatever the default fix level.
    writeFiles(dir, { 'case.draft': `${FRONT}1. Notably, the 2013 and 2015 reports recognized that ${PP12.replace('open, secure', 'open secure')}.\n` });
    const r = acquis(['lint', 'case.draft', '--fix', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(readFileSync(join(dir, 'case.draft'), 'utf8')).toBe(`${FRONT}1. Notably, the 2013 and 2015 reports recognized that ${PP12}.\n`);
  });
});
