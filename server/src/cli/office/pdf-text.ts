/**
 * Reading a PDF's text layer with pdf.js (pdfjs-dist, its legacy build for Node), page by page,
 * into the items the engine's layout module (engine/import/pdf-layout.ts) rebuilds lines from.
 * pdf.js is loaded only when a PDF is imported (it is large), and kept out of the bundle: the build
 * copies it beside the bundle, and the sources use the one in node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfPagesToText, pdfTextLength, type PdfPage } from '../../engine/import/index.js';

/** Why a PDF cannot be imported: printed as `file: error: <message>`, exit 2. */
export class PdfError extends Error {}

interface PdfJsItem {
  str?: string;
  transform?: number[];
  width?: number;
}

type PdfJs = typeof import('pdfjs-dist');

async function loadPdfJs(): Promise<PdfJs> {
  // pdf.js is an ES module without top-level await: Node (20.19 and later) requires it
  // synchronously, which also works where the CLI bundle is compiled with a code cache (a
  // dynamic import() has no loader there).
  const require = createRequire(import.meta.url);
  const bundled = bundledPdfJs();
  if (!bundled) return require('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;
  // Without node_modules there is no @napi-rs/canvas, which pdf.js loads for its graphics classes
  // (it builds a DOMMatrix while loading). Text extraction draws nothing: a stand-in will do, and
  // pdf.js's load-time notices about rendering are not the user's concern.
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= TextOnlyMatrix;
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(args[0]))) warn(...args);
  };
  try {
    // The worker is handed over already loaded, so pdf.js never imports it by a path of its own.
    g.pdfjsWorker ??= require(bundled.worker);
    return require(bundled.main) as PdfJs;
  } finally {
    console.warn = warn;
  }
}

/** An identity transform with no arithmetic: enough for pdf.js to load where it never renders. */
class TextOnlyMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

/**
 * The copy of pdf.js the build puts beside the bundle (dist/pdfjs/, see scripts/build.mjs): an
 * installed extension or package has no node_modules. Absent when running from the sources.
 */
function bundledPdfJs(): { main: string; worker: string } | undefined {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'pdfjs');
  const main = join(dir, 'pdf.mjs');
  const worker = join(dir, 'pdf.worker.mjs');
  return existsSync(main) && existsSync(worker) ? { main, worker } : undefined;
}

/** The text of a PDF laid out as lines, as the text importer reads it. */
export async function readPdfText(bytes: Uint8Array, onPage?: (done: number, total: number) => void): Promise<string> {
  if (!startsWithPdfHeader(bytes)) throw new PdfError('not a PDF file (no %PDF header).');
  const pdfjs = await loadPdfJs();
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: bytes, verbosity: 0, isEvalSupported: false, useSystemFonts: false, stopAtErrors: false }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new PdfError('the PDF is encrypted with a password: open it with its password and save an unprotected copy first.');
    if (name === 'InvalidPDFException') throw new PdfError('the PDF is damaged or not a PDF: pdf.js cannot read it.');
    throw new PdfError(`pdf.js cannot read it: ${(error as Error).message}`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as PdfJsItem[])
        .filter((it) => typeof it.str === 'string' && Array.isArray(it.transform))
        .map((it) => {
          const t = it.transform!;
          return { str: it.str!, x: t[4]!, y: t[5]!, width: it.width ?? 0, size: Math.hypot(t[2]!, t[3]!) || Math.abs(t[0]!) };
        });
      pages.push({ items });
      page.cleanup();
      onPage?.(n, doc.numPages);
    }
    if (pdfTextLength(pages) === 0) {
      throw new PdfError(`no text layer in its ${doc.numPages} page(s): a scanned PDF needs OCR (e.g. ocrmypdf) before it can be imported.`);
    }
    return pdfPagesToText(pages);
  } finally {
    await doc.destroy();
  }
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a little garbage (the specification allows 1024 bytes).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
