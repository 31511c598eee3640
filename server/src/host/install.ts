/** Where this installation keeps its own files: the built-in acquis and its snapshot. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from './text-file.js';

/** The package's root folder, found by walking up from this module (source or bundle). */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server', 'acquis'))) return dir;
    dir = dirname(dir);
  }
  throw new InputError('The built-in acquis is missing from this installation (server/acquis).');
}

/** The folder holding the built-in acquis. */
export function builtinAcquisDir(): string {
  return join(packageRoot(), 'server', 'acquis');
}

/** The snapshot of the built-in acquis that the build writes (relative to the package root). */
export const SNAPSHOT_FILE = join('dist', 'builtin-acquis.json');
