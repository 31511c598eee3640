/**
 * Resolving amendments: accepting or rejecting proposals, by proposer and by paragraph, as a
 * Chair's team does when it issues the next revision.
 *
 * - insert: accepting keeps the inserted text without the marks, rejecting drops it;
 * - delete: accepting drops the text, rejecting keeps it;
 * - replace: accepting keeps the new text, rejecting the old.
 * The rationale comment attached to a resolved amendment goes with it. Highlights, free comments
 * and amendments not selected stay as they are.
 *
 * Each resolved amendment (with its rationale) becomes one edit. Spacing is tidied only at the
 * edges of that edit: it may take in the spaces right next to the amendment (so that rejecting an
 * insertion leaves no double space, no space before a comma and no trailing space), or a whole
 * line that held nothing but the amendment; it may add one space where accepted text would
 * otherwise touch a word. Every other character of the text is left as it was.
 */
import type { DraftDocument, Span, Subparagraph } from '../../../../grammar/src/index.js';
import type { TextEdit } from '../rules/rule.js';
import {
  collectAmendments,
  foldName,
  foldRef,
  inParagraphs,
  paragraphNames,
  proposerKey,
  proposersOf,
  UNATTRIBUTED,
  type AmendmentEntry,
} from './collect.js';

export type ResolveAction = 'accept' | 'reject';

export interface ResolveSelection {
  action: ResolveAction;
  /**
   * Whose proposals (case-insensitive). `all` means every proposer, `unattributed` the amendments
   * that name none. Absent: every proposer.
   */
  proposers?: string[];
  /**
   * Which paragraphs, by label (`22`, `PP3`, `OP1`), sub-paragraph pinpoint (`68 (a) (i)`, spaces
   * optional) or name (`unnumbered paragraph 1 of section D`). Absent or empty: every paragraph.
   */
  paragraphs?: string[];
  /** Only the (innermost) amendment whose span holds this offset: "accept the amendment at the cursor". */
  at?: number;
}

export interface ResolveResult {
  /** The text with the selected amendments resolved. */
  text: string;
  /**
   * The edits, in offsets of the original text, in order: one per resolved amendment (outermost
   * ones), or one per paragraph or sub-paragraph that resolving leaves empty (it goes, label and
   * all, as its amendments said).
   */
  edits: TextEdit[];
  /** How many amendments were resolved (accepted + rejected). */
  resolved: number;
  accepted: number;
  rejected: number;
  /** Selected amendments left as they are because their marks are broken (unclosed, no `~>`). */
  skipped: AmendmentEntry[];
  /** Proposers named in the selection who propose nothing in this document (as written). */
  unknownProposers: string[];
  /** Paragraphs named in the selection that this document does not have (as written). */
  unknownParagraphs: string[];
}

/** The selection's verdict on each amendment it selects. */
export function decide(entries: AmendmentEntry[], selection: ResolveSelection[]): Map<AmendmentEntry, ResolveAction> {
  const prepared = selection.map((s) => {
    const names = (s.proposers ?? []).map(foldName);
    const everyone = !s.proposers || names.length === 0 || names.includes('all');
    const paragraphs = s.paragraphs?.length ? new Set(s.paragraphs.map(foldRef)) : undefined;
    const holding = s.at === undefined ? [] : entries.filter((e) => e.span.start <= s.at! && s.at! <= e.span.end);
    const only = holding.sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
    return { action: s.action, everyone, names: new Set(names), paragraphs, at: s.at, only };
  });
  const verdicts = new Map<AmendmentEntry, ResolveAction>();
  for (const entry of entries) {
    let best: { action: ResolveAction; score: number } | undefined;
    for (const s of prepared) {
      let score = 0;
      if (s.at !== undefined) {
        if (entry !== s.only) continue;
        score += 4;
      }
      if (!s.everyone) {
        if (!s.names.has(proposerKey(entry))) continue;
        score += 2;
      }
      if (s.paragraphs) {
        if (!inParagraphs(entry, s.paragraphs)) continue;
        score += 1;
      }
      // The most specific selection wins (a named proposer over `all`, a paragraph over none);
      // between equals, the first one given.
      if (!best || score > best.score) best = { action: s.action, score };
    }
    if (best) verdicts.set(entry, best.action);
  }
  return verdicts;
}

