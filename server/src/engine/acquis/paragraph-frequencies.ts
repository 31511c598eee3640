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
  // Paragraphs by document, then by pinpoint: the pinpoints are the table's own strings, so no
  // key is made per precedent (a million-paragraph acquis would make a million strings).
  const byDocument = new Map<AdoptedDocument, Map<string, number>>();
  let count = 0;
  precedents.forEach((p, k) => {
    let paragraphs = byDocument.get(p.document);
    if (paragraphs === undefined) byDocument.set(p.document, (paragraphs = new Map()));
    const pinpoint = p.pinpoint;
    let paragraph = paragraphs.get(pinpoint);
    if (paragraph === undefined) paragraphs.set(pinpoint, (paragraph = count++));
    paragraphOf[k] = paragraph;
  });
  // Precedents grouped by paragraph (a counting sort), so that each word counts once per paragraph.
  const starts = new Uint32Array(count + 1);
  for (const paragraph of paragraphOf) starts[paragraph + 1]!++;
  for (let i = 0; i < count; i++) starts[i + 1]! += starts[i]!;
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
  return { paragraphs: count, df };
}
