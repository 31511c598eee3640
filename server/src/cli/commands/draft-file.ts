/** Shared by the amendment commands: reading one draft, and small helpers for their messages. */
import { parse, type DraftDocument, type SyntaxProblem } from '../../../../grammar/src/index.js';
import { LineIndex } from '../../engine/text/line-index.js';
import type { TextFile } from '../../host/text-file.js';
import type { Io } from '../io.js';
import { readDraftFile } from '../output.js';

export interface LoadedDraft {
  /** As given on the command line (used in messages). */
  path: string;
  /** Resolved against the working folder. */
  full: string;
  text: string;
  /** The file as read (encoding, stamp): what a write back needs. */
  file: TextFile;
  document: DraftDocument;
  problems: SyntaxProblem[];
  lines: LineIndex;
}

export function loadDraft(io: Io, path: string): LoadedDraft {
  const file = readDraftFile(io, path);
  const { document, problems } = parse(file.text);
  return { path, full: file.path, text: file.text, file, document, problems, lines: new LineIndex(file.text) };
}

/** `file:line:col: ` for an offset of a loaded draft. */
export function locate(draft: LoadedDraft, offset: number): string {
  const at = draft.lines.position(offset);
  return `${draft.path}:${at.line + 1}:${at.character + 1}: `;
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `Japan`, `Japan and China`, `Japan, China and Brazil`. */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
