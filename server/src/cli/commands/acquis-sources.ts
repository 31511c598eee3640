/**
 * Where a command's precedents come from: the local acquis (built-in and folders) and, when one is
 * configured (`--store`, then ACQUIS_STORE, then `store:` in acquis.config.yaml), the shared store.
 */
import { engineFor, type AcquisOptions } from '../engine-for.js';
import type { Engine } from '../../engine/index.js';
import { searchAcquis, type SearchOptions, type SearchResult } from '../../engine/search/index.js';

export interface AcquisSourceOptions extends AcquisOptions {
  store?: string;
}

export interface AcquisSources {
  local: Engine;
  search(text: string, options: SearchOptions): Promise<SearchResult>;
  close(): Promise<void>;
}

export async function sourcesFor(options: AcquisSourceOptions, cwd: string): Promise<AcquisSources> {
  const local = engineFor(options, cwd);
  return {
    local,
    search: async (text, search) => searchAcquis(local.acquis, text, search, local.matcher),
    close: async () => {},
  };
}
