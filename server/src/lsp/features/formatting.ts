/**
 * Formatting renumbers the paragraphs: 1, 2, 3... in order, `PP` and `OP` labels each in their own
 * sequence, `12bis` following its base, `1.1.` counted within its parent; and cross-references
 * (`paragraph 12 above`) follow the paragraphs they name. The edits replace only the digits that
 * change, so nothing else in the file is touched; a label the grammar did not read as a label is
 * left alone.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { Paragraph, Span } from '../../../../grammar/src/index.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';
import { crossReferencePins, referencedParagraph } from './definition.js';
import { allInlines } from './inline-at.js';

/** A label that can be renumbered: family, dotted number, suffix (as the grammar reads labels). */
const LABEL = /^(PP|OP)?(\d+(?:\.\d+)*)(bis|ter|quater|quinquies|sexies|septies|octies|alt\d*)?$/;

interface Renumbered {
  /** Where the number is in the source (after `PP`/`OP`, before the suffix). */
  numberSpan: Span;
  old: string;
  number: string;
}

export function formatting(a: Analysis): TextEdit[] {
  const { text, document } = a.draft;
  // An excerpt keeps the numbers of the document it is taken from: renumbering would break them.
  if (/^(true|yes)$/i.test(document.frontMatter?.fields.excerpt ?? '')) return [];
  const renumbered = renumber(document.paragraphs, text);
  const edits: Array<{ span: Span; text: string }> = [];
  for (const r of renumbered.values()) if (r.number !== r.old) edits.push({ span: r.numberSpan, text: r.number });

  // A cross-reference inside a quotation names a paragraph of the quoted text, not of this draft.
  const quoted: Span[] = [];
  for (const node of allInlines(document)) if (node.type === 'quotation') quoted.push(node.span);
  for (const node of allInlines(document)) {
    if (node.type !== 'crossReference' || quoted.some((q) => node.span.start >= q.start && node.span.end <= q.end)) continue;
    for (const pin of crossReferencePins(text, node)) {
      const target = referencedParagraph(document, node, pin.key);
      const r = target && renumbered.get(target);
      // Only the digits: a `bis` or a sub-paragraph after them stays as written.
      if (r && r.number !== r.old && !r.number.includes('.')) edits.push({ span: pin.numberSpan, text: r.number });
    }
  }
  return edits.sort((x, y) => x.span.start - y.span.start).map((e) => ({ range: toRange(a.doc, e.span), newText: e.text }));
}

/** The new number of each label, in document order. */
function renumber(paragraphs: Paragraph[], text: string): Map<Paragraph, Renumbered> {
  const out = new Map<Paragraph, Renumbered>();
  /** Last number given in each sequence: a family and a (new) parent number. */
  const counters = new Map<string, number>();
  /** New number of the latest unsuffixed paragraph per sequence, and per sequence and old number. */
  const previous = new Map<string, string>();
  const bases = new Map<string, string>();
  /** New number of the latest paragraph with a given family and old number (the parents of `1.1.`). */
  const parents = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of paragraphs) {
    const m = p.label && LABEL.exec(p.label.text);
    if (!p.label || !m) continue;
    const family = m[1] ?? '';
    const old = m[2]!;
    const suffix = m[3];
    const start = p.label.span.start + family.length;
    // Guard: the label as written must be what was parsed (no renumbering of anything else).
    if (!text.startsWith(`${family}${old}`, p.label.span.start)) continue;
    const components = old.split('.');
    const last = components.pop()!;
    const oldParent = components.join('.');
    const parent = oldParent ? (parents.get(`${family}|${oldParent}`) ?? oldParent) : '';
    const sequence = `${family}|${parent}`;
    let number: string | undefined;
    if (suffix) {
      // `12bis` keeps its base 12's new number; with no 12 before it, it follows the paragraph before.
      number = bases.get(`${sequence}|${last}`) ?? previous.get(sequence);
      if (number === undefined || taken.has(`${family}${number}${suffix}`)) continue;
    } else {
      const n = (counters.get(sequence) ?? 0) + 1;
      counters.set(sequence, n);
      number = parent ? `${parent}.${n}` : String(n);
      previous.set(sequence, number);
      bases.set(`${sequence}|${last}`, number);
      parents.set(`${family}|${old}`, number);
    }
    taken.add(`${family}${number}${suffix ?? ''}`);
    out.set(p, { numberSpan: { start, end: start + old.length }, old, number });
  }
  return out;
}
