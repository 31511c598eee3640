/**
 * A snapshot of a built acquis: documents and precedent sentences as plain JSON, so that a host
 * can skip parsing documents that have not changed (the CLI ships one for the built-in acquis:
 * start-up time counts in CI). The index comes ready-made: the vocabulary and every precedent's
 * word ids are stored, so loading reads no words (a precedent's words are read again only when a
 * match needs them); a document's syntax tree is parsed only if someone asks for it.
 */
import type { Adoption } from '../../../../grammar/src/index.js';
import { normaliseSymbol, treeOnDemand, type Acquis, type DocumentFacts } from './acquis.js';
import { PrecedentSentence, type AdoptedDocument, type Precedent } from './model.js';
import { PrecedentIndex } from './precedent-index.js';

export interface AcquisSnapshot {
  version: 1;
  /** Identifies the sources the snapshot was made from (the host decides how). */
  sourceKey: string;
  documents: Array<{
    uri: string;
    symbol: string;
    adoption: Adoption;
    text: string;
    /** What the document says of itself, beyond its symbol and adoption. */
    fields: Omit<DocumentFacts, 'uri' | 'symbol' | 'adoption'>;
  }>;
  /** [document index, pinpoint, sentence, span start, span end] */
  precedents: Array<[number, string, string, number, number]>;
  /** Word keys by vocabulary id (absent in older snapshots: words are then read again). */
  vocabulary?: string[];
  /** Every precedent's word ids, one after the other, and how many each has. */
  ids?: number[];
  idCounts?: number[];
}

export function toSnapshot(acquis: Acquis, sourceKey: string): AcquisSnapshot {
  const index = new Map(acquis.documents.map((d, i) => [d, i]));
  return {
    version: 1,
    sourceKey,
    documents: acquis.documents.map((d) => {
      const { uri, symbol, adoption, text, title, body, year, date, adoptedBy, source, restates, lineage } = d;
      return { uri, symbol, adoption, text, fields: { title, body, year, date, adoptedBy, source, restates, lineage } };
    }),
    precedents: acquis.precedents.map((p) => [index.get(p.document)!, p.pinpoint, p.text, p.span.start, p.span.end]),
    vocabulary: [...acquis.index.vocabulary.keys()],
    ids: acquis.precedents.flatMap((p) => [...p.ids]),
    idCounts: acquis.precedents.map((p) => p.ids.length),
  };
}

/** Rebuild the acquis; `uriOf` may rewrite the stored document URIs (they are relative). */
export function fromSnapshot(snapshot: AcquisSnapshot, uriOf: (stored: string) => string = (u) => u): Acquis {
  const documents = snapshot.documents.map((d) => {
    const doc = { uri: uriOf(d.uri), symbol: d.symbol, adoption: d.adoption, text: d.text } as AdoptedDocument;
    for (const [key, value] of Object.entries(d.fields)) if (value !== undefined && value !== null) (doc as unknown as Record<string, unknown>)[key] = value;
    treeOnDemand(doc);
    return doc;
  });
  const precedents: Precedent[] = snapshot.precedents.map(
    ([docIndex, pinpoint, text, start, end], id) => new PrecedentSentence(id, documents[docIndex]!, pinpoint, text, { start, end }),
  );
  const bySymbol = new Map(documents.map((d) => [normaliseSymbol(d.symbol), d]));
  const { vocabulary, ids, idCounts } = snapshot;
  if (vocabulary && ids && idCounts && idCounts.length === precedents.length) {
    // One buffer for all ids; each precedent sees its own stretch of it.
    const all = Int32Array.from(ids);
    let at = 0;
    precedents.forEach((p, i) => {
      p.ids = all.subarray(at, (at += idCounts[i]!));
    });
    return { documents, precedents, index: new PrecedentIndex(precedents, new Map(vocabulary.map((key, id) => [key, id]))), bySymbol };
  }
  return { documents, precedents, index: new PrecedentIndex(precedents), bySymbol };
}
