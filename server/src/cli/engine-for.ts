/** The engine a command works with: configuration, built-in acquis and acquis folders, checked. */
import { dirname, resolve } from 'node:path';
import { engineFromAcquis, type Engine } from '../engine/index.js';
import { LineIndex } from '../engine/text/line-index.js';
import { findConfigFile, InputError, loadAcquis, loadConfig, readText } from './node-host.js';

export interface AcquisOptions {
  /** Extra acquis folders from the command line (`--acquis`, repeatable). */
  acquis: string[];
  /** False with `--no-builtin`. */
  builtin: boolean;
  /** `--config <file>`; otherwise acquis.config.yaml is looked for from `cwd` up. */
  config?: string;
}

/** An unusable acquis document stops the command (exit code 2) with file:line:col. */
export function engineFor(options: AcquisOptions, cwd: string): Engine {
  const configFile = options.config ? resolve(cwd, options.config) : findConfigFile(cwd);
  if (options.config) readText(configFile!); // a missing explicit config is an input error
  const { config, file } = loadConfig(configFile);
  const base = file ? dirname(file) : cwd;
  const { acquis, problems, sources } = loadAcquis({
    builtin: options.builtin && config.builtin,
    extra: [...config.acquis.map((dir) => resolve(base, dir)), ...options.acquis.map((dir) => resolve(cwd, dir))],
  });
  const engine = engineFromAcquis(acquis, config, problems);
  const first = engine.acquisProblems[0];
  if (first) {
    const source = sources.find((s) => s.uri === first.uri);
    const at = new LineIndex(source?.text ?? '').position(first.span.start);
    const more = engine.acquisProblems.length > 1 ? ` (and ${engine.acquisProblems.length - 1} more problems in the acquis)` : '';
    throw new InputError(`acquis document unusable: ${first.message}${more}`, first.uri, at.line + 1, at.character + 1);
  }
  return engine;
}
