/**
 * "Find agreed language" in the editor: the `acquis.search` workspace command (what the client's
 * quick pick calls as the drafter types), ranked workspace symbols over the acquis, and the code
 * action offered on a paragraph that quotes no agreed language at all (an invitation, not a
 * diagnostic): it opens the quick pick on the paragraph's own words.
 */
import { SymbolKind, type CodeAction, type CodeActionParams, type WorkspaceSymbol } from 'vscode-languageserver';
import type { AdoptedDocument, Engine, Precedent } from '../../engine/index.js';
import { searchJson, textWithCitation, type SearchOptions, type SearchResult } from '../../engine/search/index.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';
import { spanRange } from './locations.js';

/** Server command: arguments `(query: string, options?: SearchCommandOptions)`; returns SearchCommandResult. */
export const SEARCH_COMMAND = 'acquis.search';
/** Client command (VS Code): arguments `({ uri, query, range })`; opens the quick pick. */
export const FIND_AGREED_LANGUAGE_COMMAND = 'acquis.findAgreedLanguage';
export const FIND_AGREED_LANGUAGE_KIND = 'refactor.rewrite.acquis.findAgreedLanguage';

export interface SearchCommandOptions extends SearchOptions {
  /** The document whose configuration (acquis folders, store) to search with. */
  uri?: string;
}

/** Searches with the engine of a document (its acquis, and the shared store when configured). */
export type Searcher = (engine: Engine, query: string, options: SearchOptions) => Promise<SearchResult>;

/** The JSON of `acquis search --format json`, each result with what the editor inserts and where it is. */
export function searchCommandResult(result: SearchResult): object {
  const json = searchJson(result) as { results: Array<Record<string, unknown>> };
  json.results = json.results.map((r, i) => {
    const p = result.hits[i]!.precedent;
    return { ...r, insertText: p.text.replace(/\s+/g, ' ').trim(), insertTextWithCitation: textWithCitation(p), location: locationOf(p) };
  });
  return json;
}

/** Reads the options of the command defensively: they come from the client. */
export function readSearchArguments(args: unknown[]): { query: string; options: SearchCommandOptions } | undefined {
  const [query, raw] = args;
  if (typeof query !== 'string' || !query.trim()) return undefined;
  const given = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const options: SearchCommandOptions = {};
  if (typeof given.uri === 'string') options.uri = given.uri;
  if (given.consensusOnly === true) options.consensusOnly = true;
  if (typeof given.body === 'string' && given.body) options.body = given.body;
  if (typeof given.since === 'number' && Number.isInteger(given.since)) options.since = given.since;
  if (typeof given.limit === 'number' && Number.isInteger(given.limit) && given.limit > 0) options.limit = Math.min(given.limit, 100);
  return { query, options };
}

function locationOf(p: Precedent): { uri: string; range: ReturnType<typeof spanRange> } | null {
  // Documents from a shared store have no file to open.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(p.document.uri) || p.document.uri.startsWith('acquis-store:')) return null;
  return { uri: p.document.uri, range: spanRange(p.document, p.span) };
}

/** Fewest words for a paragraph to be worth a search. */
const MIN_PARAGRAPH_WORDS = 6;

/** "Find agreed language for this paragraph" when the paragraph at the cursor quotes none. */
export function findAgreedLanguageActions(a: Analysis, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((o) => FIND_AGREED_LANGUAGE_KIND === o || FIND_AGREED_LANGUAGE_KIND.startsWith(`${o}.`))) return [];
  const at = a.doc.offsetAt(params.range.start);
  const paragraph = a.draft.document.paragraphs.find((p) => at >= p.span.start && at <= p.span.end);
  if (!paragraph) return [];
  const units = a.draft.units.filter((u) => u.paragraph === paragraph);
  const words = units.map((u) => u.view.text).join(' ').replace(/\s+/g, ' ').trim();
  if ((words.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_PARAGRAPH_WORDS) return [];
  const matcher = a.entry.engine.matcher;
  const computed = a.result.matches.length ? a.result.matches : undefined;
  const quotes = units.some((u) =>
    computed ? computed.some((m) => m.unit === u && m.matches.length > 0) : matcher.match(u.view.text).length > 0,
  );
  if (quotes) return [];
  const range = toRange(a.doc, paragraph.contentSpan);
  return [
    {
      title: 'Find agreed language for this paragraph',
      kind: FIND_AGREED_LANGUAGE_KIND,
      command: {
        title: 'Find agreed language',
        command: FIND_AGREED_LANGUAGE_COMMAND,
        arguments: [{ uri: a.uri, query: words, range }],
      },
    },
  ];
}

const MAX_RANKED_SYMBOLS = 50;

/**
 * Workspace symbols found by meaning rather than by substring: the ranked search results for the
 * query, for a query of two words or more (one word is what the substring symbols already do well).
 * Their names start with the query's words, so that the editor's own filter keeps them.
 */
export async function rankedWorkspaceSymbols(query: string, engines: Engine[], search: Searcher, already: WorkspaceSymbol[]): Promise<WorkspaceSymbol[]> {
  if ((query.match(/[\p{L}\p{N}]+/gu) ?? []).length < 2) return [];
  const seen = new Set(already.map((s) => ('range' in s.location ? `${s.location.uri}#${s.location.range.start.line}` : s.location.uri)));
  const out: WorkspaceSymbol[] = [];
  for (const engine of engines) {
    // Symbols are a quick list: only paragraphs that carry at least half the query's weight.
    const result = await search(engine, query, { limit: MAX_RANKED_SYMBOLS, minScore: 0.5 });
    for (const hit of result.hits) {
      const location = locationOf(hit.precedent);
      if (!location) continue;
      const key = `${location.uri}#${location.range.start.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        name: `${query.trim()}: ${symbolName(hit.precedent)}`,
        kind: SymbolKind.String,
        location,
        containerName: containerOf(hit.precedent.document, hit.score),
      });
    }
  }
  return out;
}

function symbolName(p: Precedent): string {
  const where = /^PP/.test(p.pinpoint) ? p.pinpoint : `para. ${p.pinpoint}`;
  const words = p.text.replace(/\s+/g, ' ').trim().split(' ');
  return `${p.document.symbol} ${where} ${words.slice(0, 12).join(' ')}${words.length > 12 ? ' …' : ''}`;
}

function containerOf(d: AdoptedDocument, score: number): string {
  const adoption = d.adoption.kind === 'consensus' ? 'consensus' : 'vote';
  return `relevance ${Math.round(score * 100)}%, ${adoption}${d.year ? `, ${d.year}` : ''}`;
}
