/**
 * Engines for the language server, one per effective configuration: the project's
 * `acquis.config.yaml` (found from the document's folder up) over the client's `acquis.*`
 * settings for that resource. Engines are built with work-done progress and dropped when a
 * configuration or an acquis file changes.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { createEngineAsync, DEFAULT_CONFIG, FIX_LEVEL_SETTINGS, type AcquisConfig, type Engine, type FixLevelSetting, type RuleSetting, type SourceFile } from '../engine/index.js';
import { builtinAcquisDir, findConfigFile, InputError, loadConfig, readAcquisFolder } from '../cli/node-host.js';

/** Client settings under `acquis.` (see package.json `contributes.configuration`). */
export interface ClientSettings {
  builtin?: boolean;
  acquisPaths?: string[];
  rules?: Record<string, RuleSetting>;
  /** How far fix-all and fix-on-save go (`acquis.fixLevel`); the project's `fixLevel` wins. */
  fixLevel?: FixLevelSetting;
  /** Milliseconds between the last keystroke and linting (default 10). */
  lintDelay?: number;
}

export interface EngineEntry {
  engine: Engine;
  /** Folders whose `.draft` files make up this engine's acquis (watched for changes). */
  acquisDirs: string[];
  configFile?: string;
  /** A problem with the configuration or the acquis, shown to the user once. */
  problem?: string;
  settings: ClientSettings;
}

export class EngineStore {
  private readonly entries = new Map<string, Promise<EngineEntry>>();

  /**
   * False in a workspace the user has not trusted: then only the built-in acquis is read, since a
   * configuration could point the server at any folder on the machine.
   */
  trusted = true;

  constructor(
    private readonly connection: Connection,
    private readonly settingsFor: (uri: string) => Promise<ClientSettings>,
  ) {}

  /** The engine that lints `uri`, built on first use. */
  async engineFor(uri: string): Promise<EngineEntry> {
    const settings = await this.settingsFor(uri);
    const folder = uri.startsWith('file:') ? dirname(fileURLToPath(uri)) : process.cwd();
    const configFile = findConfigFile(folder);
    const key = JSON.stringify({ configFile, settings });
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.build(configFile, settings);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Forget every engine: the next request rebuilds from the files as they now are. */
  invalidate(): void {
    this.entries.clear();
  }

  private async build(configFile: string | undefined, settings: ClientSettings): Promise<EngineEntry> {
    let config: AcquisConfig = { ...DEFAULT_CONFIG, rules: { ...settings.rules } };
    let problem: string | undefined;
    try {
      const loaded = loadConfig(configFile);
      // The project file wins over personal settings, so that the editor agrees with CI.
      config = {
        ...loaded.config,
        builtin: configFile ? loaded.config.builtin : (settings.builtin ?? true),
        rules: { ...settings.rules, ...loaded.config.rules },
      };
      const personal = FIX_LEVEL_SETTINGS.find((l) => l === settings.fixLevel);
      if (!config.fixLevel && personal) config.fixLevel = personal;
    } catch (error) {
      problem = describe(error);
    }
    const acquisDirs: string[] = [];
    if (config.builtin && settings.builtin !== false) acquisDirs.push(builtinAcquisDir());
    const base = configFile ? dirname(configFile) : process.cwd();
    if (this.trusted) {
      for (const dir of config.acquis) acquisDirs.push(resolve(base, dir));
      for (const dir of settings.acquisPaths ?? []) acquisDirs.push(resolve(base, dir));
    }
    const sources: SourceFile[] = [];
    for (const dir of acquisDirs) {
      try {
        for (const s of readAcquisFolder(dir)) sources.push({ uri: pathToFileURL(s.uri).href, text: s.text });
      } catch (error) {
        problem ??= describe(error);
      }
    }
    const engine = await this.withProgress(sources, config);
    const first = engine.acquisProblems[0];
    if (first && !problem) problem = `${first.uri}: ${first.message}`;
    const entry: EngineEntry = { engine, acquisDirs, settings };
    if (configFile) entry.configFile = configFile;
    if (problem) {
      entry.problem = problem;
      void this.connection.window.showWarningMessage(`Acquis: ${problem}`);
    }
    return entry;
  }

  private async withProgress(sources: SourceFile[], config: AcquisConfig): Promise<Engine> {
    // Small acquis build in a blink; only a large one is worth a progress bar.
    if (sources.length < 50) return createEngineAsync(sources, config);
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Acquis: indexing the acquis', 0, `${sources.length} documents`, false);
    try {
      return await createEngineAsync(sources, config, {
        onProgress: (done, total) => progress.report(Math.round((done / total) * 100), `${done} of ${total} documents`),
        yieldToHost: () => new Promise((r) => setImmediate(r)),
      });
    } finally {
      progress.done();
    }
  }
}

function describe(error: unknown): string {
  return error instanceof InputError ? `${error.location}${error.message}` : String((error as Error).message ?? error);
}
