/**
 * `--format json`: the version 1 contract of the README ("JSON output"), zero-based lines and
 * characters counted in UTF-16 code units, and `-o` writing the report to a file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquis,
  cleanTempDirs,
  copyFixture,
  DEMO,
  describeRun,
  LIGHTHOUSE_ACQUIS,
  LIGHTHOUSE_MESSAGE,
  offsetOf,
  parseJsonReport,
  requireBuild,
  ROOT,
  tempDir,
  writeFiles,
  type JsonFinding,
} from './helpers';

requireBuild();
cleanTempDirs();

const PRECEDENT_7 =
  'The Group recommends that States refrain from deploying autonomous lighthouses along the shores of neighbouring archipelagos without prior notification.';
/** What the draft quotes: the precedent with one word changed. A finding spans the words, not the final full stop. */
const QUOTED = PRECEDENT_7.replace('shores', 'coasts').slice(0, -1);

/** The text a JSON range covers, taken with JavaScript's own (UTF-16) string indices. */
const covered = (text: string, f: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string =>
  text.slice(offsetOf(text, f.range.start), offsetOf(text, f.range.end));

describe('JSON contract, version 1', () => {
  it('has version, files, and findings with ruleId, severity, message, range, fixes and precedent', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    const r = acquis(['lint', 'lighthouse.draft', '--format', 'json', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stderr).toBe('');
    const report = parseJsonReport(r);
    expect(report.version).toBe(1);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.path).toBe('lighthouse.draft');
    expect(report.files[0]!.findings).toHaveLength(1);
    const f = report.files[0]!.findings[0]!;
    expect(f).toMatchObject({
      ruleId: 'precedent.deviation',
      severity: 'warning',
      message: LIGHTHOUSE_MESSAGE,
      // Line 6 of the file, zero-based 5: the finding covers the changed word only (the quoted
      // stretch is its related information).
      range: { start: { line: 5, character: 3 + QUOTED.indexOf('coasts') }, end: { line: 5, character: 3 + QUOTED.indexOf('coasts') + 6 } },
      fixes: [
        {
          title: 'Restore the wording of A/99/777, para. 7',
          safe: true,
          edits: [{ range: { start: { line: 5, character: 3 + QUOTED.indexOf('coasts') }, end: { line: 5, character: 3 + QUOTED.indexOf('coasts') + 6 } }, newText: 'shores' }],
        },
      ],
      precedent: { symbol: 'A/99/777', paragraph: '7', adoption: 'consensus', text: PRECEDENT_7 },
    });
    const text = readFileSync(join(dir, 'lighthouse.draft'), 'utf8');
    expect(covered(text, f)).toBe('coasts');
    expect(covered(text, f.fixes[0]!.edits[0]!)).toBe('coasts');
    // Offsets beside the ranges are string offsets into the same text.
    expect(f.offsets).toEqual({ start: offsetOf(text, f.range.start), end: offsetOf(text, f.range.end) });
  });

  it('counts characters in UTF-16 code units: Cyrillic, an emoji and an astral letter before the deviation', () => {
    const dir = tempDir();
    // "Государства" is 11 code units, the globe emoji 2, the mathematical fraktur U 2 (both astral).
    const prefix = '1. Государства 🌍 𝔘 ';
    expect(prefix.length).toBe(21);
    expect([...prefix].length).toBe(19);
    const line = `${prefix}${PRECEDENT_7.replace('shores', 'coasts')}`;
    const text = `---\ntitle: Многоязычный проект\nkind: draft\n---\n\n${line}\n`;
    writeFiles(dir, { 'unicode.draft': text });
    const args = ['lint', 'unicode.draft', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS];
    const report = parseJsonReport(acquis([...args, '--format', 'json'], dir));
    const f = report.files[0]!.findings[0]!;
    const coastsAt = line.indexOf('coasts');
    expect(f.range).toEqual({ start: { line: 5, character: coastsAt }, end: { line: 5, character: coastsAt + 6 } });
    expect(f.fixes[0]!.edits[0]!.range).toEqual({ start: { line: 5, character: coastsAt }, end: { line: 5, character: coastsAt + 6 } });
    expect(covered(text, f)).toBe('coasts');
    expect(covered(text, f.fixes[0]!.edits[0]!)).toBe('coasts');
    // The same positions, 1-based, in the other formats.
    const plain = acquis(args, dir);
    expect(plain.stdout.split('\n')[0]).toBe(`unicode.draft:6:${coastsAt + 1} warning precedent.deviation ${LIGHTHOUSE_MESSAGE}`);
    const github = acquis([...args, '--format', 'github'], dir);
    expect(github.stdout).toContain(`line=6,col=${coastsAt + 1},endLine=6,endColumn=${coastsAt + 7},`);
    const sarif = JSON.parse(acquis([...args, '--format', 'sarif'], dir).stdout) as {
      runs: { results: { locations: { physicalLocation: { region: Record<string, number> } }[] }[] }[];
    };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toMatchObject({
      startLine: 6,
      startColumn: coastsAt + 1,
      endLine: 6,
      endColumn: coastsAt + 7,
    });
  });

  it('gives the demo finding of the README example, with the fix inserting "with broad participation"', () => {
    const r = acquis(['lint', 'samples/demo.draft', '--format', 'json'], ROOT);
    expect(r.status, describeRun(r)).toBe(1);
    const report = parseJsonReport(r);
    expect(report.files.map((f) => f.path)).toEqual(['samples/demo.draft']);
    const f = report.files[0]!.findings.find((x) => x.message.includes('drops "with broad participation"'));
    expect(f, describeRun(r)).toBeDefined();
    expect(f).toMatchObject({
      ruleId: 'precedent.deviation',
      severity: 'warning',
      // The words either side of the point where the phrase is missing.
      range: { start: { line: 83, character: 33 }, end: { line: 83, character: 47 } },
      precedent: { symbol: 'A/70/174', paragraph: '18', adoption: 'consensus', year: 2015 },
    });
    // The safe fix restores the precedent; other fixes (the lineage's wording) may follow, not safe.
    expect(f!.fixes.filter((x) => x.safe)).toHaveLength(1);
    expect(f!.fixes[0]).toMatchObject({
      title: 'Restore the wording of A/70/174, para. 18',
      safe: true,
      edits: [{ range: { start: { line: 83, character: 42 }, end: { line: 83, character: 42 } }, newText: 'with broad participation ' }],
    });
    expect(f!.precedent!.text).toMatch(/^In this regard, the Group recommends regular institutional dialogue with broad participation /);
    const demo = readFileSync(DEMO, 'utf8');
    // The insertion lands between "dialogue " and "under", so the words stay separated by one space.
    const at = offsetOf(demo, f!.fixes[0]!.edits[0]!.range.start);
    expect(demo.slice(at - 9, at + 5)).toBe('dialogue under');
  });

  it('marks voted precedents with their tally', () => {
    const r = acquis(['lint', 'samples/demo.draft', '--format', 'json'], ROOT);
    const report = parseJsonReport(r);
    const voted = report.files[0]?.findings.filter((f: JsonFinding) => f.ruleId === 'precedent.voted') ?? [];
    expect(voted.length, describeRun(r)).toBeGreaterThan(0);
    for (const f of voted) {
      expect(f.precedent).toMatchObject({ adoption: 'vote', tally: { inFavour: expect.any(Number), against: expect.any(Number), abstaining: expect.any(Number) } });
    }
    expect(voted.map((f) => `${f.precedent!.symbol} ${f.precedent!.paragraph}`)).toEqual(
      expect.arrayContaining(['A/RES/73/266 PP13', 'A/RES/73/27 PP4']),
    );
  });

  it('lists every file, with an empty findings array for a clean one', () => {
    const dir = tempDir();
    copyFixture('clean.draft', dir);
    copyFixture('lighthouse.draft', dir);
    const r = acquis(['lint', 'clean.draft', 'lighthouse.draft', '-f', 'json', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    const report = parseJsonReport(r);
    expect(report.files.map((f) => [f.path, f.findings.length])).toEqual([
      ['clean.draft', 0],
      ['lighthouse.draft', 1],
    ]);
  });

  it('writes the report to a file with -o, and nothing to standard output', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    const args = ['lint', 'lighthouse.draft', '-f', 'json', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS];
    const r = acquis([...args, '-o', 'report.json'], dir);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'report.json'))).toBe(true);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(acquis(args, dir).stdout);
    expect(readdirSync(dir).sort()).toEqual(['lighthouse.draft', 'report.json']);
  });
});
