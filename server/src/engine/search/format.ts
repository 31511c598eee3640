/**
 * How search results are shown: plain text for a terminal (matched words between asterisks, or in
 * bold on a colour terminal) and JSON with a versioned schema (docs/search.md).
 */
import type { Precedent } from '../acquis/model.js';
import { adoptionNote, cite } from '../rules/precedent-common.js';
import type { SearchHit, SearchResult } from './search.js';

/** Version of the JSON output; raised when a field changes meaning or goes away. */
export const SEARCH_JSON_VERSION = 1;

/** A precedent's text with its marks between `open` and `close`. */
export function markedText(hit: SearchHit, open: string, close: string): string {
  const text = hit.precedent.text;
  let out = '';
  let at = 0;
  for (const m of hit.marks) {
    out += text.slice(at, m.start) + open + text.slice(m.start, m.end) + close;
    at = m.end;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ').trim();
}

/** The text with its citation, as a drafter inserts it: `“…” (A/70/174, para. 18)`. */
export function textWithCitation(p: Precedent): string {
  return `${p.text.replace(/\s+/g, ' ').trim()} (${cite(p)})`;
}

export function formatSearchText(result: SearchResult, options: { colour?: boolean } = {}): string {
  const [open, close] = options.colour ? ['\x1b[1m', '\x1b[22m'] : ['*', '*'];
  if (!result.hits.length) {
    const unknown = result.unknownWords.length ? ` (not in the acquis: ${result.unknownWords.join(', ')})` : '';
    return `No agreed language found for "${result.query.text}"${unknown}.\n`;
  }
  const lines: string[] = [];
  result.hits.forEach((hit, i) => {
    const p = hit.precedent;
    lines.push(`${i + 1}. ${cite(p)} (${adoptionNote(p)}) relevance ${Math.round(hit.score * 100)}%`);
    lines.push(`   ${markedText(hit, open, close)}`);
    if (hit.lineage.length) lines.push(`   Also in: ${hit.lineage.map((l) => `${cite(l)} (${adoptionNote(l)})`).join('; ')}`);
    lines.push('');
  });
  return lines.join('\n');
}

function precedentJson(p: Precedent): Record<string, unknown> {
  const d = p.document;
  const adoption =
    d.adoption.kind === 'consensus'
      ? { kind: 'consensus' }
      : { kind: 'vote', inFavour: d.adoption.inFavour, against: d.adoption.against, abstaining: d.adoption.abstaining };
  return {
    symbol: d.symbol,
    pinpoint: p.pinpoint,
    citation: cite(p),
    adoption,
    ...(d.adoptedBy ? { adoptedBy: d.adoptedBy } : {}),
    year: d.year ?? null,
    body: d.body ?? null,
    title: d.title ?? null,
    uri: d.uri,
    text: p.text,
  };
}

export function searchJson(result: SearchResult): object {
  return {
    version: SEARCH_JSON_VERSION,
    query: result.query.text,
    unknownWords: result.unknownWords,
    results: result.hits.map((hit) => ({
      ...precedentJson(hit.precedent),
      score: Math.round(hit.score * 1000) / 1000,
      marks: hit.marks,
      lineage: hit.lineage.map((l) => {
        const { text: _text, ...rest } = precedentJson(l);
        return rest;
      }),
    })),
  };
}
