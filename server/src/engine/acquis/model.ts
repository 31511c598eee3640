/** The acquis: adopted documents and the precedents (sentences) drawn from them. */
import { RecentCache } from './recent-cache.js';
import type { Adoption, DraftDocument, Span } from '../../../../grammar/src/index.js';
import { readWords, type Word } from '../text/words.js';

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
  /** Sources the whole document says it restates (`restates:` in its front matter). */
  restates?: string[];
  /**
   * Sources a paragraph says it restates (`// acquis-restates`), by pinpoint (`PP12`, `1.3`,
   * `1 (a)`); a paragraph's lineage holds for its sub-paragraphs and numbered sub-items.
   */
  lineage?: Record<string, DeclaredLineage>;
  text: string;
  document: DraftDocument;
}

/** What an adopted text says it restates, and where it says so. */
export interface DeclaredLineage {
  symbols: string[];
  note?: string;
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
  /** Words of `text`, offsets into `text` (read again on demand: see PrecedentSentence). */
  readonly words: Word[];
  /** Vocabulary ids of the words' keys (see PrecedentIndex). */
  ids: Int32Array;
}

/** Words of recently matched precedents; the rest are not kept (a large acquis has millions). */
const wordCache = new RecentCache<PrecedentSentence, Word[]>(4096);

/**
 * A precedent that keeps only its text and word ids: word objects are made when a match needs
 * them. Keeping them for every sentence of a 100k-paragraph acquis cost most of its memory.
 */
export class PrecedentSentence implements Precedent {
  ids: Int32Array = new Int32Array(0);

  constructor(
    public id: number,
    public document: AdoptedDocument,
    public pinpoint: string,
    public text: string,
    public span: Span,
  ) {}

  get words(): Word[] {
    return wordCache.get(this, (p) => readWords(p.text));
  }
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
  return rank(a) - rank(b) || (b.year ?? 0) - (a.year ?? 0) || compareSymbols(a.symbol, b.symbol);
}

/** Symbols are upper-case ASCII: code-unit order, no ICU collator on the start-up path. */
function compareSymbols(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export function describeAdoption(adoption: Adoption): string {
  return adoption.kind === 'consensus'
    ? 'consensus'
    : `recorded vote ${adoption.inFavour}-${adoption.against}-${adoption.abstaining}`;
}
