/**
 * Word and PDF from the editor: import a Word draft or a UN document (PDF, text) as a `.draft`,
 * import UN documents into an acquis folder, export the current draft to Word. The client stays
 * thin: each command runs the `acquis` command line of this extension (bin/acquis.js, the same
 * code paths as in a terminal) in a child process, shows its messages in an output channel, and
 * opens what it wrote.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function registerOfficeCommands(context: vscode.ExtensionContext, activeDraft: () => vscode.TextEditor | undefined): void {
  const cli = context.asAbsolutePath(path.join('bin', 'acquis.js'));
  const channel = vscode.window.createOutputChannel('Acquis import/export');
  context.subscriptions.push(channel);

  const run = (args: string[], cwd: string): Promise<Run> =>
    new Promise((resolve) => {
      // In VS Code the extension host is Electron: run it as plain Node.
      execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : error ? 2 : 0;
        resolve({ code, stdout, stderr });
      });
    });

  /** Show what the command said; an error (exit 2) as an error message too. */
  const report = (title: string, r: Run): boolean => {
    channel.appendLine(`--- ${title}`);
    if (r.stdout.trim()) channel.appendLine(r.stdout.trimEnd());
    if (r.stderr.trim()) channel.appendLine(r.stderr.trimEnd());
    if (r.code === 2) {
      const first = r.stderr.split('\n').find((l) => / error: /.test(l)) ?? r.stderr.split('\n')[0] ?? 'failed';
      void vscode.window.showErrorMessage(`Acquis: ${first}`, 'Show messages').then((choice) => choice && channel.show());
      return false;
    }
    if (/ warning: /.test(r.stderr)) channel.show(true);
    return true;
  };

  const folderOf = (uri: vscode.Uri): string => vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);

  context.subscriptions.push(
    vscode.commands.registerCommand('acquis.importDocument', async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Import',
        filters: { 'Word, PDF or text': ['docx', 'pdf', 'txt'] },
      });
      const source = picked?.[0];
      if (!source) return;
      const target = await vscode.window.showSaveDialog({
        defaultUri: source.with({ path: source.path.replace(/\.[^./]+$/, '.draft') }),
        filters: { Draft: ['draft'] },
      });
      if (!target) return;
      const r = await run(['import', source.fsPath, '-o', target.fsPath], folderOf(source));
      if (report(`import ${path.basename(source.fsPath)}`, r)) await vscode.window.showTextDocument(target);
    }),

    vscode.commands.registerCommand('acquis.importIntoAcquis', async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: true,
        canSelectFolders: false,
        openLabel: 'Import into the acquis',
        filters: { 'UN documents (PDF or text)': ['pdf', 'txt'] },
      });
      if (!picked?.length) return;
      const configured = vscode.workspace.getConfiguration('acquis', picked[0]).get<string[]>('acquisPaths') ?? [];
      const base = vscode.workspace.getWorkspaceFolder(picked[0]!)?.uri;
      const suggested = configured[0] && base ? vscode.Uri.joinPath(base, configured[0]) : base;
      const folder = await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        openLabel: 'Write the adopted documents here',
        ...(suggested ? { defaultUri: suggested } : {}),
      });
      if (!folder?.[0]) return;
      const r = await run(['import', ...picked.map((u) => u.fsPath), '-o', `${folder[0].fsPath}${path.sep}`], folderOf(picked[0]!));
      if (!report(`import into ${folder[0].fsPath}`, r)) return;
      const written = r.stdout.split('\n').filter(Boolean).length;
      void vscode.window.showInformationMessage(`Acquis: ${written} adopted document(s) written to ${path.basename(folder[0].fsPath)}.`);
    }),

    vscode.commands.registerCommand('acquis.exportToWord', async () => {
      const editor = activeDraft();
      if (!editor) return;
      const document = editor.document;
      if (document.isUntitled || document.isDirty) {
        if (!(await document.save())) return;
      }
      const view = await vscode.window.showQuickPick(
        [
          { label: 'Tracked changes', description: 'amendments as tracked changes by their proposers, rationales as comments', value: 'proposed' },
          { label: 'Accepted', description: 'every proposal accepted, clean', value: 'accepted' },
          { label: 'Original', description: 'every proposal rejected, clean', value: 'original' },
        ],
        { placeHolder: 'Export the draft to Word as' },
      );
      if (!view) return;
      const target = await vscode.window.showSaveDialog({
        defaultUri: document.uri.with({ path: document.uri.path.replace(/\.draft$/, '') + (view.value === 'proposed' ? '' : `-${view.value}`) + '.docx' }),
        filters: { Word: ['docx'] },
      });
      if (!target) return;
      const r = await run(['export', document.uri.fsPath, '--as', view.value, '-o', target.fsPath], folderOf(document.uri));
      if (report(`export ${path.basename(document.uri.fsPath)}`, r)) {
        void vscode.window.showInformationMessage(`Acquis: ${r.stdout.trim()}`, 'Open').then((choice) => choice && vscode.env.openExternal(target));
      }
    }),
  );
}
