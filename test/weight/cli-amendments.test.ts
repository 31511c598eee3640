/**
 * Amendments are deliberate, and fixing is graded, through `acquis lint` as a process:
 * - each proposer's text is linted as that proposer has it and reported as its proposal;
 * - text inside a pending deletion is reported as what the deletion removes;
 * - `--fix` applies editorial fixes only unless `--fix-level` or `fixLevel` says more, and never
 *   rewrites amendment text; the revised pre-draft's accepted "in its entirety" is never reverted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquis, cleanTempDirs, describeRun, requireBuild, ROOT, tempDir, writeFiles } from '../cli/helpers';

requireBuild();
cleanTempDirs();

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  offsets: { start: number; end: number };
  fixes: Array<{ title: string; safe: boolean; level: string }>;
  data?: Record<string, unknown>;
}

const PRE_DRAFT = join(ROOT, 'samples', 'oewg-pre-draft.draft');
const REVISED = join(ROOT, 'samples', 'revised-pre-draft.draft');

function lintJson(dir: string, file: string, extra: string[] = []): Finding[] {
  const r = acquis(['lint', file, '--format', 'json', '--max-severity', 'none', ...extra], dir);
  expect(r.status, describeRun(r)).toBe(0);
  return (JSON.parse(r.stdout) as { files: Array<{ findings: Finding[] }> }).files[0]!.findings;
}

/** Every amendment and comment mark, as written. */
const marks = (text: string): string[] => text.match(/\{(?:\+\+|--|~~|>>|==)[\s\S]*?(?:\+\+|--|~~|<<|==)\}/g) ?? [];

