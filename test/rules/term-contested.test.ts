/** term.contested through a lint: the term, who objected, where, and who supported it. */
import { describe, expect, it } from 'vitest';
import { termContested } from '../../server/src/engine/rules/term-contested';
import { flagged, lint } from './helpers';

describe('term.contested', () => {
  it('flags a contested term with the objection and its source', () => {
    const text = '38. Proposals included that the general availability or integrity of the public core of the Internet should be protected.\n';
    const findings = lint(text, termContested);
    expect(flagged(text, findings)).toEqual(['public core of the Internet']);
    const [f] = findings;
    expect(f).toMatchObject({ ruleId: 'term.contested', severity: 'warning', fixes: [] });
    expect(f!.message).toContain('China');
    expect(f!.message).toContain("ICANN, UN update on cyber discussions (July 2020), China's comment on pre-draft para. 38");
    expect(f!.data).toMatchObject({ entry: 'public-core-of-the-internet' });
    expect((f!.data!['supported'] as Array<{ who: string }>).map((s) => s.who)).toEqual(
      expect.arrayContaining(['Brazil', 'Germany', 'Netherlands', 'Switzerland', 'European Union']),
    );
  });

  it('matches by word key: -ise spellings, case, line breaks and markup', () => {
    const text = [
      '15. States noted the militarisation of the\ndigital space.',
      '',
      '19. {==Transborder and transnational critical infrastructure==} was highlighted.',
      '',
    ].join('\n');
    expect(flagged(text, lint(text, termContested))).toEqual([
      'militarisation of the digital space',
      'Transborder and transnational critical infrastructure',
      'transnational critical infrastructure',
    ]);
  });

  it('reads pending amendments as the text now stands', () => {
    const text = '15. States expressed the view that {~~@Japan: stockpiling contributes to the militarization of the digital space~>a number of States are developing ICT capabilities for military purposes~~}.\n';
    const findings = lint(text, termContested);
    expect(flagged(text, findings)).toEqual(['militarization of the digital space']);
    expect(findings[0]!.message).toContain("Japan's comments on the OEWG initial pre-draft (March 2020), para. 15");
  });

  it('leaves agreed wording and comments alone', () => {
    const text = [
      '19. States underscored that attacks on critical infrastructure pose a threat to security.{>>@Japan: the notions of “transnational critical infrastructure” are not commonly understood<<}',
      '',
      '20. A number of States are developing ICT capabilities for military purposes.',
      '',
    ].join('\n');
    expect(lint(text, termContested)).toEqual([]);
  });

  it('can switch one entry off by configuration', () => {
    const text = '38. The public core of the Internet and supranational critical information infrastructure.\n';
    const config = { builtin: true, acquis: [], failOn: 'warning' as const, rules: { 'term.contested': { exclude: ['public-core-of-the-internet'] } } };
    expect(flagged(text, lint(text, termContested, config))).toEqual(['supranational critical information infrastructure']);
  });
});
