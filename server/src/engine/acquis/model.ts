/** The acquis: adopted documents and the precedents (sentences) drawn from them. */
import type { Adoption, DraftDocument, Span } from '../../../../grammar/src/index.js';
import type { Word } from '../text/words.js';

export interface AdoptedDocument {
  uri: string;
  symbol: string;
  title?: string;
  body?: string;
  year?: number;
  date?: string;
  adoption: Adoption;
  adoptedBy?: string;
  source?: string;
  text: string;
  document: DraftDocument;
}

/** One sentence of an adopted paragraph: the unit of precedent. */
export interface Precedent {
  id: number;
  document: AdoptedDocument;
  /** `18`, `18 (i)`, `PP3`, `1.2`. */
  pinpoint: string;
  /** The sentence as printed (from the paragraph's view). */
  text: string;
  /** Where the sentence lies in the document's source. */
  span: Span;
  /** Words of `text`, offsets into `text`. */
  words: Word[];
  /** Vocabulary ids of the words' keys (see PrecedentIndex). */
  ids: Int32Array;
}

/** A problem found while reading an acquis document: it stops the CLI (exit code 2). */
export interface AcquisProblem {
  uri: string;
  span: Span;
  message: string;
}

/** Orders precedents by authority: consensus first, then the most recent. */
export function authorityOrder(a: AdoptedDocument, b: AdoptedDocument): number {
  const rank = (d: AdoptedDocument): number => (d.adoption.kind === 'consensus' ? 0 : 1);
  return rank(a) - rank(b) || (b.year ?? 0) - (a.year ?? 0) || a.symbol.localeCompare(b.symbol);
}

export function describeAdoption(adoption: Adoption): string {
  return adoption.kind === 'consensus'
    ? 'consensus'
    : `recorded vote ${adoption.inFavour}-${adoption.against}-${adoption.abstaining}`;
}
