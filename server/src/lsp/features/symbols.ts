/**
 * Symbols: the outline of a draft (sections > paragraphs > sub-paragraphs), and the paragraphs of
 * the acquis as workspace symbols, so that "broad participation" finds A/70/174, para. 18.
 */
import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BodyBlock, Paragraph, Section, Span, Subparagraph } from '../../../../grammar/src/index.js';
import { unitsOf, type AdoptedDocument, type Engine, type Unit } from '../../engine/index.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';
import { spanRange } from './locations.js';

const MAX_WORKSPACE_SYMBOLS = 200;
const NAME_WORDS = 8;

/** The first `n` words of a text, with an ellipsis when there are more. */
export function firstWords(text: string, n = NAME_WORDS): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.slice(0, n).join(' ') + (words.length > n ? ' …' : '');
}

/**
 * The words of a paragraph as the current view reads them; a paragraph that is all placeholder or
 * proposal reads as nothing there, so it is shown as written.
 */
export function wordsOf(view: string | undefined, source: string, content: Span): string {
  return view && /[\p{L}\p{N}]/u.test(view) ? view : source.slice(content.start, content.end);
}

/** How a paragraph's label is shown: `12.` for a numbered paragraph, `PP3`/`OP5` for a resolution's. */
export function labelName(p: Paragraph): string | undefined {
  if (!p.label) return undefined;
  return p.kind === 'numbered' ? `${p.label.text}.` : p.label.text;
}

/**
 * The most symbols an outline holds, as VS Code's own JSON server bounds its outline
 * (`json.maxItemsComputed`): a huge draft has tens of thousands of paragraphs, and an outline that
 * size is neither readable nor cheap to send. Sections are always kept; sub-paragraphs are left
 * out first, then paragraphs after the limit.
 */
export const MAX_DOCUMENT_SYMBOLS = 5000;

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  let paragraphs = 0;
  let subparagraphs = 0;
  const countSubs = (subs: Subparagraph[]): void => {
    for (const sub of subs) {
      subparagraphs++;
      countSubs(sub.children);
    }
  };
  for (const p of a.draft.document.paragraphs) {
    paragraphs++;
    countSubs(p.subparagraphs);
  }
  const withSubs = paragraphs + subparagraphs <= MAX_DOCUMENT_SYMBOLS;
  let budget = MAX_DOCUMENT_SYMBOLS;
  // The current view of each paragraph and sub-paragraph (already made for linting).
  const views = new Map<Paragraph | Subparagraph, string>();
  for (const unit of a.draft.units) views.set(unit.subparagraph ?? unit.paragraph, unit.view.text);
  const text = (node: Paragraph | Subparagraph): string => firstWords(wordsOf(views.get(node), a.draft.text, node.contentSpan));

  const subSymbol = (sub: Subparagraph): DocumentSymbol => {
    const children = sub.children.map(subSymbol);
    return {
      name: nonEmpty(`${sub.label.text} ${text(sub)}`),
      kind: SymbolKind.EnumMember,
      range: enclosing(a.doc, sub.span, children),
      selectionRange: toRange(a.doc, sub.label.span),
      children,
    };
  };
  const paragraphSymbol = (p: Paragraph): DocumentSymbol => {
    const children = withSubs ? p.subparagraphs.map(subSymbol) : [];
    const label = labelName(p);
    const symbol: DocumentSymbol = {
      name: nonEmpty(label ? `${label} ${text(p)}` : text(p)),
      kind: label ? SymbolKind.Field : SymbolKind.String,
      range: enclosing(a.doc, p.span, children),
      selectionRange: toRange(a.doc, p.label?.span ?? { start: p.span.start, end: p.span.start }),
      children,
    };
    if (p.status) symbol.detail = p.status.value;
    return symbol;
  };
  const walk = (nodes: Array<Section | BodyBlock>): DocumentSymbol[] =>
    nodes.flatMap((node): DocumentSymbol[] => {
      if (node.type === 'paragraph') return budget-- > 0 ? [paragraphSymbol(node)] : [];
      if (node.type !== 'section') return []; // notes, block quotes and footnotes stay out of the outline
      const children = walk(node.children);
      return [
        {
          name: nonEmpty(node.heading.title),
          kind: node.heading.level === 1 ? SymbolKind.Namespace : SymbolKind.Module,
          range: enclosing(a.doc, node.span, children),
          selectionRange: toRange(a.doc, node.heading.span),
          children,
        },
      ];
    });
  return walk(a.draft.document.children);
}

