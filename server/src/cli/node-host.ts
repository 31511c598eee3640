/**
 * The file-system side of the CLI. Reading files, folders, configuration and the acquis lives in
 * the host layer (server/src/host), shared with the language server; writes live in
 * host/text-file.ts. This module re-exports what the commands (and some tests) used from here.
 */
export { InputError } from '../host/text-file.js';
export { builtinAcquisDir, packageRoot } from '../host/install.js';
export { readText } from '../host/read-text.js';
export { expandInputs, readAcquisFolder } from '../host/folders.js';
export { findConfigFile } from '../host/config-file.js';
export { writeBuiltinSnapshot } from '../host/acquis-loader.js';
