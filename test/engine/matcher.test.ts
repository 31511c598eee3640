/**
 * Alignment cases, through the engine's lint on a one-paragraph draft: each case states what a
 * drafter should be told. Precedents are the built-in acquis.
 */
import { describe, expect, it } from 'vitest';
import { builtinEngine } from './helpers';

interface Seen {
  rule: string;
  symbol?: string;
  paragraph?: string;
  grade?: unknown;
  changes?: string[];
  quoted: string;
}

/** Lint `sentence` as paragraph 1 of a draft and summarise the precedent findings. */
function check(sentence: string): Seen[] {
  const text = `1. ${sentence}\n`;
  const { findings } = builtinEngine().lint('case.draft', text);
  return findings
    .filter((f) => f.ruleId.startsWith('precedent.'))
    .map((f) => {
      // The quoted stretch: a departure's own span covers only the changed words.
      const stretch = f.related?.find((r) => !r.uri)?.span ?? f.span;
      const seen: Seen = { rule: f.ruleId, quoted: text.slice(stretch.start, stretch.end) };
      if (f.precedent) {
        seen.symbol = f.precedent.symbol;
        seen.paragraph = f.precedent.paragraph;
      }
      if (f.data?.grade) seen.grade = f.data.grade;
      if (f.data?.changes) seen.changes = (f.data.changes as { description: string }[]).map((c) => c.description);
      return seen;
    });
}

const P18 =
  'In this regard, the Group recommends regular institutional dialogue with broad participation under the auspices ' +
  'of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other ' +
  'international organizations.';
const P33_3 =
  'These efforts should not duplicate ongoing work by other international organizations and forums addressing ' +
  'issues such as criminal and terrorist use of ICTs, human rights and Internet governance.';