describe("each proposer's text, as its proposal", () => {
  const text = readFileSync(PRE_DRAFT, 'utf8');
  const findings = lintJson(ROOT, 'samples/oewg-pre-draft.draft');
  const japan = findings.filter((f) => (f.data?.['proposal'] as { proposer?: string } | undefined)?.proposer === 'Japan');

  it('reports Japan\'s "in its entirety" as Japan\'s proposal, on the insertion, with no fix', () => {
    const entirety = japan.filter((f) => f.ruleId === 'precedent.deviation' && f.message.includes('"in its entirety"'));
    expect(entirety.map((f) => /in para\. (\d+)/.exec(f.message)?.[1])).toEqual(['5', '22']);
    for (const f of entirety) {
      expect(f.message).toMatch(/^Japan's proposal in para\. \d+ adds "in its entirety" \(quantifier\): a substantive departure from language adopted by vote \(A\/RES\/73\/266, PP12; 139-11-18/);
      expect(text.slice(f.offsets.start, f.offsets.end)).toBe('{++@Japan: in its entirety++}');
      expect(f.fixes).toEqual([]);
      expect(f.severity).toBe('warning');
    }
  });

  it('reads Japan\'s own words: "self-defense" in its insertion to para. 23', () => {
    const defense = japan.find((f) => f.ruleId === 'style.spelling')!;
    expect(text.slice(defense.offsets.start, defense.offsets.end)).toBe('defense');
    expect(defense.message).toMatch(/^Japan's proposal in para\. 23: /);
    expect(defense.fixes).toEqual([]);
  });

  it('reports what a pending replacement would remove as that proposal\'s doing', () => {
    const removed = findings.find((f) => f.ruleId === 'term.contested' && f.message.includes('militarization'))!;
    expect(removed.message).toMatch(/^Japan's proposal in para\. 15 would remove this text: No consensus on "militarization of the digital space"/);
    expect(removed.data?.['removedBy']).toMatchObject({ proposer: 'Japan', kind: 'replace' });
  });

  it('does not blame Japan for what the Chair\'s text already has', () => {
    // Para. 5 drops "and" from the PP12 formula in the Chair's own words: that is the draft's finding, not Japan's.
    const chair = findings.filter((f) => f.ruleId === 'precedent.deviation' && f.message.includes('drops "and"'));
    expect(chair).toHaveLength(1);
    expect(chair[0]!.data?.['proposal']).toBeUndefined();
    expect(japan.some((f) => f.message.includes('drops "and"'))).toBe(false);
  });
});

describe('fix levels', () => {
  it('--fix is editorial by default: the revised pre-draft keeps the accepted "in its entirety"', () => {
    const dir = tempDir();
    writeFiles(dir, { 'revised.draft': readFileSync(REVISED) });
    const r = acquis(['lint', 'revised.draft', '--fix', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const after = readFileSync(join(dir, 'revised.draft'), 'utf8');
    const before = readFileSync(REVISED, 'utf8');
    expect(after.match(/in its entirety/g)).toEqual(before.match(/in its entirety/g));
    // Editorial fixes did apply: the US spellings of the heading and section D.
    expect(after).toContain('Responsible State Behaviour');
    // Wording restorations did not: the mandate formula's "applies in" is left for the quick fix.
    expect(after).toContain('how international law applies in');
  });

  it('--fix-level wording adds word restorations, still not the substantive one', () => {
    const dir = tempDir();
    writeFiles(dir, { 'revised.draft': readFileSync(REVISED) });
    const r = acquis(['lint', 'revised.draft', '--fix', '--fix-level', 'wording', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const after = readFileSync(join(dir, 'revised.draft'), 'utf8');
    expect(after).not.toContain('how international law applies in');
    expect(after.match(/in its entirety/g)?.length).toBe(readFileSync(REVISED, 'utf8').match(/in its entirety/g)?.length);
  });

  it('fixLevel in acquis.config.yaml sets the default, and --fix-level overrides it', () => {
    const dir = tempDir();
    writeFiles(dir, { 'revised.draft': readFileSync(REVISED), 'acquis.config.yaml': 'fixLevel: all\n' });
    const dry = acquis(['lint', 'revised.draft', '--fix-dry-run'], dir);
    expect(dry.stdout).toMatch(/^-.*in its entirety/m);
    const editorial = acquis(['lint', 'revised.draft', '--fix-dry-run', '--fix-level', 'editorial'], dir);
    expect(editorial.stdout).not.toMatch(/^-.*in its entirety/m);
    expect(editorial.stdout).toContain('+## D. Rules, Norms and Principles for Responsible State Behaviour');
  });

  it('rejects an unknown level, on the command line and in the configuration', () => {
    const dir = tempDir();
    writeFiles(dir, { 'd.draft': '1. Text.\n' });
    const flag = acquis(['lint', 'd.draft', '--fix', '--fix-level', 'substantive'], dir);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/editorial, wording, all/);
    writeFiles(dir, { 'acquis.config.yaml': 'fixLevel: everything\n' });
    const config = acquis(['lint', 'd.draft'], dir);
    expect(config.status).toBe(2);
    expect(config.stderr).toContain('fixLevel');
  });

  it('never rewrites amendment text, even at --fix-level all', () => {
    const dir = tempDir();
    writeFiles(dir, { 'pre.draft': readFileSync(PRE_DRAFT) });
    const r = acquis(['lint', 'pre.draft', '--fix', '--fix-level', 'all', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const after = readFileSync(join(dir, 'pre.draft'), 'utf8');
    expect(after).not.toBe(readFileSync(PRE_DRAFT, 'utf8'));
    expect(marks(after)).toEqual(marks(readFileSync(PRE_DRAFT, 'utf8')));
  });

  it('a departure whose words lie inside a pending deletion is left for a person', () => {
    const dir = tempDir();
    const text =
      '1. In this regard, the Group recommends regular institutional dialogue {--@Japan: with wide participation--} under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.\n';
    writeFiles(dir, { 'd.draft': text });
    const findings = lintJson(dir, 'd.draft');
    expect(findings.some((f) => f.ruleId === 'precedent.deviation')).toBe(true);
    const r = acquis(['lint', 'd.draft', '--fix', '--fix-level', 'all', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(readFileSync(join(dir, 'd.draft'), 'utf8')).toBe(text);
  });
});
