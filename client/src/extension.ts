/**
 * The VS Code client: starts the bundled language server over Node IPC, and turns the server's
 * commands into palette commands, web views and a status bar item. Everything clever lives in the
 * server and the engine.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerFindAgreedLanguage } from './find-agreed-language';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

interface Summary {
  agreedShare: number;
  counts: { error: number; warning: number; info: number; hint: number };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'draft' }],
    synchronize: { configurationSection: 'acquis' },
    // In a restricted workspace the server reads only the built-in acquis (see package.json).
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('acquis', 'Acquis', serverOptions, clientOptions);
  await client.start();
  const lsp = client;
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      // Trust granted: start again so that the project's acquis folders are read.
      clientOptions.initializationOptions = { workspaceTrusted: true };
      await lsp.restart();
    }),
  );

  const server = <T>(command: string, ...args: unknown[]): Promise<T> =>
    lsp.sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<T>;
  registerFindAgreedLanguage(context, server);
  const activeDraft = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'draft') return editor;
    void vscode.window.showInformationMessage('Acquis: open a .draft file first.');
    return undefined;
  };
  const show = (title: string, html: string | null): void => {
    if (!html) return;
    // The pages are self-contained (inline CSS and SVG, no script): a plain web view shows them.
    const panel = vscode.window.createWebviewPanel('acquis.page', title, vscode.ViewColumn.Beside, { enableScripts: false });
    panel.webview.html = html;
  };
  const resolve = async (action: 'accept' | 'reject', options: { at?: number; proposer?: string }): Promise<void> => {
    const editor = activeDraft();
    if (!editor) return;
    const done = await server<boolean>('acquis.resolveAmendments', editor.document.uri.toString(), action, options);
    if (!done) void vscode.window.showInformationMessage('Acquis: no amendment to resolve there.');
  };
  const pickProposer = async (): Promise<string | undefined> => {
    const editor = activeDraft();
    if (!editor) return undefined;
    const names = (await server<string[] | null>('acquis.proposers', editor.document.uri.toString())) ?? [];
    if (!names.length) {
      void vscode.window.showInformationMessage('Acquis: this draft has no attributed proposals.');
      return undefined;
    }
    return vscode.window.showQuickPick(names, { placeHolder: 'Whose proposals?' });
  };

  const openReport = async (): Promise<void> => {
    const editor = activeDraft();
    if (editor) show(`Report: ${path.basename(editor.document.fileName)}`, await server<string | null>('acquis.reportHtml', editor.document.uri.toString()));
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('acquis.openReport', openReport),
    vscode.commands.registerCommand('acquis.compareWithRevision', async () => {
      const editor = activeDraft();
      if (!editor) return;
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { Drafts: ['draft'] },
        openLabel: 'Compare with this revision',
        defaultUri: vscode.Uri.file(path.dirname(editor.document.fileName)),
      });
      if (!picked?.[0]) return;
      const html = await server<string | null>('acquis.compareHtml', editor.document.uri.toString(), picked[0].toString());
      show(`Compare: ${path.basename(picked[0].fsPath)} → ${path.basename(editor.document.fileName)}`, html);
    }),
    vscode.commands.registerCommand('acquis.acceptAmendment', () => {
      const editor = activeDraft();
      if (editor) return resolve('accept', { at: editor.document.offsetAt(editor.selection.active) });
    }),
    vscode.commands.registerCommand('acquis.rejectAmendment', () => {
      const editor = activeDraft();
      if (editor) return resolve('reject', { at: editor.document.offsetAt(editor.selection.active) });
    }),
    vscode.commands.registerCommand('acquis.acceptAllByDelegation', async () => {
      const proposer = await pickProposer();
      if (proposer) await resolve('accept', { proposer });
    }),
    vscode.commands.registerCommand('acquis.rejectAllByDelegation', async () => {
      const proposer = await pickProposer();
      if (proposer) await resolve('reject', { proposer });
    }),
    vscode.commands.registerCommand('acquis.fixAllDeviations', async () => {
      const editor = activeDraft();
      if (editor) await server('acquis.fixAll', editor.document.uri.toString());
    }),
    vscode.commands.registerCommand('acquis.showPrecedent', () => vscode.commands.executeCommand('editor.action.showHover')),
  );

  // The status bar: the share of agreed language and the findings by severity; a click opens the report.
  const status = vscode.window.createStatusBarItem('acquis.status', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Acquis';
  status.command = 'acquis.openReport';
  context.subscriptions.push(status);
  let timer: NodeJS.Timeout | undefined;
  const refresh = (): void => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== 'draft') {
        status.hide();
        return;
      }
      const s = await server<Summary | null>('acquis.summary', editor.document.uri.toString()).catch(() => null);
      if (!s) return;
      status.text = `$(law) ${Math.round(s.agreedShare * 100)}% agreed  $(error) ${s.counts.error}  $(warning) ${s.counts.warning}  $(info) ${s.counts.info}`;
      status.tooltip = `Acquis: ${Math.round(s.agreedShare * 100)}% of the words are agreed language; ${s.counts.error} errors, ${s.counts.warning} warnings, ${s.counts.info} information. Click for the report.`;
      status.show();
    }, 300);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics(refresh),
  );
  refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
