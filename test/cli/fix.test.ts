/**
 * `--fix` (rewrite the files atomically, keeping line endings and a BOM, changing nothing but the
 * fixed spans) and `--fix-dry-run` (a unified diff, the file untouched), on copies of the demo.
 */
import { chmodSync, copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquis,
  applySafeFixes,
  cleanTempDirs,
  copyFixture,
  DEMO,
  describeRun,
  LIGHTHOUSE_ACQUIS,
  parseJsonReport,
  requireBuild,
  tempDir,
  type JsonFinding,
} from './helpers';

requireBuild();
cleanTempDirs();

const BOM = '\uFEFF';
const demoText = (): string => readFileSync(DEMO, 'utf8');
/** The demo with CRLF line endings and a UTF-8 BOM, as a Windows editor may save it. */
const crlfBom = (lf: string): string => BOM + lf.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n');

/** A temporary folder holding only `demo.draft` with `text`. */
function demoCopy(text: string): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'demo.draft');
  writeFileSync(file, text, 'utf8');
  return { dir, file };
}

const findingsOf = (dir: string, file = 'demo.draft'): JsonFinding[] => {
  const r = acquis(['lint', file, '--format', 'json', '--max-severity', 'none'], dir);
  expect(r.status, describeRun(r)).toBe(0);
  return parseJsonReport(r).files[0]!.findings;
};

const deviations = (findings: JsonFinding[]): JsonFinding[] => findings.filter((f) => f.ruleId === 'precedent.deviation');
const fixable = (findings: JsonFinding[]): JsonFinding[] => deviations(findings).filter((f) => f.fixes.some((x) => x.safe));

/** Precedent wording the fixes of the demo restore (samples/README.md, planted departures). */
const RESTORED = [
  'behaviour.[^2]',
  'new bilateral, regional\nand multilateral platforms',
  'intensify cooperation. The OEWG therefore',
  'regular institutional dialogue with broad participation under the auspices of the United Nations',
  'It\nshould not duplicate ongoing work',
  'ICTs should take these efforts into account.',
];

/** The summary of a finding that survives a change of line endings: rule, position, message. */
const summary = (f: JsonFinding): string =>
  `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.ruleId} ${f.message}`;

