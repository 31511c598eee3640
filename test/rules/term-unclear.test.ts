/** term.unclear through a lint. */
import { describe, expect, it } from 'vitest';
import { termUnclear } from '../../server/src/engine/rules/term-unclear';
import { flagged, lint } from './helpers';

describe('term.unclear', () => {
  it('flags terms Japan called unclear, as information, citing the comment', () => {
    const text = [
      '52. Capacity-building efforts would be more effective if they were guided by widely accepted principles.',
      '',
      '68. Member States continue to consider international rules, norms and principles of responsible behaviour of States.',
      '',
    ].join('\n');
    const findings = lint(text, termUnclear);
    expect(flagged(text, findings)).toEqual(['widely accepted principles', 'international rules']);
    expect(findings.every((f) => f.severity === 'info' && f.fixes.length === 0)).toBe(true);
    expect(findings[0]!.message).toContain("Japan's comments on the OEWG initial pre-draft (March 2020), para. 52");
    expect(findings[1]!.message).toContain('A/70/174, para. 33');
  });

  it('does not flag agreed formulations or other senses', () => {
    const text = [
      '33. The United Nations should play a leading role in developing common understandings on the application of international law and norms, rules and principles for responsible State behaviour.',
      '',
      '34. States support an international rules-based order and the agreed 11 norms.',
      '',
    ].join('\n');
    expect(lint(text, termUnclear)).toEqual([]);
  });
});
