/** style.spelling through a lint: Oxford spelling, certain fixes, quotations and citations left alone. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { fixAll } from '../../server/src/engine/index';
import { styleSpelling } from '../../server/src/engine/rules/style-spelling';
import { flagged, lint } from './helpers';

describe('style.spelling', () => {
  it('flags US and -ise spellings with safe fixes that fix-all applies', () => {
    const text = [
      '# D. Rules, Norms and Principles for Responsible State Behavior',
      '',
      '5. Regional organisations recognised the need for a program of action on the behavior of States.[^1]',
      '',
      '[^1]: On self-defense, see paragraph 5 above.',
      '',
    ].join('\n');
    const findings = lint(text, styleSpelling);
    expect(flagged(text, findings)).toEqual(['Behavior', 'organisations', 'recognised', 'program', 'behavior', 'defense']);
    expect(findings.every((f) => f.severity === 'info' && f.fixes.length === 1 && f.fixes[0]!.safe)).toBe(true);
    const { text: fixed } = fixAll(text, (t) => lint(t, styleSpelling));
    expect(fixed).toBe(
      [
        '# D. Rules, Norms and Principles for Responsible State Behaviour',
        '',
        '5. Regional organizations recognized the need for a programme of action on the behaviour of States.[^1]',
        '',
        '[^1]: On self-defence, see paragraph 5 above.',
        '',
      ].join('\n'),
    );
    expect(lint(fixed, styleSpelling)).toEqual([]);
    expect(parse(fixed).problems).toEqual([]);
  });

  it('does not flag quotations, citations, names, Oxford roots or computer programs', () => {
    const text = [
      '5. Germany recalled “the behavior of States in cyberspace” and the Stimson Center, as A/70/174, para. 33 notes.',
      '',
      '6. States advise caution, exercise restraint, analyse threats and revise a malicious computer program; the judgment of the International Court of Justice.',
      '',
    ].join('\n');
    expect(lint(text, styleSpelling)).toEqual([]);
  });

  it('offers but does not apply a fix inside a pending amendment', () => {
    const text = '5. Norms of responsible State {~~@Japan: behavior~>conduct~~}.\n';
    const findings = lint(text, styleSpelling);
    expect(flagged(text, findings)).toEqual(['behavior']);
    expect(findings[0]!.fixes[0]!.safe).toBe(false);
  });
});
