/**
 * In how many paragraphs each vocabulary word occurs (a paragraph is a document's pinpoint: all
 * its sentences together), counted as `rules/precedent-weight.ts` counts them, but with typed
 * arrays: a million paragraphs with a set of words each cost seconds and a gigabyte on the first
 * lint. The index file stores the counts, so a loaded index never counts them again.
 */
import type { Acquis } from './acquis.js';
import type { AdoptedDocument } from './model.js';

export interface ParagraphFrequencies {
  /** Paragraphs with at least one precedent. */
  paragraphs: number;
  /** By vocabulary id: paragraphs using the word. */
  df: Uint32Array;
}

export function paragraphFrequencies(acquis: Acquis): ParagraphFrequencies {
  const { precedents } = acquis;
  const size = acquis.index.vocabulary.size;
  const paragraphOf = new Uint32Array(precedents.length);
  const docIds = new Map<AdoptedDocument, number>();
  const keys = new Map<string, number>();
  precedents.forEach((p, k) => {
    let d = docIds.get(p.document);
    if (d === undefined) docIds.set(p.document, (d = docIds.size));
    const key = `${d}\u0000${p.pinpoint}`;
    let paragraph = keys.get(key);
    if (paragraph === undefined) keys.set(key, (paragraph = keys.size));
    paragraphOf[k] = paragraph;
  });
  // Precedents grouped by paragraph (a counting sort), so that each word counts once per paragraph.
  const starts = new Uint32Array(keys.size + 1);
  for (const paragraph of paragraphOf) starts[paragraph + 1]!++;
  for (let i = 0; i < keys.size; i++) starts[i + 1]! += starts[i]!;
  const order = new Uint32Array(precedents.length);
  for (let k = 0; k < precedents.length; k++) order[starts[paragraphOf[k]!]!++] = k;
  const last = new Int32Array(size).fill(-1);
  const df = new Uint32Array(size);
  for (const k of order) {
    const paragraph = paragraphOf[k]!;
    for (const id of precedents[k]!.ids) {
      if (id < 0 || id >= size || last[id] === paragraph) continue;
      last[id] = paragraph;
      df[id]!++;
    }
  }
  return { paragraphs: keys.size, df };
}
