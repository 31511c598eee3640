/**
 * Every lexicon in one pass over a text unit. The word patterns of all the lexicons joined in a
 * pass go into one trie per match mode (phrase-trie.ts), walked once from each word of the unit;
 * an entry's regular expression runs only on a unit that holds every set of literals it needs
 * (regex-literals.ts), tested with `includes`. (Looking those literals up through the words, by
 * their letter runs, was tried and measured: it saved about 1 ms a draft warm but cost 25 ms of
 * cold code in a one-file run, so the native test stays.) Finders run as before.
 *
 * The pass gives each lexicon the raw hits, in the order its own matcher found them: its modes in
 * order, then by word, longest pattern first, then pattern order; then each entry's expressions
 * and finder in entry order. lexicon.ts applies the entries' conditions.
 */
import type { Word } from '../text/words.js';
import type { CompiledEntry, Lexicon, RawHit, TextUnit } from './lexicon.js';
import { PhraseTrie } from './phrase-trie.js';
import { mayMatch } from './regex-literals.js';
import { isSeparatorGap, wordKey, type WordMatch } from './word-keys.js';

/** A raw hit of an entry, before its conditions. */
export interface RawMatch {
  entry: CompiledEntry;
  hit: RawHit;
}

interface PatternRef {
  /** The lexicon's index in the pass. */
  lexicon: number;
  /** The index of the pattern's mode among its lexicon's modes. */
  slot: number;
  entry: CompiledEntry;
  seq: number;
  length: number;
}


export class LexiconPass {
  private readonly tries = new Map<WordMatch, PhraseTrie<PatternRef>>();
  constructor(readonly lexicons: readonly Lexicon[]) {
    lexicons.forEach((lexicon, index) => {
      [...lexicon.patterns.keys()].forEach((mode, slot) => {
        let trie = this.tries.get(mode);
        if (!trie) this.tries.set(mode, (trie = new PhraseTrie()));
        for (const p of lexicon.patterns.get(mode)!) trie.add(p.words, { lexicon: index, slot, entry: p.entry, seq: p.seq, length: p.words.length });
      });
    });
  }

  /** The raw hits of each lexicon of the pass in `unit` (empty for a lexicon that skips this kind of unit). */
  match(unit: TextUnit): RawMatch[][] {
    const lexicons = this.lexicons;
    const active = lexicons.map((l) => !((unit.kind === 'heading' && !l.headings) || (unit.kind === 'footnote' && !l.footnotes)));
    const text = unit.view.text;
    const words = this.tries.size ? unit.words() : [];

    // Word patterns: per lexicon, per mode slot, in order of words, longest first.
    const slots: RawMatch[][][] = lexicons.map((l) => [...l.patterns.keys()].map(() => []));
    const joined = (k: number): boolean => isSeparatorGap(text, words[k - 1]!.end, words[k]!.start);
    const found: PatternRef[] = [];
    const collect = (refs: readonly PatternRef[]): void => {
      for (const ref of refs) if (active[ref.lexicon]) found.push(ref);
    };
    for (const [mode, trie] of this.tries) {
      const keys = keysOf(words, text, mode);
      for (let i = 0; i < words.length; i++) {
        if (!trie.starts(keys[i]!)) continue;
        trie.matchAt(keys, i, collect, joined);
        if (!found.length) continue;
        if (found.length > 1) found.sort((a, b) => b.length - a.length || a.seq - b.seq);
        for (const ref of found) {
          slots[ref.lexicon]![ref.slot]!.push({ entry: ref.entry, hit: { start: words[i]!.start, end: words[i + ref.length - 1]!.end } });
        }
        found.length = 0;
      }
    }

    let folded: string | undefined;
    return lexicons.map((lexicon, index) => {
      if (!active[index]) return [];
      const raw = slots[index]!.flat();
      for (const entry of lexicon.entries) {
        for (let r = 0; r < entry.regexes.length; r++) {
          const requirement = entry.requirements[r];
          if (requirement && !mayMatch(requirement, requirement.ignoreCase ? (folded ??= unit.folded()) : text)) continue;
          const re = entry.regexes[r]!;
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            const group = m.indices?.groups?.['hit'];
            const [start, end] = group ?? m.indices![0]!;
            raw.push({ entry, hit: { start, end } });
          }
        }
        if (entry.finder) for (const hit of entry.finder(unit, entry)) raw.push({ entry, hit });
      }
      return raw;
    });
  }

}

function keysOf(words: readonly Word[], text: string, mode: WordMatch): string[] {
  const keys = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) keys[i] = wordKey(words[i]!, text, mode);
  return keys;
}
