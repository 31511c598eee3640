/**
 * The built-in acquis opens read-only: its files are shown through a virtual document provider
 * (`acquis-builtin:` URIs) rather than as files of the extension folder, which VS Code would let
 * the user edit and would lint as drafts. The URI's name is the document's symbol (with a
 * division slash, U+2215, for `/`), so the Problems panel and hovers print `A∕70∕174(33, 1)`
 * rather than an internal file name such as `A-70-174.draft(33, 1)`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const BUILTIN_SCHEME = 'acquis-builtin';

export class BuiltinDocuments implements vscode.TextDocumentContentProvider {
  /** File path (normalised) -> virtual URI, and back. */
  private readonly toVirtual = new Map<string, vscode.Uri>();
  private readonly toFile = new Map<string, string>();

  constructor(folder: string) {
    let names: string[] = [];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.draft'));
    } catch {
      /* no built-in acquis shipped: nothing to map */
    }
    for (const name of names) {
      const file = path.join(folder, name);
      const symbol = /^symbol:\s*(.+?)\s*$/m.exec(readFileSync(file, 'utf8').slice(0, 2000))?.[1] ?? name.replace(/\.draft$/, '');
      const uri = vscode.Uri.from({ scheme: BUILTIN_SCHEME, path: `/${symbol.replace(/\//g, '\u2215')}` });
      this.toVirtual.set(path.normalize(file), uri);
      this.toFile.set(uri.toString(), file);
    }
  }

  /** Give the virtual documents the `draft` language (their names have no extension). */
  register(context: vscode.ExtensionContext): void {
    const setLanguage = (d: vscode.TextDocument): void => {
      if (d.uri.scheme === BUILTIN_SCHEME && d.languageId !== 'draft') void vscode.languages.setTextDocumentLanguage(d, 'draft');
    };
    context.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(BUILTIN_SCHEME, this),
      vscode.workspace.onDidOpenTextDocument(setLanguage),
    );
    vscode.workspace.textDocuments.forEach(setLanguage);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const file = this.toFile.get(uri.toString());
    return file ? readFileSync(file, 'utf8') : `The built-in acquis has no document ${uri.path.slice(1)}.`;
  }

  /** The virtual URI of a built-in acquis file; any other URI unchanged. */
  map(uri: vscode.Uri): vscode.Uri {
    if (uri.scheme !== 'file') return uri;
    return this.toVirtual.get(path.normalize(uri.fsPath)) ?? uri;
  }

  mapLocation<T extends vscode.Location | vscode.LocationLink>(l: T): T {
    if (l instanceof vscode.Location) return new vscode.Location(this.map(l.uri), l.range) as T;
    const link = l as vscode.LocationLink;
    return { ...link, targetUri: this.map(link.targetUri) } as T;
  }
}
