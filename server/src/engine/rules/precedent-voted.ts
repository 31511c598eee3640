/** `precedent.voted`: the text's only precedents were adopted by a recorded vote. */
import { adoptionNote, cite, precedentRef, sourceSpan } from './precedent-common.js';
import type { Rule } from './rule.js';

export const precedentVoted: Rule = {
  id: 'precedent.voted',
  defaultSeverity: 'warning',
  summary: 'The text follows a precedent that was adopted by vote, not by consensus.',
  docs:
    'Language adopted by a recorded vote is precedent of a weaker kind than consensus language: the ' +
    'States that voted against or abstained have not agreed to it. This rule flags a stretch of the draft ' +
    'whose every precedent in the acquis was adopted by vote, and gives the tally, so that a drafter ' +
    'aiming at consensus knows the words are contested.',
  fixable: false,
  check(ctx) {
    for (const { unit, matches } of ctx.precedentMatches()) {
      for (const match of matches) {
        const all = [match, ...match.lineage];
        if (all.some((m) => m.precedent.document.adoption.kind === 'consensus')) continue;
        const p = match.precedent;
        const how = match.kind === 'agreed' ? 'Follows' : 'Closely follows';
        ctx.report({
          message: `${how} language adopted only by vote: ${cite(p)} (${adoptionNote(p)}); no consensus text has this wording.`,
          span: sourceSpan(unit, match),
          precedent: precedentRef(match),
        });
      }
    }
  },
};
