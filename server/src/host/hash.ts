/**
 * Hashes and random names with `node:crypto` loaded on first use. Loading it costs a short run
 * about 4 ms of CPU (a tenth of what `acquis lint` adds to Node's own start-up), and a plain lint
 * of a draft with the built-in acquis hashes nothing.
 */
import type { Hash } from 'node:crypto';

// `process.getBuiltinModule` is Node 20.16 and later; an editor's own Node (the server may run
// inside VS Code's Electron) can be older, and the bundles are CommonJS, where `require` is there.
const crypto = (): typeof import('node:crypto') =>
  typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:crypto') : (require('node:crypto') as typeof import('node:crypto'));

/** `crypto.createHash(algorithm)`. */
export const createHash = (algorithm: 'sha1' | 'sha256'): Hash => crypto().createHash(algorithm);

/** `crypto.randomBytes(size)`. */
export const randomBytes = (size: number): Buffer => crypto().randomBytes(size);
