/**
 * Compare two revisions. The pick dialog lists the workspace's other drafts with their front
 * matter date and revision and says which would be the old and which the new; the server orders
 * the two by front matter (date, then revision) and says so on the page; the page title names old
 * and new; "Swap old and new" redraws the comparison the other way round.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

type Server = <T>(command: string, ...args: unknown[]) => Promise<T>;

interface Stamp {
  date?: string;
  revision?: string;
}

interface RevisionOrder {
  older: string;
  newer: string;
  olderStamp: Stamp;
  newerStamp: Stamp;
  decided: boolean;
  reason: string;
}

interface Shown {
  panel: vscode.WebviewPanel;
  older: string;
  newer: string;
}

const name = (uri: string): string => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
const stampText = (s: Stamp): string => [s.date, s.revision].filter(Boolean).join(', ') || 'no date or revision';

export function registerCompare(context: vscode.ExtensionContext, server: Server, activeDraft: () => vscode.TextEditor | undefined): void {
  let shown: Shown | undefined;
  const setOpen = (open: boolean): Thenable<unknown> => vscode.commands.executeCommand('setContext', 'acquis.comparisonOpen', open);

  /** `byHand`: the user swapped the two, so the server keeps this order instead of the front matter's. */
  const render = async (older: string, newer: string, byHand: boolean): Promise<void> => {
    const html = await server<string | null>('acquis.compareHtml', older, newer, byHand ? { older } : {});
    if (!html) return;
    const title = `Compare: old ${path.basename(vscode.Uri.parse(older).path)} → new ${path.basename(vscode.Uri.parse(newer).path)}`;
    if (!shown) {
      const panel = vscode.window.createWebviewPanel('acquis.compare', title, vscode.ViewColumn.Beside, { enableScripts: false });
      panel.onDidDispose(() => {
        shown = undefined;
        void setOpen(false);
      });
      shown = { panel, older, newer };
      void setOpen(true);
    }
    shown.older = older;
    shown.newer = newer;
    shown.panel.title = title;
    shown.panel.webview.html = html;
    shown.panel.reveal(undefined, true);
  };

  const pick = async (current: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const files = (await vscode.workspace.findFiles('**/*.draft', '**/node_modules/**', 200)).filter((u) => u.toString() !== current.toString());
    interface Item extends vscode.QuickPickItem {
      uri?: vscode.Uri;
    }
    const items: Item[] = [];
    for (const uri of files.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
      const order = await server<RevisionOrder | null>('acquis.revisionOrder', uri.toString(), current.toString()).catch(() => null);
      if (!order) continue;
      const isOlder = order.older === uri.toString();
      const stamp = isOlder ? order.olderStamp : order.newerStamp;
      items.push({
        label: name(uri.toString()),
        description: `${stampText(stamp)} · ${isOlder ? 'old' : 'new'}`,
        detail: `old: ${name(order.older)}  →  new: ${name(order.newer)}${order.decided ? '' : ' (the front matter does not tell; swap afterwards if needed)'}`,
        uri,
      });
    }
    items.push({ label: '$(folder-opened) Another file…', description: 'choose a .draft file outside the list' });
    const chosen = await vscode.window.showQuickPick(items, {
      title: `Compare ${name(current.toString())} with another revision: old and new are told apart by their front matter (date, then revision)`,
      placeHolder: 'The other revision',
      matchOnDescription: true,
    });
    if (!chosen) return undefined;
    if (chosen.uri) return chosen.uri;
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { Drafts: ['draft'] },
      title: 'The other revision (old and new are ordered by their front matter: date, then revision)',
      openLabel: 'Compare with this revision',
      defaultUri: vscode.Uri.file(path.dirname(current.fsPath)),
    });
    return picked?.[0];
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('acquis.compareWithRevision', async () => {
      const editor = activeDraft();
      if (!editor) return;
      const other = await pick(editor.document.uri);
      if (!other) return;
      const order = await server<RevisionOrder | null>('acquis.revisionOrder', other.toString(), editor.document.uri.toString());
      if (order) await render(order.older, order.newer, false);
    }),
    vscode.commands.registerCommand('acquis.swapComparison', async () => {
      if (!shown) {
        void vscode.window.showInformationMessage('Acquis: no comparison is open.');
        return;
      }
      await render(shown.newer, shown.older, true);
    }),
  );
}
