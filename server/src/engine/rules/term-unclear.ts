/** `term.unclear`: a term that delegations called unclear. */
import data from '../data/lexicons/term-unclear.json';
import { compileLexicon, runLexicon, type Lexicon, type LexiconData } from './lexicon.js';
import type { Rule } from './rule.js';

let lexicon: Lexicon | undefined;

/** The unclear terms (data/lexicons/term-unclear.json), compiled once. */
export function termUnclearLexicon(): Lexicon {
  return (lexicon ??= compileLexicon(data as LexiconData));
}

export const termUnclear: Rule = {
  id: 'term.unclear',
  defaultSeverity: 'info',
  summary: 'A term that delegations called unclear: say what it means, or use agreed wording.',
  docs:
    'Flags terms whose meaning a delegation questioned: "international rules" and "widely accepted ' +
    'principles" (Japan), and "existing norms" where Japan asked to say "the agreed 11 norms". The message ' +
    'quotes the comment and cites it. There is no fix. The terms are data: data/lexicons/term-unclear.json ' +
    '(docs/rules/term.unclear.md).',
  fixable: false,
  check(ctx) {
    runLexicon(ctx, termUnclearLexicon(), termUnclear.defaultSeverity);
  },
};
