/** A draft read for linting: its text, tree, syntax problems and units. */
import { parse, type DraftDocument, type SyntaxProblem } from '../../../grammar/src/index.js';
import { unitsOf, type Unit } from './acquis/units.js';

export interface DraftFile {
  uri: string;
  text: string;
  document: DraftDocument;
  problems: SyntaxProblem[];
  /** Units in the `current` view (pending proposals undecided). */
  units: Unit[];
}

export function readDraft(uri: string, text: string): DraftFile {
  const { document, problems } = parse(text);
  return { uri, text, document, problems, units: unitsOf(document, text) };
}
