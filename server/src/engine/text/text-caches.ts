/**
 * Caches kept per paragraph text (its words, its matches, the mandate items it names). They are
 * there for an editor, which lints the same paragraphs again on every keystroke. A batch of
 * distinct drafts (`acquis lint` of many files) never meets a paragraph twice: kept, the entries
 * only hold each draft's text alive, and V8 copies them into its old generation, which cost more
 * than the cache ever saved there. So a batch forgets them between documents (`forgetTexts`).
 */

const clears: Array<() => void> = [];

/** `cache`, registered to be emptied by `forgetTextCaches`. */
export function perTextCache<K, V>(cache: Map<K, V>): Map<K, V> {
  clears.push(() => cache.clear());
  return cache;
}

/** Empty every registered per-text cache. Findings do not change: the caches only save work. */
export function forgetTextCaches(): void {
  for (const clear of clears) clear();
}
