/**
 * Honest precedent weight and one finding per span, through `acquis lint` as a process:
 * - text adopted by vote is "language adopted by vote" with its tally, never "agreed language";
 * - precedent.voted fires only on distinctive stretches (rarity over the acquis), and says what
 *   the voted text declares it restates and whether the acquis can check it;
 * - one finding per span: voted folded into the deviation or replacing "agreed"; a US spelling in
 *   a departing quote reported by precedent.deviation only.
 */
import { describe, expect, it } from 'vitest';
import { acquis, cleanTempDirs, describeRun, requireBuild, tempDir, writeFiles } from '../cli/helpers';

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

function lintJson(dir: string, file: string, extra: string[] = []): Finding[] {
  const r = acquis(['lint', file, '--format', 'json', '--max-severity', 'none', ...extra], dir);
  expect(r.status, describeRun(r)).toBe(0);
  return (JSON.parse(r.stdout) as { files: Array<{ findings: Finding[] }> }).files[0]!.findings;
}

const VOTED = (restates: string, lineLineage = ''): string =>
  [
    '---',
    'symbol: X/RES/1',
    'adoption: vote 100-20-5',
    'adopted-by: Third Committee',
    'year: 2031',
    ...(restates ? [`restates: ${restates}`] : []),
    '---',
    '',
    ...(lineLineage ? [lineLineage] : []),
    '1. Calls upon States to chart the migratory routes of albatrosses before licensing offshore wind farms in the southern ocean.',
    '',
    '2. Encourages the use of ICTs by States in the context of international security.',
    '',
    '3. Notes the use of ICTs by States in the context of international security and of other matters.',
    '',
    '4. Welcomes the use of ICTs by States in the context of international security as reported.',
    '',
  ].join('\n');

const CONSENSUS_X9 = [
  '---',
  'symbol: X/9',
  'adoption: consensus',
  'year: 2029',
  '---',
  '',
  '5. Seabirds deserve protection wherever energy is produced at sea.',
  '',
].join('\n');

const DRAFT = [
  '---',
  'title: Draft',
  '---',
  '',
  '1. The meeting agreed that States should chart the migratory routes of albatrosses before licensing offshore wind farms in the southern ocean.',
  '',
  '2. The report addresses the use of ICTs by States in the context of international security.',
  '',
].join('\n');

