/**
 * A trie over word keys: many phrases (sequences of word keys) matched against the words of a text
 * in one walk from each word, instead of one comparison per phrase per word.
 *
 * Why a trie and not an Aho-Corasick automaton: the phrases of the lexicons and the mandate items
 * are a few words long, and a phrase may only continue over certain gaps between words (spaces and
 * hyphens, not a comma), so a walk from a word rarely goes past its first key; failure links would
 * save nothing and would have to be cut at every gap anyway. The npm Aho-Corasick packages match
 * characters, not word keys, so this small module is the project's own.
 */

/** A node of the trie: read by callers that walk it themselves (`first`, `next`). */
export interface TrieNode<V> {
  next: Map<string, TrieNode<V>> | undefined;
  /** The values of the phrases that end here, in the order they were added. */
  values: V[] | undefined;
}

/** Called for each phrase ending that matches: its values and its length in words. */
export type TrieVisit<V> = (values: readonly V[], length: number) => void;

/** Phrases of word keys, each with a value; several phrases may share a value, a phrase several values. */
export class PhraseTrie<V> {
  private readonly root: TrieNode<V> = { next: undefined, values: undefined };
  /** The longest phrase added, in words. */
  maxLength = 0;
  /** How many phrases were added (duplicates included). */
  size = 0;

  /** Add a phrase (at least one key). */
  add(keys: readonly string[], value: V): void {
    if (!keys.length) throw new Error('PhraseTrie: an empty phrase matches nothing');
    let node = this.root;
    for (const key of keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: undefined, values: undefined }));
      node = child;
    }
    (node.values ??= []).push(value);
    this.size++;
    if (keys.length > this.maxLength) this.maxLength = keys.length;
  }

  /** True when some phrase starts with this key: a cheap test before a walk. */
  starts(key: string): boolean {
    return this.root.next?.has(key) ?? false;
  }

  /** The node after a phrase's first key, if some phrase starts with it (a walk by hand, without a key array). */
  first(key: string): TrieNode<V> | undefined {
    return this.root.next?.get(key);
  }

  /** The nodes after each phrase's first key, by that key (undefined while empty): a loop over many words looks each up without a call. */
  heads(): ReadonlyMap<string, TrieNode<V>> | undefined {
    return this.root.next;
  }

  /** The node after `node` and `key`, if some phrase continues so. */
  static next<V>(node: TrieNode<V>, key: string): TrieNode<V> | undefined {
    return node.next?.get(key);
  }

  /**
   * Every phrase that matches `keys` from index `at`, shortest first. `joined(k)`, when given, says
   * whether word `k` may continue a phrase from word `k - 1` (it is asked only past the first word).
   */
  matchAt(keys: ArrayLike<string>, at: number, visit: TrieVisit<V>, joined?: (k: number) => boolean): void {
    let node = this.root.next?.get(keys[at]!);
    let k = at;
    while (node) {
      if (node.values) visit(node.values, k - at + 1);
      k++;
      if (!node.next || k >= keys.length || (joined && !joined(k))) return;
      node = node.next.get(keys[k]!);
    }
  }
}
