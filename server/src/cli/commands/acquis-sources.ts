/**
 * Where a command's precedents come from: the local acquis (built-in and folders) and, when one is
 * configured, the shared store: `--store`, then the ACQUIS_STORE environment variable, then
 * `store:` in acquis.config.yaml. An unreachable store is an input error (exit code 2).
 */
import { engineFor, type AcquisOptions } from '../engine-for.js';
import type { Engine } from '../../engine/index.js';
import { searchAcquis, type SearchOptions, type SearchResult } from '../../engine/search/index.js';
import { openStore, StoreSchemaError, StoreUnavailableError } from '../../store/connection.js';
import { StoreLink } from '../../store/retrieve.js';
import { InputError } from '../node-host.js';

export interface AcquisSourceOptions extends AcquisOptions {
  store?: string;
}

export interface AcquisSources {
  /** The local acquis and the configuration. */
  local: Engine;
  /** The store's URL, when one is used. */
  storeUrl?: string;
  /** The engine to lint `text` with: the local one, or one that also holds the store's candidates. */
  engineFor(text: string): Promise<Engine>;
  search(text: string, options: SearchOptions): Promise<SearchResult>;
  close(): Promise<void>;
}

/** `--store`, then ACQUIS_STORE, then the configuration's `store:`. */
export function storeUrlFor(option: string | undefined, configured: string | undefined): string | undefined {
  return option || process.env.ACQUIS_STORE || configured || undefined;
}

export async function sourcesFor(options: AcquisSourceOptions, cwd: string): Promise<AcquisSources> {
  const local = engineFor(options, cwd);
  const url = storeUrlFor(options.store, local.config.store);
  if (!url) {
    return {
      local,
      engineFor: async () => local,
      search: async (text, search) => searchAcquis(local.acquis, text, search, local.matcher),
      close: async () => {},
    };
  }
  const store = await storeErrorsAsync(() => openStore(url));
  const link = new StoreLink(store, local);
  return {
    local,
    storeUrl: url,
    engineFor: (text) => storeErrorsAsync(() => link.engineFor(text)),
    search: (text, search) => storeErrorsAsync(() => link.search(text, search)),
    close: () => store.close(),
  };
}

/** A store problem, reported the CLI's way: `error: cannot reach the store ...`, exit code 2. */
export async function storeErrorsAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asInputError(error);
  }
}

function asInputError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || error instanceof StoreSchemaError) return new InputError(error.message);
  const code = (error as { code?: string }).code;
  // Permission and authentication failures are the user's to fix, not internal errors.
  if (code && /^(42501|28P01|28000|3D000)$/.test(code)) return new InputError(`the store refused: ${(error as Error).message}`);
  return error;
}