describe('precedent.voted', () => {
  it('names the vote and its tally, and says the restated source is missing from the acquis', () => {
    const dir = tempDir();
    writeFiles(dir, { 'acquis/x-res-1.draft': VOTED('X/9'), 'draft.draft': DRAFT });
    const findings = lintJson(dir, 'draft.draft', ['--no-builtin', '--acquis', 'acquis']);
    const voted = findings.filter((f) => f.ruleId === 'precedent.voted');
    expect(voted).toHaveLength(1);
    expect(voted[0]!.message).toContain('language adopted by vote (X/RES/1, para. 1; 100-20-5, Third Committee, 2031)');
    expect(voted[0]!.message).toContain('no consensus text in your acquis has this wording');
    expect(voted[0]!.message).toContain('X/9 is not in your acquis: add it to check.');
    // One finding for the stretch: not also "agreed language" (the stock phrase of para. 2 gets an
    // info finding that says what it is: language adopted by vote).
    const v = voted[0]!.offsets;
    expect(findings.filter((f) => f.ruleId === 'precedent.agreed' && f.offsets.start < v.end && v.start < f.offsets.end)).toEqual([]);
    expect(findings.find((f) => f.ruleId === 'precedent.agreed')!.message).toMatch(/^Language adopted by vote: part of X\/RES\/1, para\. 2/);
    expect(findings.map((f) => f.message).join('\n')).not.toMatch(/agreed language/i);
  });

  it('says when the restated source is in the acquis in full but lacks the wording', () => {
    const dir = tempDir();
    writeFiles(dir, { 'acquis/x-res-1.draft': VOTED('X/9'), 'acquis/x-9.draft': CONSENSUS_X9, 'draft.draft': DRAFT });
    const voted = lintJson(dir, 'draft.draft', ['--no-builtin', '--acquis', 'acquis']).filter((f) => f.ruleId === 'precedent.voted');
    expect(voted).toHaveLength(1);
    expect(voted[0]!.message).toContain('X/9 is in your acquis in full, without this wording.');
  });

  it('uses a paragraph\'s own lineage line, with its note', () => {
    const dir = tempDir();
    const line = '// acquis-restates X/9 -- X/RES/1, para. 1 says it repeats "the recommendations of the 2029 report"';
    writeFiles(dir, { 'acquis/x-res-1.draft': VOTED('', line), 'draft.draft': DRAFT });
    const voted = lintJson(dir, 'draft.draft', ['--no-builtin', '--acquis', 'acquis']).filter((f) => f.ruleId === 'precedent.voted');
    expect(voted[0]!.message).toContain('Declared lineage: X/9; X/RES/1, para. 1 says it repeats "the recommendations of the 2029 report".');
    expect(voted[0]!.data?.['restates']).toEqual(['X/9']);
  });

  it('never fires on a stock phrase (rarity over the acquis), unless the weight threshold is lowered', () => {
    const dir = tempDir();
    writeFiles(dir, { 'acquis/x-res-1.draft': VOTED(''), 'draft.draft': DRAFT });
    // Only the albatross sentence (para. 1) is distinctive; "the use of ICTs by States in the context
    // of international security" is in three paragraphs of the acquis and weighs next to nothing.
    const byDefault = lintJson(dir, 'draft.draft', ['--no-builtin', '--acquis', 'acquis']).filter((f) => f.ruleId === 'precedent.voted');
    expect(byDefault.map((f) => /X\/RES\/1, para\. (\d)/.exec(f.message)?.[1])).toEqual(['1']);
    writeFiles(dir, { 'acquis.config.yaml': 'rules:\n  precedent.voted:\n    minWeight: 0\n' });
    const lowered = lintJson(dir, 'draft.draft', ['--no-builtin', '--acquis', 'acquis']).filter((f) => f.ruleId === 'precedent.voted');
    expect(lowered.length).toBeGreaterThan(1);
    expect(lowered.some((f) => /para\. [234];/.test(f.message))).toBe(true);
  });

  it('on the built-in acquis: 73/266 PP12 says it confirms the GGE reports, which the acquis has only in excerpt', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'draft.draft':
        '1. States recalled that international law, and in particular the Charter of the United Nations, is applicable and essential to maintaining peace and stability and promoting an open, secure, stable, accessible and peaceful ICT environment.\n',
    });
    const voted = lintJson(dir, 'draft.draft').filter((f) => f.ruleId === 'precedent.voted');
    expect(voted).toHaveLength(1);
    expect(voted[0]!.message).toContain('language adopted by vote (A/RES/73/266, PP12; 139-11-18');
    expect(voted[0]!.message).toContain('Declared lineage: A/68/98 and A/70/174');
    expect(voted[0]!.message).toContain('Your acquis has A/68/98 and A/70/174 only in excerpt, without this wording: add their full text to check.');
  });

  it('on the built-in acquis: 73/266 OP1 (a) names resolution 70/237, which the acquis lacks', () => {
    const dir = tempDir();
    writeFiles(dir, { 'draft.draft': '1. In resolution 70/237, Member States agreed by consensus to be guided in their use of ICTs by the 2015 report.\n' });
    const voted = lintJson(dir, 'draft.draft').filter((f) => f.ruleId === 'precedent.voted');
    expect(voted).toHaveLength(1);
    expect(voted[0]!.message).toContain('Declared lineage: A/RES/70/237; Japan\'s comments on the OEWG initial pre-draft (March 2020), para. 5');
    expect(voted[0]!.message).toContain('A/RES/70/237 is not in your acquis: add it to check.');
  });
});

describe('one finding per span', () => {
  it('a close quote of voted text is one deviation finding that names the vote', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'draft.draft':
        '1. States should take reasonable steps to ensure the integrity of the supply chain so that end users can have full confidence in the security of ICT products.\n',
    });
    const findings = lintJson(dir, 'draft.draft');
    const deviation = findings.filter((f) => f.ruleId === 'precedent.deviation');
    expect(deviation).toHaveLength(1);
    expect(deviation[0]!.message).toMatch(/language adopted by vote in A\/RES\/73\/27, para\. 1\.9 \(recorded vote 109-45-16/);
    expect(findings.filter((f) => f.ruleId === 'precedent.voted')).toEqual([]);
  });

  it('a US spelling inside a departing quote is reported once, by precedent.deviation', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'draft.draft': [
        '1. The United Nations should play a leading role in promoting dialogue on the security of ICTs in their use by States and developing common understandings on the application of international law and norms, rules and principles for responsible State behavior.',
        '',
        '2. Such behavior is expected of every delegation.',
        '',
      ].join('\n'),
    });
    const text = '1. The United Nations should play a leading role in promoting dialogue on the security of ICTs in their use by States and developing common understandings on the application of international law and norms, rules and principles for responsible State behavior.\n\n2. Such behavior is expected of every delegation.\n';
    const findings = lintJson(dir, 'draft.draft');
    const spelling = findings.filter((f) => f.ruleId === 'style.spelling');
    const deviation = findings.filter((f) => f.ruleId === 'precedent.deviation');
    expect(deviation).toHaveLength(1);
    expect(deviation[0]!.message).toContain('"behavior" for "behaviour"');
    // Outside the quote, style.spelling still speaks; inside it, only the deviation does.
    expect(spelling).toHaveLength(1);
    expect(spelling[0]!.offsets.start).toBeGreaterThan(text.indexOf('2. Such'));
  });
});
