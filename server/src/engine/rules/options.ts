/**
 * The options each rule accepts in `rules:` of acquis.config.yaml, so that configuration is
 * checked against the registry: a misspelt option or a wrong type is refused rather than ignored.
 * Every rule of the registry has an entry (a test checks it); a rule without options has `{}`.
 * Besides these, every rule accepts `severity` (or a bare severity string).
 */

/** The type of one option value. */
export type OptionType =
  | { type: 'number'; minimum?: number }
  | { type: 'boolean' }
  | { type: 'strings' }
  /** A severity or `off`: the per-kind and per-grade settings. */
  | { type: 'severity' };

const severity: OptionType = { type: 'severity' };
const kinds = (...names: string[]): Record<string, OptionType> => Object.fromEntries(names.map((n) => [n, severity]));
const lexicon = { exclude: { type: 'strings' } } satisfies Record<string, OptionType>;

export const RULE_OPTIONS: Record<string, Record<string, OptionType>> = {
  'precedent.deviation': kinds('substantive', 'wording', 'structural', 'editorial'),
  'precedent.voted': { minWeight: { type: 'number', minimum: 0 } },
  'precedent.agreed': {},
  'suppression.reason': {},
  'term.contested': lexicon,
  'term.unclear': lexicon,
  'attribution.consensus': lexicon,
  'norms.obligation': lexicon,
  'style.spelling': lexicon,
  'style.capitals': lexicon,
  'mandate.coverage': { always: { type: 'boolean' }, minShare: { type: 'number', minimum: 0 }, ...kinds('missing', 'unbalanced') },
  'citation.valid': {
    maxSession: { type: 'number', minimum: 1 },
    maxYear: { type: 'number', minimum: 1945 },
    ...kinds('malformed', 'oldSession', 'missingParagraph', 'notTranscribed', 'notInAcquis'),
  },
  'numbering.sequence': kinds('duplicate', 'gap', 'heading', 'inserted', 'lone', 'order', 'parent', 'subparagraph'),
  'xref.valid': kinds('missing', 'missingSubparagraph', 'notInExcerpt', 'wrongSide', 'self'),
};
