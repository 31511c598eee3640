/**
 * `precedent.voted`: a distinctive stretch whose only precedents were adopted by a recorded vote.
 * It says what the acquis shows, and no more: the tally, that no consensus text in the acquis has
 * the wording, and what the voted text says it restates (its declared lineage), checked against
 * the acquis.
 */
import { lineageNote, sourceSpan, precedentRef } from './precedent-common.js';
import { declaredLineage, distinctiveness, languageOf, lineageReport, votedOnly } from './precedent-weight.js';
import type { Rule } from './rule.js';

/**
 * Least summed rarity (inverse paragraph frequency over the acquis) for a stretch to count:
 * "the use of ICTs by States" weighs about 4, "to be guided in their use of ICTs by the" about 12.
 */
export const DEFAULT_MIN_WEIGHT = 10;
/** A stretch shorter than this must weigh twice as much: a six-word phrase counts only if it is unusual. */
const SHORT_STRETCH = 8;

export const precedentVoted: Rule = {
  id: 'precedent.voted',
  defaultSeverity: 'warning',
  summary: 'The text follows language adopted by vote, not by consensus.',
  docs:
    'Language adopted by a recorded vote is precedent of a weaker kind than agreed (consensus) language: ' +
    'the States that voted against or abstained have not agreed to it. This rule flags a distinctive ' +
    'stretch of the draft whose every precedent in the acquis was adopted by vote, with the tally. Words ' +
    'weigh by how rare they are in the acquis, so stock phrases ("the use of ICTs by States") never fire ' +
    '(option `minWeight`, default 10; a stretch of fewer than 8 words needs twice that). When the voted text says it restates consensus texts (`restates:`), ' +
    'the message names them and says whether the acquis can check the claim. A close but changed quote ' +
    'is reported once, by precedent.deviation, whose message carries the vote.',
  fixable: false,
  check(ctx) {
    const option = ctx.options['minWeight'];
    const minWeight = typeof option === 'number' && option >= 0 ? option : DEFAULT_MIN_WEIGHT;
    for (const { unit, matches } of ctx.precedentMatches()) {
      for (const match of matches) {
        if (!votedOnly(match)) continue;
        const weight = distinctiveness(ctx.acquis, match);
        const needed = match.precedentWords.length < SHORT_STRETCH ? 2 * minWeight : minWeight;
        if (weight < needed) continue;
        const p = match.precedent;
        const how = match.kind === 'agreed' ? (match.partial ? 'Follows part of' : 'Follows') : 'Closely follows';
        // The precedent's own declaration, else that of another precedent with the very same words
        // (73/27 PP17 for 73/266 PP12); a precedent that shares only part of the stretch does not speak for it.
        const same = match.lineage.filter((m) => m.start === match.start && m.end === match.end && m.kind === match.kind);
        const declaring = [match, ...same].find((m) => declaredLineage(m.precedent));
        const lineage = declaring ? ` ${lineageReport(ctx.acquis, declaring.precedent)}` : '';
        ctx.report({
          message: `${how} ${languageOf(p, lineageNote(match))}; no consensus text in your acquis has this wording.${lineage}`,
          span: sourceSpan(unit, match),
          precedent: precedentRef(match),
          data: {
            weight: Math.round(weight * 10) / 10,
            kind: match.kind,
            ...(declaring ? { restates: declaredLineage(declaring.precedent)!.symbols } : {}),
          },
        });
      }
    }
  },
};
