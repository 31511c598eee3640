/**
 * A PDF's text layer into the plain text the importer reads (docs/import.md, "PDF in").
 *
 * A PDF has no lines, only glyph runs placed on a page (pdf.js gives them as text items with a
 * transform: the baseline is at `transform[4]`, `transform[5]`). The text is rebuilt as pdfminer
 * does: items are grouped into lines by the vertical overlap of their boxes (so a superscript
 * footnote number joins the line it is raised above), ordered by x within a line, with a space
 * where the gap between two items is wider than a fraction of the font size; lines into blocks by
 * vertical gaps (a blank line where the gap is clearly wider than the page's line pitch); the
 * first line of a paragraph indented when it starts to the right of the page's usual left edge;
 * footnotes at the foot of a page (smaller type, starting with their number) preceded by the line
 * of underscores a text extraction shows. Page furniture (symbol on the page top, job number and
 * page marks) is left in the text: the text importer drops it as it does for any extraction.
 *
 * Transport-free: the host reads the PDF with pdf.js and passes the items.
 */

/** One text item of a page, as pdf.js gives it (`str`, `transform`, `width`). */
export interface PdfTextItem {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline height from the bottom of the page. */
  y: number;
  width: number;
  /** The font size: the vertical scale of the item's transform. */
  size: number;
}

export interface PdfPage {
  items: PdfTextItem[];
}

interface Line {
  items: PdfTextItem[];
  /** Top and bottom of the union of the items' boxes. */
  top: number;
  bottom: number;
  /** The font size of the line's largest type, and its baseline. */
  size: number;
  baseline: number;
  x: number;
  text: string;
}

const box = (it: PdfTextItem): [number, number] => [it.y - 0.22 * it.size, it.y + 0.78 * it.size];

/** The most frequent value, rounded to `step`. */
function mode(values: number[], step: number): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v / step) * step;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: number | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n || (c === n && best !== undefined && k < best)) [best, n] = [k, c];
  return best;
}

/** Group a page's items into lines, top to bottom. */
function linesOf(page: PdfPage): Line[] {
  const items = page.items.filter((it) => it.str.length > 0 && it.size > 0);
  items.sort((a, b) => box(b)[1] - box(a)[1] || a.x - b.x);
  const lines: Line[] = [];
  for (const it of items) {
    const [bottom, top] = box(it);
    // Items come top first: the line to join is among the last few (a superscript may have
    // started one just above its line).
    let joined: Line | undefined;
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - 3; k--) {
      const line = lines[k]!;
      const overlap = Math.min(top, line.top) - Math.max(bottom, line.bottom);
      if (overlap >= 0.5 * Math.min(top - bottom, line.top - line.bottom)) {
        joined = line;
        break;
      }
    }
    if (!joined) {
      lines.push({ items: [it], top, bottom, size: it.size, baseline: it.y, x: it.x, text: '' });
      continue;
    }
    joined.items.push(it);
    joined.top = Math.max(joined.top, top);
    joined.bottom = Math.min(joined.bottom, bottom);
    if (it.size > joined.size && it.str.trim()) {
      joined.size = it.size;
      joined.baseline = it.y;
    }
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.text = lineText(line);
    line.x = line.items.find((it) => it.str.trim())?.x ?? line.items[0]!.x;
  }
  lines.sort((a, b) => b.baseline - a.baseline);
  return lines.filter((l) => l.text.trim() !== '');
}

/** The items of a line as text: a space where the gap is wide enough, none before a superscript. */
function lineText(line: Line): string {
  let out = '';
  let end: number | undefined;
  let prev: PdfTextItem | undefined;
  for (const it of line.items) {
    const superscript = it.size < 0.8 * line.size && it.y > line.baseline + 0.15 * line.size;
    if (prev !== undefined && end !== undefined) {
      const gap = it.x - end;
      const wide = gap > 0.18 * Math.max(Math.min(it.size, prev.size), 0.5 * line.size);
      const spaced = /\s$/.test(out) || /^\s/.test(it.str);
      if (wide && !spaced && !(superscript && gap < 0.3 * line.size)) out += ' ';
    }
    out += it.str;
    end = it.x + it.width;
    prev = it;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** A line that opens a footnote: smaller type, starting with the note's number or a star. */
const NOTE_START = /^(?:\d{1,3}|\*{1,3})(?:\s|$)/;

/**
 * The text of a PDF's pages, one printed line per line: blank lines between blocks, a paragraph's
 * first line indented, footnotes after a line of underscores.
 */
export function pdfPagesToText(pages: PdfPage[]): string {
  const out: string[] = [];
  for (const page of pages) {
    const lines = linesOf(page);
    if (lines.length === 0) continue;
    const bodySize = mode(
      lines.flatMap((l) => l.items.filter((it) => it.str.trim()).map((it) => it.size)),
      0.5,
    )!;
    const body = lines.filter((l) => Math.abs(l.size - bodySize) < 0.5);
    const left = mode(body.map((l) => l.x), 1) ?? lines[0]!.x;
    const pitches: number[] = [];
    for (let i = 1; i < body.length; i++) pitches.push(body[i - 1]!.baseline - body[i]!.baseline);
    const pitch = mode(pitches.filter((p) => p > 0), 0.5) ?? bodySize * 1.2;

    // The foot of the page: from the last body-size line down, the first smaller line that
    // starts with a number opens the notes.
    let lastBody = -1;
    lines.forEach((l, i) => {
      if (l.size >= bodySize - 0.5) lastBody = i;
    });
    let notesFrom = -1;
    for (let i = lastBody + 1; i < lines.length; i++) {
      if (lines[i]!.size < bodySize - 0.5 && NOTE_START.test(lines[i]!.text)) {
        notesFrom = i;
        break;
      }
    }

    lines.forEach((line, i) => {
      if (i === notesFrom) out.push('__________________');
      const before = lines[i - 1];
      if (before && i !== notesFrom && before.baseline - line.baseline > 1.45 * pitch && line.size >= bodySize - 0.5 && before.size >= bodySize - 0.5) {
        out.push('');
      }
      const indented = line.size >= bodySize - 0.5 && line.x > left + 0.8 * bodySize;
      out.push(`${indented ? '    ' : ''}${line.text}`);
    });
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** How much text a PDF's pages hold: 0 for a scanned document with no text layer. */
export function pdfTextLength(pages: PdfPage[]): number {
  return pages.reduce((n, p) => n + p.items.reduce((m, it) => m + it.str.trim().length, 0), 0);
}
