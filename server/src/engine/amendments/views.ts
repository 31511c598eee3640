/**
 * Views of a whole draft as `.draft` text, built on `resolveAmendments`:
 *
 * - `proposed`: the markup as it is, every proposal still pending;
 * - `accepted`: every proposal accepted;
 * - `original`: every proposal rejected (the text as it stood before the proposals);
 * - a delegation: its own proposals accepted, everyone else's rejected.
 *
 * Highlights and free comments stay in every view; a resolved amendment's rationale goes with it.
 * (Not to be confused with `grammar/src/views.ts`, which gives the plain words of one paragraph.)
 */
import type { DraftDocument } from '../../../../grammar/src/index.js';
import { collectAmendments, foldName, proposerKey, proposersOf } from './collect.js';
import { resolveAmendments, type ResolveSelection } from './resolve.js';

export type DraftViewName = 'proposed' | 'accepted' | 'original';

/** A view: one of the three named ones, or a delegation's (by name, case-insensitive). */
export type DraftView = { kind: DraftViewName } | { kind: 'delegation'; name: string };

export interface DraftViewResult {
  text: string;
  /** Amendments resolved to make the view. */
  resolved: number;
  /** For a delegation's view: false when the delegation proposes nothing in this draft. */
  known: boolean;
  /** Every proposer of the draft, as first written (to suggest names when one is unknown). */
  proposers: string[];
}

/** `proposed`, `accepted` and `original` name those views (any case); anything else a delegation. */
export function parseViewName(name: string): DraftView {
  const folded = foldName(name);
  if (folded === 'proposed' || folded === 'accepted' || folded === 'original') return { kind: folded };
  return { kind: 'delegation', name: name.trim() };
}

/** The draft as `view` has it, as `.draft` text. */
export function viewDraft(text: string, document: DraftDocument, view: DraftView): DraftViewResult {
  const entries = collectAmendments(text, document);
  const proposers = proposersOf(entries);
  let selection: ResolveSelection[];
  let known = true;
  switch (view.kind) {
    case 'proposed':
      return { text, resolved: 0, known, proposers };
    case 'accepted':
      selection = [{ action: 'accept', proposers: ['all'] }];
      break;
    case 'original':
      selection = [{ action: 'reject', proposers: ['all'] }];
      break;
    case 'delegation': {
      const key = foldName(view.name);
      known = entries.some((e) => proposerKey(e) === key);
      // The named proposer wins over `all` (see `decide`), whatever the order.
      selection = [
        { action: 'accept', proposers: [view.name] },
        { action: 'reject', proposers: ['all'] },
      ];
      break;
    }
  }
  const result = resolveAmendments(text, document, selection);
  return { text: result.text, resolved: result.resolved, known, proposers };
}
