/**
 * Reading the raw text: what is page furniture, what is a footnote block, what is running text.
 *
 * A PDF page of a UN document carries, besides its text, a symbol line at the top ("A/73/505"),
 * a job number and page mark at the bottom ("18-19355", "3/20", a barcode), the footnotes of the
 * page below a line of underscores, and, in some extractions, the list of the page's hyperlink
 * targets ("https://undocs.org/A/RES/71/28"). All of it is taken out here so that the text of a
 * paragraph broken by a page reads on; the footnotes are kept, with their line numbers, for the
 * references in the text.
 */
import type { FootnoteDefinition, SourceLine } from './model.js';

/** What the reading found. */
export interface PageReading {
  lines: SourceLine[];
  footnotes: FootnoteDefinition[];
  /** The symbol printed alone on page tops (the document's own symbol), when there is one. */
  headerSymbol?: string;
  /** How many lines were dropped as page furniture. */
  dropped: number;
}

const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

/**
 * Spaces of every width become plain spaces, ligatures their letters, and a soft hyphen inside a
 * line disappears (one at the line end is kept: it marks a word broken there, see tokens.ts).
 */
export function normaliseLine(raw: string): string {
  return raw
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b\ufeff\f\v]/g, '')
    .replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c] ?? c)
    .replace(/\u00ad(?=\s*\S)/g, '');
}

const URL_LINE = /^(?:https?:\/\/|www\.)\S*$/i;
const RECYCLE = /^Please recycle\b/i;
const SEPARATOR = /^_{5,}$/;
/** A UN document symbol on its own: A/73/505, A/C.1/73/L.27/Rev.1, A/68/98*. */
const SYMBOL = /^(?:A|S|E|ST)(?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+\*?$/;
/** Pieces of a page's foot or head: job number, language mark, date stamp, page mark, barcode. */
const FURNITURE_PIECES = [
  /^(?:GE\.)?\d{2}-\d{5}$/, // 18-19355, GE.18-12345
  /^\([A-Z]\)$/, // (E)
  /^\d{6}$/, // 161118
  /^\d{1,3}\/\d{1,3}$/, // 3/20
  /^\*\d{7,}\*$/, // *1819355*
];

const isFurniturePiece = (piece: string, symbols: ReadonlySet<string>): boolean =>
  symbols.has(piece) || FURNITURE_PIECES.some((re) => re.test(piece));

/** A line that belongs to the page, not to the text. */
export function isPageFurniture(text: string, headerSymbols: ReadonlySet<string> = new Set()): boolean {
  const t = text.trim();
  if (t === '' || URL_LINE.test(t) || RECYCLE.test(t)) return true;
  return t.split(/\s+/).every((piece) => isFurniturePiece(piece, headerSymbols));
}

/**
 * Symbols printed alone (or beside a page mark) on at least two lines: those are page headers. A
 * symbol alone on one line may be running text wrapped at that point, so once is not enough.
 */
function findHeaderSymbols(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const pieces = line.trim().split(/\s+/);
    const symbols = pieces.filter((p) => SYMBOL.test(p) && /\d/.test(p));
    if (symbols.length !== 1) continue;
    if (!pieces.every((p) => symbols.includes(p) || FURNITURE_PIECES.some((re) => re.test(p)))) continue;
    counts.set(symbols[0]!, (counts.get(symbols[0]!) ?? 0) + 1);
  }
  return new Map([...counts].filter(([, n]) => n >= 2));
}

/** A footnote's first line: its number (or asterisks), two spaces in print, then the text. */
const FOOTNOTE_START = /^(\d{1,3}|\*{1,3})\s+(\S.*)$/;
/** Line ends that do not end a footnote although they end in a full stop. */
const OPEN_ABBREVIATION = /\b(?:No|Nos|p|pp|para|paras|chap|sect|vol|art|arts|e\.g|i\.e|cf|Suppl|Mr|Ms|Mrs|Dr|St)\.$/;

/** True when a footnote whose text so far ends this way is finished. */
function footnoteEnds(text: string): boolean {
  return /[.!?][”’")\]]*$/.test(text) && !OPEN_ABBREVIATION.test(text);
}

/**
 * Blank lines mean a paragraph break in some extractions and nothing in others (this one puts a
 * blank line after every line). They are taken as meaningful when fewer than half of the lines
 * are followed by one.
 */
function blankLinesMeaningful(lines: string[]): boolean {
  let text = 0;
  let followedByBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    text++;
    if (i + 1 < lines.length && lines[i + 1]!.trim() === '') followedByBlank++;
  }
  return text > 0 && followedByBlank / text < 0.5;
}

export function readPages(raw: string, onLine?: (done: number, total: number) => void): PageReading {
  const rawLines = raw.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map(normaliseLine);
  const headers = findHeaderSymbols(rawLines);
  const headerSet = new Set(headers.keys());
  const headerSymbol = [...headers].sort((a, b) => b[1] - a[1])[0]?.[0];
  const blanksCount = blankLinesMeaningful(rawLines);

  const lines: SourceLine[] = [];
  const footnotes: FootnoteDefinition[] = [];
  let dropped = 0;
  let afterBlank = false;
  /** The footnote block being read, if any, and the footnote it is on. */
  let inBlock = false;
  let note: FootnoteDefinition | undefined;

  for (let i = 0; i < rawLines.length; i++) {
    if (onLine && i % 2000 === 0) onLine(i, rawLines.length);
    const rawLine = rawLines[i]!;
    const text = rawLine.trim();
    const lineNo = i + 1;
    if (text === '') {
      afterBlank = blanksCount;
      continue;
    }
    if (SEPARATOR.test(text)) {
      inBlock = true;
      note = undefined;
      dropped++;
      continue;
    }
    if (isPageFurniture(text, headerSet)) {
      dropped++;
      continue;
    }
    if (inBlock) {
      const start = FOOTNOTE_START.exec(text);
      const expected = note && /^\d+$/.test(note.id) ? String(Number(note.id) + 1) : undefined;
      const lastText = note?.lines[note.lines.length - 1]?.text ?? '';
      if (start && (expected === undefined || start[1] === expected || start[1]!.startsWith('*'))) {
        note = { id: start[1]!, line: lineNo, lines: [{ line: lineNo, text: start[2]!.trim(), indented: false, afterBlank: false }], tokens: [] };
        footnotes.push(note);
        continue;
      }
      if (note && !footnoteEnds(lastText)) {
        note.lines.push({ line: lineNo, text, indented: false, afterBlank: false });
        continue;
      }
      // Neither a new footnote nor the rest of one: the text of the next page.
      inBlock = false;
      note = undefined;
    }
    lines.push({ line: lineNo, text, indented: /^\s/.test(rawLine), afterBlank });
    afterBlank = false;
  }
  onLine?.(rawLines.length, rawLines.length);
  const reading: PageReading = { lines, footnotes, dropped };
  if (headerSymbol) reading.headerSymbol = headerSymbol;
  return reading;
}
