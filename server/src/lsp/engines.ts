/**
 * Engines for the language server, one per effective configuration, built by the host layer
 * exactly as the CLI builds its own (server/src/host/build-engine.ts): the client's `acquis.*`
 * settings for the resource over the project's acquis.config.yaml over the defaults. Engines are
 * built with work-done progress and dropped when a configuration or an acquis file changes.
 * A problem with the configuration or the acquis is shown to the user (and as diagnostics on the
 * configuration file); the server keeps working with what it could read.
 */
import { dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, MessageType, type Connection, type Diagnostic } from 'vscode-languageserver';
import { CONFIG_KEYS, type Engine, type FixLevelSetting, type RuleSetting } from '../engine/index.js';
import type { ConfigChoices } from '../host/precedence.js';
import { buildEngineAsync, type EngineRequest } from '../host/build-engine.js';
import { findConfigFile } from '../host/config-file.js';
import { LspStore } from './store-link.js';
import type { InputError } from '../host/text-file.js';

/** Client settings under `acquis.` (see package.json `contributes.configuration`); unset ones are absent or null. */
export interface ClientSettings {
  builtin?: boolean | null;
  acquisPaths?: string[] | null;
  rules?: Record<string, RuleSetting> | null;
  /** How far fix-all and fix-on-save go (`acquis.fixLevel`): editorial, wording or all. */
  fixLevel?: FixLevelSetting | null;
  /** Milliseconds between the last keystroke and linting (default 0: lint at once, the newest version wins). */
  lintDelay?: number | null;
  /** A shared acquis on PostgreSQL: wins over ACQUIS_STORE, which wins over the project's `store:`. */
  store?: string | null;
}

export interface EngineEntry {
  engine: Engine;
  /** Folders whose `.draft` files make up this engine's acquis (watched for changes). */
  acquisDirs: string[];
  configFile?: string;
  /** The first problem with the configuration or the acquis, as shown to the user. */
  problem?: string;
  settings: ClientSettings;
  /** The shared store, when one is configured (and the workspace is trusted). */
  store?: LspStore;
  /** How to build the same engine elsewhere (the lint worker for huge documents: analyses.ts). */
  recipe?: EngineRecipe;
}

/** The plain data of an engine request: what a worker thread needs to build the same engine. */
export interface EngineRecipe {
  searchFrom: string;
  choices: ConfigChoices;
  /** Where the settings' folders are relative to when no project file is found. */
  base: string;
  trusted: boolean;
}

/**
 * The settings that are configuration keys: a setting named like a key of acquis.config.yaml
 * (`builtin`, `rules`, and any key the schema gains) is that key's choice; `acquisPaths` is `acquis`.
 */
export function choicesOf(settings: ClientSettings): ConfigChoices {
  const choices: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    if (key !== 'acquis' && (settings as Record<string, unknown>)[key] !== undefined) choices[key] = (settings as Record<string, unknown>)[key];
  }
  choices.acquis = settings.acquisPaths;
  return choices as ConfigChoices;
}

export class EngineStore {
  private readonly entries = new Map<string, Promise<EngineEntry>>();
  /** Configuration files on which diagnostics were published (cleared once the file is right). */
  private readonly flagged = new Set<string>();

  /**
   * False in a workspace the user has not trusted: then only the built-in acquis is read, since a
   * configuration could point the server at any folder on the machine.
   */
  trusted = true;

  /** Called when a shared store answers again after an outage (the server lints open drafts again). */
  onStoreBack: () => void = () => undefined;

