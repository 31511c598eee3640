/**
 * The engine's side of the index file: an acquis read back from its bytes has the same
 * precedents, ids, tables and word rarity as the one written, and the table-backed rarity counts
 * equal the rule's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAcquis, decodeIndex, encodeIndex, paragraphFrequencies, useWordFrequencies } from '../../server/src/engine/index.js';
import { inverseFrequencies } from '../../server/src/engine/rules/precedent-weight.js';
import { generateDraft } from '../../bench/draft-gen';
import { syntheticDocuments } from './synthetic';

const ROOT = join(__dirname, '..', '..');
const builtin = readdirSync(join(ROOT, 'server', 'acquis')).map((n) => ({ uri: n, text: readFileSync(join(ROOT, 'server', 'acquis', n), 'utf8') }));

function joined(chunks: Iterable<Uint8Array>): Uint8Array {
  const list = [...chunks].map((c) => c.slice());
  const out = new Uint8Array(list.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of list) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

describe('index file (engine)', () => {
  const sources = [...builtin, ...syntheticDocuments(generateDraft().txt, 40)];
  const { acquis } = buildAcquis(sources);

  it('reads back the same acquis', () => {
    const bytes = joined(encodeIndex(acquis, { engine: 'e', sources: 's', builtin: true }));
    const read = decodeIndex(bytes, { readSource: (uri) => sources.find((s) => s.uri === uri)!.text });
    expect(read.facts).toEqual({ engine: 'e', sources: 's', builtin: true });
    expect(read.acquis.precedents.length).toBe(acquis.precedents.length);
    expect([...read.acquis.index.vocabulary]).toEqual([...acquis.index.vocabulary]);
    for (let i = 0; i < acquis.precedents.length; i++) {
      const [a, b] = [acquis.precedents[i]!, read.acquis.precedents[i]!];
      expect([b.id, b.pinpoint, b.text, b.span, b.document.symbol, [...b.ids]]).toEqual([a.id, a.pinpoint, a.text, a.span, a.document.symbol, [...a.ids]]);
    }
    expect(read.acquis.index.tables()).toEqual(acquis.index.tables());
    expect(read.acquis.documents[0]!.text).toBe(sources[0]!.text);
    // A draft sentence reaches the same candidates.
    const probe = acquis.precedents[acquis.precedents.length - 3]!;
    const ids = acquis.index.idsOf(probe.words);
    expect(read.acquis.index.candidates(ids).map((c) => [c.precedent.id, c.shared])).toEqual(acquis.index.candidates(ids).map((c) => [c.precedent.id, c.shared]));
  });

  it('counts paragraph frequencies as the rarity rule does, to the last bit', () => {
    const own = inverseFrequencies(acquis);
    const { acquis: other } = buildAcquis(sources);
    const { paragraphs, df } = paragraphFrequencies(other);
    useWordFrequencies(other, { paragraphs, df: (key) => df[other.index.vocabulary.get(key) ?? -1] ?? 0 });
    expect([...inverseFrequencies(other)]).toEqual([...own]);
  });

  it('refuses what is not an index', () => {
    expect(() => decodeIndex(new TextEncoder().encode('not an index at all'), { readSource: () => '' })).toThrow(/magic number/);
    const bytes = joined(encodeIndex(acquis, { engine: 'e', sources: 's', builtin: true }));
    expect(() => decodeIndex(bytes.subarray(0, bytes.length - 100), { readSource: () => '' })).toThrow(/truncated|damaged/);
  });
});
