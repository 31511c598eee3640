/**
 * Building the acquis from `.draft` sources: parse each adopted document, check it is fit to be
 * precedent, cut its paragraphs into sentences and index them.
 */
import { parse } from '../../../../grammar/src/index.js';
import { splitSentences } from '../text/sentences.js';
import { readWords, type Word } from '../text/words.js';
import type { AcquisProblem, AdoptedDocument, DeclaredLineage, Precedent } from './model.js';
import type { DraftDocument } from '../../../../grammar/src/index.js';
import { internWords, PrecedentIndex } from './precedent-index.js';
import { unitsOf } from './units.js';
import { Growable, PrecedentTable, TextBank } from './precedent-table.js';
import type { ReadBatch, ReaderWords } from './batch-reader.js';

export interface SourceFile {
  uri: string;
  text: string;
}

export interface Acquis {
  documents: AdoptedDocument[];
  precedents: Precedent[];
  index: PrecedentIndex;
  /** Documents by normalised symbol (`A/68/98*` and `A/68/98` are the same document). */
  bySymbol: Map<string, AdoptedDocument>;
}

/** Sentences shorter than this are too generic to be cited as precedent. */
const MIN_PRECEDENT_WORDS = 5;

export function normaliseSymbol(symbol: string): string {
  return symbol.trim().replace(/\*$/, '').toUpperCase();
}

export function buildAcquis(sources: SourceFile[]): { acquis: Acquis; problems: AcquisProblem[] } {
  const builder = new AcquisBuilder();
  for (const source of sources) builder.add(source);
  return builder.finish();
}

/** As `buildAcquis`, yielding to the host every few documents (for a large acquis in an editor). */
export async function buildAcquisAsync(
  sources: SourceFile[],
  progress: { onProgress?: (done: number, total: number) => void; yieldToHost?: () => Promise<void> } = {},
): Promise<{ acquis: Acquis; problems: AcquisProblem[] }> {
  const builder = new AcquisBuilder();
  let last = Date.now();
  for (let i = 0; i < sources.length; i++) {
    builder.add(sources[i]!);
    if (Date.now() - last > 50) {
      progress.onProgress?.(i + 1, sources.length);
      await progress.yieldToHost?.();
      last = Date.now();
    }
  }
  progress.onProgress?.(sources.length, sources.length);
  return builder.finish();
}

export interface BuilderOptions {
  /**
   * Reads a document's source again when someone asks for it. With it, the builder keeps the
   * source texts only up to `keepSourceBytes` (16 MB by default) and reads the others again on
   * demand: a large acquis does not hold its sources in memory.
   */
  readSource?: (uri: string) => string;
  keepSourceBytes?: number;
}

/**
 * Reads adopted documents one at a time into a precedent table: nothing of a document is kept
 * but its front matter and its sentences' rows (no syntax tree, no source text past the budget),
 * so that a host can stream a million paragraphs through it.
 */
export class AcquisBuilder {
  private readonly problems: AcquisProblem[] = [];
  private readonly documents: AdoptedDocument[] = [];
  private readonly vocabulary = new Map<string, number>();
  private readonly pinpoints = new Map<string, number>();
  private readonly doc = Growable.u32();
  private readonly pin = Growable.u32();
  private readonly start = Growable.u32();
  private readonly end = Growable.u32();
  private readonly idStarts = Growable.u32();
  private readonly ids = Growable.i32(1 << 16);
  private readonly texts = new TextBank();
  private kept = 0;

  constructor(private readonly options: BuilderOptions = {}) {}

  add(source: SourceFile): void {
    const read = readAdopted(source, this.problems);
    if (!read) return;
    const { adopted, tree } = read;
    const docIndex = this.documents.length;
    this.documents.push(adopted);
    let pin = 0;
    readSentences(tree, source.text, {
      unit: (pinpoint) => {
        pin = this.pinpointId(pinpoint);
      },
      sentence: (text, words, start, end) => {
        this.doc.push(docIndex);
        this.pin.push(pin);
        this.start.push(start);
        this.end.push(end);
        this.idStarts.push(this.ids.length);
        // Interned now, while the words exist: the precedent does not keep them.
        this.ids.pushAll(internWords(this.vocabulary, words));
        this.texts.add(text);
      },
    });
    const { readSource, keepSourceBytes = 16 << 20 } = this.options;
    if (readSource) {
      this.kept += source.text.length;
      if (this.kept > keepSourceBytes) sourceOnDemand(adopted, () => readSource(source.uri));
    }
  }

