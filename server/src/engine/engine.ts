/**
 * The engine's front door: build it once from the acquis sources and the configuration, then lint
 * drafts. The CLI and the language server both go through here; neither reaches past it.
 */
import { buildAcquis, type Acquis, type SourceFile } from './acquis/acquis.js';
import type { AcquisProblem } from './acquis/model.js';
import { DEFAULT_CONFIG, type AcquisConfig } from './config.js';
import { readDraft, type DraftFile } from './draft.js';
import { lintDraft, type LintResult } from './lint.js';
import { Matcher } from './match/matcher.js';

export interface Engine {
  acquis: Acquis;
  matcher: Matcher;
  config: AcquisConfig;
  /** Problems in the acquis documents (syntax, missing adoption): they make precedent unreliable. */
  acquisProblems: AcquisProblem[];
  lint(uri: string, text: string, isCancelled?: () => boolean): LintResult & { draft: DraftFile };
}

export function createEngine(sources: SourceFile[], config: AcquisConfig = DEFAULT_CONFIG): Engine {
  const { acquis, problems } = buildAcquis(sources);
  const matcher = new Matcher(acquis);
  return {
    acquis,
    matcher,
    config,
    acquisProblems: problems,
    lint(uri, text, isCancelled) {
      const draft = readDraft(uri, text);
      const env = isCancelled ? { acquis, matcher, config, isCancelled } : { acquis, matcher, config };
      return { ...lintDraft(draft, env), draft };
    },
  };
}
