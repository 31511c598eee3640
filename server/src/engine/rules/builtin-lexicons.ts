/**
 * The built-in lexicons, joined into one pass (lexicon-pass.ts): the lint runner joins them before
 * the first rule runs, so that each text unit is read once for all six of them, whichever rule
 * asks first. A lexicon used on its own (a test, a tool) still matches alone, with the same hits.
 */
import { attributionData } from './attribution-consensus.js';
import { joinLexicons, type Lexicon } from './lexicon.js';
import { normsObligationLexicon } from './norms-obligation.js';
import { styleCapitalsLexicon } from './style-capitals.js';
import { styleSpellingLexicon } from './style-spelling.js';
import { termContestedLexicon } from './term-contested.js';
import { termUnclearLexicon } from './term-unclear.js';

let joined: Lexicon[] | undefined;

/** Compile the built-in lexicons (once) and join them into one pass. */
export function joinBuiltinLexicons(): Lexicon[] {
  if (!joined) {
    joined = [termContestedLexicon(), termUnclearLexicon(), attributionData().views, normsObligationLexicon(), styleSpellingLexicon(), styleCapitalsLexicon()];
    joinLexicons(joined);
  }
  return joined;
}
