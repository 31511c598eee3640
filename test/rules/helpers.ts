/** Shared by the rule tests: lint a small draft with some rules over an empty acquis. */
import { createEngine, DEFAULT_CONFIG, lintDraft, readDraft, type AcquisConfig, type Engine, type Finding, type Rule } from '../../server/src/engine/index';
import { attributionConsensus } from '../../server/src/engine/rules/attribution-consensus';
import { normsObligation } from '../../server/src/engine/rules/norms-obligation';
import { styleCapitals } from '../../server/src/engine/rules/style-capitals';
import { styleSpelling } from '../../server/src/engine/rules/style-spelling';
import { termContested } from '../../server/src/engine/rules/term-contested';
import { termUnclear } from '../../server/src/engine/rules/term-unclear';

/** The domain rules of this folder, in the order the registry is meant to list them. */
export const DOMAIN_RULES: Rule[] = [termContested, termUnclear, attributionConsensus, normsObligation, styleSpelling, styleCapitals];

let engine: Engine | undefined;

/** An engine over an empty acquis: these rules need no precedents. */
export function emptyEngine(): Engine {
  engine ??= createEngine([]);
  return engine;
}

/** Lint `text` (a whole draft) with `rules`; findings only. */
export function lint(text: string, rules: Rule | Rule[], config: AcquisConfig = DEFAULT_CONFIG): Finding[] {
  const e = emptyEngine();
  return lintDraft(readDraft('test.draft', text), { acquis: e.acquis, matcher: e.matcher, config }, Array.isArray(rules) ? rules : [rules]).findings;
}

/** The source text of each finding's span. */
export function flagged(text: string, findings: Finding[]): string[] {
  return findings.map((f) => text.slice(f.span.start, f.span.end).replace(/\s+/g, ' '));
}
