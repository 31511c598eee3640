/**
 * The server's own stdio framing: the reader that decodes a message as its bytes arrive, and the
 * writer that puts a huge document's JSON, made by the lint worker, into a message as it is. The
 * protocol tests run both through the real server; these cut the bytes in every awkward place.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Message } from 'vscode-languageserver/node';
import { BodyScanner, contentLength, StdioMessageReader } from '../../server/src/lsp/stdio-reader';
import { encode, fromWorker, RawJson, StdioMessageWriter, toWire } from '../../server/src/lsp/wire-json';

const frame = (message: unknown): Buffer => {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

/** Feed `bytes` to a reader in pieces cut at `cuts`; the messages it delivered, and its errors. */
function readPieces(bytes: Buffer, cuts: number[]): { messages: Message[]; errors: string[] } {
  const input = new PassThrough();
  const reader = new StdioMessageReader(input);
  const messages: Message[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => messages.push(m));
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > from) input.write(bytes.subarray(from, cut));
    from = Math.max(from, cut);
  }
  return { messages, errors };
}

describe('a body read as it arrives (long strings decoded piece by piece)', () => {
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  /** Text dense in what a cut must not split: escapes of every kind, backslash runs, quotes, surrogate pairs. */
  const tricky = (next: () => number, length: number): string => {
    const atoms = ['\\', '"', '\n', '\t', '/', 'é', '“', '𝔸', '\u0007', '\\\\', 'a', ' ', 'word ', '\ud83d'];
    let out = '';
    while (out.length < length) out += atoms[Math.floor(next() * atoms.length)]!;
    return out;
  };
  const scan = (text: string, cuts: number[], long?: number): unknown => {
    const body = new BodyScanner();
    let from = 0;
    for (const cut of [...cuts, text.length]) {
      if (cut > from) body.add(text.slice(from, cut));
      from = Math.max(from, cut);
    }
    const value = body.parse();
    // (A string that arrives whole in one piece is left to JSON.parse: the text's 150K and more never do here.)
    if (long !== undefined) expect(body.longStrings, 'long strings decoded as they arrived').toBeGreaterThanOrEqual(long);
    return value;
  };

  it('gives what JSON.parse gives, wherever the text is cut', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const long = tricky(next, 150_000 + Math.floor(next() * 100_000));
      const value = {
        jsonrpc: '2.0',
        method: 'textDocument/didOpen',
        params: { textDocument: { uri: 'file:///d.draft', text: long, version: 1 }, more: [tricky(next, 70_000), 'short "quoted"', { [tricky(next, 66_000)]: 'a long key' }] },
      };
      const text = JSON.stringify(value);
      // Cuts as chunks fall: every 64 KB, give or take, and some one character apart.
      const cuts: number[] = [];
      for (let at = 0; at < text.length; at += 1 + Math.floor(next() * 70_000)) cuts.push(at, at + 1);
      expect(scan(text, cuts, 1), `seed ${seed}`).toEqual(JSON.parse(text));
    }
  });

  it('fails where JSON.parse fails: a bad escape or a raw control character in a long string, an unclosed string', () => {
    const long = 'x'.repeat(100_000);
    for (const bad of [`{"text":"${long}\\x${long}"}`, `{"text":"${long}\u0001${long}"}`.replace('\\u0001', String.fromCharCode(1)), `{"text":"${long}`, `{"text" "${long}"}`]) {
      expect(() => JSON.parse(bad)).toThrow();
      expect(() => scan(bad, [70_000, 140_000])).toThrow();
    }
  });
});

describe('the stdio reader', () => {
  // Multi-byte characters (2, 3 and 4 bytes in UTF-8) so that cuts fall inside them.
  const messages = [
    { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { text: 'Ça — “agreed” 𝔸 ICTs' } },
    { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///d.draft', text: 'é'.repeat(70_000) } } },
    { jsonrpc: '2.0', id: 2, result: null },
  ];
  const bytes = Buffer.concat(messages.map(frame));

  it('delivers the same messages, in order, wherever the bytes are cut', () => {
    const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const cuts = Array.from({ length: 1 + Math.floor(next() * 12) }, () => Math.floor(next() * bytes.length)).sort((a, b) => a - b);
      const read = readPieces(bytes, cuts);
      expect(read.errors, `cuts ${cuts}`).toEqual([]);
      expect(read.messages, `cuts ${cuts}`).toEqual(messages);
    }
  });

  it('reads a message cut one byte at a time, and several in one chunk', () => {
    const small = Buffer.concat([frame(messages[0]), frame(messages[2])]);
    expect(readPieces(small, Array.from({ length: small.length }, (_, i) => i)).messages).toEqual([messages[0], messages[2]]);
    expect(readPieces(bytes, []).messages).toEqual(messages);
  });

  it('reports a broken header or a body that is not JSON, and reads nothing after it', () => {
    expect(contentLength('Content-Length: 12')).toBe(12);
    expect(contentLength('content-length:7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8')).toBe(7);
    expect(contentLength('Content-Length: lots')).toMatch(/must be a number/);
    expect(contentLength('Content-Type: application/json')).toMatch(/must provide a Content-Length/);
    expect(contentLength('garbage garbage')).toMatch(/separate key and value/);
    const broken = readPieces(Buffer.concat([Buffer.from('Content-Length: 3\r\n\r\n{x}'), frame(messages[0])]), [5]);
    expect(broken.errors).toHaveLength(1);
    expect(broken.messages).toEqual([]);
  });
});

describe('raw JSON in outgoing messages', () => {
  const diagnostics = [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }, message: 'Not “agreed” — 𝔸' }];
  const raw = () => new RawJson(toWire(diagnostics));
  const whole = (parts: Uint8Array[]) => JSON.parse(Buffer.concat(parts).toString('utf8'));

  it('is written in place of the value, as a result, as params or as a member of params', () => {
    expect(whole(encode({ jsonrpc: '2.0', id: 3, result: raw() } as Message))).toEqual({ jsonrpc: '2.0', id: 3, result: diagnostics });
    expect(whole(encode({ jsonrpc: '2.0', method: 'x', params: raw() } as Message))).toEqual({ jsonrpc: '2.0', method: 'x', params: diagnostics });
    const publish = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', version: 2, diagnostics: raw() } };
    expect(whole(encode(publish as Message))).toEqual({ ...publish, params: { ...publish.params, diagnostics } });
  });

  it('leaves other messages as JSON.stringify writes them', () => {
    const plain = { jsonrpc: '2.0', id: 4, result: { contents: 'acquis-raw-0 is only text' } };
    expect(Buffer.concat(encode(plain as Message)).toString('utf8')).toBe(JSON.stringify(plain));
  });

  it('frames each message with its length in bytes, in the order written', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new StdioMessageWriter(out);
    const first = { jsonrpc: '2.0', id: 5, result: raw() } as Message;
    const second = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'é' } } as Message;
    await Promise.all([writer.write(first), writer.write(second)]);
    const read = readPieces(Buffer.concat(chunks), []);
    expect(read.messages).toEqual([{ jsonrpc: '2.0', id: 5, result: diagnostics }, second]);
  });

  it('is parsed back into objects for a transport that takes objects (Node IPC)', () => {
    // This test process never called acceptRawJson, as a server on IPC does not.
    expect(fromWorker(toWire(diagnostics))).toEqual(diagnostics);
  });
});
