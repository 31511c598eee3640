/**
 * The shapes shared by the importer's stages: the lines of the raw text, footnote definitions,
 * the tokens a paragraph is cut into, and the warnings handed back to the host.
 *
 * Every stage keeps the 1-based line number of the raw input, so that what cannot be classified
 * is reported where a person can look at it, instead of being guessed silently.
 */

/** One line of running text, after page furniture and footnote blocks were taken out. */
export interface SourceLine {
  /** 1-based line number in the raw input. */
  line: number;
  /** The text, trimmed at both ends. */
  text: string;
  /** The raw line started with white space: PDF extractors indent the first line of a paragraph. */
  indented: boolean;
  /** A blank line came before it and blank lines mean something in this input (see page.ts). */
  afterBlank: boolean;
}

/** A footnote as printed at the bottom of a page: its number and its text (lines rejoined). */
export interface FootnoteDefinition {
  id: string;
  /** Line of the footnote's number. */
  line: number;
  /** The lines of its text, to be tokenised and repaired like any paragraph. */
  lines: SourceLine[];
  /** Filled by the repair stage. */
  tokens: Token[];
}

/**
 * A word as it stands in the text, with the line it came from. Footnote references found glued to
 * it are moved to `refs`; `tail` is punctuation printed after those references (`2015²,`).
 */
export interface Token {
  text: string;
  line: number;
  refs: string[];
  tail: string;
}

/** Something the importer could not classify or had to guess: shown as `file:line: warning:`. */
export interface ImportWarning {
  line: number;
  /** The text concerned (a paragraph's first words, a line). */
  text: string;
  reason: string;
}

export type ImportStage = 'reading' | 'segmenting' | 'repairing' | 'writing';

export type ProgressCallback = (progress: { stage: ImportStage; done: number; total: number }) => void;

/** A request the input cannot satisfy (no such resolution, an adoption that does not parse). */
export class ImportError extends Error {}

/** Collects warnings; `excerpt` keeps the report readable whatever the paragraph's length. */
export class Warnings {
  readonly list: ImportWarning[] = [];

  add(line: number, text: string, reason: string): void {
    this.list.push({ line, text: excerpt(text), reason });
  }
}

export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
