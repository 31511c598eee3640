/**
 * JSON that crosses the server's thread as bytes. A huge document's diagnostics, outline, folding
 * ranges and code lenses are megabytes of JSON: the lint worker serialises them, hands the bytes
 * over (transferred, not copied), and the stdio writer below puts them into the outgoing message
 * as they are. The server's thread then neither rebuilds those objects from the worker's message
 * nor serialises them again: on a 10 MB draft, each of those steps held it for 40 to 60 ms, while
 * other documents' requests waited.
 *
 * Only the stdio writer knows raw JSON. Over Node IPC (objects, not text) `fromWorker` parses the
 * bytes back into objects, on the server's thread as before.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** JSON text, UTF-8, written into a message where a value would be serialised. */
export class RawJson {
  constructor(readonly bytes: Uint8Array) {}
}

let rawAccepted = false;

/** The transport writes raw JSON (the stdio writer is in use). */
export function acceptRawJson(): void {
  rawAccepted = true;
}

/** A value serialised by the worker (`toWire`), as the transport takes it: raw, or parsed back. */
export function fromWorker<T>(bytes: Uint8Array): T | RawJson {
  return rawAccepted ? new RawJson(bytes) : (JSON.parse(new TextDecoder().decode(bytes)) as T);
}

/** A value serialised for `fromWorker`: its JSON as UTF-8, in a buffer of its own (so it can be transferred). */
export function toWire(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(value ?? null)) as Uint8Array<ArrayBuffer>;
}

/**
 * The stdio writer: `Content-Length` framing as in vscode-jsonrpc's StreamMessageWriter, plus raw
 * JSON where a message carries it (as its `result`, its `params`, or a member of its `params`).
 * Writes are issued in order and at once, so messages never interleave; each write's promise
 * resolves when the stream has taken the message.
 */
export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let parts: Uint8Array[];
    try {
      parts = encode(message);
    } catch (error) {
      this.failed(error as Error, message);
      return Promise.reject(error);
    }
    let length = 0;
    for (const part of parts) length += part.byteLength;
    return new Promise<void>((resolve, reject) => {
      this.out.write(`Content-Length: ${length}\r\n\r\n`, 'ascii');
      for (let i = 0; i < parts.length - 1; i++) this.out.write(parts[i]!);
      this.out.write(parts[parts.length - 1]!, (error?: Error | null) => {
        if (!error) return resolve();
        this.failed(error, message);
        reject(error);
      });
    });
  }

  end(): void {}

  private failed(error: Error, message: Message): void {
    this.errors++;
    this.fireError(error, message, this.errors);
  }
}

/** A string no serialised message contains, standing for the raw values while the rest is serialised. */
const MARK = `acquis-raw-${Math.random().toString(36).slice(2)}-`;

/** The message as UTF-8 parts: its JSON, with each raw value's bytes in place. */
export function encode(message: Message): Uint8Array[] {
  const raws: RawJson[] = [];
  const stand = (value: unknown): unknown => {
    if (!(value instanceof RawJson)) return value;
    raws.push(value);
    return `${MARK}${raws.length - 1}`;
  };
  const m = message as { result?: unknown; params?: unknown };
  let shape: unknown = message;
  if (m.result instanceof RawJson) shape = { ...message, result: stand(m.result) };
  else if (m.params instanceof RawJson) shape = { ...message, params: stand(m.params) };
  else if (m.params && typeof m.params === 'object' && !Array.isArray(m.params) && Object.values(m.params).some((v) => v instanceof RawJson)) {
    shape = { ...message, params: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, stand(v)])) };
  }
  const text = JSON.stringify(shape);
  if (!raws.length) return [Buffer.from(text, 'utf8')];
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i < raws.length; i++) {
    const quoted = JSON.stringify(`${MARK}${i}`);
    const at = text.indexOf(quoted, from);
    parts.push(Buffer.from(text.slice(from, at), 'utf8'), raws[i]!.bytes);
    from = at + quoted.length;
  }
  parts.push(Buffer.from(text.slice(from), 'utf8'));
  return parts;
}
