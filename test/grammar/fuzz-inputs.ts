/**
 * Inputs for the parser fuzz suites (fuzz.test.ts, incremental-fuzz.test.ts and the longer run in
 * scripts/fuzz-long.mjs): random strings weighted toward markup, and mutations of the real samples
 * and acquis files. Every generator draws only from the PRNG it is given, so a case replays alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A seed from FUZZ_SEED: a number, or any other string hashed (FNV-1a). */
export function readSeed(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (Number.isFinite(n)) return n >>> 0;
  let h = 2166136261; // FNV-1a of a non-numeric seed
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export type Random = () => number;
export const int = (random: Random, n: number): number => Math.floor(random() * n);
export const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)]!;

/** Weighted alphabet: [piece, weight]. Markup first, then words, layout and odd characters. */
const ALPHABET: Array<[string, number]> = [
  ['[', 8], [']', 8], ['|', 4], ['\\', 2], ['\\[', 1], ['\\]', 1], ['\\|', 1],
  ['{++', 4], ['++}', 4], ['{--', 3], ['--}', 3], ['{~~', 3], ['~>', 3], ['~~}', 3], ['{>>', 3], ['<<}', 3], ['{==', 2], ['==}', 2],
  ['{', 2], ['}', 2], ['+', 1], ['-', 2], ['~', 1], ['=', 1], ['<', 1], ['>', 2],
  ['@Japan:', 2], ['@Iran (Islamic Republic of):', 1], ['@', 1],
  ['"', 4], ['“', 3], ['”', 3], ['’', 1],
  ['{status: agreed ad ref}', 1], ['{status: maybe}', 1], ['{status:', 1],
  ['[^1]', 2], ['[^1]: ', 2], ['[^', 1], ['[placeholder]', 1], ['[...]', 1], ['[…]', 1], ['…', 1],
  ['A/70/174', 2], ['A/RES/70/237', 1], ['A/C.1/73/L.27/Rev.1', 1], ['A/68/98*', 1], [', para. 13 (f)', 2], [', paras. 13 and 29', 1], ['para.', 1],
  ['resolution 70/237', 1], ['resolutions 73/27 and 73/266', 1], ['paragraph 3 above', 1], ['paragraphs 3 and 4 below', 1], ['paragraph', 1],
  ['12. ', 3], ['1.1. ', 1], ['12bis. ', 1], ['PP3. ', 2], ['OP6alt. ', 1], ['7.', 1],
  ['(a) ', 3], ['(b) ', 2], ['(i) ', 3], ['(ii) ', 2], ['(h) ', 1], ['(v) ', 1], ['(1) ', 1], ['(A) ', 1], ['(', 2], [')', 2],
  ['# ', 2], ['## ', 2], ['### ', 1], ['#', 1], ['> ', 2], ['//', 2], ['// acquis-disable rule.x -- why', 1], ['---', 3], ['---\n', 2],
  ['States', 4], ['the', 4], ['international law', 2], ['shall', 2], ['Charter', 1], ['.', 4], [',', 4], [';', 2], [':', 2], ['*', 1], ['^', 1], ['/', 1],
  [' ', 14], ['  ', 3], ['\t', 2], ['\n', 10], ['\n\n', 5], ['\n  ', 3], ['\r\n', 2], ['\r', 1],
  ['\uFEFF', 1], ['\u0000', 1], ['\u00A0', 1], ['\u2028', 1], ['\uD83D\uDE00', 1], ['\uD800', 1], ['\uDFFF', 1], ['é', 1], ['ﬁ', 1],
];
const TOTAL_WEIGHT = ALPHABET.reduce((sum, [, w]) => sum + w, 0);

export function piece(random: Random): string {
  let r = random() * TOTAL_WEIGHT;
  for (const [p, w] of ALPHABET) {
    r -= w;
    if (r < 0) return p;
  }
  return ' ';
}

export function randomInput(random: Random): string {
  const long = random() < 0.05;
  const n = long ? 100 + int(random, 300) : int(random, 60);
  let text = random() < 0.1 ? '---\n' : '';
  for (let i = 0; i < n; i++) text += random() < 0.03 ? String.fromCharCode(int(random, 0x10000)) : piece(random);
  return text;
}

// --- Mutations of the real files --------------------------------------------------------------

export const CORPUS: string[] = [
  ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f)),
  ...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).map((f) => join('server/acquis', f)),
].map((file) => readFileSync(file, 'utf8'));
const CORPUS_LINES = CORPUS.map((text) => text.split('\n'));

function slice(random: Random, text: string, maxLength: number): [number, number] {
  const start = int(random, text.length + 1);
  return [start, Math.min(text.length, start + int(random, maxLength + 1))];
}

const MUTATIONS: Array<(random: Random, text: string) => string> = [
  // delete a slice
  (random, text) => {
    const [a, b] = slice(random, text, 40);
    return text.slice(0, a) + text.slice(b);
  },
  // duplicate a slice in place
  (random, text) => {
    const [a, b] = slice(random, text, 60);
    return text.slice(0, b) + text.slice(a, b) + text.slice(b);
  },
  // insert a slice of any corpus file
  (random, text) => {
    const source = pick(random, CORPUS);
    const [a, b] = slice(random, source, 80);
    const at = int(random, text.length + 1);
    return text.slice(0, at) + source.slice(a, b) + text.slice(at);
  },
  // insert markup pieces
  (random, text) => {
    let out = text;
    for (let k = 1 + int(random, 4); k > 0; k--) {
      const at = int(random, out.length + 1);
      out = out.slice(0, at) + piece(random) + out.slice(at);
    }
    return out;
  },
  // swap two lines
  (random, text) => {
    const lines = text.split('\n');
    const i = int(random, lines.length);
    const j = int(random, lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  // replace a character with a markup character
  (random, text) => {
    if (!text) return text;
    const at = int(random, text.length);
    return text.slice(0, at) + pick(random, ['[', ']', '{', '}', '|', '"', '“', '”', '\\', '~', '+', '-', '>', '<', '=', '\n', '#', '(']) + text.slice(at + 1);
  },
  // CRLF or CR line endings for part of the text
  (random, text) => {
    const [a, b] = slice(random, text, 400);
    return text.slice(0, a) + text.slice(a, b).replace(/\n/g, random() < 0.8 ? '\r\n' : '\r') + text.slice(b);
  },
  // truncate
  (random, text) => text.slice(0, int(random, text.length + 1)),
];

export function mutatedInput(random: Random): string {
  const file = int(random, CORPUS.length);
  let text: string;
  if (random() < 0.01) text = CORPUS[file]!; // now and then, the whole file
  else {
    const lines = CORPUS_LINES[file]!;
    const start = random() < 0.15 ? 0 : int(random, lines.length); // sometimes with its front matter
    text = lines.slice(start, start + 1 + int(random, 25)).join('\n');
  }
  for (let k = 1 + int(random, 6); k > 0; k--) text = pick(random, MUTATIONS)(random, text);
  return text;
}

