/**
 * `acquis import draft.docx`: the package opened with JSZip (with limits, so a zip bomb or a huge
 * file is refused before it is inflated), its parts handed to the engine's OOXML reader
 * (engine/import/docx/), which returns the `.draft`.
 */
import JSZip from 'jszip';
import { readWordDocument, type DocxParts } from '../../engine/import/index.js';
import { wordToDraft, type DocxWarning } from '../../engine/import/index.js';
import { OoxmlError } from '../../engine/import/index.js';

/** Why a .docx cannot be imported: printed as `file: error: <message>`, exit 2. */
export class DocxError extends Error {}

export interface DocxImportResult {
  draft: string;
  warnings: DocxWarning[];
  paragraphs: number;
  amendments: number;
  rationales: number;
}

/** Larger files are refused: a negotiating draft is a few megabytes at most. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;
/** The parts read, inflated, may not exceed this (a zip bomb declares far more). */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

const PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/comments.xml', 'word/numbering.xml', 'word/styles.xml', 'docProps/core.xml'];

/** Read the parts the importer needs from the package's bytes. */
export async function readDocxParts(bytes: Uint8Array): Promise<DocxParts> {
  if (bytes.length > MAX_DOCX_BYTES) throw new DocxError(`the file is ${Math.round(bytes.length / 1048576)} MB; files over ${MAX_DOCX_BYTES / 1048576} MB are not imported.`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DocxError('not a .docx file: it is not a zip package (a .doc from old Word? save it as .docx first).');
  }
  let zip: JSZip;
  try {
    // Not checkCRC32: it inflates every part while loading, before the sizes can be checked.
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new DocxError(`the .docx package is damaged: ${(error as Error).message}`);
  }
  const parts: DocxParts = {};
  let total = 0;
  for (const name of PARTS) {
    const file = zip.file(name);
    if (!file) continue;
    // The size the package declares, before inflating anything.
    const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    total += declared;
    if (total > MAX_PART_BYTES) throw new DocxError(`the document's text would inflate to over ${MAX_PART_BYTES / 1048576} MB: refused (a damaged or hostile package).`);
    try {
      parts[name] = await file.async('string');
    } catch (error) {
      throw new DocxError(`the .docx package is damaged (${name}): ${(error as Error).message}`);
    }
  }
  if (parts['word/document.xml'] === undefined) throw new DocxError('not a Word document: the package has no word/document.xml.');
  return parts;
}

export async function importDocx(bytes: Uint8Array, options: { title?: string }): Promise<DocxImportResult> {
  const parts = await readDocxParts(bytes);
  try {
    return wordToDraft(readWordDocument(parts), options);
  } catch (error) {
    if (error instanceof OoxmlError) throw new DocxError(`the .docx package is damaged: ${error.message}`);
    throw error;
  }
}
