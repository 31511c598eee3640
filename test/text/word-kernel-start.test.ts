/**
 * When the word kernel starts: a process reads its first 100,000 characters with the expression
 * (a one-paragraph lint never sets the kernel up), then with the kernel. Its own file, so that
 * the kernel is not yet set up (each test file runs in a fresh module state).
 */
import { describe, expect, it } from 'vitest';
import { kernelScan } from '../../server/src/engine/text/word-kernel';
import { readWords } from '../../server/src/engine/text/words';
import { referenceWords } from './reference-words';

describe('the word kernel in a new process', () => {
  it('is set up only once 100,000 characters have been read, with the same words either way', () => {
    const paragraph = 'The OEWG recommends that States continue to study confidence-building measures. ';
    expect(kernelScan(paragraph)).toBeNull();
    let read = paragraph.length;
    const text = paragraph.repeat(20);
    for (; read <= 100_000; read += text.length) expect(readWords(text)).toEqual(referenceWords(text));
    expect(kernelScan(text)).not.toBeNull();
    expect(readWords(text)).toEqual(referenceWords(text));
  });
});
