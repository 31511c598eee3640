import type { ImportWarning } from '../../engine/import/import.js';
export interface DocxImportResult { draft: string; warnings: ImportWarning[]; paragraphs: number; amendments: number; rationales: number }
export async function importDocx(_bytes: Uint8Array, _o: { title?: string }): Promise<DocxImportResult> {
  throw new Error('docx not yet');
}
