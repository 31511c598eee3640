/**
 * The word diff on vocabulary ids (`diffIds`, the matcher's) against the diff on key strings
 * (`diffWords`): the same runs, including the shortcut taken for identical stretches (agreed
 * language quoted as it stands), which must answer what diff-match-patch answers.
 */
import DiffMatchPatch from 'diff-match-patch';
import { describe, expect, it } from 'vitest';
import { diffIds, diffWords } from '../../server/src/engine/match/word-diff';
import { mulberry32 } from '../grammar/helpers';


const VOCABULARY = ['states', 'should', 'not', 'the', 'of', 'and', 'international', 'law', 'norms', 'ict', 'use', 'in'];

/** Ids and keys of a word list; unknown words (draft side only) get id -1 and a key of their own. */
function side(keys: string[]): { ids: Int32Array; words: { key: string }[] } {
  return { ids: Int32Array.from(keys.map((k) => VOCABULARY.indexOf(k))), words: keys.map((key) => ({ key })) };
}

describe('diffIds', () => {
  it('answers one equal run for identical stretches, and none for two empty ones', () => {
    const keys = ['states', 'should', 'not', 'use', 'the', 'ict'];
    const { ids, words } = side(keys);
    expect(diffIds(ids, words, ids.slice())).toEqual([{ op: 'equal', draftStart: 0, draftEnd: 6, precedentStart: 0, precedentEnd: 6 }]);
    expect(diffIds(ids, words, ids.slice(), 'none')).toEqual(diffWords(keys, keys, 'none'));
    expect(diffIds(new Int32Array(0), [], new Int32Array(0))).toEqual([]);
    expect(diffWords([], [], 'semantic')).toEqual([]);
  });

  it('reads an unknown word as unequal to every precedent word, even in an otherwise identical stretch', () => {
    const draft = side(['states', 'should', 'cyberise', 'law']);
    const precedent = Int32Array.from([0, 1, 3, 7]);
    const runs = diffIds(draft.ids, draft.words, precedent);
    expect(runs.some((r) => r.op !== 'equal')).toBe(true);
    expect(runs).toEqual(diffWords(['states', 'should', 'cyberise', 'law'], ['states', 'should', 'the', 'law']));
  });

  it('gives the runs the key-string diff gives, on 3,000 random pairs (a third identical)', () => {
    const next = mulberry32(11);
    const pick = (n: number): string[] => Array.from({ length: n }, () => (next() < 0.05 ? `unknown${Math.floor(next() * 3)}` : VOCABULARY[Math.floor(next() * VOCABULARY.length)]!));
    for (let trial = 0; trial < 3000; trial++) {
      const draftKeys = pick(Math.floor(next() * 30));
      let precedentKeys: string[];
      const kind = trial % 3;
      if (kind === 0) precedentKeys = draftKeys.filter((k) => !k.startsWith('unknown'));
      else if (kind === 1) precedentKeys = draftKeys.map((k) => (next() < 0.1 || k.startsWith('unknown') ? VOCABULARY[Math.floor(next() * VOCABULARY.length)]! : k));
      else precedentKeys = pick(Math.floor(next() * 30)).filter((k) => !k.startsWith('unknown'));
      const draft = side(draftKeys);
      const precedent = Int32Array.from(precedentKeys.map((k) => VOCABULARY.indexOf(k)));
      for (const cleanup of ['semantic', 'efficiency', 'none'] as const) {
        expect(diffIds(draft.ids, draft.words, precedent, cleanup), `${draftKeys.join(' ')} | ${precedentKeys.join(' ')}`).toEqual(diffWords(draftKeys, precedentKeys, cleanup));
      }
    }
  });

  it('remembers diffs by their encoded texts, and answers what diff-match-patch answers, in fresh runs', () => {
    // The reference: diff-match-patch called directly on the texts encoded as diffWords encodes
    // them (each distinct key one character from U+0100, by first appearance).
    const reference = (draftKeys: string[], precedentKeys: string[], cleanup: 'semantic' | 'efficiency' | 'none') => {
      const codes = new Map<string, string>();
      const encode = (keys: string[]) => keys.map((k) => codes.get(k) ?? (codes.set(k, String.fromCharCode(0x100 + codes.size)), codes.get(k)!)).join('');
      const dmp = new DiffMatchPatch();
      if (cleanup === 'efficiency') dmp.Diff_EditCost = 4;
      const diffs = dmp.diff_main(encode(draftKeys), encode(precedentKeys), false);
      if (cleanup === 'semantic') dmp.diff_cleanupSemantic(diffs);
      else if (cleanup === 'efficiency') dmp.diff_cleanupEfficiency(diffs);
      let d = 0;
      let p = 0;
      return diffs.map(([op, text]) => {
        const run = { op: op === 0 ? 'equal' : op < 0 ? 'delete' : 'insert', draftStart: d, draftEnd: op <= 0 ? d + text.length : d, precedentStart: p, precedentEnd: op >= 0 ? p + text.length : p };
        if (op <= 0) d += text.length;
        if (op >= 0) p += text.length;
        return run;
      });
    };
    const next = mulberry32(23);
    const words = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    // Few words in short stretches: the same pattern of change comes back often (cache hits).
    const pick = (n: number): string[] => Array.from({ length: n }, () => words[Math.floor(next() * (2 + Math.floor(next() * words.length)))]!);
    for (let trial = 0; trial < 4000; trial++) {
      const draftKeys = pick(Math.floor(next() * 12));
      const precedentKeys = next() < 0.5 ? draftKeys.map((k) => (next() < 0.2 ? words[Math.floor(next() * words.length)]! : k)).filter(() => next() > 0.1) : pick(Math.floor(next() * 12));
      for (const cleanup of ['semantic', 'efficiency', 'none'] as const) {
        const expected = reference(draftKeys, precedentKeys, cleanup);
        const first = diffWords(draftKeys, precedentKeys, cleanup);
        expect(first, `${draftKeys.join(' ')} | ${precedentKeys.join(' ')} (${cleanup})`).toEqual(expected);
        // A caller may move its runs (the matcher does): the next answer is not moved with them.
        for (const run of first) run.draftStart += 100;
        expect(diffWords(draftKeys, precedentKeys, cleanup)).toEqual(expected);
      }
    }
  });
});
