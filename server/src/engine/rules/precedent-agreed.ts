/** `precedent.agreed`: agreed language recognised, reported as information. */
import { adoptionNote, cite, lineageNote, precedentRef, sourceSpan } from './precedent-common.js';
import type { Rule } from './rule.js';

export const precedentAgreed: Rule = {
  id: 'precedent.agreed',
  defaultSeverity: 'info',
  summary: 'Agreed language: the text quotes an adopted precedent word for word.',
  docs:
    'Reports each stretch of the draft that repeats a sentence of an adopted text (or a part of one) ' +
    'without change, with the precedent and how it was adopted. It is information, not a problem: it ' +
    'tells a negotiator which words can be defended as agreed language, and feeds the coverage figures.',
  fixable: false,
  check(ctx) {
    for (const { unit, matches } of ctx.precedentMatches()) {
      for (const match of matches) {
        if (match.kind !== 'agreed') continue;
        const p = match.precedent;
        const what = match.partial ? `part of ${cite(p)}` : cite(p);
        const label = p.document.adoption.kind === 'consensus' ? 'Agreed language' : 'Language adopted by vote';
        ctx.report({
          message: `${label}: ${what} (${adoptionNote(p)}${lineageNote(match)}).`,
          span: sourceSpan(unit, match),
          precedent: precedentRef(match),
          data: { partial: match.partial },
          related: [{ message: `${cite(p)}: ${p.text}`, span: p.span, uri: p.document.uri }],
        });
      }
    }
  },
};
