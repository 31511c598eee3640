/**
 * Reading and writing the user's files without losing a byte (README, "What Acquis guarantees
 * about your files"). Every file the CLI writes goes through `writeTextFile`; every draft it reads
 * comes through `readTextFile`, which remembers the encoding and the file's state so that a write
 * back keeps the encoding and refuses to overwrite an edit made meanwhile.
 *
 * Host side: this module uses the file system, the engine never does.
 */
import { createHash, randomBytes } from './hash.js';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * An input or output problem the user must fix: reported as `file:line:col: error: message` (or
 * `file: error: message`) with exit code 2, never as a stack trace.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  get location(): string {
    if (!this.file) return '';
    return this.line !== undefined ? `${this.file}:${this.line}:${this.column ?? 1}: ` : `${this.file}: `;
  }
}

/**
 * How a file's bytes became text. UTF-8 keeps a byte order mark as U+FEFF at the start of the
 * text (so writing the text back keeps it); UTF-16 files need their byte order mark, which is
 * also kept as U+FEFF in the text.
 */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** What a file was when it was read: a write refuses to go ahead if any of it changed. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes read. */
  hash: string;
}

export interface TextFile {
  /** Absolute path (for standard input: `-`). */
  path: string;
  /** The name used in messages, as the user gave it. */
  shown: string;
  text: string;
  encoding: TextEncoding;
  /** Absent for standard input. */
  stamp?: FileStamp;
}

export interface ReadOptions {
  /** Read standard input when the path is `-` (only where a command says it accepts it). */
  stdin?: boolean;
}

/** The name standard input is shown as in messages. */
export const STDIN_NAME = '<stdin>';

/**
 * Read a text file: UTF-8 (validated; a BOM kept as U+FEFF) or UTF-16 with a byte order mark.
 * Refuses what is not a regular file (a FIFO or a device would hang or never end), bytes that are
 * not UTF-8, and NUL bytes (UTF-16 without a byte order mark, or a binary file).
 */
export function readTextFile(path: string, shown: string = path, options: ReadOptions = {}): TextFile {
  if (path === '-' && options.stdin) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(0);
    } catch (error) {
      throw new InputError(`cannot read standard input: ${reason(error)}.`, STDIN_NAME);
    }
    const { text, encoding } = decodeText(bytes, STDIN_NAME);
    return { path: '-', shown: STDIN_NAME, text, encoding };
  }
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer returns at once and can be refused.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError(`cannot read: ${reason(error)}.`, shown);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError('cannot read: is a folder, not a file.', shown);
    if (!stat.isFile()) throw new InputError(`cannot read: ${kindOf(stat)}, not a regular file.`, shown);
    let bytes: Buffer;
    try {
      bytes = readBytes(fd, stat.size);
    } catch (error) {
      throw new InputError(`cannot read: ${reason(error)}.`, shown);
    }
    const { text, encoding } = decodeText(bytes, shown);
    return { path: resolve(path), shown, text, encoding, stamp: stampOf(stat, text, encoding) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Files up to this size are read into one reused buffer. A buffer of their own each (what
 * `readFileSync` allocates) is fresh memory, and the first touch of fresh memory cost more than
 * the read itself on the machines measured (50 drafts of 73 KB: about 11 ms against 1). The
 * bytes are only needed until they are text: `stampOf` hashes the text's encoding, which is the
 * same bytes.
 */
const REUSED_MAX = 1 << 22;
let reused: Buffer | undefined;

/**
 * The bytes of the open regular file `fd` to its end, as `readFileSync(fd)` reads them: the
 * `size` its status gave into the reused buffer (valid until the next call), and whatever it
 * gained since (a file being written meanwhile) read on by `readFileSync`.
 */
export function readBytes(fd: number, size: number): Buffer {
  // A regular file that says it is empty may still have content (/proc): read to its end.
  if (size === 0 || size > REUSED_MAX) return readFileSync(fd);
  if (!reused || reused.length <= size) reused = Buffer.allocUnsafe(Math.min(REUSED_MAX + 1, Math.max(size + 1, (reused?.length ?? 1 << 16) * 2)));
  let done = 0;
  // One byte more than the status said: reading it tells a file that grew.
  for (let n = -1; n !== 0 && done <= size; done += n) n = readSync(fd, reused, done, size + 1 - done, null);
  if (done <= size) return reused.subarray(0, done);
  return Buffer.concat([reused.subarray(0, done), readFileSync(fd)]);
}

/** Bytes to text, or an `InputError` naming the first byte that is not text. */
export function decodeText(bytes: Buffer, shown: string): { text: string; encoding: TextEncoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 'le', shown), encoding: 'utf16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 'be', shown), encoding: 'utf16be' };
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, at);
    throw new InputError(
      `not valid UTF-8: byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at byte offset ${at}. Save the file as UTF-8 (or UTF-16 with a byte order mark); nothing was changed.`,
      shown,
      line,
      column,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = positionOfByte(bytes, nul);
    throw new InputError(
      `a NUL byte at byte offset ${nul}: this is not a text file (UTF-16 needs a byte order mark); nothing was changed.`,
      shown,
      line,
      column,
    );
  }
  return { text: bytes.toString('utf8'), encoding: 'utf8' };
}

