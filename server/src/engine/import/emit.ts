/**
 * Writing the `.draft` (docs/markup.md): front matter, headings, labelled paragraphs, indented
 * sub-paragraphs, `[^n]` footnote references and their notes at the end.
 *
 * Lines are wrapped at about 100 columns so that a diff shows a change, not a whole paragraph.
 * A wrapped line never starts with something the markup would read as a block start ("2019."
 * reads as a paragraph label, "(a)" as a sub-paragraph): such a word stays on the line before.
 * Characters that are markup in running text (`[ ] { } | \`, and straight quotes that do not
 * pair up) are escaped.
 */
import type { Para, Part } from './classify.js';
import type { Token, Warnings } from './model.js';

const WIDTH = 100;
/** Words that must not open a line: they would read as a label, heading, quotation or note. */
const RISKY_LINE_START =
  /^(?:(?:PP|OP)?\d{1,4}(?:\.\d{1,3})*(?:bis|ter|quater|quinquies|sexies|septies|octies|alt\d*)?\.$|\((?:[a-z]{1,2}|[ivxlc]{1,7}|[A-Z]|\d{1,2})\)$|#|>|\/\/|\[\^|---)/;

export function escapeMarkup(text: string, escapeStraightQuotes = false): string {
  const escaped = text.replace(/[\\[\]{}|]/g, (c) => `\\${c}`);
  return escapeStraightQuotes ? escaped.replace(/"/g, '\\"') : escaped;
}

/** The words of a paragraph as they are written in the draft. */
export function renderWords(tokens: Token[], refId: (id: string) => string): string[] {
  // Straight quotes that pair up are a quotation; an odd one out would open an unclosed one.
  const quotes = tokens.reduce((n, t) => n + (t.text.match(/"/g)?.length ?? 0), 0);
  const oddQuotes = quotes % 2 === 1;
  return tokens.map(
    (t) => escapeMarkup(t.text, oddQuotes) + t.refs.map((id) => `[^${refId(id)}]`).join('') + escapeMarkup(t.tail, oddQuotes),
  );
}

/** `prefix` (a label, possibly indented) and the words, wrapped; continuation lines get `indent`. */
export function wrap(prefix: string, words: string[], indent = '', width = WIDTH): string[] {
  const lines: string[] = [];
  let line = prefix;
  let empty = prefix.trim() === '';
  for (const word of words) {
    if (empty) {
      line = prefix === '' ? word : `${prefix} ${word}`;
      empty = false;
    } else if (line.length + 1 + word.length > width && !RISKY_LINE_START.test(word)) {
      lines.push(line);
      line = indent + word;
    } else {
      line += ` ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/** `key: value` lines between fences; a value YAML would misread is quoted. */
export function frontMatter(fields: Array<[string, string | undefined]>): string[] {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === undefined || value === '') continue;
    const plain = /^[\p{L}\p{N}(“‘]/u.test(value) && !/: |\s#|"|:$/.test(value);
    lines.push(`${key}: ${plain ? value : JSON.stringify(value)}`);
  }
  lines.push('---');
  return lines;
}

/** Where each output line came from, for reporting problems found in the output. */
export interface Origin {
  outputLine: number;
  sourceLine: number;
}

export interface EmitPartOptions {
  /** Resolution paragraphs are labelled PP/OP; a report's keep their printed numbers. */
  resolutionLabels: boolean;
  /** The footnote id written for a printed note number (prefixed when several parts share numbers). */
  refId: (id: string) => string;
  /** Heading level of chapters (1) and sections (2), and of a resolution's own heading. */
  headingLevel: number;
  /** The heading written above the part (whole-report mode), with a `//` note under it. */
  heading?: { text: string; note?: string };
}

/**
 * Curly quotation marks made to pair up within one block, since the markup reads a quotation that
 * is not closed in its paragraph as a syntax error: a `”` that closes nothing gets its `“` at the
 * start of the block, a `“` left open gets its `”` at the end (a quotation running over several
 * paragraphs opens each and closes only the last). Returns what was added, for a warning.
 */
export function balanceQuotes(words: string[]): { opened: number; closed: number } {
  let depth = 0;
  let opened = 0;
  for (const word of words) {
    for (const c of word) {
      if (c === '“') depth++;
      else if (c === '”') {
        if (depth > 0) depth--;
        else opened++;
      }
    }
  }
  if (words.length > 0 && opened > 0) words[0] = '“'.repeat(opened) + words[0]!;
  if (words.length > 0 && depth > 0) words[words.length - 1] += '”'.repeat(depth);
  return { opened, closed: depth };
}

/** The writer: blocks separated by blank lines, sub-paragraphs right under their paragraph. */
export class DraftWriter {
  private readonly out: string[] = [];
  readonly origins: Origin[] = [];
  private readonly notes: Array<{ id: string; words: string[]; line: number }> = [];

  /** `warnings` receives the repairs the writer had to make (quotation marks paired up). */
  constructor(private readonly warnings?: Warnings) {}

  private balanced(words: string[], line: number): string[] {
    const { opened, closed } = balanceQuotes(words);
    if (opened + closed > 0) {
      const what = [opened ? `${opened} “ added at the start` : '', closed ? `${closed} ” added at the end` : ''].filter(Boolean).join(', ');
      this.warnings?.add(line, words.join(' '), `a quotation mark the source does not pair within the paragraph (${what}, so that the draft is valid)`);
    }
    return words;
  }

  lines(lines: string[], sourceLine: number, blankBefore = true): void {
    if (blankBefore && this.out.length > 0) this.out.push('');
    this.origins.push({ outputLine: this.out.length + 1, sourceLine });
    this.out.push(...lines);
  }

  part(part: Part, textOf: (p: Para) => Token[], options: EmitPartOptions): void {
    const { refId } = options;
    if (options.heading) {
      this.lines([`${'#'.repeat(options.headingLevel)} ${options.heading.text}`], part.line);
      if (options.heading.note) this.lines([`// ${options.heading.note}`], part.line, false);
    }
    let preambular = 0;
    for (const p of part.paras) {
      const words = this.balanced(renderWords(textOf(p), refId), p.line);
      switch (p.kind) {
        case 'chapter':
        case 'annex':
          this.lines([`${'#'.repeat(options.headingLevel)} ${headingText(p, words)}`], p.line);
          break;
        case 'section':
          this.lines([`${'#'.repeat(options.headingLevel + 1)} ${headingText(p, words)}`], p.line);
          break;
        case 'preambular':
          preambular++;
          this.lines(wrap(options.resolutionLabels ? `PP${preambular}.` : '', words), p.line);
          break;
        case 'operative':
        case 'item':
        case 'numbered': {
          const label = options.resolutionLabels && p.kind !== 'numbered' ? `OP${p.label}.` : `${p.label}.`;
          this.lines(wrap(label, words), p.line);
          break;
        }
        case 'sub': {
          const indent = '  '.repeat(p.level ?? 1);
          this.lines(wrap(`${indent}(${p.label})`, words, indent), p.line, false);
          break;
        }
        default:
          this.lines(wrap('', words), p.line);
      }
    }
    for (const note of part.footnotes) this.notes.push({ id: refId(note.id), words: this.balanced(renderWords(note.tokens, refId), note.line), line: note.line });
  }

  /** The whole text: the notes come last, one per line. */
  finish(): string {
    const seen = new Set<string>();
    const notes = this.notes.filter((n) => !seen.has(n.id) && seen.add(n.id));
    notes.forEach((n, i) => this.lines([`[^${n.id}]: ${n.words.join(' ')}`], n.line, i === 0));
    return `${this.out.join('\n')}\n`;
  }
}

function headingText(p: Para, words: string[]): string {
  const title = words.join(' ');
  return p.kind === 'annex' || !p.label ? title : `${p.label}. ${title}`;
}
