/** Finding and reading the project's acquis.config.yaml. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, LineIndex, parseConfig, type AcquisConfig } from '../engine/index.js';
import { InputError } from './text-file.js';
import { readText } from './read-text.js';

/** The configuration file in `start` or the nearest folder above it. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface ProjectConfig {
  /** The settings the file gives, acquis folders made absolute; undefined when it is unusable. */
  config?: AcquisConfig;
  /** Every mistake in the file, with its line and column. */
  problems: InputError[];
}

/** Read and check a configuration file; its acquis folders are relative to its own folder. */
export function readConfigFile(file: string): ProjectConfig {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    return { problems: [error as InputError] };
  }
  const { config, problems } = parseConfig(text);
  if (problems.length) {
    const lines = new LineIndex(text);
    return {
      problems: problems.map((p) => {
        const at = lines.position(p.span.start);
        return new InputError(p.message, file, at.line + 1, at.character + 1);
      }),
    };
  }
  return { config: { ...config, acquis: config.acquis.map((dir) => resolve(dirname(file), dir)) }, problems: [] };
}
