/**
 * List numbering as Word draws it (word/numbering.xml, ECMA-376 17.9): the "12." or "(a)" before a
 * paragraph is not in its text but computed from its `w:numPr` (list and level), the list's
 * abstract definition (format, level text such as `%1.` or `(%2)`, start) and the paragraphs
 * numbered before it. Counters are kept per abstract list, as Word does; a deeper level restarts
 * when a shallower one advances.
 */
import type { Element } from '@xmldom/xmldom';
import { attr, child, children, nameOf } from './xml.js';

interface Level {
  format: string;
  text: string;
  start: number;
}

/** What a number is: its text (`12.`, `(a)`, `1.1.`), and its format at that level. */
export interface ListLabel {
  text: string;
  level: number;
  format: string;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(root?: Element) {
    if (!root) return;
    for (const e of children(root)) {
      if (nameOf(e) === 'abstractNum') {
        const levels = new Map<number, Level>();
        for (const lvl of children(e).filter((c) => nameOf(c) === 'lvl')) {
          levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
            format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
            text: attr(child(lvl, 'lvlText'), 'val') ?? '',
            start: Number(attr(child(lvl, 'start'), 'val') ?? 1),
          });
        }
        this.abstracts.set(attr(e, 'abstractNumId') ?? '', levels);
      } else if (nameOf(e) === 'num') {
        const starts = new Map<number, number>();
        for (const o of children(e).filter((c) => nameOf(c) === 'lvlOverride')) {
          const s = attr(child(o, 'startOverride'), 'val');
          if (s !== undefined) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(s));
        }
        this.nums.set(attr(e, 'numId') ?? '', { abstract: attr(child(e, 'abstractNumId'), 'val') ?? '', starts });
      }
    }
  }

  /** The label of the next paragraph in list `numId` at level `ilvl`, or undefined when none is drawn. */
  next(numId: string, ilvl: number): ListLabel | undefined {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return undefined;
    const levels = this.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'none' || level.format === 'bullet') return undefined;
    let counts = this.counters.get(num.abstract);
    if (!counts) {
      counts = [];
      this.counters.set(num.abstract, counts);
    }
    const startOf = (l: number): number => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    const text = level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counts![l] ?? startOf(l);
      return formatNumber(value, levels.get(l)?.format ?? 'decimal');
    });
    return { text: text.trim(), level: ilvl, format: level.format };
  }
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

/** a..z, then aa, bb (Word's way). */
function letters(n: number): string {
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) [n, out] = [n - v, out + s];
  return out;
}
