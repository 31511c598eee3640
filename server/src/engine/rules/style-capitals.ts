/** `style.capitals`: "States", "Member States", "ICTs", and "ICT security" for "cybersecurity". */
import data from '../data/lexicons/style-capitals.json';
import { compileLexicon, runLexicon, type Lexicon, type LexiconData } from './lexicon.js';
import type { Rule } from './rule.js';

let lexicon: Lexicon | undefined;

/** The capitalisation patterns (data/lexicons/style-capitals.json), compiled once. */
export function styleCapitalsLexicon(): Lexicon {
  return (lexicon ??= compileLexicon(data as LexiconData));
}

export const styleCapitals: Rule = {
  id: 'style.capitals',
  defaultSeverity: 'info',
  summary: 'UN capitalisation: "States", "Member States", "ICTs"; "ICT security" rather than "cybersecurity".',
  docs:
    'Flags "member states" and "Member states" (write "Member States"), "states" after "some", "many", ' +
    '"all", "other", "these"... or as the subject of a verb of speech ("that states should"), "state" in ' +
    '"responsible State behaviour", "non-State actors" and "State sovereignty", "ICT\'s" and "ICTS" (write ' +
    '"ICTs"), and "cybersecurity", which UN texts do not use ("ICT security"). Only certain patterns are ' +
    'flagged; their fixes join fix-all, except "cybersecurity", an unclear possessive "ICT\'s" and "member ' +
    'states" of another organization. Quotations and citations are left alone. Patterns: ' +
    'data/lexicons/style-capitals.json (docs/rules/style.capitals.md).',
  fixable: true,
  check(ctx) {
    runLexicon(ctx, styleCapitalsLexicon(), styleCapitals.defaultSeverity);
  },
};
