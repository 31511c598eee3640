/**
 * The import subsystem's entry point for the shells (the `import` and `export` commands): text
 * of a PDF to a `.draft` (import.ts, pdf-layout.ts), Word in (docx/), and printed resolutions
 * linked to their documents (link.ts). Only those commands load it.
 */
export * from './import.js';
export * from './link.js';
export * from './pdf-layout.js';
export { readWordDocument, type DocxParts, type WordDocument } from './docx/read.js';
export { wordToDraft, type DocxDraft, type DocxWarning } from './docx/to-draft.js';
export { OoxmlError } from './docx/xml.js';
