/** norms.obligation through a lint: norms as obligations, and international law as voluntary. */
import { describe, expect, it } from 'vitest';
import { normsObligation } from '../../server/src/engine/rules/norms-obligation';
import { flagged, lint } from './helpers';

describe('norms.obligation', () => {
  it('flags norms described as legal obligations', () => {
    const text = [
      '36. States are legally bound by the norms of responsible State behaviour.',
      '',
      '37. States should fulfil their obligations under the 11 norms, and all States must implement the norms.',
      '',
    ].join('\n');
    const findings = lint(text, normsObligation);
    expect(flagged(text, findings)).toEqual(['legally bound by the norms', 'obligations under the 11 norms', 'must']);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(findings[0]!.message).toContain('A/RES/73/266, PP12');
    expect(findings[0]!.message).toContain("Japan's position paper for the OEWG report, section 1 (ii)");
    // "must" -> "should" is offered, never applied by fix-all.
    expect(findings[2]!.fixes).toEqual([{ title: 'Replace "must" with "should"', edits: [expect.objectContaining({ text: 'should' })], safe: false }]);
  });

  it('flags international law described as voluntary', () => {
    const text = '22. Some said that international law is voluntary, and spoke of non-binding international law.\n';
    const findings = lint(text, normsObligation);
    expect(flagged(text, findings)).toEqual(['international law is voluntary', 'non-binding international law']);
    expect(findings[0]!.message).toContain("Japan's position paper for the OEWG report, section 1 (ii)");
  });

  it('leaves the agreed descriptions, negations and proposals alone', () => {
    const text = [
      'Voluntary, non-binding norms reflect the expectations of the international community. Norms do not replace States’ obligations under international law.',
      '',
      'In 2015, the General Assembly agreed by consensus that all States should be guided by the 2015 report, which sets out 11 voluntary, non-binding norms of responsible State behaviour.',
      '',
      '28. Proposals were made for the development of a legally binding instrument; agreeing on legally binding norms takes a very long time. States are not legally bound by the norms.',
      '',
      '29. The 11 norms agreed at GGE must be the foundation for future discussions. States must meet their international obligations regarding internationally wrongful acts.',
      '',
    ].join('\n');
    expect(lint(text, normsObligation)).toEqual([]);
  });
});