function decodeUtf16(bytes: Buffer, order: 'le' | 'be', shown: string): string {
  if (bytes.length % 2 !== 0) throw new InputError(`not valid UTF-16: an odd number of bytes (${bytes.length}); nothing was changed.`, shown);
  try {
    return new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError('not valid UTF-16: an unpaired surrogate; nothing was changed.', shown);
  }
}

/** Text to the bytes of an encoding; UTF-16 always starts with its byte order mark. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const withBom = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  const le = Buffer.from(withBom, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and column (UTF-16 code units, as everywhere else) of a byte offset in valid text before it. */
function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: bytes.subarray(lineStart, offset).toString('utf8').length + 1 };
}

/**
 * The hash is of the bytes read, taken when a write first asks for it: most reads (a lint without
 * --fix) never write back, and hashing would load node:crypto for nothing (host/hash.ts). The
 * bytes are not kept: text that `decodeText` accepted encodes back to exactly the bytes it came
 * from (UTF-8 validated, UTF-16 without unpaired surrogates, a byte order mark kept as U+FEFF).
 */
function stampOf(stat: Stats, text: string, encoding: TextEncoding): FileStamp {
  let hash: string | undefined;
  return {
    dev: stat.dev,
    ino: stat.ino,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    get hash() {
      return (hash ??= hashOf(encodeText(text, encoding)));
    },
  };
}

const hashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'is a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'is a character device';
  if (stat.isBlockDevice()) return 'is a block device';
  if (stat.isSocket()) return 'is a socket';
  if (stat.isDirectory()) return 'is a folder';
  return 'is not a regular file';
}

/** A system error (`ENOENT`, `EACCES`...) in words, for `file: error: ...` messages. */
export function describeSystemError(error: unknown): string {
  return reason(error);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ELOOP':
      return 'too many symbolic links (a loop?)';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENXIO':
      return 'nothing is reading from this FIFO';
    default:
      return code ? `${code}` : String((error as Error).message ?? error);
  }
}

export interface WriteOptions {
  /** The name used in messages (default: the path). */
  shown?: string;
  /** Default UTF-8. */
  encoding?: TextEncoding;
  /** When writing back a file that was read: refuse if it changed since. */
  expect?: FileStamp;
  /** Files this run reads: writing over one of them is refused (`-o` onto an input). */
  inputs?: Array<{ path: string; stamp?: FileStamp }>;
}

/** Where a write will land, found before any work is done so that a mistake costs nothing. */
export interface WriteTarget {
  /** The path given. */
  path: string;
  shown: string;
  /** The file that will be written: symbolic links followed. */
  real: string;
  /** The existing file (following links), if any. */
  stat?: Stats;
  /** How the bytes get there. */
  mode: 'replace' | 'create' | 'in-place' | 'direct';
}

/**
 * Check that `path` can be written, and how: a new file or a regular file is replaced through a
 * temporary file and a rename (atomic); a file with several hard links is rewritten in place (a
 * rename would split the links); a device, FIFO or anything under /dev or /proc is written
 * directly, never renamed over. Refuses a folder, a missing folder, a read-only file or folder,
 * and one of `inputs`.
 */