describe('--fix', () => {
  it('restores the precedent wording in an LF file, changing nothing else, atomically', () => {
    const original = demoText();
    const { dir, file } = demoCopy(original);
    const before = findingsOf(dir);
    expect(fixable(before).length).toBeGreaterThanOrEqual(6);
    const expected = applySafeFixes(original, before);

    const r = acquis(['lint', 'demo.draft', '--fix', '--fix-level', 'all'], dir);
    expect([0, 1], describeRun(r)).toContain(r.status);
    expect(r.stderr).toBe('');
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).not.toBe(original);
    expect(fixed).toBe(expected);
    for (const words of RESTORED) expect(fixed).toContain(words);
    expect(readdirSync(dir)).toEqual(['demo.draft']);

    // The report printed by --fix is the one of the fixed file; a second run agrees and finds no
    // departure left where a fix was applied.
    const after = findingsOf(dir);
    const fixedMessages = new Set(fixable(before).map((f) => f.message));
    expect(deviations(after).filter((f) => fixedMessages.has(f.message))).toEqual([]);
    expect(fixable(after)).toEqual([]);
  });

  it('keeps the BOM and the CRLF line endings, and changes nothing outside the fixed spans', () => {
    const original = crlfBom(demoText());
    const { dir, file } = demoCopy(original);
    const before = findingsOf(dir);
    const expected = applySafeFixes(original, before);

    const r = acquis(['lint', 'demo.draft', '--fix', '--fix-level', 'all'], dir);
    expect([0, 1], describeRun(r)).toContain(r.status);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fixed = bytes.toString('utf8');
    expect(fixed).not.toBe(original);
    // Every line ending is still CRLF: no bare LF, no bare CR.
    expect(fixed.match(/\r(?!\n)|(?<!\r)\n/g)).toBeNull();
    expect(fixed.split('\r\n').length).toBe(original.split('\r\n').length);
    // Exactly the reported edits were applied.
    expect(fixed).toBe(expected);
    // The fixed spans read as the precedent wording.
    for (const words of RESTORED) expect(fixed).toContain(words.replace(/\n/g, '\r\n'));
    expect(readdirSync(dir)).toEqual(['demo.draft']);

    const after = findingsOf(dir);
    const fixedMessages = new Set(fixable(before).map((f) => f.message));
    expect(deviations(after).filter((f) => fixedMessages.has(f.message))).toEqual([]);
    expect(fixable(after)).toEqual([]);
  });

  it('gives the same result on the CRLF + BOM copy as on the LF file, line endings aside', () => {
    const lf = demoCopy(demoText());
    const crlf = demoCopy(crlfBom(demoText()));
    acquis(['lint', 'demo.draft', '--fix', '--fix-level', 'all'], lf.dir);
    acquis(['lint', 'demo.draft', '--fix', '--fix-level', 'all'], crlf.dir);
    const fromCrlf = readFileSync(crlf.file, 'utf8');
    expect(fromCrlf.slice(1).replace(/\r\n/g, '\n')).toBe(readFileSync(lf.file, 'utf8'));
  });

  it('leaves a file with nothing to fix byte-identical, and keeps the mode of a fixed file', () => {
    const dir = tempDir();
    const clean = copyFixture('clean.draft', dir);
    const fixableFile = copyFixture('lighthouse.draft', dir);
    chmodSync(fixableFile, 0o640);
    const cleanBefore = readFileSync(clean);
    const r = acquis(['lint', 'clean.draft', 'lighthouse.draft', '--fix', '--fix-level', 'all', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.status, describeRun(r)).toBe(0);
    // The report is the one of the fixed files: the quote is now agreed language.
    expect(r.stdout).toBe('lighthouse.draft:6:4 info precedent.agreed Agreed language: A/99/777, para. 7 (consensus, 2030).\n1 info in 2 files.\n');
    expect(readFileSync(clean).equals(cleanBefore)).toBe(true);
    expect(readFileSync(fixableFile, 'utf8')).toContain('along the shores of neighbouring archipelagos');
    expect(statSync(fixableFile).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['clean.draft', 'lighthouse.draft']);
  });
});

describe('CRLF line endings and a BOM', () => {
  it('do not change what is found: the same findings, at the same lines and characters', () => {
    const lf = demoCopy(demoText());
    const crlf = demoCopy(crlfBom(demoText()));
    const fromLf = findingsOf(lf.dir).map(summary);
    // The BOM is one UTF-16 code unit on the first line; the demo's first line has no finding.
    const fromCrlf = findingsOf(crlf.dir).map(summary);
    expect(fromCrlf).toEqual(fromLf);
  });

  it('a BOM alone changes nothing either', () => {
    const lf = demoCopy(demoText());
    const bom = demoCopy(BOM + demoText());
    expect(findingsOf(bom.dir).map(summary)).toEqual(findingsOf(lf.dir).map(summary));
  });
});

