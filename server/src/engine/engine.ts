/**
 * The engine's front door: build it once from the acquis sources and the configuration, then lint
 * drafts. The CLI and the language server both go through here; neither reaches past it.
 */
import { buildAcquis, buildAcquisAsync, type Acquis, type SourceFile } from './acquis/acquis.js';
import type { AcquisProblem } from './acquis/model.js';
import { DEFAULT_CONFIG, type AcquisConfig } from './config.js';
import { readDraft, type DraftFile } from './draft.js';
import { lintDraft, type LintResult } from './lint.js';
import { Matcher } from './match/matcher.js';
import { mergeVocabularies, PrecedentIndex } from './acquis/precedent-index.js';
import { forgetTextCaches } from './text/text-caches.js';

export interface BuildProgress {
  /** Called after each document with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Lets the host breathe (answer requests, report progress) while a large acquis is read. */
  yieldToHost?: () => Promise<void>;
}

export interface Engine {
  acquis: Acquis;
  matcher: Matcher;
  config: AcquisConfig;
  /** Problems in the acquis documents (syntax, missing adoption): they make precedent unreliable. */
  acquisProblems: AcquisProblem[];
  lint(uri: string, text: string, isCancelled?: () => boolean): LintResult & { draft: DraftFile };
  /** Lint a draft already read (the language server reads it once per version). */
  lintDraft(draft: DraftFile, isCancelled?: () => boolean): LintResult;
  /**
   * Forget what was remembered per paragraph text to lint it again faster: a batch calls this
   * between distinct documents (see text-caches.ts); an editor does not. Findings do not change.
   */
  forgetTexts(): void;
}

export function createEngine(sources: SourceFile[], config: AcquisConfig = DEFAULT_CONFIG): Engine {
  const { acquis, problems } = buildAcquis(sources);
  return engineOver(acquis, problems, config);
}

/** An engine over an acquis already built (from a snapshot, say). */
export function engineFromAcquis(acquis: Acquis, config: AcquisConfig = DEFAULT_CONFIG, problems: AcquisProblem[] = []): Engine {
  return engineOver(acquis, problems, config);
}

/** Merge acquis built separately (a snapshot of the built-in one and a project's folders). */
export function mergeAcquis(parts: Acquis[]): Acquis {
  if (parts.length === 1) return parts[0]!;
  const documents = parts.flatMap((p) => p.documents);
  const precedents = parts.flatMap((p) => p.precedents);
  // Ids index the merged list; each part's precedents belong to it alone, so renumbering is safe.
  precedents.forEach((p, id) => {
    p.id = id;
  });
  const vocabulary = mergeVocabularies(parts.map((p) => ({ vocabulary: p.index.vocabulary, precedents: p.precedents })));
  const bySymbol = new Map(parts.flatMap((p) => [...p.bySymbol]));
  return { documents, precedents, index: new PrecedentIndex(precedents, vocabulary), bySymbol };
}

/** The same, reading the acquis a few documents at a time and reporting progress. */
export async function createEngineAsync(
  sources: SourceFile[],
  config: AcquisConfig = DEFAULT_CONFIG,
  progress: BuildProgress = {},
): Promise<Engine> {
  const { acquis, problems } = await buildAcquisAsync(sources, progress);
  return engineOver(acquis, problems, config);
}

function engineOver(acquis: Acquis, problems: AcquisProblem[], config: AcquisConfig): Engine {
  const matcher = new Matcher(acquis);
  const lintOne = (draft: DraftFile, isCancelled?: () => boolean): LintResult =>
    lintDraft(draft, isCancelled ? { acquis, matcher, config, isCancelled } : { acquis, matcher, config });
  return {
    acquis,
    matcher,
    config,
    acquisProblems: problems,
    lint(uri, text, isCancelled) {
      const draft = readDraft(uri, text);
      return { ...lintOne(draft, isCancelled), draft };
    },
    lintDraft: lintOne,
    forgetTexts() {
      forgetTextCaches();
      matcher.forgetParagraphs();
    },
  };
}
