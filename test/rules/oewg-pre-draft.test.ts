/**
 * The OEWG pre-draft with Japan's comments (samples/oewg-pre-draft.draft): the domain rules find
 * what Japan's comments and the ICANN update lead one to expect, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { fixAll, readDraft, type Finding } from '../../server/src/engine/index';
import { DOMAIN_RULES, lint } from './helpers';

const text = readFileSync('samples/oewg-pre-draft.draft', 'utf8');

/** Where a finding is: the paragraph's pinpoint, `heading D`, or `D intro` for the unnumbered text of section D. */
function where(finding: Finding): string {
  const draft = readDraft('samples/oewg-pre-draft.draft', text);
  const units = draft.units.filter((u) => finding.span.start >= u.contentSpan.start && finding.span.start < u.contentSpan.end);
  const unit = units[units.length - 1];
  if (unit) return unit.pinpoint ?? 'D intro';
  const heading = text.lastIndexOf('\n#', finding.span.start);
  return `heading ${text.slice(heading + 1, text.indexOf('\n', heading + 1)).replace(/^#+\s*/, '').split('.')[0]}`;
}

describe('domain rules on the OEWG pre-draft', () => {
  const findings = lint(text, DOMAIN_RULES);
  const seen = findings.map((f) => `${f.ruleId} | ${where(f)} | ${text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ')}`);

  it('finds what Japan\'s comments lead one to expect', () => {
    expect(seen).toEqual([
      // Japan: the OEWG did not reach consensus on "the militarization of the digital space".
      'term.contested | 15 | militarization of the digital space',
      // Japan: "Transborder", "transnational" and "supranational" critical infrastructure are not commonly understood.
      'term.contested | 19 | Transborder and transnational critical infrastructure',
      'term.contested | 19 | transnational critical infrastructure',
      'term.contested | 19 | supranational critical information infrastructure',
      // Japan's own proposed text is linted as Japan's proposal: its paragraph 23 insertion spells "self-defense".
      'style.spelling | 23 | defense',
      // The heading and the introduction of section D spell "behavior", and so does Japan's replacement there.
      'style.spelling | heading D | Behavior',
      'style.spelling | D intro | behavior',
      'style.spelling | D intro | behavior',
      // Japan: "existing" norms should say the agreed 11 norms (the span runs through Japan's replacement and comment).
      expect.stringMatching(/^term\.unclear \| 37 \| existing~>the agreed 11~~\}.* norms$/),
      // ICANN: China objected to the "public core"; Japan: supranational critical information infrastructure (also para. 38).
      'term.contested | 38 | public core of the Internet',
      'term.contested | 38 | supranational critical information infrastructure',
      // Japan: it is not clear what "widely accepted principles" mean.
      'term.unclear | 52 | widely accepted principles',
      // Japan: the meaning of "international rules" is not clear (the recommendations on norms).
      'term.unclear | 68 (b) (i) | international rules',
      'term.unclear | 68 (b) (ii) | international rules',
      'term.unclear | 68 (b) (iii) | international rules',
      // Japan: transnational and supranational critical infrastructure in the recommendation on capacity-building.
      'term.contested | 68 (d) (ii) | transnational critical infrastructure',
      'term.contested | 68 (d) (ii) | supranational critical information infrastructure',
    ]);
  });

  it('cites the document of each objection', () => {
    const byTerm = (s: string): Finding => findings.find((f) => text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ') === s)!;
    expect(byTerm('militarization of the digital space').message).toContain("Japan's comments on the OEWG initial pre-draft (March 2020), para. 15");
    expect(byTerm('public core of the Internet').message).toContain("ICANN, UN update on cyber discussions (July 2020), China's comment on pre-draft para. 38");
    expect(byTerm('widely accepted principles').message).toContain("Japan's comments on the OEWG initial pre-draft (March 2020), para. 52");
  });

  it('fix-all changes only the spelling, and the draft still parses as before', () => {
    const { text: fixed, applied } = fixAll(text, (t) => lint(t, DOMAIN_RULES));
    expect(applied).toBe(2);
    expect(fixed).toBe(text.replace('State Behavior', 'State Behaviour').replace('the behavior of States', 'the behaviour of States'));
    expect(parse(fixed).problems).toEqual(parse(text).problems);
  });
});
