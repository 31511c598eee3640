/**
 * Shared helpers of the grammar tests: a seeded PRNG, a generic walk over every span of a parse
 * result, and a "sliced" copy of a tree where each span is replaced by the characters it covers,
 * so that expectations read as text rather than offsets.
 */
import type { Span } from '../../grammar/src/index';

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The murmur3 finalizer: a 32-bit avalanche mix. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An independent 32-bit seed for case `index` of the run seeded with `seed`. */
export function mixSeed(seed: number, index: number): number {
  return fmix32((fmix32(seed) + Math.imul(index + 1, 0x9e3779b9)) >>> 0);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Span-shaped: an object with numeric start and end. */
export function isSpan(value: unknown): value is Span {
  return isObject(value) && typeof value.start === 'number' && typeof value.end === 'number';
}

const isSpanKey = (key: string): boolean => key === 'span' || key.endsWith('Span');

export interface FoundSpan {
  path: string;
  span: Span;
}

/**
 * Every span in a tree, found generically: any property named `span` or ending in `Span` of any
 * object reachable from `root`. Shared nodes (a rationale is also a sibling) are visited once.
 */
export function allSpans(root: unknown): FoundSpan[] {
  const found: FoundSpan[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown, path: string): void => {
    if (!isObject(value) || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (isSpanKey(key)) {
        // A span property that is not span-shaped is itself a defect: report it as NaN.
        found.push({ path: childPath, span: isSpan(child) ? child : { start: Number.NaN, end: Number.NaN } });
      } else visit(child, childPath);
    }
  };
  visit(root, '');
  return found;
}

/** Spans that are not 0 <= start <= end <= length with integer offsets, described for a message. */
export function badSpans(root: unknown, length: number): string[] {
  return allSpans(root)
    .filter(
      ({ span }) =>
        !(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length),
    )
    .map(({ path, span }) => `${path} = {start: ${span.start}, end: ${span.end}} (text length ${length})`);
}

/**
 * A deep copy of `value` where every span (and `*Span`) is replaced by the text it covers, so
 * `toMatchObject` expectations assert both the structure and that each span slices back right.
 */
export function sliced(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((item) => sliced(item, text));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = isSpanKey(key) && isSpan(child) ? text.slice(child.start, child.end) : sliced(child, text);
  }
  return out;
}

/** At most `max` characters of `text`, JSON-quoted, for failure messages. */
export function preview(text: string, max = 600): string {
  return text.length <= max ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, max))}... (${text.length} chars)`;
}
