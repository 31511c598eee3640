/**
 * Lineage declared in the built-in acquis (`// acquis-restates`), as the engine reads it: where the
 * texts say so, and nowhere else; a numbered paragraph's line holds for its items, a
 * sub-paragraph's line for that sub-paragraph only; carried through the snapshot.
 */
import { describe, expect, it } from 'vitest';
import { builtinAcquisDir } from '../../server/src/host/install';
import { readAcquisFolder } from '../../server/src/host/folders';
import { createEngine, fromSnapshot, toSnapshot } from '../../server/src/engine/index';

const engine = createEngine(readAcquisFolder(builtinAcquisDir()));
const doc = (symbol: string) => engine.acquis.documents.find((d) => d.symbol === symbol)!;

describe('declared lineage of the built-in acquis', () => {
  it('73/266: PP12 to PP14 and OP1 (a) only', () => {
    const lineage = doc('A/RES/73/266').lineage!;
    expect(Object.keys(lineage).sort()).toEqual(['1 (a)', 'PP12', 'PP13', 'PP14']);
    expect(lineage['PP12']!.symbols).toEqual(['A/68/98', 'A/70/174']);
    expect(lineage['1 (a)']!.symbols).toEqual(['A/RES/70/237']);
    expect(lineage['1 (a)']!.note).toContain("Japan's comments on the OEWG initial pre-draft (March 2020), para. 5");
  });

  it('73/27: PP16, PP17, and OP1 with each of its rules 1.1 to 1.13', () => {
    const lineage = doc('A/RES/73/27').lineage!;
    const rules = Array.from({ length: 13 }, (_, i) => `1.${i + 1}`);
    expect(Object.keys(lineage).sort()).toEqual(['1', ...rules, 'PP16', 'PP17'].sort());
    for (const pin of rules) expect(lineage[pin]!.symbols).toEqual(['A/68/98', 'A/70/174']);
    expect(lineage['2']).toBeUndefined();
  });

  it('the GGE reports declare none, and the snapshot keeps what the resolutions declare', () => {
    for (const s of ['A/65/201', 'A/68/98', 'A/70/174']) expect(doc(s).lineage).toBeUndefined();
    const again = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(engine.acquis, 'key'))));
    expect(again.documents.find((d) => d.symbol === 'A/RES/73/27')!.lineage).toEqual(doc('A/RES/73/27').lineage);
  });
});