describe('precedent matching', () => {
  it('recognises agreed language word for word', () => {
    expect(check(P18)).toEqual([
      expect.objectContaining({ rule: 'precedent.agreed', symbol: 'A/70/174', paragraph: '18', quoted: P18.replace(/\.$/, '') }),
    ]);
  });

  it('names a deletion: a dropped phrase', () => {
    const [finding] = check(P18.replace('with broad participation ', ''));
    expect(finding).toMatchObject({
      rule: 'precedent.deviation',
      symbol: 'A/70/174',
      paragraph: '18',
      grade: 'wording',
      changes: ['drops "with broad participation"'],
    });
  });

  it('names an insertion', () => {
    const [finding] = check(P18.replace('other international organizations', 'other relevant international organizations'));
    expect(finding).toMatchObject({ rule: 'precedent.deviation', grade: 'substantive', changes: ['adds "relevant" (qualifier)'] });
  });

  it('names a substitution at the end of the sentence', () => {
    const [finding] = check(
      'Given the pace of ICT development and the scope of the threat, the Group believes there is a need to enhance common understandings and intensify cooperative measures.',
    );
    expect(finding).toMatchObject({
      rule: 'precedent.deviation',
      symbol: 'A/68/98',
      paragraph: '29',
      grade: 'wording',
      changes: ['"cooperative measures" for "practical cooperation"'],
    });
  });

  it('grades a change of word order as structural', () => {
    const [finding] = check(
      'Member States should, when appropriate, encourage the establishment of new regional, bilateral and multilateral platforms for dialogue, consultation and capacity-building.',
    );
    expect(finding).toMatchObject({ rule: 'precedent.deviation', symbol: 'A/70/174', paragraph: '35', grade: 'structural' });
    expect(finding!.changes).toEqual(['"regional, bilateral" for "bilateral, regional" (list order)']);
  });

  it('grades a dropped negation as substantive', () => {
    const [finding] = check(P33_3.replace('should not', 'should'));
    expect(finding).toMatchObject({ rule: 'precedent.deviation', grade: 'substantive', changes: ['drops "not" (negation)'] });
  });

  it('grades a changed modal verb as substantive', () => {
    const [finding] = check(P33_3.replace('should not', 'must not'));
    expect(finding).toMatchObject({ grade: 'substantive', changes: ['"must" for "should" (modal verb)'] });
  });

  it('treats a defined abbreviation as equal to its expansion', () => {
    const expanded = P33_3.replace('use of ICTs', 'use of information and communications technologies');
    expect(check(expanded)).toEqual([expect.objectContaining({ rule: 'precedent.agreed', symbol: 'A/70/174' })]);
  });

  it('treats -ise and -ize as equal, and flags a US spelling as editorial', () => {
    const text =
      'The Group acknowledges the valuable efforts in ICT security made by international organisations and regional groups.';
    expect(check(text)).toEqual([expect.objectContaining({ rule: 'precedent.agreed', symbol: 'A/70/174', paragraph: '35' })]);
    const us =
      'The United Nations should play a leading role in promoting dialogue on the security of ICTs in their use by States and developing common understandings on the application of international law and norms, rules and principles for responsible State behavior.';
    expect(check(us)[0]).toMatchObject({ rule: 'precedent.deviation', grade: 'editorial', changes: ['"behavior" for "behaviour" (spelling)'] });
  });

  it('flags a change of hyphenation as editorial', () => {
    const [finding] = check(
      'The United Nations should play a leading role in promoting dialogue among Member States to develop common understandings on the security of and in the use of ICTs, encourage regional efforts, promote confidence building and transparency measures and support capacity-building and the dissemination of best practices.',
    );
    expect(finding).toMatchObject({ rule: 'precedent.deviation', symbol: 'A/68/98', grade: 'editorial', changes: ['"confidence building" for "confidence-building" (hyphenation)'] });
  });

  it('does not call a partial quote a departure', () => {
    const found = check('Given the pace of ICT development and the scope of the threat, States discussed many new ideas.');
    expect(found.map((f) => f.rule)).toEqual(['precedent.agreed']);
  });

  it('leaves new text around a quote alone', () => {
    const [finding] = check(`After long debate, ${P33_3.replace('should not', 'should').replace(/\.$/, '')}, as several delegations noted in Geneva.`);
    expect(finding).toMatchObject({ rule: 'precedent.deviation', changes: ['drops "not" (negation)'] });
    expect(finding!.quoted.startsWith('These efforts')).toBe(true);
    expect(finding!.quoted.endsWith('Internet governance')).toBe(true);
  });

  it('says nothing about unrelated text', () => {
    expect(check('The delegates enjoyed a long lunch by the lake and discussed the weather in Geneva at some length.')).toEqual([]);
    expect(check('States noted the importance of the United Nations and the use of ICTs by many other international organizations.')).toEqual([]);
  });

  it('prefers a consensus precedent and lists the lineage', () => {
    const [finding] = check(P18.replace('with broad participation ', ''));
    const { findings } = builtinEngine().lint('case.draft', `1. ${P18.replace('with broad participation ', '')}\n`);
    const lineage = findings[0]!.precedent!.lineage.map((l) => `${l.symbol} ${l.paragraph}`);
    expect(finding!.symbol).toBe('A/70/174');
    expect(lineage).toContain('A/68/98 29');
  });

  it('says when the only precedent was adopted by vote, with the tally', () => {
    const text =
      'States should take reasonable steps to ensure the integrity of the supply chain so that end users can have confidence in the security of ICT products.';
    // One finding for the stretch (issue 10): the voted one, which is the point; not also "agreed".
    const rules = check(text).map((f) => f.rule);
    expect(rules).toEqual(['precedent.voted']);
    const { findings } = builtinEngine().lint('case.draft', `1. ${text}\n`);
    const message = findings.find((f) => f.ruleId === 'precedent.voted')!.message;
    expect(message).toContain('language adopted by vote (A/RES/73/27, para. 1.9; 109-45-16');
    expect(message).not.toMatch(/agreed language/i);
  });
});
