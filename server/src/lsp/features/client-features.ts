/**
 * What the client said at start-up that features need: whether it applies snippet text edits
 * (LSP 3.18), and its workspace folders (paths are shown relative to them).
 */
import type { InitializeParams } from 'vscode-languageserver';
import { workspaceFolders } from './workflow-commands.js';

export const clientFeatures = {
  /** `workspace.workspaceEdit.snippetEditSupport`: the disable action can leave the cursor on the reason. */
  snippetEdits: false,
  /** `textDocument.foldingRange.rangeLimit`: the most folding ranges the client wants (VS Code: 5000). */
  foldingRangeLimit: undefined as number | undefined,
};

/** Read the client's capabilities and workspace folders (called from `initialize`). */
export function configureFeatures(params: InitializeParams): void {
  const edit = params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean; documentChanges?: boolean } | undefined;
  clientFeatures.snippetEdits = !!edit?.snippetEditSupport && !!edit.documentChanges;
  const limit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
  clientFeatures.foldingRangeLimit = typeof limit === 'number' && limit > 0 ? limit : undefined;
  workspaceFolders.length = 0;
  for (const f of params.workspaceFolders ?? []) workspaceFolders.push(f.uri);
  if (!workspaceFolders.length && params.rootUri) workspaceFolders.push(params.rootUri);
}
