/**
 * The stdio reader: `Content-Length` framing as vscode-jsonrpc's StreamMessageReader reads it, but
 * a message's body is decoded as its bytes arrive, chunk by chunk, not joined and decoded once the
 * last byte is in. Opening a 10 MB draft sends one 10 MB message; joining it took about 35 ms and
 * decoding it 25 ms more in one go on the server's thread, and the requests queued behind it
 * waited for both. Now each 64 KB chunk is decoded as it is read, and only the JSON parse is left
 * for the end. Messages are delivered in the order they arrive.
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
  private parts: string[] = [];
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
        if (length === 0) this.finish();
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - at);
      this.remaining -= take;
      this.parts.push(this.decoder.decode(chunk.subarray(at, at + take), { stream: this.remaining > 0 }));
      at += take;
      if (this.remaining === 0) this.finish();
    }
  }

  /** The body is whole: parse and deliver it. */
  private finish(): void {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.remaining = -1;
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
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