  /**
   * Add documents read elsewhere (a reading worker: see batch-reader.ts), in the order they were
   * read. Ids, pinpoints and the vocabulary come out exactly as `add` would have made them: a
   * word gets its id where it first occurs in that order, whichever reader saw it first.
   */
  addBatch(batch: ReadBatch, reader: ReaderWords): void {
    const { readSource } = this.options;
    for (const key of batch.newKeys) reader.keys.push(key);
    const local = batch.ids;
    let row = 0;
    let at = 0;
    let textAt = 0;
    for (const file of batch.files) {
      for (const problem of file.problems) this.problems.push(problem);
      if (!file.facts) continue;
      const docIndex = this.documents.length;
      const adopted = adoptedOf(file.facts, '');
      if (readSource) sourceOnDemand(adopted, () => readSource(file.facts!.uri));
      this.documents.push(adopted);
      const pins = file.pinpoints.map((pinpoint) => this.pinpointId(pinpoint));
      for (const end = row + file.sentences; row < end; row++) {
        this.doc.push(docIndex);
        this.pin.push(pins[batch.pin[row]!]!);
        this.start.push(batch.start[row]!);
        this.end.push(batch.end[row]!);
        this.idStarts.push(this.ids.length);
        for (const stop = at + batch.wordCounts[row]!; at < stop; at++) this.ids.push(reader.globalId(local[at]!, this.vocabulary));
        const length = batch.textLengths[row]!;
        this.texts.addBytes(batch.text.subarray(textAt, textAt + length));
        textAt += length;
      }
    }
  }

  private pinpointId(pinpoint: string): number {
    let pin = this.pinpoints.get(pinpoint);
    if (pin === undefined) this.pinpoints.set(pinpoint, (pin = this.pinpoints.size));
    return pin;
  }

  finish(): { acquis: Acquis; problems: AcquisProblem[] } {
    const { documents, problems, vocabulary } = this;
    this.idStarts.push(this.ids.length);
    const table = new PrecedentTable({
      documents,
      pinpoints: [...this.pinpoints.keys()],
      doc: this.doc.view(),
      pin: this.pin.view(),
      start: this.start.view(),
      end: this.end.view(),
      idStarts: this.idStarts.view(),
      // Up to a third of the largest array is spare room: not kept for the life of the acquis.
      ids: this.ids.trimmed(),
      texts: this.texts,
    });
    const precedents = table.precedents();
    const bySymbol = new Map(documents.map((d) => [normaliseSymbol(d.symbol), d]));
    return { acquis: { documents, precedents, index: new PrecedentIndex(precedents, vocabulary), bySymbol }, problems };
  }
}

/** A document whose source is read again when asked for (and its tree parsed from that). */
export function sourceOnDemand(adopted: AdoptedDocument, read: () => string): void {
  Object.defineProperty(adopted, 'text', { enumerable: true, configurable: true, get: read });
}

/** What a document says of itself: its adopted document without the text (a worker sends it). */
export type DocumentFacts = Omit<AdoptedDocument, 'text' | 'document'>;

function readAdopted(source: SourceFile, problems: AcquisProblem[]): { adopted: AdoptedDocument; tree: DraftDocument } | undefined {
  const read = readFacts(source, problems);
  return read && { adopted: adoptedOf(read.facts, source.text), tree: read.tree };
}

/** Parse an adopted document and read its front matter and lineage; undefined when it is unfit. */
export function readFacts(source: SourceFile, problems: AcquisProblem[]): { facts: DocumentFacts; tree: DraftDocument } | undefined {
  const { document, problems: syntax } = parse(source.text);
  for (const p of syntax) problems.push({ uri: source.uri, span: p.span, message: p.message });
  const fm = document.frontMatter;
  const at = fm?.span ?? { start: 0, end: 0 };
  if (!fm?.fields.symbol) {
    problems.push({ uri: source.uri, span: at, message: 'An acquis document needs a `symbol` in its front matter.' });
    return undefined;
  }
  if (!fm.adoption) {
    if (!fm.fields.adoption) {
      problems.push({
        uri: source.uri,
        span: at,
        message: 'An acquis document needs an `adoption` (`consensus` or `vote` with its tally) in its front matter.',
      });
    }
    return undefined;
  }
  const f = fm.fields;
  const year = Number((f.year ?? f.date ?? f['adopted-on'] ?? '').slice(0, 4)) || undefined;
  const facts: DocumentFacts = { uri: source.uri, symbol: f.symbol!, adoption: fm.adoption };
  if (f.title) facts.title = f.title;
  if (f.body) facts.body = f.body;
  if (year) facts.year = year;
  if (f.date) facts.date = f.date;
  if (f['adopted-by']) facts.adoptedBy = f['adopted-by'];
  if (f.source) facts.source = f.source;
  if (fm.restates) facts.restates = fm.restates;
  const lineage = declaredLineage(document, source.text);
  if (lineage) facts.lineage = lineage;
  return { facts, tree: document };
}

