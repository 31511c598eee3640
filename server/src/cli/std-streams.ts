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

function writer(fd: 1 | 2, stream: () => NodeJS.WriteStream): StdWriter {
  let viaStream = false;
  return {
    write(text) {
      if (!viaStream) {
        const bytes = Buffer.from(text, 'utf8');
        let done = 0;
        try {
          while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
          return;
        } catch {
          // EAGAIN on a non-blocking descriptor, or anything else: the stream takes over, and
          // reports a real failure (a closed pipe) the way Node always has.
          viaStream = true;
        }
        stream().write(bytes.subarray(done));
        return;
      }
      stream().write(text);
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