describe('the demo offers a fix for every planted departure', () => {
  it('each precedent.deviation of the demo has a safe fix (samples/README.md: "fix restores ...")', () => {
    const dir = tempDir();
    copyFileSync(DEMO, join(dir, 'demo.draft'));
    const withoutFix = deviations(findingsOf(dir))
      .filter((f) => !f.fixes.some((x) => x.safe))
      .map((f) => f.message);
    expect(withoutFix).toEqual([]);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff of the fixes and leaves the file byte-identical', () => {
    const { dir, file } = demoCopy(demoText());
    const bytes = readFileSync(file);
    const r = acquis(['lint', 'demo.draft', '--fix-dry-run', '--fix-level', 'all'], dir);
    expect(r.stderr, describeRun(r)).toBe('');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['demo.draft']);
    expect(r.stdout).toBe(
      [
        "--- a/demo.draft",
        "+++ b/demo.draft",
        "@@ -43,5 +43,5 @@",
        " dialogue on the security of ICTs in their use by States and developing common understandings on",
        " the application of international law and norms, rules and principles for responsible State",
        "-behavior.[^2]",
        "+behaviour.[^2]",
        " ",
        " ## C. International law",
        "@@ -66,5 +66,5 @@",
        " the needs identified by the receiving State and be sustained over time.",
        " ",
        "-9. Member States should, when appropriate, encourage the establishment of new regional, bilateral",
        "+9. Member States should, when appropriate, encourage the establishment of new bilateral, regional",
        " and multilateral platforms for dialogue, consultation and capacity-building. Several States offered",
        " to host training courses for officials of other States.",
        "@@ -73,5 +73,5 @@",
        " dialogue among Member States to develop common understandings on the security of and in the use",
        " of ICTs, encourage regional efforts, promote confidence-building and transparency measures and",
        "-support capacity building and the dissemination of best practices.",
        "+support capacity-building and the dissemination of best practices.",
        " ",
        " ## F. Regular institutional dialogue",
        "@@ -81,11 +81,11 @@",
        " ",
        " 12. States underlined that, given the pace of ICT development and the scope of the threat, there",
        "-is a need to enhance common understandings and intensify cooperative measures. The OEWG therefore",
        "-recommends regular institutional dialogue under the auspices of the United Nations, as well as",
        "+is a need to enhance common understandings and intensify cooperation. The OEWG therefore",
        "+recommends regular institutional dialogue with broad participation under the auspices of the United Nations, as well as",
        " regular dialogue through bilateral, regional and multilateral forums and other international",
        " organizations (A/70/174, para. 18).",
        " ",
        " 13. Any future process should build on the work of the existing bodies of the United Nations. It",
        "-should duplicate ongoing work by other international organizations and forums addressing issues",
        "+should not duplicate ongoing work by other international organizations and forums addressing issues",
        " such as criminal and terrorist use of ICTs, human rights and Internet governance.",
        " ",
        "@@ -95,10 +95,10 @@",
        " ",
        " 15. Regional organizations have built up a wealth of experience in confidence-building among their",
        "-members. Work among States on security in the use of ICTs must take these efforts into account.",
        "+members. Work among States on security in the use of ICTs should take these efforts into account.",
        " ",
        " # III. Conclusions and recommendations",
        " ",
        " 16. The OEWG recommends:",
        "-  (a) Further dialogue among all States to discuss norms pertaining to State use of ICTs, to",
        "+  (a) Further dialogue among States to discuss norms pertaining to State use of ICTs, to",
        "   reduce collective risk and protect critical national and international infrastructure;",
        "   (b) [placeholder: the format, frequency and participation of the future process].",
        '',
      ].join('\n'),
    );
  });

  it('leaves a CRLF + BOM file byte-identical and shows the same changes', () => {
    const { dir, file } = demoCopy(crlfBom(demoText()));
    const bytes = readFileSync(file);
    const r = acquis(['lint', 'demo.draft', '--fix-dry-run', '--fix-level', 'all'], dir);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['demo.draft']);
    const lf = demoCopy(demoText());
    expect(r.stdout).toBe(acquis(['lint', 'demo.draft', '--fix-dry-run', '--fix-level', 'all'], lf.dir).stdout);
  });

  it('says so when there is nothing to fix', () => {
    const dir = tempDir();
    copyFixture('clean.draft', dir);
    const r = acquis(['lint', 'clean.draft', '--fix-dry-run', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.stdout).toBe('No fixes to apply.\n');
    expect(r.status).toBe(0);
  });
});
