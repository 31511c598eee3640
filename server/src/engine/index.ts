/** The transport-free engine: no files, no processes, no editor types. */
export { AcquisBuilder, buildAcquis, buildAcquisAsync, normaliseSymbol, type Acquis, type BuilderOptions, type SourceFile } from './acquis/acquis.js';
export { BatchReader, ReaderWords, type ReadBatch, type ReadFile } from './acquis/batch-reader.js';
export { paragraphFrequencies, type ParagraphFrequencies } from './acquis/paragraph-frequencies.js';
export { useWordFrequencies } from './rules/precedent-weight.js';
export { decodeIndex, encodeIndex, engineFingerprint, INDEX_FORMAT_VERSION, indexHeaderLength, indexLayout, readIndexFacts, TEXTS_SECTION, type IndexFacts } from './acquis/index-file.js';
export type { AcquisProblem, AdoptedDocument, Precedent } from './acquis/model.js';
export { CONFIG_FILE_NAMES, CONFIG_KEYS, DEFAULT_CONFIG, parseConfig, ruleSetting, type AcquisConfig, type ConfigProblem, type RuleSetting } from './config.js';
export { readDraft, type DraftFile, type DraftParser } from './draft.js';
export { createEngine, createEngineAsync, engineFromAcquis, mergeAcquis, type BuildProgress, type Engine } from './engine.js';
export { fromSnapshot, toSnapshot, type AcquisSnapshot } from './acquis/snapshot.js';
export { applyEdits, DEFAULT_FIX_LEVEL, FIX_LEVEL_SETTINGS, fixAll, fixLevelOf, levelAllowed, minimalEdits, safeEdits, type FixAllOptions, type FixLevelSetting } from './fixes.js';
export { hasReason, REASON_PLACEHOLDER } from './suppressions.js';
export { atOrAbove, lintDraft, type LintResult, type SuppressedFinding } from './lint.js';
export { unitsOf, paragraphPinpoint, type Unit } from './acquis/units.js';
export { describeAdoption } from './acquis/model.js';
export type { UnitMatches } from './rules/rule.js';
export { Matcher, type PrecedentMatch } from './match/matcher.js';
export { RULES, ruleById, INTERNAL_RULE_ID, SYNTAX_RULE_ID } from './rules/registry.js';
export { SEVERITIES, type Finding, type Fix, type PrecedentRef, type Rule, type Severity, type TextEdit } from './rules/rule.js';
export { LineIndex, lineStarts } from './text/line-index.js';

// What the shells (CLI, language server) use besides the front door. They import the engine only
// through this file and the entry points of the subsystems a command loads on its own
// (amendments/index.ts, compare/index.ts, report/index.ts, import/index.ts, search/index.ts, and the leaf
// text/line-index.ts), so that a command evaluates only what it uses (test/architecture.test.ts,
// test/cli/lazy-commands.test.ts).
export { adoptionNote, cite } from './rules/precedent-common.js';
export { crossReferenceKey, crossReferencePins } from './rules/structure-common.js';
export { formOf } from './text/words.js';
export { default as memberStates } from './data/member-states.json';
export type { SentenceTexts } from './acquis/precedent-table.js';
