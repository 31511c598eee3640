/** attribution.consensus through a lint, and the rule-level examples of its data file. */
import { describe, expect, it } from 'vitest';
import data from '../../server/src/engine/data/lexicons/attribution-consensus.json';
import { applyEdits } from '../../server/src/engine/index';
import { attributionConsensus } from '../../server/src/engine/rules/attribution-consensus';
import { flagged, lint } from './helpers';

const asDraft = (sentence: string): string => `1. ${sentence}\n`;

describe('attribution.consensus', () => {
  it('flags "The OEWG" with a contested term, citing the objection and Japan\'s general comment', () => {
    const text = asDraft('The OEWG recognized that offensive capabilities contribute to the militarization of the digital space.');
    const findings = lint(text, attributionConsensus);
    expect(flagged(text, findings)).toEqual(['The OEWG']);
    const [f] = findings;
    expect(f!.severity).toBe('warning');
    expect(f!.message).toContain("Japan's comments on the OEWG initial pre-draft (March 2020), para. 15");
    expect(f!.message).toContain("Japan's comments on the OEWG initial pre-draft (March 2020), general comments");
    expect(f!.fixes.map((x) => x.edits[0]!.text)).toEqual(['Some States', 'Many States']);
    expect(f!.fixes.every((x) => !x.safe)).toBe(true);
    expect(f!.data).toMatchObject({ subject: 'the-group', terms: [{ entry: 'militarization-of-the-digital-space' }] });
  });

  it('flags a view the seeds show was not shared, after an introductory clause', () => {
    const text = asDraft('In light of these threats, the OEWG agreed that a legally binding instrument is needed.');
    const findings = lint(text, attributionConsensus);
    expect(flagged(text, findings)).toEqual(['the OEWG']);
    expect(findings[0]!.message).toContain('paras. 28 and 29');
    expect(applyEdits(text, findings[0]!.fixes[0]!.edits)).toBe(asDraft('In light of these threats, some States agreed that a legally binding instrument is needed.'));
  });

  it('offers no fix when the verb would have to change', () => {
    const text = asDraft('The OEWG recommends protecting the public core of the Internet.');
    const findings = lint(text, attributionConsensus);
    expect(flagged(text, findings)).toEqual(['The OEWG']);
    expect(findings[0]!.fixes).toEqual([]);
  });

  it('ties each term to the subject of its own clause', () => {
    const text = [
      '1. All States should be guided by the 2015 report, and States agreed to discuss the public core of the Internet.',
      '',
      '2. States highlighted the public core of the Internet, and the OEWG agreed to continue its work.',
      '',
      '3. The OEWG recommends that:',
      '  (a) the OEWG should consider the public core of the Internet;',
      '',
    ].join('\n');
    const findings = lint(text, attributionConsensus);
    expect(flagged(text, findings)).toEqual(['States', 'the OEWG']);
    expect(findings[0]!.fixes[0]!.edits[0]!.text).toBe('some States');
    // A sub-paragraph that opens in lower case keeps it.
    expect(findings[1]!.fixes.map((f) => f.edits[0]!.text)).toEqual(['some States', 'many States']);
  });

  it('replaces a plural subject whatever the tense', () => {
    const text = asDraft('All States recognize the militarization of the digital space.');
    const [finding] = lint(text, attributionConsensus);
    expect(applyEdits(text, finding!.fixes[1]!.edits)).toBe(asDraft('Many States recognize the militarization of the digital space.'));
  });

  it('leaves attributed views, shared views and quotations alone', () => {
    const text = [
      '15. Some States expressed the view that stockpiling contributes to the militarization of the digital space.',
      '',
      '22. The OEWG reaffirmed that international law is applicable. States highlighted the public core of the Internet.',
      '',
      '23. Germany recalled its statement “The Group recommends protecting the public core of the Internet”.',
      '',
    ].join('\n');
    expect(lint(text, attributionConsensus)).toEqual([]);
  });

  const tests = data.attribution.tests;
  it.each(tests.matches)('data example flags: %s', (sentence) => {
    expect(lint(asDraft(sentence), attributionConsensus)).toHaveLength(1);
  });
  it.each(tests.doesNotMatch)('data example does not flag: %s', (sentence) => {
    expect(lint(asDraft(sentence), attributionConsensus)).toEqual([]);
  });
  it.each(tests.fixes.map(([before, after]) => [before!, after!] as const))('data example fix: %s', (before, after) => {
    const [finding] = lint(asDraft(before), attributionConsensus);
    expect(applyEdits(asDraft(before), finding!.fixes[0]!.edits)).toBe(asDraft(after));
  });
});
