/**
 * Rule documentation opens rendered: the server asks the client to show a Markdown page of the
 * extension's docs/ (LSP `window/showDocument`); VS Code's Markdown preview shows it instead of
 * its source. Other clients (Neovim, Helix) open the file as the server asks.
 */
import * as vscode from 'vscode';
import type { ShowDocumentParams, ShowDocumentResult } from 'vscode-languageclient/node';

/** Middleware for `window/showDocument`: Markdown pages in the preview, the rest as usual. */
export async function showDocument(
  params: ShowDocumentParams,
  next: (params: ShowDocumentParams) => Promise<ShowDocumentResult>,
  map: (uri: vscode.Uri) => vscode.Uri,
): Promise<ShowDocumentResult> {
  const uri = vscode.Uri.parse(params.uri);
  if (!params.external && uri.scheme === 'file' && uri.path.endsWith('.md')) {
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return { success: true };
    } catch {
      return next(params);
    }
  }
  const mapped = map(uri);
  if (mapped !== uri) {
    // A built-in acquis file: open the read-only virtual document instead.
    const doc = await vscode.workspace.openTextDocument(mapped);
    const editor = await vscode.window.showTextDocument(doc, { preview: true });
    if (params.selection) {
      const r = params.selection;
      editor.selection = new vscode.Selection(r.start.line, r.start.character, r.end.line, r.end.character);
      editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    }
    return { success: true };
  }
  return next(params);
}
