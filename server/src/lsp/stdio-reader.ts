/**
 * The stdio reader: `Content-Length` framing as vscode-jsonrpc's StreamMessageReader reads it, but
 * a message's body is decoded as its bytes arrive, chunk by chunk, not joined and decoded once the
 * last byte is in. Opening a 10 MB draft sends one 10 MB message; joining it took about 35 ms and
 * decoding it 25 ms more in one go on the server's thread, and the requests queued behind it
 * waited for both. Now each 64 KB chunk is decoded as it is read, and so is a long string in the
 * body (the draft's text): its JSON escapes are read piece by piece as the chunks arrive
 * (`BodyScanner`), and the end of the message parses only what is around it. `JSON.parse` of the
 * whole 10 MB body held the thread 45 to 85 ms. Messages are delivered in the order they arrive.
 *
 * A broken header (no Content-Length, a length that is not a number, a line without a colon) or a
 * body that is not JSON is an error (`onError`): main.ts ends the process on it, as before.
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';

const HEADER_END = '\r\n\r\n';

export class StdioMessageReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  /** The start of a header whose end has not arrived. */
  private head: Buffer = Buffer.alloc(0);
  /** Bytes of the current body still to come; -1 while a header is read. */
  private remaining = -1;
  private readonly decoder = new TextDecoder('utf-8');
  /** The current body, decoded so far. */
  private body = new BodyScanner();
  private failed = false;

  constructor(private readonly input: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer): void => this.read(chunk);
    this.input.on('data', onData);
    this.input.on('error', (error: Error) => this.fireError(error));
    this.input.on('close', () => this.fireClose());
    return { dispose: () => void this.input.off('data', onData) };
  }

  private read(data: Buffer): void {
    if (this.failed) return;
    let chunk = data;
    let at = 0;
    while (at < chunk.length && !this.failed) {
      if (this.remaining < 0) {
        if (this.head.length) {
          chunk = Buffer.concat([this.head, chunk.subarray(at)]);
          at = 0;
          this.head = Buffer.alloc(0);
        }
        const end = chunk.indexOf(HEADER_END, at, 'latin1');
        if (end < 0) {
          // A copy, so that a header's few bytes do not keep a whole chunk alive.
          this.head = Buffer.from(chunk.subarray(at));
          return;
        }
        const length = contentLength(chunk.toString('latin1', at, end));
        if (typeof length === 'string') return this.fail(new Error(length));
        at = end + HEADER_END.length;
        this.remaining = length;
        // A body too short to hold a long string (a keystroke's message) is only collected.
        this.body = new BodyScanner(length >= LONG_STRING);
        if (length === 0) this.finish();
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - at);
      this.remaining -= take;
      try {
        this.body.add(this.decoder.decode(chunk.subarray(at, at + take), { stream: this.remaining > 0 }));
      } catch (error) {
        return this.fail(error as Error);
      }
      at += take;
      if (this.remaining === 0) this.finish();
    }
  }

  /** The body is whole: parse and deliver it. */
  private finish(): void {
    const body = this.body;
    this.remaining = -1;
    let message: Message;
    try {
      message = body.parse() as Message;
    } catch (error) {
      return this.fail(error as Error);
    }
    this.callback?.(message);
  }

  private fail(error: Error): void {
    this.failed = true;
    this.fireError(error);
  }
}

/** The Content-Length of a header block, or what is wrong with it. */
export function contentLength(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `Message header must separate key and value using ':'\n${line}`;
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') {
      length = Number.parseInt(line.slice(colon + 1).trim(), 10);
      if (Number.isNaN(length)) return `Content-Length value must be a number. Got ${line.slice(colon + 1).trim()}`;
    }
  }
  return length ?? `Header must provide a Content-Length property.\n${header}`;
}

/** A string in a body longer than this is decoded piece by piece as it arrives. */
const LONG_STRING = 64 * 1024;
const QUOTE = '"';
const BACKSLASH = 92;
/** Private-use character that starts the stand-in for a long string (with a nonce: never met by chance). */
const STAND_IN = `\uE000acquis:${Math.random().toString(36).slice(2)}:`;

/**
 * A JSON body as its text arrives. The text around long strings is kept; each long string's
 * content is decoded (`JSON.parse` of a quoted piece, cut never inside an escape) as soon as 64K
 * characters of it are in, and it is replaced in the kept text by a stand-in. `parse` parses the
 * kept text and puts the strings back. The result is `JSON.parse` of the whole body, and what is
 * not JSON fails as it would.
 */
