/** The transport-free engine: no files, no processes, no editor types. */
export { buildAcquis, buildAcquisAsync, normaliseSymbol, type Acquis, type SourceFile } from './acquis/acquis.js';
export type { AcquisProblem, AdoptedDocument, Precedent } from './acquis/model.js';
export { CONFIG_FILE_NAMES, CONFIG_KEYS, DEFAULT_CONFIG, parseConfig, ruleSetting, type AcquisConfig, type ConfigProblem, type RuleSetting } from './config.js';
export { readDraft, type DraftFile, type DraftParser } from './draft.js';
export { createEngine, createEngineAsync, engineFromAcquis, mergeAcquis, type BuildProgress, type Engine } from './engine.js';
export { fromSnapshot, toSnapshot, type AcquisSnapshot } from './acquis/snapshot.js';
export { applyEdits, fixAll, minimalEdits, safeEdits } from './fixes.js';
export { hasReason, REASON_PLACEHOLDER } from './suppressions.js';
export { atOrAbove, lintDraft, type LintResult, type SuppressedFinding } from './lint.js';
export { unitsOf, paragraphPinpoint, type Unit } from './acquis/units.js';
export { describeAdoption } from './acquis/model.js';
export type { UnitMatches } from './rules/rule.js';
export { Matcher, type PrecedentMatch } from './match/matcher.js';
export { RULES, ruleById, INTERNAL_RULE_ID, SYNTAX_RULE_ID } from './rules/registry.js';
export { SEVERITIES, type Finding, type Fix, type PrecedentRef, type Rule, type Severity, type TextEdit } from './rules/rule.js';
export { LineIndex } from './text/line-index.js';

// What the shells (CLI, language server) use besides the front door: they import the engine only
// through this file (test/architecture.test.ts).
export * from './amendments/index.js';
export * from './compare/index.js';
export * from './report/index.js';
// Both define the same union of amendment kinds; the amendments' one is the engine's.
export type { ProposalKind } from './amendments/index.js';
export * from './import/import.js';
export { adoptionNote, cite } from './rules/precedent-common.js';
export { crossReferenceKey, crossReferencePins } from './rules/structure-common.js';
export { formOf } from './text/words.js';
export { default as memberStates } from './data/member-states.json';
