/**
 * Building the acquis from `.draft` sources: parse each adopted document, check it is fit to be
 * precedent, cut its paragraphs into sentences and index them.
 */
import { parse } from '../../../../grammar/src/index.js';
import { splitSentences } from '../text/sentences.js';
import { readWords } from '../text/words.js';
import type { AcquisProblem, AdoptedDocument, DeclaredLineage, Precedent } from './model.js';
import type { DraftDocument } from '../../../../grammar/src/index.js';
import { internWords, PrecedentIndex } from './precedent-index.js';
import { unitsOf } from './units.js';
import { Growable, PrecedentTable, TextBank } from './precedent-table.js';

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
    for (const unit of unitsOf(tree, source.text)) {
      if (!unit.pinpoint) continue;
      const view = unit.view;
      let pin = this.pinpoints.get(unit.pinpoint);
      if (pin === undefined) this.pinpoints.set(unit.pinpoint, (pin = this.pinpoints.size));
      for (const sentence of splitSentences(view.text)) {
        const text = view.text.slice(sentence.start, sentence.end);
        const words = readWords(text);
        if (words.length < MIN_PRECEDENT_WORDS) continue;
        this.doc.push(docIndex);
        this.pin.push(pin);
        this.start.push(view.toSourceStart(sentence.start));
        this.end.push(view.toSourceEnd(sentence.end));
        this.idStarts.push(this.ids.length);
        // Interned now, while the words exist: the precedent does not keep them.
        this.ids.pushAll(internWords(this.vocabulary, words));
        this.texts.add(text);
      }
    }
    const { readSource, keepSourceBytes = 16 << 20 } = this.options;
    if (readSource) {
      this.kept += source.text.length;
      if (this.kept > keepSourceBytes) sourceOnDemand(adopted, () => readSource(source.uri));
    }
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

function readAdopted(source: SourceFile, problems: AcquisProblem[]): { adopted: AdoptedDocument; tree: DraftDocument } | undefined {
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
  const adopted = { uri: source.uri, symbol: f.symbol!, adoption: fm.adoption, text: source.text } as AdoptedDocument;
  treeOnDemand(adopted);
  if (f.title) adopted.title = f.title;
  if (f.body) adopted.body = f.body;
  if (year) adopted.year = year;
  if (f.date) adopted.date = f.date;
  if (f['adopted-by']) adopted.adoptedBy = f['adopted-by'];
  if (f.source) adopted.source = f.source;
  if (fm.restates) adopted.restates = fm.restates;
  const lineage = declaredLineage(document, source.text);
  if (lineage) adopted.lineage = lineage;
  return { adopted, tree: document };
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
