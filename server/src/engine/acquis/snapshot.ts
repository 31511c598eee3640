/**
 * A snapshot of a built acquis: documents and precedent sentences as plain JSON, so that a host
 * can skip parsing documents that have not changed (the CLI ships one for the built-in acquis:
 * start-up time counts in CI). Words and the index are rebuilt from the sentences on load; a
 * document's syntax tree is parsed only if someone asks for it.
 */
import type { Adoption } from '../../../../grammar/src/index.js';
import { normaliseSymbol, treeOnDemand, type Acquis } from './acquis.js';
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
    fields: {
      title?: string;
      body?: string;
      year?: number;
      date?: string;
      adoptedBy?: string;
      source?: string;
      restates?: string[];
      lineage?: AdoptedDocument['lineage'];
    };
  }>;
  /** [document index, pinpoint, sentence, span start, span end] */
  precedents: Array<[number, string, string, number, number]>;
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
  return { documents, precedents, index: new PrecedentIndex(precedents), bySymbol };
}