/** Clients reject a symbol with an empty name. */
function nonEmpty(name: string): string {
  return name.trim() || '(empty)';
}

/** A symbol's range must hold its children's (clients drop symbols whose ranges do not nest). */
function enclosing(doc: TextDocument, span: Span, children: DocumentSymbol[]): Range {
  let { start, end } = span;
  for (const c of children) {
    start = Math.min(start, doc.offsetAt(c.range.start));
    end = Math.max(end, doc.offsetAt(c.range.end));
  }
  return toRange(doc, { start, end });
}

interface AcquisEntry {
  document: AdoptedDocument;
  unit: Unit;
  name: string;
  /** Lower-cased symbol, pinpoint and words, searched by the query. */
  haystack: string;
  text: string;
}

/** Entries per engine, built on the first query: an engine's acquis does not change. */
const entries = new WeakMap<Engine, AcquisEntry[]>();

function acquisEntries(engine: Engine): AcquisEntry[] {
  let list = entries.get(engine);
  if (!list) {
    list = [];
    for (const document of engine.acquis.documents) {
      for (const unit of unitsOf(document.document, document.text)) {
        if (!unit.pinpoint) continue;
        const name = `${document.symbol} ${/^PP/.test(unit.pinpoint) ? unit.pinpoint : `para. ${unit.pinpoint}`}`;
        const text = unit.view.text;
        list.push({ document, unit, name, text, haystack: `${document.symbol} ${unit.pinpoint} ${text}`.toLowerCase().replace(/\s+/g, ' ') });
      }
    }
    entries.set(engine, list);
  }
  return list;
}

export function workspaceSymbols(query: string, engines: Engine[]): WorkspaceSymbol[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: WorkspaceSymbol[] = [];
  const seen = new Set<string>();
  for (const engine of engines) {
    for (const entry of acquisEntries(engine)) {
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
      if (!terms.every((t) => entry.haystack.includes(t))) continue;
      const span = entry.unit.subparagraph?.span ?? entry.unit.paragraph.span;
      const key = `${entry.document.uri}#${span.start}`;
      if (seen.has(key)) continue; // the same document in two engines
      seen.add(key);
      out.push({
        name: displayName(entry, terms),
        kind: entry.unit.subparagraph ? SymbolKind.EnumMember : SymbolKind.Field,
        location: { uri: entry.document.uri, range: spanRange(entry.document, span) },
        ...(entry.document.title ? { containerName: entry.document.title } : {}),
      });
    }
  }
  return out;
}

/**
 * VS Code filters workspace symbols again by their name, so a paragraph found by the words of its
 * text would be dropped: such a name carries the words found (a little context around each).
 */
function displayName(entry: AcquisEntry, terms: string[]): string {
  const head = entry.name.toLowerCase();
  if (terms.every((t) => head.includes(t))) return entry.name;
  const text = entry.text.replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const windows: Array<[number, number]> = [];
  for (const t of terms) {
    const at = lower.indexOf(t);
    if (at < 0 || head.includes(t)) continue;
    // About 25 characters either side, cut at word boundaries.
    const space = text.indexOf(' ', at - 25);
    const from = at <= 25 ? 0 : space >= 0 && space < at ? space + 1 : at;
    const end = text.indexOf(' ', at + t.length + 25);
    windows.push([from, end < 0 ? text.length : end]);
  }
  windows.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1] + 1) last[1] = Math.max(last[1], w[1]);
    else merged.push([...w]);
  }
  const parts = merged.map(([s, e]) => text.slice(s, e));
  const first = merged[0]?.[0] ?? 0;
  const end = merged[merged.length - 1]?.[1] ?? text.length;
  return `${entry.name}: ${first > 0 ? '…' : ''}${parts.join(' … ')}${end < text.length ? '…' : ''}`;
}
