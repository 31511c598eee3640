/**
 * Building the acquis from `.draft` sources: parse each adopted document, check it is fit to be
 * precedent, cut its paragraphs into sentences and index them.
 */
import { parse } from '../../../../grammar/src/index.js';
import { splitSentences } from '../text/sentences.js';
import { readWords } from '../text/words.js';
import { PrecedentSentence, type AcquisProblem, type AdoptedDocument, type DeclaredLineage, type Precedent } from './model.js';
import type { DraftDocument } from '../../../../grammar/src/index.js';
import { internWords, PrecedentIndex } from './precedent-index.js';
import { unitsOf } from './units.js';

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

class AcquisBuilder {
  private readonly problems: AcquisProblem[] = [];
  private readonly documents: AdoptedDocument[] = [];
  private readonly precedents: Precedent[] = [];
  private readonly vocabulary = new Map<string, number>();

  add(source: SourceFile): void {
    const read = readAdopted(source, this.problems);
    if (!read) return;
    const { adopted, tree } = read;
    this.documents.push(adopted);
    for (const unit of unitsOf(tree, source.text)) {
      if (!unit.pinpoint) continue;
      const view = unit.view;
      for (const sentence of splitSentences(view.text)) {
        const text = view.text.slice(sentence.start, sentence.end);
        const words = readWords(text);
        if (words.length < MIN_PRECEDENT_WORDS) continue;
        const span = { start: view.toSourceStart(sentence.start), end: view.toSourceEnd(sentence.end) };
        const precedent = new PrecedentSentence(this.precedents.length, adopted, unit.pinpoint, text, span);
        // Interned now, while the words exist: the precedent does not keep them.
        precedent.ids = internWords(this.vocabulary, words);
        this.precedents.push(precedent);
      }
    }
  }

  finish(): { acquis: Acquis; problems: AcquisProblem[] } {
    const { documents, precedents, problems, vocabulary } = this;
    const bySymbol = new Map(documents.map((d) => [normaliseSymbol(d.symbol), d]));
    return { acquis: { documents, precedents, index: new PrecedentIndex(precedents, vocabulary), bySymbol }, problems };
  }
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
