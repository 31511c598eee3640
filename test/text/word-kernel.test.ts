/**
 * The word reading kernel (words.wat through word-kernel.ts) against the regular expression it
 * replaces: the kernel must really read every text without characters outside the Basic
 * Multilingual Plane (no silent fall-back), give the same words with it switched on and off, learn
 * the classes of a block of characters in the middle of a text, and start its spelling table
 * again when it is full without mixing up the spellings read before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kernelScan, setWordKernel } from '../../server/src/engine/text/word-kernel';
import { readWords } from '../../server/src/engine/text/words';
import { mulberry32 } from '../grammar/helpers';
import { referenceWords } from './reference-words';

/** The words as the kernel reads them (whole text), checked to come from the kernel. */
function byKernel(text: string): ReturnType<typeof readWords> {
  expect(kernelScan(text), `the kernel read ${JSON.stringify(text.slice(0, 80))}`).not.toBeNull();
  return readWords(text);
}

/** The words as the expression reads them (the kernel switched off). */
function byExpression(text: string): ReturnType<typeof readWords> {
  setWordKernel(false);
  try {
    return readWords(text);
  } finally {
    setWordKernel(true);
  }
}

/** A random letter-only spelling unlikely to repeat (for filling the kernel's table). */
function spelling(next: () => number): string {
  let s = '';
  for (let k = 0, n = 6 + Math.floor(next() * 8); k < n; k++) s += String.fromCharCode(0x61 + Math.floor(next() * 26));
  return s;
}

/** Text of any characters of the Basic Multilingual Plane (lone surrogates included), apostrophes and spaces. */
function bmpText(next: () => number): string {
  let text = '';
  for (let k = 0, n = 1 + Math.floor(next() * 60); k < n; k++) {
    const r = next();
    if (r < 0.15) text += ' ';
    else if (r < 0.2) text += next() < 0.5 ? '’' : "'";
    else if (r < 0.55) text += String.fromCharCode(0x61 + Math.floor(next() * 26));
    else {
      // Surrogates alone (a space on the side a partner would be), so no pair forms.
      const c = Math.floor(next() * 0x10000);
      const s = String.fromCharCode(c);
      text += c >= 0xd800 && c <= 0xdbff ? `${s} ` : c >= 0xdc00 && c <= 0xdfff ? ` ${s}` : s;
    }
  }
  return text;
}

// From the first text (by default a process reads its first 100,000 characters with the expression).
beforeAll(() => setWordKernel(true));
afterEach(() => setWordKernel(true));

describe('the word reading kernel', () => {
  // First in the file: the Ethiopic block is then unknown to the kernel until this text.
  it('learns a block of characters met after new spellings, and keeps those spellings right', () => {
    const text = 'alpha beta gamma ሀሁሂ delta alpha’s beta ሃ1';
    expect(byKernel(text)).toEqual(referenceWords(text));
    expect(byKernel(text)).toEqual(referenceWords(text));
  });

  it('reads the samples as the expression does', () => {
    const files = readdirSync('samples').filter((f) => f.endsWith('.draft'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = readFileSync(join('samples', file), 'utf8');
      expect(byKernel(text), file).toEqual(byExpression(text));
    }
  });

  it('reads 20,000 texts of any Basic Multilingual Plane characters as the expression does', () => {
    const next = mulberry32(11);
    for (let k = 0; k < 20_000; k++) {
      const text = bmpText(next);
      expect(byKernel(text), JSON.stringify(text)).toEqual(referenceWords(text));
    }
  });

  it('leaves a text with a character outside the Basic Multilingual Plane to the expression', () => {
    const text = 'States 𝐀𝐁c 2015';
    expect(kernelScan(text)).toBeNull();
    expect(readWords(text)).toEqual(referenceWords(text));
  });

  it('starts its spelling table again when it is full, and reads alike before and after', () => {
    const next = mulberry32(5);
    const texts = Array.from({ length: 400 }, () => Array.from({ length: 60 }, () => spelling(next)).join(' '));
    const before = kernelScan(texts[0]!)!.generation;
    for (const text of texts) expect(byKernel(text)).toEqual(referenceWords(text));
    // 24,000 spellings: more than the table holds (16,384).
    expect(kernelScan(texts[0]!)!.generation).toBeGreaterThan(before);
    for (const text of texts.slice(0, 50)) expect(byKernel(text)).toEqual(referenceWords(text));
  });
});
