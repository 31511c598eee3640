/** `norms.obligation`: voluntary norms described as obligations, or international law as voluntary. */
import data from '../data/lexicons/norms-obligation.json';
import { compileLexicon, runLexicon, type Lexicon, type LexiconData } from './lexicon.js';
import type { Rule } from './rule.js';

let lexicon: Lexicon | undefined;

/** The patterns of both confusions (data/lexicons/norms-obligation.json), compiled once. */
export function normsObligationLexicon(): Lexicon {
  return (lexicon ??= compileLexicon(data as LexiconData));
}

export const normsObligation: Rule = {
  id: 'norms.obligation',
  defaultSeverity: 'warning',
  summary: 'Voluntary, non-binding norms described as legal obligations, or international law described as voluntary.',
  docs:
    'The norms of responsible State behaviour are "voluntary and non-binding" (resolution 73/266, PP12; ' +
    'A/70/174), while international law applies and binds. Flags "legally bound by the norms", "binding ' +
    'norms", "obligations under the norms", "the norms are binding", "must implement the norms", "obliged ' +
    'to comply with the norms", and the reverse: "voluntary international law", "international law is ' +
    'non-binding". Negations ("not bound by the norms"), "non-binding norms" and sentences about proposals ' +
    'for new binding norms are left alone. The fix for "must" offers "should" (never automatic). Patterns: ' +
    'data/lexicons/norms-obligation.json (docs/rules/norms.obligation.md).',
  fixable: false,
  check(ctx) {
    runLexicon(ctx, normsObligationLexicon(), normsObligation.defaultSeverity);
  },
};
