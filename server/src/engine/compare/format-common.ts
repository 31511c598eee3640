/** Pieces shared by the comparison formatters. */
import type { Comparison, MappingKind, Redline, RevisionInfo, TakenUp } from './model.js';

export const KIND_ORDER: MappingKind[] = ['same', 'changed', 'moved', 'split', 'merged', 'added', 'removed'];

/** `38 → 31`, `38 → 31, 32`, `– → 40`. */
export function pairTitle(r: { old: string[]; new: string[] }): string {
  const side = (labels: string[]): string => (labels.length ? labels.join(', ') : '–');
  return `${side(r.old)} → ${side(r.new)}`;
}

/** `moved, similarity 0.93`; `added`. */
export function pairNote(r: Redline): string {
  return r.kind === 'added' || r.kind === 'removed' || r.kind === 'same' ? r.kind : `${r.kind}, similarity ${r.similarity.toFixed(2)}`;
}

/** `Initial "Pre-draft" ... (pre-draft, 2020-03-11)`. */
export function describeRevision(info: RevisionInfo, fallback: string): string {
  const details = [info.revision, info.symbol, info.date].filter(Boolean).join(', ');
  return `${info.title ?? fallback}${details ? ` (${details})` : ''}`;
}

/** `3 same, 1 moved, 1 split` (kinds with none left out). */
export function summaryLine(c: Comparison): string {
  const parts = KIND_ORDER.filter((k) => c.summary[k] > 0).map((k) => `${c.summary[k]} ${k}`);
  return parts.length ? parts.join(', ') : 'no paragraphs';
}

export const TAKEN_UP_WORDS: Record<TakenUp, string> = { full: 'in full', partial: 'in part', no: 'not taken up' };

/** The redlines to show: all of them, or all but unchanged paragraphs. */
export function shownRedlines(c: Comparison, unchanged: boolean): Redline[] {
  return unchanged ? c.redlines : c.redlines.filter((r) => r.kind !== 'same');
}

export interface FormatOptions {
  /** Also print the text of paragraphs that did not change (default: only in HTML). */
  unchanged?: boolean;
  /** Names shown for the two inputs (file names) when their front matter has no title. */
  oldName?: string;
  newName?: string;
  /** Why the two are in this order (e.g. `old: a.draft, new: b.draft, by date: ...`); HTML shows it. */
  order?: string;
}
