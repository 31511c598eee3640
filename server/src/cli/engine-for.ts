/** The engine a command works with, built by the host layer; any problem stops the command. */
import type { Engine } from '../engine/index.js';
import { buildEngine } from '../host/build-engine.js';

export interface AcquisOptions {
  /** Extra acquis folders from the command line (`--acquis`, repeatable), relative to the working folder. */
  acquis: string[];
  /** False with `--no-builtin` (true means "not said": the project file decides). */
  builtin: boolean;
  /** `--config <file>`; otherwise acquis.config.yaml is looked for from `cwd` up. */
  config?: string;
}

/** An unusable configuration or acquis document stops the command (exit code 2) with file:line:col. */
export function engineFor(options: AcquisOptions, cwd: string): Engine {
  const built = buildEngine({
    ...(options.config ? { configFile: options.config } : {}),
    searchFrom: cwd,
    choices: { acquis: options.acquis, builtin: options.builtin === false ? false : undefined },
    choicesBase: () => cwd,
  });
  const [first, ...more] = built.problems;
  if (first) {
    if (more.length) first.message += ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})`;
    throw first;
  }
  return built.engine;
}
