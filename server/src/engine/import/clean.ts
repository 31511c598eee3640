/**
 * The cleaning stage in one place: page furniture and footnote blocks out (page.ts), lines
 * rejoined into paragraphs (segment.ts, tokens.ts) with line-end hyphens decided
 * (hyphenation.ts), footnote digits taken off the words (footnote-refs.ts), and split words and
 * stray spaces repaired (spacing.ts) against the document's own dictionary (vocabulary.ts).
 */
import { FootnoteRefFinder } from './footnote-refs.js';
import type { FootnoteDefinition, SourceLine, Token, Warnings } from './model.js';
import { readPages, type PageReading } from './page.js';
import { segment } from './segment.js';
import { repairSpacing } from './spacing.js';
import { tokenize, tokensText } from './tokens.js';
import { Vocabulary } from './vocabulary.js';

export { hyphenAtLineEnd } from './hyphenation.js';
export { FootnoteRefFinder, refCandidate } from './footnote-refs.js';
export { isPageFurniture, readPages } from './page.js';
export { joinAtHyphen, joinPieces, repairSpacing } from './spacing.js';
export { tokenize, tokensText } from './tokens.js';
export { Vocabulary } from './vocabulary.js';

/** The dictionary of a document: every word of its text and of its footnotes. */
export function buildVocabulary(reading: PageReading): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const line of reading.lines) vocabulary.addLine(line.text);
  for (const note of reading.footnotes) for (const line of note.lines) vocabulary.addLine(line.text);
  return vocabulary;
}

/** One paragraph's lines into repaired words, its footnote references found by `finder`. */
export function repairParagraph(lines: SourceLine[], vocabulary: Vocabulary, finder?: FootnoteRefFinder, warnings?: Warnings): Token[] {
  const tokens = tokenize(lines, vocabulary, warnings);
  return repairSpacing(finder ? finder.scan(tokens) : tokens, vocabulary);
}

/** The notes of one part, by number, with the line each is printed on (the first, if repeated). */
export function notesByNumber(notes: FootnoteDefinition[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const n of notes) if (/^\d+$/.test(n.id) && !map.has(Number(n.id))) map.set(Number(n.id), n.line);
  return map;
}

/**
 * The cleaned paragraphs of a raw text, references written `[^n]`, with all footnotes taken as
 * one numbering (the importer scopes them by part). Meant for tests and quick looks.
 */
export function cleanParagraphs(raw: string): { paragraphs: string[]; footnotes: string[] } {
  const reading = readPages(raw);
  const vocabulary = buildVocabulary(reading);
  const finder = new FootnoteRefFinder(notesByNumber(reading.footnotes));
  const paragraphs = segment(reading.lines).map((b) => tokensText(repairParagraph(b.lines, vocabulary, finder)));
  const footnotes = reading.footnotes.map((n) => `${n.id} ${tokensText(repairParagraph(n.lines, vocabulary))}`);
  return { paragraphs, footnotes };
}
