/** The engine a command works with, built by the host layer; any problem stops the command. */
import type { Engine } from '../engine/index.js';
import { buildEngine } from '../host/build-engine.js';
import { InputError } from '../host/text-file.js';

export interface AcquisOptions {
  /** Extra acquis folders from the command line (`--acquis`, repeatable), relative to the working folder. */
  acquis: string[];
  /** False with `--no-builtin` (true means "not said": the project file decides). */
  builtin: boolean;
  /** `--config <file>`; otherwise acquis.config.yaml is looked for from `cwd` up. */
  config?: string;
  /** `--index <file>`: an index made by `acquis index`, used instead of the built-in acquis and folders. */
  index?: string;
}

/** An unusable configuration or acquis document stops the command (exit code 2) with file:line:col. */
export function engineFor(options: AcquisOptions, cwd: string): Engine {
  if (options.index && options.acquis.length) throw new InputError('--index replaces the acquis folders: give --acquis or --index, not both.');
  const built = buildEngine({
    ...(options.config ? { configFile: options.config } : {}),
    searchFrom: cwd,
    choices: { acquis: options.acquis, builtin: options.builtin === false ? false : undefined },
    choicesBase: () => cwd,
    ...(options.index ? { indexFile: options.index } : {}),
  });
  const [first, ...more] = built.problems;
  if (first) {
    if (more.length) first.message += ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})`;
    throw first;
  }
  return built.engine;
}