export function planWrite(path: string, options: Pick<WriteOptions, 'shown' | 'inputs'> = {}): WriteTarget {
  const shown = options.shown ?? path;
  const absolute = resolve(path);
  let stat: Stats | undefined;
  try {
    stat = statSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`cannot write: ${reason(error)}.`, shown);
  }
  if (stat?.isDirectory()) throw new InputError('cannot write: is a folder, not a file; give a file name.', shown);
  for (const input of options.inputs ?? []) {
    if (input.path === '-') continue;
    const same = stat && input.stamp ? stat.dev === input.stamp.dev && stat.ino === input.stamp.ino : resolve(input.path) === absolute;
    if (same) throw new InputError('refusing to write over an input of this command; choose another output file.', shown);
  }
  if (stat && (!stat.isFile() || /^\/(dev|proc)\//.test(absolute))) {
    return { path, shown, real: absolute, stat, mode: 'direct' };
  }
  const real = stat ? realPath(absolute) : danglingTarget(absolute, shown);
  const folder = dirname(real);
  let folderStat: Stats;
  try {
    folderStat = statSync(folder);
  } catch {
    // A professional tool does not create folders behind a typo: the user creates them.
    throw new InputError('the folder to write into does not exist.', shown);
  }
  if (!folderStat.isDirectory()) throw new InputError(`cannot write: ${folder} is not a folder.`, shown);
  if (stat) {
    if ((stat.mode & 0o222) === 0) throw new InputError('cannot write: the file is read-only; nothing was changed.', shown);
    if (!canWrite(real)) throw new InputError('cannot write: permission denied; nothing was changed.', shown);
    if (stat.nlink > 1) return { path, shown, real, stat, mode: 'in-place' };
  }
  // A temporary file and a rename need a folder that can be written.
  if ((folderStat.mode & 0o222) === 0 || !canWrite(folder)) {
    throw new InputError(`cannot write: the folder ${folder} is read-only; nothing was changed.`, shown);
  }
  return stat ? { path, shown, real, stat, mode: 'replace' } : { path, shown, real, mode: 'create' };
}

/**
 * Write `text` to `path` without losing a byte: see `planWrite` for how. With `expect`, the file
 * must still be exactly as it was read (same inode, size, modification time and content hash),
 * checked just before the rename (or the in-place write), under a lock that other Acquis
 * processes respect; otherwise nothing is written. Mode and owner are kept.
 */
export function writeTextFile(path: string, text: string, options: WriteOptions = {}): void {
  writeFileBytes(path, encodeText(text, options.encoding ?? 'utf8'), options);
}

/**
 * `writeTextFile` for bytes that are not text (a .docx, a snapshot): the same guarantees. A large
 * file (an acquis index) may come as chunks, written one after the other, never joined in memory.
 */