/** Accept or reject the amendments chosen by `selection`. Never throws; returns the new text. */
export function resolveAmendments(text: string, document: DraftDocument, selection: ResolveSelection[]): ResolveResult {
  const entries = collectAmendments(text, document);
  const verdicts = decide(entries, selection);

  const known = new Set(entries.map(proposerKey));
  const unknownProposers = [
    ...new Set(
      selection.flatMap((s) => s.proposers ?? []).filter((p) => {
        const key = foldName(p);
        return key !== 'all' && !known.has(key);
      }),
    ),
  ];
  const names = paragraphNames(text, document);
  const unknownParagraphs = [...new Set(selection.flatMap((s) => s.paragraphs ?? []).filter((p) => !names.has(foldRef(p))))];

  const skipped: AmendmentEntry[] = [];
  const applied = new Set<AmendmentEntry>();
  for (const [entry] of verdicts) {
    if (entry.resolvable) applied.add(entry);
    else skipped.push(entry);
  }
  let accepted = 0;
  let rejected = 0;
  for (const entry of applied) {
    if (verdicts.get(entry) === 'accept') accepted++;
    else rejected++;
  }

  const labelGaps = labelGapsOf(text, document);

  /** The nearest applied ancestor of an entry, if any. */
  const appliedParent = (entry: AmendmentEntry): AmendmentEntry | undefined => {
    for (let p = entry.parent; p; p = p.parent) if (applied.has(p)) return p;
    return undefined;
  };
  const children = new Map<AmendmentEntry | undefined, AmendmentEntry[]>();
  for (const entry of entries) {
    if (!applied.has(entry)) continue;
    const parent = appliedParent(entry);
    const list = children.get(parent) ?? [];
    list.push(entry);
    children.set(parent, list);
  }

  /** The text an applied entry leaves behind, its own nested resolutions included; '' when none. */
  const keptOf = (entry: AmendmentEntry): Kept => {
    const node = entry.node;
    const accept = verdicts.get(entry) === 'accept';
    let span: Span | undefined;
    let lead: Span | undefined;
    if (entry.kind === 'insert') span = accept ? node.contentSpan : undefined;
    else if (entry.kind === 'delete') span = accept ? undefined : node.contentSpan;
    else {
      span = accept ? node.replacementSpan : node.contentSpan;
      // `{~~@Japan: old~>new~~}`: the space that opens the old text opens the amendment as a whole.
      if (accept) lead = node.contentSpan;
    }
    if (!span) return { text: '', spaceBefore: false, spaceAfter: false };
    const inside = (children.get(entry) ?? []).filter((c) => c.span.start >= span.start && c.span.end <= span.end);
    const raw = splice(text, span.start, span.end, inside, keptOf, labelGaps).text;
    const trimmed = raw.trim();
    // Whether the kept words were written with a space before or after them inside the marks
    // (`{++@Japan: in its entirety++}`: yes before, no after).
    const spacedAt = (at: number): boolean => at > node.span.start && at < node.span.end && isSpace(text.charCodeAt(at));
    return {
      text: trimmed,
      spaceBefore: /^\s/.test(raw) || spacedAt((lead ?? span).start - 1),
      spaceAfter: /\s$/.test(raw) || spacedAt(span.end),
    };
  };

  const top = children.get(undefined) ?? [];
  const spliced = splice(text, 0, text.length, top, keptOf, labelGaps).edits;
  const edits = dropEmptiedBlocks(text, document, spliced);
  return {
    text: applyInOrder(text, edits),
    edits,
    resolved: accepted + rejected,
    accepted,
    rejected,
    skipped,
    unknownProposers,
    unknownParagraphs,
  };
}

