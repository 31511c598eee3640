/** `term.contested`: a term without consensus, with who objected to it and who supported it. */
import data from '../data/lexicons/term-contested.json';
import { compileLexicon, runLexicon, type Lexicon, type LexiconData } from './lexicon.js';
import type { Rule } from './rule.js';

let lexicon: Lexicon | undefined;

/** The contested terms (data/lexicons/term-contested.json), compiled once; attribution.consensus reads them too. */
export function termContestedLexicon(): Lexicon {
  return (lexicon ??= compileLexicon(data as LexiconData));
}

export const termContested: Rule = {
  id: 'term.contested',
  defaultSeverity: 'warning',
  summary: 'A term without consensus: the message names who objected, and where.',
  docs:
    'Flags terms that delegations objected to by name, such as "public core of the Internet" (China), ' +
    '"militarization of the digital space" and "supranational critical information infrastructure" ' +
    '(Japan). The message quotes the objection and cites the document where it was made, and the ' +
    'finding lists who supported the term. Words are compared by key, so "militarisation" and ' +
    '"Internet" in any case match; quotations are read too. There is no fix: attribute the proposal ' +
    'to the States that made it, or leave the term out. The terms are data: data/lexicons/term-contested.json ' +
    '(docs/rules/term.contested.md).',
  fixable: false,
  check(ctx) {
    runLexicon(ctx, termContestedLexicon(), termContested.defaultSeverity);
  },
};
