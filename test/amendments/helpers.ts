/**
 * Shared by the amendment tests: resolving a text with the invariants checked every time.
 *
 * - the edits take in only resolved amendments (with their rationale), whitespace next to them,
 *   and the labels of paragraphs or sub-paragraphs left with no text at all;
 * - what an edit leaves is what its amendments keep (an oracle computed here from the tree, not
 *   by the engine), whitespace aside;
 * - the text outside the edits is in the result byte for byte, in order;
 * - the result parses with no syntax problem the input did not have.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { parse } from '../../grammar/src/index';
import { collectAmendments, decide, resolveAmendments, type AmendmentEntry, type ResolveResult, type ResolveSelection } from '../../server/src/engine/amendments/index';
import { applyEdits } from '../../server/src/engine/index';

export const ROOT = resolve(__dirname, '..', '..');
export const SAMPLE = join(ROOT, 'samples', 'oewg-pre-draft.draft');
export const sampleText = (): string => readFileSync(SAMPLE, 'utf8');

/** Runs of whitespace read as one space. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** What an amendment leaves when `action` is taken, as written between its marks (trimmed). */
export function expectedKept(text: string, entry: AmendmentEntry, action: 'accept' | 'reject'): string {
  const node = entry.node;
  const slice = (span: { start: number; end: number } | undefined): string => (span ? text.slice(span.start, span.end).trim() : '');
  switch (entry.kind) {
    case 'insert':
      return action === 'accept' ? slice(node.contentSpan) : '';
    case 'delete':
      return action === 'accept' ? '' : slice(node.contentSpan);
    case 'replace':
      return action === 'accept' ? slice(node.replacementSpan) : slice(node.contentSpan);
  }
}

/** Whitespace and block labels (`12.`, `PP3.`, `OP1bis.`, `(a)`, `(iv)`) only. */
const LABELS_AND_SPACE = /^(?:\s|(?:PP|OP)?\d+(?:\.\d+)*(?:bis|ter|quater|alt\d*)?\.|\((?:[a-z]{1,2}|[ivxlcdm]+|\d+|[A-Z])\))*$/;

/** Resolve `text` and check every invariant; nested amendments are not expected here. */
export function resolveChecked(text: string, selection: ResolveSelection[]): ResolveResult & { entries: AmendmentEntry[]; chosen: AmendmentEntry[] } {
  const before = parse(text);
  const result = resolveAmendments(text, before.document, selection);
  const entries = collectAmendments(text, before.document);
  const verdicts = decide(entries, selection);
  const chosen = entries.filter((e) => verdicts.has(e) && e.resolvable);
  expect(chosen.every((e) => !e.parent), 'these checks assume no nested amendments').toBe(true);

  // The edits: in order, not overlapping; each resolved amendment inside exactly one of them; and
  // inside an edit, besides the amendments, nothing but whitespace and the labels of paragraphs
  // or sub-paragraphs that resolving left empty.
  const edits = result.edits;
  edits.forEach((e, i) => i > 0 && expect(e.start).toBeGreaterThanOrEqual(edits[i - 1]!.end));
  for (const entry of chosen) {
    expect(edits.filter((e) => e.start <= entry.span.start && entry.span.end <= e.end), `amendment ${entry.index} in one edit`).toHaveLength(1);
  }
  for (const edit of edits) {
    const within = chosen.filter((c) => edit.start <= c.span.start && c.span.end <= edit.end);
    expect(within.length, 'every edit resolves something').toBeGreaterThan(0);
    let gaps = '';
    let at = edit.start;
    for (const c of within) {
      gaps += text.slice(at, c.span.start);
      at = c.span.end;
    }
    gaps += text.slice(at, edit.end);
    expect(gaps, 'an edit takes in only whitespace and emptied labels besides its amendments').toMatch(LABELS_AND_SPACE);
    // What the edit leaves is what its amendments keep (spacing aside).
    const keptText = within.map((c) => expectedKept(text, c, verdicts.get(c)!)).join('');
    expect(edit.text.replace(/\s+/g, '')).toBe(keptText.replace(/\s+/g, ''));
  }

  // Every character outside the edits is in the result, unchanged and in order.
  let shift = 0;
  let from = 0;
  for (const edit of [...edits, { start: text.length, end: text.length, text: '' }]) {
    const stretch = text.slice(from, edit.start);
    expect(result.text.slice(from + shift, edit.start + shift)).toBe(stretch);
    shift += edit.text.length - (edit.end - edit.start);
    from = edit.end;
  }
  expect(result.text.length).toBe(text.length + shift);
  expect(applyEdits(text, edits)).toBe(result.text);

  // No new syntax problem.
  const after = parse(result.text);
  expect(after.problems.length).toBeLessThanOrEqual(before.problems.length);
  return { ...result, entries, chosen };
}
