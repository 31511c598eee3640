/** style.capitals through a lint. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, fixAll } from '../../server/src/engine/index';
import { styleCapitals } from '../../server/src/engine/rules/style-capitals';
import { flagged, lint } from './helpers';

describe('style.capitals', () => {
  it('flags States, Member States and ICTs with safe fixes', () => {
    const text = '9. Member states and some states noted that states should protect the ICT\'s of non-state actors and ICTS.\n';
    const findings = lint(text, styleCapitals);
    expect(flagged(text, findings)).toEqual(['Member states', 'states', 'states', "ICT's", 'state', 'ICTS']);
    expect(findings.every((f) => f.severity === 'info' && f.fixes[0]?.safe === true)).toBe(true);
    const { text: fixed } = fixAll(text, (t) => lint(t, styleCapitals));
    expect(fixed).toBe('9. Member States and some States noted that States should protect the ICTs of non-State actors and ICTs.\n');
  });

  it('suggests "ICT security" for "cybersecurity", as information and never automatically', () => {
    const text = '10. States discussed national cybersecurity strategies.\n';
    const findings = lint(text, styleCapitals);
    expect(flagged(text, findings)).toEqual(['cybersecurity']);
    expect(findings[0]!.message).toContain('ICANN, UN update on cyber discussions (July 2020)');
    expect(findings[0]!.fixes).toEqual([expect.objectContaining({ safe: false, edits: [expect.objectContaining({ text: 'ICT security' })] })]);
    // The entry's own severity gives way to the project's.
    const config = { ...DEFAULT_CONFIG, rules: { 'style.capitals': 'warning' as const } };
    expect(lint(text, styleCapitals, config)[0]!.severity).toBe('warning');
  });

  it('leaves correct capitals, other senses, titles and quotations alone', () => {
    const text = [
      '11. Member States, some States and the United States noted that the report states agreed language on ICTs.',
      '',
      '12. The EU and its member States recalled resolution 58/199 on a global culture of cybersecurity and “cyber security” as the Tech Accord spells it.',
      '',
      '13. In some states of emergency, non-State actors act.',
      '',
    ].join('\n');
    expect(lint(text, styleCapitals)).toEqual([]);
  });

  it('asks which sense "member states" has after "its", without an automatic fix', () => {
    const text = '14. The European Union and its member states.\n';
    const findings = lint(text, styleCapitals);
    expect(findings.map((f) => f.fixes.map((x) => `${x.edits[0]!.text}${x.safe ? ' (safe)' : ''}`))).toEqual([['member States', 'Member States']]);
  });
});
