/**
 * `--format sarif` (valid against the official SARIF 2.1.0 schema, 1-based regions, fixes) and
 * `--format github` (workflow commands `::warning file=...,line=...,col=...::message`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  acquis,
  cleanTempDirs,
  copyFixture,
  describeRun,
  LIGHTHOUSE_ACQUIS,
  LIGHTHOUSE_MESSAGE,
  linesOf,
  parseJsonReport,
  requireBuild,
  ROOT,
  tempDir,
  type Run,
} from './helpers';

requireBuild();
cleanTempDirs();

const SCHEMA_FILE = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

let validator: ReturnType<Ajv['compile']> | undefined;
/** The official schema is draft-04; one of its patterns is not valid with the `u` flag. */
function validateSarif(log: unknown): string | undefined {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  return validator(log) ? undefined : JSON.stringify(validator.errors, null, 2);
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset?: number;
  charLength?: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
  fixes?: {
    description: { text: string };
    artifactChanges: {
      artifactLocation: { uri: string };
      replacements: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[];
    }[];
  }[];
  properties?: { precedent?: { symbol: string; paragraph: string; adoption: string; text: string } };
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string }[] } }; columnKind?: string; results: SarifResult[] }[];
}

const parseSarif = (r: Run): SarifLog => {
  try {
    return JSON.parse(r.stdout) as SarifLog;
  } catch {
    throw new Error(`not JSON:\n${describeRun(r)}`);
  }
};

describe('SARIF', () => {
  it('the schema itself rejects a broken log (the validator is live)', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] })).toBeDefined();
  });

  it('validates against the official schema, with ruleId, level, 1-based region and fixes', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    const r = acquis(['lint', 'lighthouse.draft', '--format', 'sarif', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.status, describeRun(r)).toBe(1);
    const log = parseSarif(r);
    expect(validateSarif(log)).toBeUndefined();
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('acquis');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results).toHaveLength(1);
    const result = run.results[0]!;
    expect(result).toMatchObject({
      ruleId: 'precedent.deviation',
      level: 'warning',
      message: { text: LIGHTHOUSE_MESSAGE },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'lighthouse.draft' },
            // The changed word only: the quoted stretch is related information.
            region: { startLine: 6, startColumn: 93, endLine: 6, endColumn: 99 },
          },
        },
      ],
      properties: { precedent: { symbol: 'A/99/777', paragraph: '7', adoption: 'consensus' } },
    });
    expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe('precedent.deviation');
    // The fix: "coasts" (6 code units) replaced by "shores", at the offset of "coasts" in the file.
    const text = readFileSync(join(dir, 'lighthouse.draft'), 'utf8');
    expect(result.fixes).toEqual([
      {
        description: { text: 'Restore the wording of A/99/777, para. 7' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'lighthouse.draft', uriBaseId: 'SRCROOT' },
            replacements: [{ deletedRegion: { charOffset: text.indexOf('coasts'), charLength: 6 }, insertedContent: { text: 'shores' } }],
          },
        ],
      },
    ]);
  });

  it('validates for the demo, and its regions are the JSON ranges plus one', () => {
    const sarifRun = acquis(['lint', 'samples/demo.draft', '--format', 'sarif'], ROOT);
    const log = parseSarif(sarifRun);
    expect(validateSarif(log)).toBeUndefined();
    const json = parseJsonReport(acquis(['lint', 'samples/demo.draft', '--format', 'json'], ROOT));
    const findings = json.files[0]!.findings;
    const results = log.runs[0]!.results;
    expect(results.length, describeRun(sarifRun)).toBe(findings.length);
    expect(results.length).toBeGreaterThan(0);
    const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
    results.forEach((res, i) => {
      const f = findings[i]!;
      expect(res.ruleId).toBe(f.ruleId);
      expect(res.level).toBe(LEVEL[f.severity]);
      expect(res.locations[0]!.physicalLocation.region).toMatchObject({
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      });
      expect(res.fixes?.length ?? 0).toBe(f.fixes.length);
    });
    // Every precedent.deviation with a fix in JSON has a SARIF fix replacing the same offsets.
    const withFix = results.filter((res) => res.fixes?.length);
    expect(withFix.length).toBeGreaterThan(0);
  });

  it('validates with no findings at all', () => {
    const dir = tempDir();
    copyFixture('clean.draft', dir);
    const r = acquis(['lint', 'clean.draft', '--format', 'sarif', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const log = parseSarif(r);
    expect(validateSarif(log)).toBeUndefined();
    expect(log.runs[0]!.results).toEqual([]);
  });
});

describe('GitHub workflow commands', () => {
  it('prints one ::level annotation per finding with file, line, col (1-based) and the message', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    copyFixture('lighthouse-quote.draft', dir);
    const r = acquis(
      ['lint', 'lighthouse.draft', 'lighthouse-quote.draft', '--format', 'github', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS],
      dir,
    );
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stdout).toBe(
      [
        `::warning file=lighthouse.draft,line=6,col=93,endLine=6,endColumn=99,title=precedent.deviation::${LIGHTHOUSE_MESSAGE}`,
        '::notice file=lighthouse-quote.draft,line=6,col=4,endLine=6,endColumn=99,title=precedent.agreed::Agreed language: A/99/777, para. 8 (consensus, 2030).',
        '',
      ].join('\n'),
    );
  });

  it('annotates the demo: errors, warnings and notices, multi-line findings without endColumn', () => {
    const r = acquis(['lint', 'samples/demo.draft', '--format', 'github'], ROOT);
    expect(r.status, describeRun(r)).toBe(1);
    const lines = linesOf(r.stdout);
    for (const l of lines) {
      expect(l).toMatch(/^::(error|warning|notice) file=samples\/demo\.draft,line=\d+,col=\d+,endLine=\d+(,endColumn=\d+)?,title=[a-z.]+::.+$/);
    }
    expect(lines).toContain(
      '::warning file=samples/demo.draft,line=84,col=34,endLine=84,endColumn=48,title=precedent.deviation::Departure from agreed language of A/70/174, para. 18 (consensus, 2015; also A/68/98, para. 29): drops "with broad participation".',
    );
    expect(lines.some((l) => l.startsWith('::error file=samples/demo.draft,line=89,col=1,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::notice '))).toBe(true);
  });

  it('escapes commas and colons in the file property', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir, 'a,b:c.draft');
    const r = acquis(['lint', 'a,b:c.draft', '--format', 'github', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.stdout).toMatch(/^::warning file=a%2Cb%3Ac\.draft,line=6,col=93,/);
  });

  it('prints nothing when there is nothing to report', () => {
    const dir = tempDir();
    copyFixture('clean.draft', dir);
    const r = acquis(['lint', 'clean.draft', '--format', 'github', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});
