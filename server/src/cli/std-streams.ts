/**
 * Writing to standard output and error without Node's stream objects when it can: creating
 * `process.stdout` for a pipe loads the net and stream modules, a few milliseconds of a run that
 * lints one paragraph. Text goes to the file descriptor with blocking writes; if the descriptor
 * would block (a non-blocking pipe that is full) or fails, the rest of that text and everything
 * after it goes through the stream, in order, so nothing is lost or reordered.
 */
import { writeSync } from 'node:fs';

export interface StdWriter {
  write(text: string): void;
  /** True when nothing written is still queued in a stream. */
  drained(): boolean;
  /** Called once everything queued has been written (at once when nothing is). */
  onDrained(callback: () => void): void;
}

/**
 * Characters encoded at a time for a long text (a 4 MB JSON report): one UTF-8 copy of the whole
 * text, and the flat copy a concatenated string needs first, cost more than encoding it in slices
 * into one reused buffer (about 12 ms against 7 for 4.4 MB, in a fresh process).
 */
const CHUNK = 1 << 16;
/**
 * Longer texts are encoded into the reused buffer too (a report written in parts): a buffer of
 * their own each would be fresh memory, whose first touch costs more than the encoding. Shorter
 * ones (at most 4 KB of UTF-8) come from Node's shared pool.
 */
const SMALL = 1365;
let chunkBuffer: Buffer | undefined;

function writer(fd: 1 | 2, stream: () => NodeJS.WriteStream): StdWriter {
  let viaStream = false;
  /** Write `bytes[0, length)` to the descriptor; false (and the stream takes the rest) when it would block or fails. */
  const writeBytes = (bytes: Buffer, length: number): boolean => {
    let done = 0;
    try {
      while (done < length) done += writeSync(fd, bytes, done, length - done);
      return true;
    } catch {
      // EAGAIN on a non-blocking descriptor, or anything else: the stream takes over, and
      // reports a real failure (a closed pipe) the way Node always has.
      viaStream = true;
    }
    // A copy: the chunk buffer is reused.
    stream().write(Buffer.from(bytes.subarray(done, length)));
    return false;
  };
  return {
    write(text) {
      if (viaStream) {
        stream().write(text);
        return;
      }
      if (text.length <= SMALL) {
        const bytes = Buffer.from(text, 'utf8');
        writeBytes(bytes, bytes.length);
        return;
      }
      // Each UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
      const buffer = (chunkBuffer ??= Buffer.allocUnsafe(CHUNK * 3));
      for (let from = 0; from < text.length; ) {
        let to = Math.min(from + CHUNK, text.length);
        // Never between the two halves of a surrogate pair (each would be encoded as U+FFFD).
        const last = text.charCodeAt(to - 1);
        if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
        const length = buffer.write(text.slice(from, to), 0, 'utf8');
        if (!writeBytes(buffer, length)) {
          if (to < text.length) stream().write(text.slice(to));
          return;
        }
        from = to;
      }
    },
    drained: () => !viaStream || stream().writableLength === 0,
    onDrained(callback) {
      if (!viaStream || stream().writableLength === 0) callback();
      // An empty write's callback runs once every earlier chunk has been handed to the system.
      else stream().write('', () => callback());
    },
  };
}

/** Standard output (descriptor 1). */
export const stdout: StdWriter = writer(1, () => process.stdout);
/** Standard error (descriptor 2). */
export const stderr: StdWriter = writer(2, () => process.stderr);
