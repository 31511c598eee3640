/**
 * Binary searches over lists sorted by offset (words, sentences, hits), so that a rule asking
 * "which of these lie in this stretch" costs a logarithm, not a pass over a whole paragraph: a
 * paragraph of a megabyte has a hundred thousand words and thousands of sentences.
 */

/** The first index whose `key` is at least `value` (`list.length` if none); `list` ascending by `key`. */
export function lowerBound<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is at least `value` (`values.length` if none); `values` ascending (a word list's offsets). */
export function lowerBoundOf(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const startOf = (x: { start: number }): number => x.start;
const endOf = (x: { end: number }): number => x.end;

/**
 * The items lying wholly inside [start, end], for items in text order that do not overlap (their
 * starts and their ends both ascend): the same as `filter(w => w.start >= start && w.end <= end)`.
 */
export function within<T extends { start: number; end: number }>(list: readonly T[], start: number, end: number): T[] {
  const from = lowerBound(list, start, startOf);
  const to = lowerBound(list, end + 1, endOf);
  return to > from ? list.slice(from, to) : [];
}

/** The items whose start lies in [start, end), for items ascending by start: `filter(h => h.start >= start && h.start < end)`. */
export function startingIn<T extends { start: number }>(list: readonly T[], start: number, end: number): T[] {
  const from = lowerBound(list, start, startOf);
  const to = lowerBound(list, end, startOf);
  return to > from ? list.slice(from, to) : [];
}