export class BodyScanner {
  /** Text before `pending`, with long strings replaced by their stand-ins. */
  private kept: string[] = [];
  /** Text not yet kept or decoded. */
  private pending = '';
  /** Where the search for the next quote resumes in `pending`. */
  private scan = 0;
  /** Inside a string: where its content starts in `pending` (0 once a long string has pieces decoded). */
  private stringStart = -1;
  /** The decoded pieces of the long string being read. */
  private pieces: string[] = [];
  private readonly long = new Map<string, string>();

  /** `follow`: whether the body may hold a long string (else its text is only collected). */
  constructor(private readonly follow = true) {}

  add(text: string): void {
    if (!this.follow) {
      this.kept.push(text);
      return;
    }
    this.pending += text;
    for (;;) {
      if (this.stringStart < 0) {
        const open = this.pending.indexOf(QUOTE, this.scan);
        if (open < 0) {
          this.scan = this.pending.length;
          break;
        }
        this.stringStart = open + 1;
        this.scan = open + 1;
      }
      const close = this.closingQuote();
      if (close < 0) {
        this.scan = this.pending.length;
        if (this.pending.length - this.stringStart >= LONG_STRING) this.decodePiece(this.safeCut());
        break;
      }
      if (this.pieces.length) {
        // The rest of the long string, up to its closing quote (then first in `pending`).
        this.decodePiece(close);
        const standIn = `${STAND_IN}${this.long.size}`;
        this.long.set(standIn, this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join(''));
        this.pieces = [];
        this.kept.push(JSON.stringify(standIn));
        this.pending = this.pending.slice(1);
        this.scan = 0;
      } else {
        this.scan = close + 1;
      }
      this.stringStart = -1;
    }
    // Keep what is scanned, so that `pending` stays short (an open string keeps its opening quote).
    if (!this.pieces.length) {
      const keepTo = this.stringStart < 0 ? this.scan : this.stringStart - 1;
      if (keepTo > 0) {
        this.kept.push(this.pending.slice(0, keepTo));
        this.pending = this.pending.slice(keepTo);
        this.scan -= keepTo;
        if (this.stringStart >= 0) this.stringStart -= keepTo;
      }
    }
  }

  /** How many long strings were decoded piece by piece (the tests check that they were). */
  get longStrings(): number {
    return this.long.size;
  }

  /** The body's value. */
  parse(): unknown {
    const text = this.kept.length ? this.kept.join('') + this.pending : this.pending;
    const value = JSON.parse(text) as unknown;
    return this.long.size ? this.restore(value) : value;
  }

  /** The quote that closes the current string in `pending` (not escaped), or -1. */
  private closingQuote(): number {
    for (let q = this.pending.indexOf(QUOTE, this.scan); q >= 0; q = this.pending.indexOf(QUOTE, q + 1)) {
      let backslashes = 0;
      for (let k = q - 1; k >= this.stringStart && this.pending.charCodeAt(k) === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) return q;
    }
    return -1;
  }

  /**
   * Where the current string's pending content can be cut: before any backslash in its last six
   * characters, and the run of backslashes it ends (an escape is at most six characters: \uXXXX).
   */
  private safeCut(): number {
    const end = this.pending.length;
    let cut = end;
    const backslash = this.pending.indexOf('\\', Math.max(this.stringStart, end - 6));
    if (backslash >= 0) {
      cut = backslash;
      while (cut > this.stringStart && this.pending.charCodeAt(cut - 1) === BACKSLASH) cut--;
    }
    return cut;
  }

  /** Decode the current string's content up to `cut` (the first piece keeps the text before the string). */
  private decodePiece(cut: number): void {
    if (!this.pieces.length) this.kept.push(this.pending.slice(0, this.stringStart - 1));
    if (cut > this.stringStart || !this.pieces.length) this.pieces.push(JSON.parse(`"${this.pending.slice(this.stringStart, cut)}"`) as string);
    this.pending = this.pending.slice(cut);
    this.stringStart = 0;
    this.scan = Math.max(0, this.scan - cut);
  }

  /** `value` with every stand-in (a string, or a key) replaced by its long string. */
  private restore(value: unknown): unknown {
    if (typeof value === 'string') return this.long.get(value) ?? value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.restore(value[i]);
      return value;
    }
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const restored = this.restore(object[key]);
      const longKey = this.long.get(key);
      if (longKey !== undefined) {
        delete object[key];
        object[longKey] = restored;
      } else {
        object[key] = restored;
      }
    }
    return object;
  }
}
