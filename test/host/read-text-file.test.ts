/**
 * server/src/host/text-file.ts, `readTextFile`: files read one after the other into one reused
 * buffer give what the plain reading gives (`readFileSync`, then `decodeText`): the same text and
 * encoding, or the same error at the same line and column; and the stamp's hash, taken from the
 * text, is the SHA-256 of the bytes on disk. Seeded random files of every kind: UTF-8 (valid, and
 * broken by overlongs, surrogates, truncated or stray bytes), UTF-16 in either order (unpaired
 * surrogates, odd lengths), NUL bytes, empty files, and sizes from a few bytes to past the largest
 * reused buffer, in an order that reads a short file right after a long one.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, InputError, readBytes, readTextFile } from '../../server/src/host/text-file';
import { mixSeed, mulberry32 } from '../grammar/helpers';

const dir = mkdtempSync(join(tmpdir(), 'acquis-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Random = () => number;
const int = (random: Random, max: number): number => Math.floor(random() * (max + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Byte sequences a UTF-8 validator must accept or refuse, among ASCII text. */
const UTF8_PIECES: number[][] = [
  [0x61], [0x20], [0x0a], [0x0d, 0x0a], [0x00],
  [0xc3, 0xa9], [0xe2, 0x80, 0x9c], [0xf0, 0x9f, 0x8c, 0x8d], [0xef, 0xbb, 0xbf], [0xef, 0xbf, 0xbd],
  // Overlongs, surrogates, past U+10FFFF, stray continuation and lead bytes, truncated sequences.
  [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xf0, 0x80, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xff], [0xfe], [0x80], [0xbf], [0xc3], [0xe2, 0x80], [0xf0, 0x9f, 0x8c],
];

function utf8Bytes(random: Random, length: number, broken: boolean): Buffer {
  const out: number[] = random() < 0.2 ? [0xef, 0xbb, 0xbf] : [];
  const valid = UTF8_PIECES.slice(0, 10).filter((p) => p[0] !== 0x00);
  while (out.length < length) out.push(...(random() < 0.9 ? [0x61 + int(random, 25)] : pick(random, valid)));
  if (broken) {
    const piece = pick(random, UTF8_PIECES);
    out.splice(int(random, out.length), 0, ...piece);
  }
  return Buffer.from(out);
}

function utf16Bytes(random: Random, length: number, order: 'le' | 'be', broken: boolean): Buffer {
  let text = '\uFEFF';
  while (text.length < length) text += random() < 0.9 ? String.fromCharCode(0x61 + int(random, 25)) : pick(random, ['\n', 'é', '“', '\u{1F30D}', '\u0000']);
  if (broken) {
    const at = int(random, text.length - 1) + 1;
    text = text.slice(0, at) + pick(random, ['\ud800', '\udfff']) + text.slice(at);
  }
  const bytes = Buffer.from(text, 'utf16le');
  if (order === 'be') bytes.swap16();
  return random() < (broken ? 0.3 : 0.05) ? Buffer.concat([bytes, Buffer.from([0x61])]) : bytes;
}

function randomFile(random: Random): Buffer {
  const length = pick(random, [0, 1, 2, 3, 10, 100, 4096, 70_000, 140_000, 300_000]);
  const broken = random() < 0.4;
  const kind = random();
  if (kind < 0.6) return utf8Bytes(random, length, broken);
  return utf16Bytes(random, length / 2, kind < 0.8 ? 'le' : 'be', broken);
}

type Outcome = { text: string; encoding: string; hash?: string } | { error: string; file?: string; line?: number; column?: number };

function outcome(read: () => { text: string; encoding: string; stamp?: { hash: string } }): Outcome {
  try {
    const file = read();
    return { text: file.text, encoding: file.encoding, ...(file.stamp ? { hash: file.stamp.hash } : {}) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: error.message, file: error.file, line: error.line, column: error.column };
  }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('reading text files into a reused buffer', () => {
  it('gives what readFileSync and decodeText give, and the hash of the bytes on disk', () => {
    const seed = 0x7e47;
    for (let index = 0; index < 300; index++) {
      const random = mulberry32(mixSeed(seed, index));
      const bytes = randomFile(random);
      const path = join(dir, `f${index % 7}.draft`);
      writeFileSync(path, bytes);
      const plain = outcome(() => ({ ...decodeText(readFileSync(path), 'shown.draft'), stamp: { hash: sha256(readFileSync(path)) } }));
      expect(outcome(() => readTextFile(path, 'shown.draft')), `case ${index} of seed ${seed}`).toEqual(plain);
    }
  });

  it('reads a file larger than the reused buffer, and a short one after it, whole', () => {
    const big = Buffer.alloc((1 << 22) + 3, 0x62);
    const small = Buffer.from('short\n');
    writeFileSync(join(dir, 'big.draft'), big);
    writeFileSync(join(dir, 'small.draft'), small);
    const read = (name: string) => readTextFile(join(dir, name));
    expect(read('small.draft').text).toBe('short\n');
    expect(read('big.draft').text).toBe(big.toString('latin1'));
    expect(read('small.draft').text).toBe('short\n');
    expect(read('big.draft').stamp!.hash).toBe(sha256(big));
  });

  it('reads a file that grew after its status was read to its end, as readFileSync does', () => {
    const path = join(dir, 'growing.draft');
    writeFileSync(path, 'first part\n');
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      appendFileSync(path, 'written meanwhile\n'.repeat(5000));
      expect(readBytes(fd, size).toString('utf8')).toBe(readFileSync(path, 'utf8'));
    } finally {
      closeSync(fd);
    }
  });

  it('reads a file that shrank after its status was read to its end', () => {
    const path = join(dir, 'shrinking.draft');
    writeFileSync(path, 'a longer first version\n');
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      writeFileSync(path, 'short\n');
      expect(readBytes(fd, size).toString('utf8')).toBe('short\n');
    } finally {
      closeSync(fd);
    }
  });
});
