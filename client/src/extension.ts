/**
 * The VS Code client: starts the bundled language server over stdio, and turns the server's
 * commands into palette commands, web views and a status bar item. Everything clever lives in the
 * server and the engine; the pieces of the client live in their own small files.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions, type ShowDocumentResult } from 'vscode-languageclient/node';
import { BUILTIN_SCHEME, BuiltinDocuments } from './builtin-documents.js';
import { registerCompare } from './compare.js';
import { registerOfficeCommands } from './office.js';
import { showDocument } from './documentation.js';
import { explicitSettings } from './explicit-settings.js';
import { statusItem } from './status.js';
import { registerFindAgreedLanguage } from './find-agreed-language.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Over stdio, not Node IPC: on stdio the server reads and writes the protocol itself, so that a
  // huge draft's megabytes of results cross its thread as bytes, never rebuilt or serialised there
  // (server/src/lsp/wire-json.ts); Node's IPC channel would serialise every message on it.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  // The built-in acquis, read-only and never linted: only files and untitled drafts go to the server.
  const builtin = new BuiltinDocuments(context.asAbsolutePath(path.join('server', 'acquis')));
  builtin.register(context);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'draft', scheme: 'file' },
      { language: 'draft', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'acquis' },
    // In a restricted workspace the server reads only the built-in acquis (see package.json).
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    middleware: {
      // Only the settings the user set: an unset one leaves acquis.config.yaml to decide.
      workspace: { configuration: explicitSettings },
      // Locations in the built-in acquis become read-only virtual documents.
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const d of diagnostics) {
          d.relatedInformation = d.relatedInformation?.map((r) => new vscode.DiagnosticRelatedInformation(builtin.mapLocation(r.location), r.message));
        }
        next(uri, diagnostics);
      },
      provideDefinition: async (document, position, token, next) => {
        const result = await next(document, position, token);
        if (!result) return result;
        if (!Array.isArray(result)) return builtin.mapLocation(result);
        return (result as Array<vscode.Location | vscode.LocationLink>).map((l) => builtin.mapLocation(l)) as vscode.Location[] | vscode.LocationLink[];
      },
      provideWorkspaceSymbols: async (query, token, next) => {
        const result = await next(query, token);
        for (const s of result ?? []) s.location = builtin.mapLocation(s.location);
        return result;
      },
      window: { showDocument: (params, token, next) => showDocument(params, (p) => Promise.resolve(next(p, token)) as Promise<ShowDocumentResult>, (u) => builtin.map(u)) },
    },
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
    if (editor?.document.languageId === 'draft' && editor.document.uri.scheme !== BUILTIN_SCHEME) return editor;
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

  registerCompare(context, server, activeDraft);
  registerOfficeCommands(context, activeDraft);
  context.subscriptions.push(
    vscode.commands.registerCommand('acquis.openReport', openReport),
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
  statusItem(context, server);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