  /** The workspace folders (paths), most nested first: settings' relative folders resolve against them. */
  private folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly settingsFor: (uri: string) => Promise<ClientSettings>,
  ) {}

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris
      .filter((u) => u.startsWith('file:'))
      .map((u) => fileURLToPath(u))
      .sort((a, b) => b.length - a.length);
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** The workspace folder holding `path`, if any. */
  workspaceFolderOf(path: string): string | undefined {
    return this.folders.find((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
  }

  /** The engine that lints `uri`, built on first use. */
  async engineFor(uri: string): Promise<EngineEntry> {
    const settings = await this.settingsFor(uri);
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    const workspace = path ? this.workspaceFolderOf(path) : this.folders[this.folders.length - 1];
    const folder = path ? dirname(path) : (workspace ?? process.cwd());
    const configFile = findConfigFile(folder);
    // Without a project file, the settings' folders are relative to the resource's workspace folder.
    const base = configFile ? dirname(configFile) : (workspace ?? folder);
    const key = JSON.stringify({ configFile, settings, base, trusted: this.trusted });
    let entry = this.entries.get(key);
    if (!entry) {
      const recipe: EngineRecipe = { searchFrom: folder, choices: choicesOf(settings), base, trusted: this.trusted };
      entry = this.build({
        searchFrom: folder,
        choices: choicesOf(settings),
        choicesBase: (file) => (file ? dirname(file) : base),
        trusted: this.trusted,
        uriOf: (p) => pathToFileURL(p).href,
      }, settings).then((built) => ({ ...built, recipe }));
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Forget every engine: the next request rebuilds from the files as they now are. */
  invalidate(): void {
    for (const entry of this.entries.values()) void entry.then((e) => e.store?.dispose(), () => undefined);
    this.entries.clear();
  }

  private async build(request: EngineRequest, settings: ClientSettings): Promise<EngineEntry> {
    const built = await buildEngineAsync(request, (documents) => this.progress(documents));
    const entry: EngineEntry = { engine: built.engine, acquisDirs: built.acquisDirs, settings };
    if (built.configFile) entry.configFile = built.configFile;
    // The editor setting, then ACQUIS_STORE, then the project's `store:` (a restricted workspace has none).
    const storeUrl = this.trusted ? settings.store || process.env.ACQUIS_STORE || built.engine.config.store : undefined;
    if (storeUrl) {
      entry.store = new LspStore(storeUrl, built.engine, {
        down: (message) => void this.connection.window.showWarningMessage(message),
        up: (message) => {
          void this.connection.window.showInformationMessage(message);
          this.onStoreBack();
        },
      });
    }
    this.publishConfigProblems(built.configFile, built.problems);
    const first = built.problems[0];
    if (first) {
      const more = built.problems.length > 1 ? ` (and ${built.problems.length - 1} more)` : '';
      entry.problem = `${first.location}${first.message}${more}`;
      const configWrong = built.configFile && first.file === built.configFile;
      const message = configWrong
        ? `Acquis: ${entry.problem} The defaults and your settings are used until the file is corrected.`
        : `Acquis: ${entry.problem}`;
      void this.connection.sendNotification('window/showMessage', { type: MessageType.Error, message });
    }
    return entry;
  }

  /** The configuration file's own mistakes as diagnostics on it, where the editor shows them. */
  private publishConfigProblems(configFile: string | undefined, problems: InputError[]): void {
    if (!configFile) return;
    const uri = pathToFileURL(configFile).href;
    const diagnostics: Diagnostic[] = problems
      .filter((p) => p.file === configFile && p.line !== undefined)
      .map((p) => {
        const position = { line: p.line! - 1, character: (p.column ?? 1) - 1 };
        return { range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: 'acquis', message: p.message };
      });
    if (!diagnostics.length && !this.flagged.has(uri)) return;
    if (diagnostics.length) this.flagged.add(uri);
    else this.flagged.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private async progress(documents: number) {
    // Small acquis build in a blink; only a large one is worth a progress bar.
    if (documents < 50) return undefined;
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Acquis: indexing the acquis', 0, `${documents} documents`, false);
    return {
      onProgress: (done: number, total: number) => progress.report(Math.round((done / total) * 100), `${done} of ${total} documents`),
      yieldToHost: () => new Promise<void>((r) => setImmediate(r)),
      done: () => progress.done(),
    };
  }
}
