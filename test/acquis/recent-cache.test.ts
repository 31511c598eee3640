import { describe, expect, it } from 'vitest';
import { RecentCache } from '../../server/src/engine/acquis/recent-cache';

describe('RecentCache', () => {
  it('makes a value once per miss, keeps at most its limit, and drops the least recently used once full', () => {
    const made: number[] = [];
    const cache = new RecentCache<number, string>(3);
    const get = (k: number): string => cache.get(k, (key) => (made.push(key), `v${key}`));
    expect([get(1), get(2), get(1), get(3)]).toEqual(['v1', 'v2', 'v1', 'v3']);
    expect(made).toEqual([1, 2, 3]);
    // Full: 1 is used, so 2 is now the least recent and goes when 4 comes in.
    get(1);
    get(4);
    expect(cache.size).toBe(3);
    get(2);
    expect(made).toEqual([1, 2, 3, 4, 2]);
    // 3 went for 2 (1 and 4 were used after it); 1 and 4 are still kept.
    get(1);
    get(4);
    expect(made).toEqual([1, 2, 3, 4, 2]);
  });
});
