/**
 * The front matter block: where it ends, and how its `key: value` lines read.
 */
import type { Adoption, FrontMatterEntry } from './ast.js';

let lastText: string | undefined;
let lastEnd = 0;
let allowed = true;

/**
 * Front matter (and a byte order mark) exists only at the top of a file. The incremental parser
 * reads later stretches of a file on their own and turns both off for them.
 */
export function allowFrontMatter(allow: boolean): void {
  if (allow !== allowed) lastText = undefined;
  allowed = allow;
}

/** True when the text being lexed starts the file (see `allowFrontMatter`). */
export function atFileStart(): boolean {
  return allowed;
}

/**
 * Offset just past the front matter (past its closing `---` line), or 0 when there is none.
 * An unclosed block ends at the first blank line, so a forgotten fence does not swallow the draft.
 * Memoised on the text because the lexer asks for every candidate token.
 */
export function frontMatterEnd(text: string): number {
  if (!allowed) return 0;
  if (text === lastText) return lastEnd;
  lastText = text;
  lastEnd = scan(text);
  return lastEnd;
}

function scan(text: string): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!/^---[ \t]*(?:\r\n?|\n|$)/.test(text.slice(start, start + 8))) return 0;
  const line = /[^\r\n]*(?:\r\n?|\n|$)/y;
  line.lastIndex = start;
  line.exec(text); // the opening fence
  for (;;) {
    const at = line.lastIndex;
    if (at >= text.length) return text.length;
    const m = line.exec(text);
    if (!m || m[0] === '') return text.length;
    const content = m[0].replace(/[\r\n]+$/, '');
    if (/^---[ \t]*$/.test(content)) return at + content.length;
    if (content.trim() === '') return at;
  }
}

/** `key: value` with quotes around the value removed; undefined when the line has no key. */
export function splitEntry(line: string, offset: number): FrontMatterEntry | undefined {
  const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
  if (!m) return undefined;
  const key = m[1]!;
  let value = m[2]!;
  let valueStart = offset + line.indexOf(':') + 1;
  while (line[valueStart - offset] === ' ' || line[valueStart - offset] === '\t') valueStart++;
  if (value.length >= 2 && /^(["']).*\1$/.test(value)) {
    value = value.slice(1, -1);
    valueStart++;
  }
  return {
    key: key.toLowerCase(),
    value,
    span: { start: offset, end: offset + line.length },
    keySpan: { start: offset, end: offset + key.length },
    valueSpan: { start: valueStart, end: valueStart + value.length },
  };
}

/** `consensus`, `vote 109-45-16` (in favour, against, abstaining), or anything else as text. */
export function readAdoption(value: string): Adoption | undefined {
  const text = value.trim();
  if (/^(?:adopted )?(?:by |without a vote|)consensus$/i.test(text) || /^without a vote$/i.test(text)) {
    return { kind: 'consensus' };
  }
  const vote = /^(?:recorded )?vote[ :,]*(\d+)[\s\-–to]+(\d+)[\s\-–,with]+(\d+)(?:\s*abstentions?)?$/i.exec(text);
  if (vote) {
    return {
      kind: 'vote',
      inFavour: Number(vote[1]),
      against: Number(vote[2]),
      abstaining: Number(vote[3]),
    };
  }
  return undefined;
}

/** A UN document symbol as the lineage lines take it: `A/70/174`, `A/RES/70/237`, `A/68/98*`. */
const SYMBOL = /^[A-Z]{1,3}\/[A-Za-z0-9.]+(?:\/[A-Za-z0-9.]+)*\*?$/;

/**
 * `A/68/98, A/70/174` or `A/68/98 and A/70/174` -> the symbols, and the parts that are not
 * symbols (reported as syntax problems by the caller).
 */
export function readSymbolList(value: string): { symbols: string[]; bad: string[] } {
  const symbols: string[] = [];
  const bad: string[] = [];
  for (const part of value.split(/\s*(?:,|;|\band\b)\s*/)) {
    const p = part.trim();
    if (!p) continue;
    (SYMBOL.test(p) ? symbols : bad).push(p);
  }
  return { symbols, bad };
}
