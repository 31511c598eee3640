/**
 * Every lexicon in one pass over a text unit. The word patterns of all the lexicons joined in a
 * pass go into one trie per match mode (phrase-trie.ts), walked once from each word of the unit;
 * the entries that need a regular expression are reached through the same words: each
 * expression's required literals (regex-literals.ts) are indexed by their longest letter run, each
 * word's lower-cased surface is looked up once (remembered across units and drafts), and only an
 * expression whose run was seen gets its literal test and then runs. Finders run as before.
 *
 * The pass gives each lexicon the raw hits, in the order its own matcher found them: its modes in
 * order, then by word, longest pattern first, then pattern order; then each entry's expressions
 * and finder in entry order. lexicon.ts applies the entries' conditions.
 */
import type { Word } from '../text/words.js';
import type { CompiledEntry, Lexicon, RawHit, TextUnit } from './lexicon.js';
import { PhraseTrie } from './phrase-trie.js';
import { literalAnchorSets, mayMatch, type LiteralRequirement } from './regex-literals.js';
import { isSeparatorGap, surfaceKey, wordKey, type WordMatch } from './word-keys.js';

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

/**
 * A regular expression's prefilter: for each set of literals the expression requires, the anchors
 * (ids in the pass) one of which the words must hold (undefined: that set has none and is left
 * to the literal test), then the literal test.
 */
interface RegexGate {
  requirement: LiteralRequirement;
  anchorSets: Array<number[] | undefined>;
}

const NO_ANCHORS: readonly number[] = [];
const ANCHOR_CACHE_LIMIT = 50_000;

export class LexiconPass {
  private readonly tries = new Map<WordMatch, PhraseTrie<PatternRef>>();
  /** Per lexicon, per entry, per expression: its gate (undefined: no requirement, always runs). */
  private readonly gates: Array<Map<CompiledEntry, Array<RegexGate | undefined>>>;
  private readonly anchors: string[] = [];
  /** Anchor ids by a word's lower-cased surface: what each word seen so far holds. */
  private readonly anchorsOfWord = new Map<string, readonly number[]>();

  constructor(readonly lexicons: readonly Lexicon[]) {
    const anchorIds = new Map<string, number>();
    this.gates = lexicons.map((lexicon, index) => {
      [...lexicon.patterns.keys()].forEach((mode, slot) => {
        let trie = this.tries.get(mode);
        if (!trie) this.tries.set(mode, (trie = new PhraseTrie()));
        for (const p of lexicon.patterns.get(mode)!) trie.add(p.words, { lexicon: index, slot, entry: p.entry, seq: p.seq, length: p.words.length });
      });
      const gates = new Map<CompiledEntry, Array<RegexGate | undefined>>();
      for (const entry of lexicon.entries) {
        if (!entry.regexes.length) continue;
        gates.set(
          entry,
          entry.requirements.map((requirement) => {
            if (!requirement) return undefined;
            const anchorSets = literalAnchorSets(requirement).map((runs) =>
              runs?.map((run) => {
                let id = anchorIds.get(run);
                if (id === undefined) {
                  anchorIds.set(run, (id = this.anchors.length));
                  this.anchors.push(run);
                }
                return id;
              }),
            );
            return { requirement, anchorSets };
          }),
        );
      }
      return gates;
    });
  }

  /** The raw hits of each lexicon of the pass in `unit` (empty for a lexicon that skips this kind of unit). */
  match(unit: TextUnit): RawMatch[][] {
    const lexicons = this.lexicons;
    const active = lexicons.map((l) => !((unit.kind === 'heading' && !l.headings) || (unit.kind === 'footnote' && !l.footnotes)));
    const text = unit.view.text;
    const words = this.tries.size || this.anchors.length ? unit.words() : [];
    let surface: string[] | undefined;
    const surfaceKeys = (): string[] => (surface ??= words.map((w) => surfaceKey(w, text)));

    // Word patterns: per lexicon, per mode slot, in order of words, longest first.
    const slots: RawMatch[][][] = lexicons.map((l) => [...l.patterns.keys()].map(() => []));
    const joined = (k: number): boolean => isSeparatorGap(text, words[k - 1]!.end, words[k]!.start);
    const found: PatternRef[] = [];
    const collect = (refs: readonly PatternRef[]): void => {
      for (const ref of refs) if (active[ref.lexicon]) found.push(ref);
    };
    for (const [mode, trie] of this.tries) {
      const keys = mode === 'surface' ? surfaceKeys() : keysOf(words, text, mode);
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

    // The anchors of the regular expressions that the words of the unit hold.
    let seen: Uint8Array | undefined;
    if (this.anchors.length && this.gates.some((g, i) => g.size && active[i])) {
      seen = new Uint8Array(this.anchors.length);
      for (const key of surfaceKeys()) for (const id of this.anchorsOf(key)) seen[id] = 1;
    }

    let folded: string | undefined;
    return lexicons.map((lexicon, index) => {
      if (!active[index]) return [];
      const raw = slots[index]!.flat();
      const gates = this.gates[index]!;
      for (const entry of lexicon.entries) {
        const entryGates = gates.get(entry);
        for (let r = 0; r < entry.regexes.length; r++) {
          const gate = entryGates![r];
          if (gate) {
            if (!gate.anchorSets.every((set) => !set || set.some((id) => seen![id]))) continue;
            if (!mayMatch(gate.requirement, gate.requirement.ignoreCase ? (folded ??= unit.folded()) : text)) continue;
          }
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

  /** The anchors a word's lower-cased surface holds (long s read as s, as the literal test folds it). */
  private anchorsOf(key: string): readonly number[] {
    let ids = this.anchorsOfWord.get(key);
    if (ids === undefined) {
      const folded = key.includes('ſ') ? key.replace(/ſ/g, 's') : key;
      ids = NO_ANCHORS;
      // Anchors by their first three letters: a new word costs a look-up per position, not a
      // test per anchor.
      const byHead = (this.anchorsByHead ??= this.indexAnchors());
      for (let i = 0; i + 3 <= folded.length; i++) {
        const candidates = byHead.get(headKey(folded, i));
        if (!candidates) continue;
        for (const id of candidates) {
          if (!folded.startsWith(this.anchors[id]!, i) || ids.includes(id)) continue;
          ids = ids === NO_ANCHORS ? [id] : [...ids, id];
        }
      }
      if (this.anchorsOfWord.size >= ANCHOR_CACHE_LIMIT) this.anchorsOfWord.clear();
      this.anchorsOfWord.set(key, ids);
    }
    return ids;
  }

  private anchorsByHead: Map<number, number[]> | undefined;

  private indexAnchors(): Map<number, number[]> {
    const byHead = new Map<number, number[]>();
    this.anchors.forEach((run, id) => {
      const head = headKey(run, 0);
      byHead.set(head, [...(byHead.get(head) ?? []), id]);
    });
    return byHead;
  }
}

/** The three UTF-16 units at `i` as one number (anchors are at least three letters long). */
function headKey(s: string, i: number): number {
  return (s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) * 65536 + s.charCodeAt(i + 2);
}

function keysOf(words: readonly Word[], text: string, mode: WordMatch): string[] {
  const keys = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) keys[i] = wordKey(words[i]!, text, mode);
  return keys;
}
