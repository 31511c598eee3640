/**
 * Find references: on a quote of agreed language, every quote of the same precedent in the open
 * drafts; on a paragraph label, the cross-references to that paragraph in this draft.
 */
import type { Location } from 'vscode-languageserver';
import type { Paragraph } from '../../../../grammar/src/index.js';
import { normaliseSymbol, type Precedent, type PrecedentMatch } from '../../engine/index.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';
import { crossReferenceKey, crossReferencePins, referencedParagraph } from './definition.js';
import { matchAt } from './hover.js';
import { allInlines } from './inline-at.js';

export function references(a: Analysis, offset: number, open: Analysis[]): Location[] {
  const labelled = a.draft.document.paragraphs.find((p) => p.label && offset >= p.label.span.start && offset <= p.label.span.end);
  if (labelled) return crossReferencesTo(a, labelled);
  const located = matchAt(a, offset);
  if (!located) return [];
  const drafts = open.some((o) => o.uri === a.uri) ? open : [a, ...open];
  return quotesOf(located.match.precedent, a, drafts);
}

/**
 * The precedent quoted at `offset`, by document symbol and pinpoint: how a draft held elsewhere
 * (a huge document in the lint worker, with its own engine) is asked for its quotes of it.
 * Undefined on a paragraph label (those references stay within the draft) or outside a quote.
 */
export function precedentAt(a: Analysis, offset: number): { symbol: string; pinpoint: string } | undefined {
  if (a.draft.document.paragraphs.some((p) => p.label && offset >= p.label.span.start && offset <= p.label.span.end)) return undefined;
  const precedent = matchAt(a, offset)?.match.precedent;
  return precedent && { symbol: precedent.document.symbol, pinpoint: precedent.pinpoint };
}

/** Quotes in `a` of the precedent named by document symbol and pinpoint. */
export function quotesOfPinpoint(a: Analysis, symbol: string, pinpoint: string): Location[] {
  const wanted = normaliseSymbol(symbol);
  return quotesIn([a], (_, p) => p.pinpoint === pinpoint && normaliseSymbol(p.document.symbol) === wanted);
}

/**
 * Quotes of a precedent. Within one engine a precedent is known by its id; drafts linted by
 * another engine (another configuration) have their own ids, so there the document and pinpoint
 * decide.
 */
function quotesOf(precedent: Precedent, a: Analysis, drafts: Analysis[]): Location[] {
  const symbol = normaliseSymbol(precedent.document.symbol);
  const same = (other: Analysis, p: Precedent): boolean =>
    (other.entry.engine === a.entry.engine && p.id === precedent.id) ||
    (p.pinpoint === precedent.pinpoint && normaliseSymbol(p.document.symbol) === symbol);
  return quotesIn(drafts, same);
}

function quotesIn(drafts: Analysis[], same: (other: Analysis, p: Precedent) => boolean): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const other of drafts) {
    for (const { unit, matches } of other.result.matches) {
      for (const match of matches) {
        // The lineage counts too: the stretch quotes each precedent listed there as well.
        const all: PrecedentMatch[] = [match, ...match.lineage];
        if (!all.some((m) => same(other, m.precedent))) continue;
        const span = { start: unit.view.toSourceStart(match.start), end: unit.view.toSourceEnd(match.end) };
        const key = `${other.uri}#${span.start}:${span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ uri: other.uri, range: toRange(other.doc, span) });
      }
    }
  }
  return out;
}

/** The cross-references in this draft that name `target` (by the same reading as go to definition). */
function crossReferencesTo(a: Analysis, target: Paragraph): Location[] {
  const key = crossReferenceKey(target);
  if (!key) return [];
  const out: Location[] = [];
  for (const node of allInlines(a.draft.document)) {
    if (node.type !== 'crossReference') continue;
    for (const pin of crossReferencePins(a.draft.text, node)) {
      if (pin.key === key && referencedParagraph(a.draft.document, node, pin.key) === target) {
        out.push({ uri: a.uri, range: toRange(a.doc, node.span) });
        break;
      }
    }
  }
  return out;
}
