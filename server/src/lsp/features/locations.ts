/** Locations in acquis documents: the engine keeps their text, so positions need no file access. */
import type { Range } from 'vscode-languageserver';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinAcquisDir } from '../../host/install.js';
import type { Span } from '../../../../grammar/src/index.js';
import { LineIndex, type AdoptedDocument, type Engine } from '../../engine/index.js';

const indexes = new WeakMap<AdoptedDocument, LineIndex>();

export function acquisDocument(engine: Engine, uri: string): AdoptedDocument | undefined {
  return engine.acquis.documents.find((d) => d.uri === uri);
}

export function spanRange(document: AdoptedDocument, span: Span): Range {
  let index = indexes.get(document);
  if (!index) {
    index = new LineIndex(document.text);
    indexes.set(document, index);
  }
  return { start: index.position(span.start), end: index.position(span.end) };
}

export function precedentRange(engine: Engine, uri: string, span: Span): Range | undefined {
  const document = acquisDocument(engine, uri);
  return document ? spanRange(document, span) : undefined;
}

/** Whether `uri` is a file of the built-in acquis (opened read-only for reference, never linted). */
export function isAcquisFile(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  try {
    return resolve(fileURLToPath(uri)).startsWith(resolve(builtinAcquisDir()) + sep);
  } catch {
    return false;
  }
}