export function writeFileBytes(path: string, bytes: Uint8Array | Iterable<Uint8Array>, options: Omit<WriteOptions, 'encoding'> = {}): void {
  const target = planWrite(path, options);
  try {
    if (target.mode === 'direct') return writeDirect(target, bytes);
    withLock(target, () => {
      if (target.mode === 'in-place') writeInPlace(target, bytes, options.expect);
      else replace(target, bytes, options.expect);
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write: ${reason(error)}; nothing was changed.`, target.shown);
  }
}

function writeDirect(target: WriteTarget, bytes: Uint8Array | Iterable<Uint8Array>): void {
  // A FIFO with no reader would block: a non-blocking open fails instead (ENXIO).
  const flags = target.stat?.isFIFO() ? constants.O_WRONLY | constants.O_NONBLOCK : constants.O_WRONLY | constants.O_TRUNC;
  let fd: number;
  try {
    fd = openSync(target.real, flags);
  } catch (error) {
    throw new InputError(`cannot write: ${reason(error)}.`, target.shown);
  }
  try {
    writeAll(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

function replace(target: WriteTarget, bytes: Uint8Array | Iterable<Uint8Array>, expect: FileStamp | undefined): void {
  const folder = dirname(target.real);
  const temp = join(folder, `.${basename(target.real)}.${randomBytes(6).toString('hex')}.acquis-tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  let renamed = false;
  try {
    try {
      writeAll(fd, bytes);
      if (target.stat) {
        keepOwner(fd, target.stat);
        fchmodSync(fd, target.stat.mode & 0o7777);
      } else {
        fchmodSync(fd, 0o666 & ~process.umask());
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (target.stat) {
      if (expect) recheck(target, expect);
      renameSync(temp, target.real);
      renamed = true;
    } else {
      // A new file: link, so that a file created meanwhile by someone else is not replaced.
      try {
        linkSync(temp, target.real);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new InputError('cannot write: the file was created by another program meanwhile; nothing was changed.', target.shown);
        }
        renameSync(temp, target.real);
        renamed = true;
      }
    }
    syncFolder(folder);
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temp);
      } catch {
        // Already gone.
      }
    }
  }
}

/** A file with several hard links: rewrite its one inode, after the same re-check. */
function writeInPlace(target: WriteTarget, bytes: Uint8Array | Iterable<Uint8Array>, expect: FileStamp | undefined): void {
  if (expect) recheck(target, expect);
  const fd = openSync(target.real, constants.O_WRONLY);
  try {
    ftruncateSync(fd, 0);
    writeAll(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Refuse if the file is not exactly what was read. */
function recheck(target: WriteTarget, expect: FileStamp): void {
  const changed = new InputError(
    'the file changed on disk since Acquis read it (edited by another program?); nothing was written. Run the command again.',
    target.shown,
  );
  let stat: Stats;
  try {
    stat = statSync(target.real);
  } catch {
    throw changed;
  }
  if (stat.dev !== expect.dev || stat.ino !== expect.ino || stat.size !== expect.size || stat.mtimeMs !== expect.mtimeMs) throw changed;
  if (hashOf(readFileSync(target.real)) !== expect.hash) throw changed;
}

const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

/**
 * A lock file beside the target, held from the re-check to the rename, so that two Acquis
 * processes writing the same file cannot both pass the re-check. Other programs do not know it;
 * against them the re-check narrows the window to the instant before the rename.
 */
function withLock(target: WriteTarget, work: () => void): void {
  const lock = join(dirname(target.real), `.${basename(target.real)}.acquis-lock`);
  const started = Date.now();
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder Acquis may not create files in (a hard-linked file written in place): the
      // re-check alone guards the write.
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return work();
      if (code !== 'EEXIST') throw error;
      try {
        if (Date.now() - lstatSync(lock).mtimeMs > LOCK_STALE_MS) unlinkSync(lock);
      } catch {
        // Released meanwhile.
      }
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw new InputError(`cannot write: another Acquis process holds ${lock}; nothing was changed.`, target.shown);
      }
      pause(5);
    }
  }
  try {
    closeSync(fd);
    work();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // Nothing to release.
    }
  }
}

/** The new file gets the old one's owner and group: always as root, the group if a user may set it. */
function keepOwner(fd: number, stat: Stats): void {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || (stat.uid === uid && stat.gid === gid)) return;
  try {
    fchownSync(fd, uid === 0 ? stat.uid : uid, stat.gid);
  } catch (error) {
    if (uid === 0) throw error;
    // A user may not give a file away; the group is kept where the user belongs to it.
  }
}

const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function writeAll(fd: number, chunks: Uint8Array | Iterable<Uint8Array>): void {
  for (const bytes of chunks instanceof Uint8Array ? [chunks] : chunks) writeChunk(fd, bytes);
}

function writeChunk(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      // A FIFO opened without blocking: wait for the reader to drain it.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      pause(5);
    }
  }
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every file system lets a folder be synced; the rename itself is still atomic.
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** The path a dangling symbolic link points to (writing creates it, as a shell redirection does). */
function danglingTarget(path: string, shown: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      link = readlinkSync(current);
    } catch {
      return current;
    }
    current = isAbsolute(link) ? link : resolve(dirname(current), link);
  }
  throw new InputError('cannot write: too many symbolic links (a loop?).', shown);
}

/** Remove a file this program made (a stale cache entry); a file already gone is no error. */
export function removeOwnFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
