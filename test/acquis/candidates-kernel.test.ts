/**
 * The candidate look-up kernel (acquis/candidates.wat) against the TypeScript look-up it stands
 * in for: the same candidates, shared counts and order, for every sentence of the bench-style
 * draft and the samples and for random stretches of precedents with words changed, dropped and
 * unknown, over the built-in acquis and over it with synthetic documents (hash collisions,
 * common 3-grams past the postings limit, ties broken by precedent id).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinAcquisDir, readAcquisFolder } from '../../server/src/cli/node-host';
import { buildAcquis, readDraft, type Acquis } from '../../server/src/engine/index';
import { wordsOf } from '../../server/src/engine/text/words';
import { setCandidateKernel, type CandidateKernel } from '../../server/src/engine/acquis/candidates-kernel';
import { splitSentences } from '../../server/src/engine/text/sentences';
import { syntheticDocuments } from './synthetic';
import { mulberry32 as random } from '../grammar/helpers';

afterAll(() => setCandidateKernel(true));

/** The kernel's answer (asked directly: it must answer) and the TypeScript look-up's. */
function both(acquis: Acquis, ids: Int32Array, limit: number, from: number, to: number): [unknown, unknown] {
  const index = acquis.index as unknown as { ensureBuilt(): void; makeKernel(): CandidateKernel | null; kernel?: CandidateKernel | null };
  setCandidateKernel(true);
  index.ensureBuilt();
  index.kernel ??= index.makeKernel();
  const count = index.kernel!.lookup(ids, from, to, limit);
  expect(count, 'the kernel answers').toBeGreaterThanOrEqual(0);
  const { heap, answer } = index.kernel!;
  const kernel = Array.from({ length: count }, (_, i) => [acquis.precedents[heap[answer + 2 * i]!]!.id, heap[answer + 2 * i + 1]]);
  setCandidateKernel(false);
  const script = acquis.index.candidates(ids, limit, from, to).map((c) => [c.precedent.id, c.shared]);
  setCandidateKernel(true);
  return [kernel, script];
}

const builtin = readAcquisFolder(builtinAcquisDir());
const sampleTexts = readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readFileSync(join('samples', f), 'utf8'));

function checkAcquis(acquis: Acquis, seed: number): number {
  let compared = 0;
  let nonEmpty = 0;
  // Every sentence of the samples, as the matcher looks them up.
  for (const text of sampleTexts) {
    for (const unit of readDraft('x.draft', text).units) {
      const view = unit.view.text;
      const words = wordsOf(view);
      const ids = acquis.index.idsOf(words);
      let next = 0;
      for (const sentence of splitSentences(view)) {
        while (next < words.length && words[next]!.start < sentence.start) next++;
        let end = next;
        while (end < words.length && words[end]!.start < sentence.end) end++;
        const [kernel, script] = both(acquis, ids, Math.max(8, Math.ceil((end - next) / 4)), next, end);
        expect(kernel).toEqual(script);
        compared++;
        if ((script as unknown[]).length) nonEmpty++;
        next = end;
      }
    }
  }
  // Random stretches of precedents, perturbed.
  const next = random(seed);
  const precedents = acquis.precedents;
  const vocabulary = acquis.index.vocabulary.size;
  for (let k = 0; k < 3000; k++) {
    const words: number[] = [];
    const pieces = 1 + Math.floor(next() * 3);
    for (let p = 0; p < pieces; p++) {
      const source = precedents[Math.floor(next() * precedents.length)]!.ids;
      const from = Math.floor(next() * source.length);
      const to = Math.min(source.length, from + 3 + Math.floor(next() * 30));
      for (let i = from; i < to; i++) {
        const roll = next();
        if (roll < 0.05) continue;
        words.push(roll < 0.1 ? -1 : roll < 0.15 ? Math.floor(next() * vocabulary) : source[i]!);
      }
    }
    const ids = Int32Array.from(words);
    const limit = next() < 0.7 ? 8 : 1 + Math.floor(next() * 12);
    const [kernel, script] = both(acquis, ids, limit, 0, ids.length);
    expect(kernel, `case ${k}`).toEqual(script);
    compared++;
    if ((script as unknown[]).length) nonEmpty++;
  }
  expect(nonEmpty).toBeGreaterThan(compared / 4);
  return compared;
}

describe('the candidate look-up kernel', () => {
  it('answers as the TypeScript look-up over the built-in acquis', () => {
    const { acquis } = buildAcquis(builtin);
    expect(checkAcquis(acquis, 5)).toBeGreaterThan(3000);
  });

  it('answers as the TypeScript look-up over a larger acquis with synthetic documents', () => {
    const text = builtin.map((f) => f.text).join(' ');
    const { acquis } = buildAcquis([...builtin, ...syntheticDocuments(text, 200)]);
    expect(checkAcquis(acquis, 9)).toBeGreaterThan(3000);
  });

  it('counts shared 3-grams exactly (a recount passes over positions whose word starts none of the sentence\'s)', () => {
    const { acquis } = buildAcquis(builtin);
    const triples = (ids: Int32Array, from: number, to: number): Set<string> => {
      const out = new Set<string>();
      for (let i = from; i + 3 <= to; i++) if (ids[i]! >= 0 && ids[i + 1]! >= 0 && ids[i + 2]! >= 0) out.add(`${ids[i]} ${ids[i + 1]} ${ids[i + 2]}`);
      return out;
    };
    const next = random(17);
    let checked = 0;
    for (let k = 0; k < 2000; k++) {
      const source = acquis.precedents[Math.floor(next() * acquis.precedents.length)]!.ids;
      const words = Array.from(source, (id) => (next() < 0.15 ? Math.floor(next() * acquis.index.vocabulary.size) : id)).filter(() => next() > 0.05);
      const ids = Int32Array.from(words);
      const mine = triples(ids, 0, ids.length);
      for (const kernel of [true, false]) {
        setCandidateKernel(kernel);
        for (const c of acquis.index.candidates(ids, 8)) {
          const theirs = triples(c.precedent.ids, 0, c.precedent.ids.length);
          let shared = 0;
          for (const t of mine) if (theirs.has(t)) shared++;
          expect(c.shared, `case ${k}, precedent ${c.precedent.id}`).toBe(shared);
          checked++;
        }
      }
    }
    setCandidateKernel(true);
    expect(checked).toBeGreaterThan(4000);
  });

  it('is used where WebAssembly is there', () => {
    const { acquis } = buildAcquis(builtin);
    const ids = acquis.precedents[0]!.ids;
    setCandidateKernel(true);
    acquis.index.candidates(ids, 8);
    const kernel = (acquis.index as unknown as { kernel?: unknown }).kernel;
    expect(kernel).not.toBeNull();
    expect(acquis.index.candidates(ids, 8).length).toBeGreaterThan(0);
  });
});
