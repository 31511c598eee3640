/**
 * How the language server searches: the engine's own acquis (and, once a store is configured,
 * the shared store as well).
 */
import type { Engine } from '../engine/index.js';
import { searchAcquis, type SearchOptions, type SearchResult } from '../engine/search/index.js';

export async function searchWith(engine: Engine, query: string, options: SearchOptions): Promise<SearchResult> {
  return searchAcquis(engine.acquis, query, options, engine.matcher);
}
