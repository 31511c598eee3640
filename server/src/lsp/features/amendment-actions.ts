/**
 * Negotiation actions at the cursor: accept or reject the amendment there, or every proposal by
 * its proposer. The engine resolves; this file turns its edits into a workspace edit.
 */
import { CodeActionKind, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import { collectAmendments, resolveAmendments, type ResolveSelection } from '../../engine/amendments/index.js';
import type { Analysis } from '../analyses.js';
import { toTextEdit } from '../convert.js';

export const AMENDMENT_KIND = `${CodeActionKind.RefactorRewrite}.acquis.amendment`;

export function amendmentEdit(a: Analysis, selection: ResolveSelection[]): WorkspaceEdit | undefined {
  const result = resolveAmendments(a.doc.getText(), a.draft.document, selection);
  if (!result.edits.length) return undefined;
  return { changes: { [a.uri]: result.edits.map((e) => toTextEdit(a.doc, e)) } };
}

export function amendmentActions(a: Analysis, offset: number): CodeAction[] {
  const holding = collectAmendments(a.doc.getText(), a.draft.document)
    .filter((e) => e.resolvable && e.span.start <= offset && offset <= e.span.end)
    .sort((x, y) => x.span.end - x.span.start - (y.span.end - y.span.start));
  const entry = holding[0];
  if (!entry) return [];
  const who = entry.proposer;
  const actions: CodeAction[] = [];
  const add = (title: string, selection: ResolveSelection[]): void => {
    const edit = amendmentEdit(a, selection);
    if (edit) actions.push({ title, kind: AMENDMENT_KIND, edit });
  };
  const what = entry.kind === 'insert' ? 'insertion' : entry.kind === 'delete' ? 'deletion' : 'replacement';
  add(`Accept this ${what}${who ? ` by ${who}` : ''}`, [{ action: 'accept', at: offset }]);
  add(`Reject this ${what}${who ? ` by ${who}` : ''}`, [{ action: 'reject', at: offset }]);
  if (who) {
    add(`Accept all proposals by ${who}`, [{ action: 'accept', proposers: [who] }]);
    add(`Reject all proposals by ${who}`, [{ action: 'reject', proposers: [who] }]);
  }
  return actions;
}
