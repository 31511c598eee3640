/** Every rule, by id. Adding a rule: write its module, then list it here (see ARCHITECTURE.md). */
import { precedentAgreed } from './precedent-agreed.js';
import { precedentDeviation } from './precedent-deviation.js';
import { precedentVoted } from './precedent-voted.js';
import type { Rule } from './rule.js';
import { suppressionReason } from './suppression-reason.js';
import { attributionConsensus } from './attribution-consensus.js';
import { normsObligation } from './norms-obligation.js';
import { styleCapitals } from './style-capitals.js';
import { styleSpelling } from './style-spelling.js';
import { termContested } from './term-contested.js';
import { termUnclear } from './term-unclear.js';
import { citationValid } from './citation-valid.js';
import { mandateCoverage } from './mandate-coverage.js';
import { numberingSequence } from './numbering-sequence.js';
import { xrefValid } from './xref-valid.js';

export const RULES: Rule[] = [
  precedentDeviation,
  precedentVoted,
  precedentAgreed,
  suppressionReason,
  termContested,
  termUnclear,
  attributionConsensus,
  normsObligation,
  styleSpelling,
  styleCapitals,
  mandateCoverage,
  citationValid,
  numberingSequence,
  xrefValid,
];

/** Findings that come from the parser, not from a rule module. */
export const SYNTAX_RULE_ID = 'syntax';
/** A rule that threw: reported once instead of failing the whole run. */
export const INTERNAL_RULE_ID = 'internal.error';

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
