/**
 * A cheap first test of membership in a set of word keys: the key's length and first character.
 * The lexicon pass and mandate.coverage look every word of a draft up in a small set of keys (the
 * patterns' first keys, the keyword phrases' first keys) that few words are in; a hash look-up
 * per word was most of their time in a run of many drafts. Most words fail this test (the
 * combinations of length and first character of a few dozen keys are few), and only the others
 * are looked up. It never fails a key of the set.
 */
export class KeyFilter {
  /** Length (31 for 31 and more) times 128, plus the first character (127 for any past ASCII). */
  readonly slots = new Uint8Array(32 * 128);

  constructor(keys: Iterable<string>) {
    for (const key of keys) this.slots[KeyFilter.slot(key)] = 1;
  }

  /** Where a key is marked; the hot loops compute it inline, as here. */
  static slot(key: string): number {
    const n = key.length;
    const c = n ? key.charCodeAt(0) : 0;
    return ((n < 31 ? n : 31) << 7) | (c < 127 ? c : 127);
  }

  /** False when `key` is certainly not in the set. */
  mayHave(key: string): boolean {
    return this.slots[KeyFilter.slot(key)] === 1;
  }
}
