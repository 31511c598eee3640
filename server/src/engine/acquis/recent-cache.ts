/**
 * Values kept for the most recently used keys, at most `limit` of them. An entry is moved to the
 * recent end only once the cache is full, the one time the order is read: a working set that fits
 * (the built-in acquis's precedents fit many times) pays one look-up per use, not three map
 * operations.
 */
export class RecentCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, made by `make` when it is not kept (and then kept, the oldest dropped if need be). */
  get(key: K, make: (key: K) => V): V {
    let value = this.entries.get(key);
    if (value !== undefined) {
      if (this.entries.size >= this.limit) {
        this.entries.delete(key);
        this.entries.set(key, value);
      }
      return value;
    }
    value = make(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
