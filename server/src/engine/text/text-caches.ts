/**
 * Caches kept per paragraph text (its words, its matches, the mandate items it names). They are
 * there for an editor, which lints the same paragraphs again on every keystroke. A batch of
 * distinct drafts (`acquis lint` of many files) never meets a paragraph twice: kept, the entries
 * only hold each draft's text alive, and V8 copies them into its old generation, which cost more
 * than the cache ever saved there. So a batch forgets them between documents (`forgetTexts`).
 *
 * A cache is forgotten by replacing its Map with a new one, not by `clear()`: a Map that has
 * lived a while is in V8's old generation, and the young objects its table pointed to stay alive
 * through the next scavenges (the scavenger takes every old-to-young pointer as live, dead holder
 * or not), so they were promoted all the same. Over the 50 bench drafts: 30.3 MB promoted with
 * `clear()`, 20.2 MB with new Maps.
 */

const forgets: Array<() => void> = [];

/** Register `forget`, which must drop a cache kept per text (by replacing its Map). */
export function onForgetTexts(forget: () => void): void {
  forgets.push(forget);
}

/** Forget every registered per-text cache. Findings do not change: the caches only save work. */
export function forgetTextCaches(): void {
  for (const forget of forgets) forget();
}
