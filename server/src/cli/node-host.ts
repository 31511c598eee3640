/**
 * The file-system side of the CLI. Reading files, folders, configuration and the acquis lives in
 * the host layer (server/src/host), shared with the language server; this module re-exports it
 * for the commands and keeps the CLI's own writes.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export { InputError } from '../host/input-error.js';
export { builtinAcquisDir, packageRoot } from '../host/install.js';
export { readText } from '../host/read-text.js';
export { expandInputs, readAcquisFolder } from '../host/folders.js';
export { findConfigFile } from '../host/config-file.js';
export { writeBuiltinSnapshot } from '../host/acquis-loader.js';

/**
 * Write through a temporary file in the same folder and rename it over the target, so a reader
 * never sees half a file and a crash leaves the original intact.
 */
export function writeAtomic(file: string, text: string): void {
  const temp = join(dirname(file), `.${randomBytes(6).toString('hex')}.acquis-tmp`);
  try {
    const mode = existsSync(file) ? statSync(file).mode : 0o644;
    writeFileSync(temp, text, { encoding: 'utf8', mode });
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never written.
    }
    throw error;
  }
}
