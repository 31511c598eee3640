/**
 * Hashes and random names with `node:crypto` loaded on first use. Loading it costs a short run
 * about 4 ms of CPU (a tenth of what `acquis lint` adds to Node's own start-up), and a plain lint
 * of a draft with the built-in acquis hashes nothing.
 */
import type { Hash } from 'node:crypto';

const crypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');

/** `crypto.createHash(algorithm)`. */
export const createHash = (algorithm: 'sha1' | 'sha256'): Hash => crypto().createHash(algorithm);

/** `crypto.randomBytes(size)`. */
export const randomBytes = (size: number): Buffer => crypto().randomBytes(size);
