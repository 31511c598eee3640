/**
 * The work `acquis lint` does for one file, the same on the main thread and in a worker: apply the
 * fixes if asked, then lint the result.
 */
import { DEFAULT_FIX_LEVEL, fixAll, type Engine, type Finding, type FixLevelSetting } from '../../engine/index.js';

/** `--fix` or `--fix-dry-run`, with `--fix-level` when given. */
export interface FixRequest {
  level?: FixLevelSetting;
}

export interface LintedText {
  /** The text after the fixes (the input when none was asked for or none applied). */
  text: string;
  findings: Finding[];
}

export function lintText(engine: Engine, path: string, text: string, fix: FixRequest | undefined): LintedText {
  let fixed = text;
  if (fix) {
    // The command line's level, else the configuration's, else editorial only.
    const level = fix.level ?? engine.config.fixLevel ?? DEFAULT_FIX_LEVEL;
    fixed = fixAll(text, (t) => engine.lint(path, t).findings, { level }).text;
  }
  const findings = engine.lint(path, fixed).findings;
  // The next file of the run is another document: nothing remembered per paragraph helps it.
  engine.forgetTexts();
  return { text: fixed, findings };
}