/** The proposers of a document, as first written (`unattributed` for amendments naming none). */
export function proposersIn(text: string, document: DraftDocument): string[] {
  return proposersOf(collectAmendments(text, document));
}

export { UNATTRIBUTED };

// --- Splicing with tidy spacing ----------------------------------------------------------------

interface Kept {
  /** The kept text, trimmed ('' when the amendment leaves nothing). */
  text: string;
  /** Whether the kept text was written with a space before or after it inside the marks. */
  spaceBefore: boolean;
  spaceAfter: boolean;
}

const CLOSING = /^[,.;:)\]”’!?]/;
const OPENING = /[(“‘[]$/;
const isSpace = (code: number): boolean =>
  code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
const isHorizontal = (code: number): boolean => code === 32 || code === 9 || code === 0xa0 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
const isBreak = (code: number): boolean => code === 10 || code === 13;

/**
 * Rebuild `source[from, to)` with each of `items` (sorted, non-overlapping, inside the range)
 * replaced by what it keeps, tidying the spacing at the edges of each replacement. Amendments
 * with nothing but spaces between them are resolved together, as one edit, so that the spacing
 * is tidied once for the whole run.
 */
function splice(
  source: string,
  from: number,
  to: number,
  items: AmendmentEntry[],
  keptOf: (entry: AmendmentEntry) => Kept,
  labelGaps: Set<number>,
): { text: string; edits: TextEdit[] } {
  let out = '';
  let pos = from;
  const edits: TextEdit[] = [];
  const sorted = [...items].sort((a, b) => a.span.start - b.span.start);
  const clusters: AmendmentEntry[][] = [];
  for (const item of sorted) {
    const last = clusters[clusters.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && /^[ \t\u00a0]*$/.test(source.slice(prev.span.end, item.span.start))) last.push(item);
    else clusters.push([item]);
  }
  clusters.forEach((cluster, i) => {
    const kept = combine(source, cluster, keptOf);
    const limit = i + 1 < clusters.length ? clusters[i + 1]![0]!.span.start : to;
    let start = cluster[0]!.span.start;
    let end = cluster[cluster.length - 1]!.span.end;

    // Spaces and tabs right before and after the amendment (within reach).
    let before = start;
    while (before > pos && isHorizontal(source.charCodeAt(before - 1))) before--;
    let after = end;
    while (after < limit && isHorizontal(source.charCodeAt(after))) after++;
    const lineStart = before === 0 || (before > from && isBreak(source.charCodeAt(before - 1)));
    const lineEnd = after === source.length || (after < limit && isBreak(source.charCodeAt(after)));
    // The space after a label (`12. `, `(a) `) is part of the label: never taken.
    const afterLabel = !lineStart && labelGaps.has(before) && before < start;
    if (afterLabel) before = start;
    const spaceBefore = before < start;
    const spaceAfter = after > end;
    const prevChar = before > pos ? source[before - 1] : out.length ? out[out.length - 1] : undefined;
    const nextChar = after < to ? source[after] : undefined;

    let replacement = kept.text;
    if (replacement === '') {
      if (lineStart && lineEnd) {
        // The line held nothing else: take the whole line and its line break, so that no blank
        // line (a paragraph break) is left in the middle of a paragraph.
        start = before;
        end = after;
        if (end < to && source[end] === '\r') end++;
        if (end < to && source[end] === '\n') end++;
        if (end === after && start > pos && isBreak(source.charCodeAt(start - 1))) {
          // Last line of the text: take the line break before it instead.
          start--;
          if (start > pos && source[start] === '\n' && source[start - 1] === '\r') start--;
        }
      } else if (lineEnd) {
        start = before; // no trailing spaces
        end = after;
      } else if (lineStart || afterLabel) {
        end = after; // keep the indentation (or the label's space), drop the spaces after
      } else if (spaceBefore && spaceAfter) {
        end = after; // one space, not two
      } else if (spaceBefore && nextChar !== undefined && CLOSING.test(nextChar)) {
        start = before; // no space before a comma or a full stop
      } else if (spaceAfter && prevChar !== undefined && OPENING.test(prevChar)) {
        end = after; // no space after an opening bracket or quotation mark
      }
    } else {
      let pre = '';
      let post = '';
      if (CLOSING.test(replacement)) {
        if (spaceBefore && !lineStart) start = before;
      } else if (
        kept.spaceBefore &&
        !spaceBefore &&
        prevChar !== undefined &&
        !isSpace(prevChar.charCodeAt(0)) &&
        !OPENING.test(prevChar)
      ) {
        pre = ' ';
      }
      if (OPENING.test(replacement)) {
        if (spaceAfter && !lineEnd) end = after;
      } else if (
        kept.spaceAfter &&
        !spaceAfter &&
        nextChar !== undefined &&
        !isSpace(nextChar.charCodeAt(0)) &&
        !CLOSING.test(nextChar)
      ) {
        post = ' ';
      }
      replacement = pre + replacement + post;
    }
    out += source.slice(pos, start) + replacement;
    edits.push({ start, end, text: replacement });
    pos = end;
  });
  out += source.slice(pos, to);
  return { text: out, edits };
}

/**
 * What a run of amendments separated only by spaces keeps, as one text: the kept texts in order,
 * one space where the source or the marks had spacing between them (none before a comma or after
 * an opening bracket), and whether spacing was written before and after the whole.
 */
function combine(source: string, cluster: AmendmentEntry[], keptOf: (entry: AmendmentEntry) => Kept): Kept {
  if (cluster.length === 1) return keptOf(cluster[0]!);
  // Texts and the spacing between them; spacing next to a vanished amendment runs together.
  const parts: Array<{ text: string } | { space: true }> = [];
  const space = (): void => {
    if (!parts.length || !('space' in parts[parts.length - 1]!)) parts.push({ space: true });
  };
  cluster.forEach((item, k) => {
    if (k > 0 && source.slice(cluster[k - 1]!.span.end, item.span.start).length > 0) space();
    const kept = keptOf(item);
    if (!kept.text) return;
    if (kept.spaceBefore) space();
    parts.push({ text: kept.text });
    if (kept.spaceAfter) space();
  });
  const spaceBefore = parts.length > 0 && 'space' in parts[0]!;
  const spaceAfter = parts.length > 0 && 'space' in parts[parts.length - 1]!;
  let text = '';
  parts.forEach((part, k) => {
    if ('text' in part) {
      text += part.text;
      return;
    }
    const prev = parts[k - 1];
    const next = parts[k + 1];
    if (!prev || !next || !('text' in prev) || !('text' in next)) return;
    if (CLOSING.test(next.text) || OPENING.test(prev.text)) return;
    text += ' ';
  });
  return { text, spaceBefore, spaceAfter };
}

/**
 * Where the spaces between a block's label and its text begin (`12.| text`, `(a)| text`): those
 * spaces belong to the label (without them it is no label), so tidying never takes them.
 */
function labelGapsOf(text: string, document: DraftDocument): Set<number> {
  const gaps = new Set<number>();
  const add = (contentStart: number): void => {
    let at = contentStart;
    while (at > 0 && isHorizontal(text.charCodeAt(at - 1))) at--;
    gaps.add(at);
  };
  for (const block of blocksOf(document)) add(block.contentSpan.start);
  for (const footnote of document.footnotes) add(footnote.contentSpan.start);
  return gaps;
}

// --- Paragraphs and sub-paragraphs left empty ---------------------------------------------------

interface Block {
  span: Span;
  contentSpan: Span;
  leaf: boolean;
  paragraph: boolean;
}

function blocksOf(document: DraftDocument): Block[] {
  const out: Block[] = [];
  const subs = (list: Subparagraph[]): void => {
    for (const sub of list) {
      out.push({ span: sub.span, contentSpan: sub.contentSpan, leaf: sub.children.length === 0, paragraph: false });
      subs(sub.children);
    }
  };
  for (const p of document.paragraphs) {
    out.push({ span: p.span, contentSpan: p.contentSpan, leaf: p.subparagraphs.length === 0, paragraph: true });
    subs(p.subparagraphs);
  }
  return out;
}

/** Apply sorted, non-overlapping edits. */
function applyInOrder(text: string, edits: TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * A paragraph or sub-paragraph whose every word goes (a deletion accepted, an inserted paragraph
 * rejected) goes as a whole: label, text and line break, rather than leave a bare label that
 * would read as text of the block before it. A chapeau emptied above sub-paragraphs keeps its
 * label, followed by one space, so that the structure stays.
 */
function dropEmptiedBlocks(text: string, document: DraftDocument, edits: TextEdit[]): TextEdit[] {
  if (!edits.length) return edits;
  let result = edits;
  for (const block of blocksOf(document)) {
    const c = block.contentSpan;
    if (c.end <= c.start || /^\s*$/.test(text.slice(c.start, c.end))) continue;
    // The edits of amendments inside this block's own content (they may take in spaces around it).
    const inside = result.filter((e) => e.start < c.end && e.end > c.start && overlapsOnlyContent(e, c, text));
    if (!inside.length) continue;
    const emptied = contentAfter(text, c, inside);
    if (!/^\s*$/.test(emptied)) continue;
    if (!block.leaf) {
      // Keep `(a) ` so that the sub-paragraphs below still hang from it.
      const first = inside[0]!;
      const spaced = first.start > 0 && text[first.start - 1] === ' ' && first.start >= c.start;
      if (!spaced && !first.text.startsWith(' ')) result = result.map((e) => (e === first ? { ...e, text: ` ${e.text.trimStart()}` } : e));
      continue;
    }
    let start = block.span.start;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    if (!/^\s*$/.test(text.slice(start, block.span.start))) continue; // the label does not open its line
    let end = Math.max(block.span.end, ...inside.map((e) => e.end));
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    if (end < text.length && text[end] === '\r') end++;
    if (end < text.length && text[end] === '\n') end++;
    if (block.paragraph) {
      // A paragraph between blank lines: one blank line is left, not two.
      const blankBefore = start === 0 || /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)$/.test(text.slice(Math.max(0, start - 8), start));
      const blankAfter = /^[ \t]*(?:\r?\n|\r)/.exec(text.slice(end));
      if (blankBefore && blankAfter) end += blankAfter[0].length;
    }
    if (end === text.length && start > 0) {
      // The last block of the text: take the line break before it instead.
      start--;
      if (start > 0 && text[start] === '\n' && text[start - 1] === '\r') start--;
    }
    const clash = result.some((e) => !inside.includes(e) && e.start < end && e.end > start);
    if (clash) continue;
    result = [...result.filter((e) => !inside.includes(e)), { start, end, text: '' }].sort((a, b) => a.start - b.start);
  }
  return result;
}

/** An edit of amendments in this content (not one that merely touches its edge from outside). */
function overlapsOnlyContent(edit: TextEdit, content: Span, text: string): boolean {
  const lead = text.slice(edit.start, content.start);
  const tail = text.slice(content.end, edit.end);
  return (edit.start >= content.start || /^\s*$/.test(lead)) && (edit.end <= content.end || /^\s*$/.test(tail));
}

/** The block's content once `edits` (which lie in or just around it) are applied. */
function contentAfter(text: string, content: Span, edits: TextEdit[]): string {
  let out = '';
  let pos = content.start;
  for (const e of edits) {
    const s = Math.max(e.start, content.start);
    const end = Math.min(e.end, content.end);
    if (s > pos) out += text.slice(pos, s);
    out += e.text;
    pos = Math.max(pos, end);
  }
  return out + text.slice(pos, content.end);
}
