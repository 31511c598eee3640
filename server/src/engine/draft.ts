/** A draft read for linting: its text, tree, syntax problems and units. */
import { parse, type DraftDocument, type ParseResult, type SyntaxProblem } from '../../../grammar/src/index.js';
import { unitsOf, type Unit } from './acquis/units.js';

export interface DraftFile {
  uri: string;
  text: string;
  document: DraftDocument;
  problems: SyntaxProblem[];
  /** Units in the `current` view (pending proposals undecided). */
  units: Unit[];
}

/** Anything that parses like `parse` (the language server passes an incremental parser). */
export interface DraftParser {
  parse(text: string): ParseResult;
}

export function readDraft(uri: string, text: string, parser: DraftParser = { parse }): DraftFile {
  const { document, problems } = parser.parse(text);
  return { uri, text, document, problems, units: unitsOf(document, text) };
}
