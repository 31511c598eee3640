/**
 * The status bar item: the share of the words that quote consensus language word for word, for
 * the active draft. Problem counts are VS Code's own (its status bar shows them already). A click
 * opens the report.
 */
import * as vscode from 'vscode';

export function statusItem(context: vscode.ExtensionContext, server: <T>(command: string, ...args: unknown[]) => Promise<T>): void {
  const status = vscode.window.createStatusBarItem('acquis.status', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Acquis: agreed language';
  status.command = 'acquis.openReport';
  context.subscriptions.push(status);
  let timer: NodeJS.Timeout | undefined;
  const refresh = (): void => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== 'draft' || editor.document.uri.scheme === 'acquis-builtin') {
        status.hide();
        return;
      }
      const s = await server<{ agreedShare: number } | null>('acquis.summary', editor.document.uri.toString()).catch(() => null);
      if (!s) return;
      const share = Math.round(s.agreedShare * 100);
      status.text = `$(law) ${share}% agreed`;
      status.tooltip = `Acquis: ${share}% of the words quote a text adopted by consensus, word for word (texts adopted by a vote do not count). Click for the report.`;
      status.show();
    }, 300);
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(refresh), vscode.languages.onDidChangeDiagnostics(refresh));
  refresh();
}