/** The adopted document of `facts` (its tree parsed from `text` when asked for). */
function adoptedOf(facts: DocumentFacts, text: string): AdoptedDocument {
  const adopted = { uri: facts.uri, symbol: facts.symbol, adoption: facts.adoption, text } as AdoptedDocument;
  treeOnDemand(adopted);
  if (facts.title !== undefined) adopted.title = facts.title;
  if (facts.body !== undefined) adopted.body = facts.body;
  if (facts.year !== undefined) adopted.year = facts.year;
  if (facts.date !== undefined) adopted.date = facts.date;
  if (facts.adoptedBy !== undefined) adopted.adoptedBy = facts.adoptedBy;
  if (facts.source !== undefined) adopted.source = facts.source;
  if (facts.restates !== undefined) adopted.restates = facts.restates;
  if (facts.lineage !== undefined) adopted.lineage = facts.lineage;
  return adopted;
}

/**
 * The precedents of a parsed document, in order: each unit with a pinpoint, then each of its
 * sentences long enough to be cited, with its words and its span in the source.
 */
export function readSentences(
  tree: DraftDocument,
  source: string,
  visit: { unit(pinpoint: string): void; sentence(text: string, words: Word[], start: number, end: number): void },
): void {
  for (const unit of unitsOf(tree, source)) {
    if (!unit.pinpoint) continue;
    visit.unit(unit.pinpoint);
    const view = unit.view;
    for (const sentence of splitSentences(view.text)) {
      const text = view.text.slice(sentence.start, sentence.end);
      const words = readWords(text);
      if (words.length < MIN_PRECEDENT_WORDS) continue;
      visit.sentence(text, words, view.toSourceStart(sentence.start), view.toSourceEnd(sentence.end));
    }
  }
}

/**
 * Lineage by pinpoint: a unit's own `// acquis-restates` line, else its paragraph's, else that of
 * the numbered paragraph it belongs to (`OP1` for `OP1.3`: a chapeau such as "Welcomes the
 * following set of ... enshrined in the reports" speaks for the items under it).
 */
function declaredLineage(document: DraftDocument, text: string): Record<string, DeclaredLineage> | undefined {
  const byNumber = new Map<string, DeclaredLineage>();
  const out: Record<string, DeclaredLineage> = {};
  const read = (r: { symbols: string[]; note?: string }): DeclaredLineage => (r.note ? { symbols: r.symbols, note: r.note } : { symbols: r.symbols });
  for (const unit of unitsOf(document, text)) {
    if (!unit.pinpoint) continue;
    const { paragraph, subparagraph } = unit;
    let lineage: DeclaredLineage | undefined;
    if (subparagraph) {
      // Units come in document order, so the enclosing unit's lineage is already known.
      lineage = subparagraph.restates ? read(subparagraph.restates) : out[unit.pinpoint.replace(/ \([^)]*\)$/, '')];
    } else {
      const number = paragraph.label?.number;
      lineage = paragraph.restates ? read(paragraph.restates) : undefined;
      const parts = number?.split('.') ?? [];
      for (let k = parts.length - 1; k > 0 && !lineage; k--) lineage = byNumber.get(`${paragraph.kind}:${parts.slice(0, k).join('.')}`);
      if (number && paragraph.restates) byNumber.set(`${paragraph.kind}:${number}`, read(paragraph.restates));
    }
    if (lineage) out[unit.pinpoint] = lineage;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The syntax tree is needed once, to read the document; afterwards only editor features ask for
 * it. It is not kept: it is parsed again on demand, so that a large acquis does not hold a tree
 * per document.
 */
export function treeOnDemand(adopted: AdoptedDocument): void {
  let tree: DraftDocument | undefined;
  Object.defineProperty(adopted, 'document', {
    enumerable: true,
    configurable: true,
    get: () => (tree ??= parse(adopted.text).document),
  });
}
