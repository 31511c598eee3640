/**
 * Incremental parsing for editors. Every block of the markup ends at a blank line, so a file is
 * the sum of its blank-line-separated stretches: each stretch is parsed on its own and cached by
 * its text, and an edit re-parses only the stretch it touched. The cached blocks are copied with
 * their offsets moved to where the stretch now stands, then assembled as `parse` would.
 *
 * **Invariant**: `new IncrementalParser().parse(text)` gives the same document as `parse(text)`
 * (tested on the samples and on fuzzed edits).
 */
import type { FrontMatter, ParseResult, SyntaxProblem } from './ast.js';
import { AstBuilder, type FlatBlock } from './build-ast.js';
import { parse, parseBlocks } from './parse.js';

interface Stretch {
  flat: FlatBlock[];
  frontMatter?: FrontMatter;
  problems: SyntaxProblem[];
}

/** A line break followed by one or more blank lines: where one stretch ends and the next begins. */
const SEPARATOR = /(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*(?:\r\n|\r(?!\n)|\n))+/g;

export class IncrementalParser {
  private cache = new Map<string, Stretch>();

  parse(text: string): ParseResult {
    try {
      return this.parseUnsafe(text);
    } catch {
      // Whatever went wrong, the plain parser still gives a full answer.
      this.cache.clear();
      return parse(text);
    }
  }

  private parseUnsafe(text: string): ParseResult {
    const next = new Map<string, Stretch>();
    const flat: FlatBlock[] = [];
    const problems: SyntaxProblem[] = [];
    let frontMatter: FrontMatter | undefined;
    let start = 0;
    const take = (end: number, first: boolean): void => {
      if (end <= start) return;
      const slice = text.slice(start, end);
      const key = `${first ? 'F' : 'B'}${slice}`;
      let stretch = next.get(key) ?? this.cache.get(key);
      if (!stretch) {
        const parsed = parseBlocks(slice, first);
        stretch = { flat: parsed.flat, problems: parsed.problems };
        if (parsed.frontMatter) stretch.frontMatter = parsed.frontMatter;
      }
      next.set(key, stretch);
      for (const block of stretch.flat) flat.push(shifted(block, start));
      for (const p of stretch.problems) problems.push(shifted(p, start));
      if (stretch.frontMatter) frontMatter = shifted(stretch.frontMatter, start);
    };
    SEPARATOR.lastIndex = 0;
    let first = true;
    for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
      take(m.index, first);
      first = false;
      start = m.index + m[0].length;
    }
    take(text.length, first);
    this.cache = next;
    const builder = new AstBuilder(text);
    const document = builder.assemble(flat, frontMatter);
    problems.push(...builder.problems);
    problems.sort((a, b) => a.span.start - b.span.start);
    return { document, problems };
  }
}

/**
 * A deep copy with every span (any object holding exactly numeric `start` and `end`) moved by
 * `delta`. Cached stretches are never handed out themselves: assembling mutates blocks.
 */
function shifted<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((v) => shifted(v, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 2 && typeof object.start === 'number' && typeof object.end === 'number') {
    return { start: object.start + delta, end: object.end + delta } as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = shifted(object[key], delta);
  return copy as T;
}
