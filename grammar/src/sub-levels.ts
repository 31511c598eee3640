/**
 * Levels of sub-paragraphs. The first label style met in a paragraph is level 1, a new style
 * opens the next level, and a style seen before returns to its level: (a) / (i) / (a) reads as
 * a, i nested under a, then a sibling of the first a.
 */
import type { LabelStyle, Subparagraph } from './ast.js';

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(s: string): number | undefined {
  if (!/^[ivxlc]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function styleOf(label: string, previousRoman: number | undefined, previousLetter: string | undefined): LabelStyle {
  const inner = label.slice(1, -1);
  if (/^\d+$/.test(inner)) return 'number';
  if (/^[A-Z]$/.test(inner)) return 'capital';
  const roman = romanValue(inner);
  if (roman === undefined) return 'letter';
  const follows = (prev: string | undefined): boolean =>
    !!prev && prev.length === inner.length && prev.charCodeAt(0) + 1 === inner.charCodeAt(0) && /^(.)\1*$/.test(inner);
  // (i), (v), (x), and doubled ones such as (ii) or (cc), are letters right after their
  // predecessor in the alphabet ((h), (u), (w), (hh), (bb)); otherwise roman numerals.
  if (follows(previousLetter)) return 'letter';
  if (inner.length > 1) return 'roman';
  if (inner === 'i' || inner === 'v' || inner === 'x') return 'roman';
  // (l) and (c) are letters unless they continue a run of roman numerals.
  return previousRoman !== undefined && previousRoman + 1 === roman ? 'roman' : 'letter';
}

/** Sets style and level on each sub-paragraph and nests them; returns the level-1 list. */
export function assignLevels(flat: Subparagraph[]): Subparagraph[] {
  const styles: LabelStyle[] = [];
  const parents: Subparagraph[] = [];
  const top: Subparagraph[] = [];
  let lastRoman: number | undefined;
  let lastLetter: string | undefined;
  for (const sub of flat) {
    const style = styleOf(sub.label.text, lastRoman, lastLetter);
    const inner = sub.label.text.slice(1, -1);
    if (style === 'roman') lastRoman = romanValue(inner);
    if (style === 'letter') lastLetter = inner;
    sub.label.style = style;
    let index = styles.indexOf(style);
    if (index < 0) {
      styles.push(style);
      index = styles.length - 1;
    }
    styles.length = index + 1;
    parents.length = index;
    sub.level = index + 1;
    sub.children = [];
    if (index === 0) top.push(sub);
    else {
      const parent = parents[index - 1];
      if (parent) {
        parent.children.push(sub);
        // A sub-paragraph's span covers its own sub-paragraphs, as a paragraph's does.
        for (let k = 0; k < index; k++) {
          const ancestor = parents[k]!;
          ancestor.span = { start: ancestor.span.start, end: Math.max(ancestor.span.end, sub.span.end) };
        }
      } else top.push(sub);
    }
    parents[index] = sub;
  }
  return top;
}
