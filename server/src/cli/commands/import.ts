/**
 * `acquis import`: UN documents (extracted text, PDF) and Word drafts into `.draft` files
 * (docs/import.md). A thin shell over the engine's importers: it reads the files (PDF through
 * pdfjs-dist, .docx through JSZip), prints what could not be decided as `file:line: warning: ...`
 * on standard error, shows progress for large inputs and batches, and writes atomically.
 *
 * Two modes:
 * - one input, `-o file.draft` (or standard output): the document as it is (a whole report, one
 *   `--resolution` of it, a resolution, a Word draft);
 * - `-o folder` (a folder, several inputs, or a folder of inputs): the adopted texts, one per
 *   file named after its symbol (`A-RES-73-27.draft`), each checked as an acquis folder reads it
 *   before anything is written. A batch writes all or nothing.
 *
 * Exit codes: 0 written (warnings or not), 2 input or usage error, or an output that would not be
 * valid (nothing is written then).
 */
import type { Command } from 'commander';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { buildAcquis } from '../../engine/index.js';
import {
  ImportError,
  importAdopted,
  importDocument,
  type AdoptedOutput,
  type ImportOptions,
  type ImportWarning,
  type ProgressCallback,
} from '../../engine/import/index.js';
import { InputError, planWrite, writeTextFile } from '../../host/text-file.js';
import { reportFailure, type Io, type SetExit } from '../io.js';
import { readDraftFile } from '../output.js';
import { DocxError, importDocx } from '../office/docx-import.js';
import type { DocxWarning } from '../../engine/import/index.js';
import { linkPrintedResolutions, type LinkableDocument } from '../../engine/import/index.js';
import { PdfError, readPdfText } from '../office/pdf-text.js';

interface ImportCliOptions {
  output?: string;
  symbol: string[];
  adoption?: string;
  resolution?: string;
  title?: string;
  body?: string;
  year?: string;
  source?: string;
}

/** Inputs above this size show progress on standard error. */
const PROGRESS_THRESHOLD = 200 * 1024;
/** PDFs of at least this many pages show their pages going by. */
const PDF_PROGRESS_PAGES = 50;
/** Batches of at least this many files show one progress line per file. */
const BATCH_PROGRESS = 5;
/** The same warning is printed this many times per file, then counted. */
const SAME_WARNING_LIMIT = 20;
/** What a folder input contributes: the formats the importer reads. */
const IMPORTABLE = new Set(['.txt', '.pdf', '.docx']);

export function registerImport(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('import')
    .description('Import UN documents (extracted text or PDF) and Word drafts (.docx) into .draft files.')
    .argument('<inputs...>', 'files (.txt, .pdf, .docx) or folders of them')
    .option('-o, --output <file|folder>', 'the .draft to write, or a folder for one adopted document per resolution (default: standard output)')
    .option('--resolution <n>', 'import only this draft resolution of a report (I, II, or 1, 2); default: the whole report')
    .option('--symbol <symbol>', "the adopted text's symbol (A/RES/73/27); for a report's resolutions, I=A/RES/73/27 (repeatable)", collect, [])
    .option('--adoption <how>', '"consensus" or "vote 109-45-16" (default: as the report records it)')
    .option('--title <title>', 'the title (default: as printed)')
    .option('--body <body>', 'who adopted it: GA, First Committee... (default: from the text)')
    .option('--year <year>', 'the year (default: from the text)')
    .option('--source <text>', 'where the text comes from, e.g. "A/73/505, draft resolution I"')
    .action(async (inputs: string[], options: ImportCliOptions) => {
      try {
        await runImport(inputs, options, io);
        setExit(0);
      } catch (error) {
        if (error instanceof FileError) {
          io.stderr(`${error.file}: error: ${error.message}\n`);
          setExit(2);
        } else setExit(reportFailure(io, error));
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** An error about one input file, printed as `file: error: message`. */
class FileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

async function runImport(inputs: string[], options: ImportCliOptions, io: Io): Promise<void> {
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw new InputError(`--year must be a year such as 2018, not "${options.year}".`);
  const files = expandImportInputs(inputs, io.cwd);
  const outputPath = options.output !== undefined && options.output !== '-' ? resolve(io.cwd, options.output) : undefined;
  for (const f of files) if (resolve(io.cwd, f) === outputPath) throw new InputError('the output would overwrite the input; choose another -o file.', f);
  const folderMode =
    files.length > 1 ||
    inputs.some((i) => isDirectory(resolve(io.cwd, i))) ||
    (options.output !== undefined && outputPath !== undefined && (/[/\\]$/.test(options.output) || isDirectory(outputPath) || (!/\.draft$/i.test(outputPath) && !existsSync(outputPath))));
  if (folderMode) return importToFolder(files, options, outputPath, io);
  return importOne(files[0]!, options, outputPath, io);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The files named, and the importable files of the folders named (recursively, in order). */
function expandImportInputs(inputs: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    const full = resolve(cwd, input);
    if (!isDirectory(full)) {
      out.push(input);
      continue;
    }
    const found: string[] = [];
    const walk = (d: string): void => {
      for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(d, entry.name);
        if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path);
        else if (entry.isFile() && IMPORTABLE.has(extname(entry.name).toLowerCase())) found.push(relative(cwd, path) || path);
      }
    };
    walk(full);
    if (found.length === 0) throw new InputError('no .txt, .pdf or .docx file in this folder.', input);
    out.push(...found);
  }
  return [...new Set(out)];
}

function engineOptions(options: ImportCliOptions, plainSymbol: string | undefined): ImportOptions {
  const out: ImportOptions = {};
  for (const key of ['adoption', 'resolution', 'title', 'body', 'year', 'source'] as const) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  if (plainSymbol !== undefined) out.symbol = plainSymbol;
  return out;
}

/** `--symbol A/RES/73/27` (one document) and `--symbol I=A/RES/73/27` (a report's resolutions). */
function readSymbols(values: string[]): { plain?: string; byResolution: Record<string, string> } {
  const byResolution: Record<string, string> = {};
  let plain: string | undefined;
  for (const v of values) {
    const m = /^([IVXLivxl]+|\d+)=(.+)$/.exec(v);
    if (m) byResolution[m[1]!] = m[2]!;
    else if (plain !== undefined) throw new InputError('--symbol is given twice; for the resolutions of a report write --symbol I=A/RES/73/27 --symbol II=...');
    else plain = v;
  }
  return { ...(plain !== undefined ? { plain } : {}), byResolution };
}

/** The plain text of an input: the file itself, or the text layer of a PDF laid out as lines. */
async function readInputText(file: string, io: Io): Promise<string> {
  const full = resolve(io.cwd, file);
  if (extname(file).toLowerCase() !== '.pdf') return readDraftFile(io, file).text;
  const bytes = readBytes(full, file);
  try {
    // A long PDF shows its pages going by, a tenth at a time.
    let shown = -1;
    return await readPdfText(bytes, (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (total < PDF_PROGRESS_PAGES || tenth === shown) return;
      shown = tenth;
      io.stderr(`acquis import: ${file}: page ${done}/${total}\n`);
    });
  } catch (error) {
    if (error instanceof PdfError) throw new FileError(file, error.message);
    throw error;
  }
}

function readBytes(full: string, shown: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(full));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, shown);
  }
}

function printWarnings(file: string, warnings: ImportWarning[], io: Io): void {
  const seen = new Map<string, number>();
  for (const w of warnings) {
    const n = (seen.get(w.reason) ?? 0) + 1;
    seen.set(w.reason, n);
    if (n <= SAME_WARNING_LIMIT) io.stderr(`${file}:${w.line}: warning: ${w.reason}${w.text ? `: ${w.text}` : ''}\n`);
  }
  for (const [reason, n] of seen) {
    if (n > SAME_WARNING_LIMIT) io.stderr(`${file}: warning: ${n - SAME_WARNING_LIMIT} more warning(s) like: ${reason}\n`);
  }
}

async function readDocx(file: string, title: string | undefined, io: Io): ReturnType<typeof importDocx> {
  try {
    return await importDocx(readBytes(resolve(io.cwd, file), file), title !== undefined ? { title } : {});
  } catch (error) {
    if (error instanceof DocxError) throw new FileError(file, error.message);
    throw error;
  }
}

/** A Word document has no lines: warnings name the paragraph (counted from 1) instead. */
function printDocxWarnings(file: string, warnings: DocxWarning[], io: Io): void {
  for (const w of warnings) {
    const where = w.paragraph > 0 ? `${file}: paragraph ${w.paragraph}` : file;
    io.stderr(`${where}: warning: ${w.reason}${w.text ? `: ${w.text}` : ''}\n`);
  }
}

/** One input to one `.draft` (or standard output). */
async function importOne(file: string, options: ImportCliOptions, outputPath: string | undefined, io: Io): Promise<void> {
  const symbols = readSymbols(options.symbol);
  if (Object.keys(symbols.byResolution).length > 0) throw new InputError('--symbol I=... names the resolutions of a report: give -o a folder to write one document per resolution.');
  // Checked before any work: a missing folder, a folder, a read-only file, an input.
  if (outputPath !== undefined) planWrite(outputPath, { shown: options.output!, inputs: [{ path: resolve(io.cwd, file) }] });

  let draft: string;
  let summary: string;
  if (extname(file).toLowerCase() === '.docx') {
    const result = await readDocx(file, options.title, io);
    printDocxWarnings(file, result.warnings, io);
    draft = result.draft;
    summary = `draft, ${result.paragraphs} paragraphs, ${result.amendments} amendment(s), ${result.rationales} rationale(s)`;
  } else {
    const text = await readInputText(file, io);
    const engine = engineOptions(options, symbols.plain);
    if (text.length > PROGRESS_THRESHOLD) engine.onProgress = progressPrinter(io);
    let result;
    try {
      result = importDocument(text, engine);
    } catch (error) {
      if (error instanceof ImportError) throw new FileError(file, error.message);
      throw error;
    }
    printWarnings(file, result.unclassified, io);
    const syntax = result.unclassified.filter((w) => w.reason.startsWith('the output has a syntax problem'));
    if (syntax.length > 0) throw new FileError(file, `the output would not be a valid .draft (${syntax.length} syntax problem(s), shown above); nothing written.`);
    if (result.kind === 'report' && result.documents.length > 0 && outputPath !== undefined) {
      io.stderr(`${file}: warning: a report is not an adopted text, so an acquis folder refuses it; to add its ${result.documents.length} draft resolution(s) to an acquis, give -o a folder\n`);
    }
    draft = result.draft;
    const paragraphs = draft.split('\n').filter((l) => /^\s*(?:(?:PP|OP)?\d+(?:\.\d+)*\.|\([a-z]+\)) /.test(l)).length;
    const what = result.kind === 'resolution' ? 'resolution' : `report with ${result.documents.length} draft resolution(s)`;
    const warned = result.unclassified.length ? `, ${result.unclassified.length} warning(s)` : '';
    summary = `${what}, ${paragraphs} labelled paragraphs${warned}`;
  }
  if (outputPath === undefined) {
    io.stdout(draft);
    return;
  }
  writeTextFile(outputPath, draft, { shown: options.output!, inputs: [{ path: resolve(io.cwd, file) }] });
  io.stdout(`${options.output}: ${summary}\n`);
}

/** Reasons an acquis folder would refuse this document: the acquis reader's own checks. */
function acquisProblems(fileName: string, draft: string): string[] {
  return buildAcquis([{ uri: fileName, text: draft }]).problems.map((p) => p.message);
}

interface Planned extends LinkableDocument {
  /** Warnings to print once the batch is linked, as `[line, reason, text]`. */
  warnings: ImportWarning[];
  docxWarnings: DocxWarning[];
}

/** Every input to its adopted documents in `folder`: all checked first, then all written. */
async function importToFolder(files: string[], options: ImportCliOptions, folder: string | undefined, io: Io): Promise<void> {
  if (folder === undefined) throw new InputError('several documents to write: give -o a folder.');
  if (!isDirectory(folder)) {
    if (existsSync(folder)) throw new InputError('-o must be a folder when importing several documents.', options.output);
    if (!isDirectory(dirname(folder))) throw new InputError('the folder to write into does not exist.', options.output);
  }
  if (options.resolution !== undefined) throw new InputError('--resolution picks one document: give -o a .draft file, not a folder.');
  const symbols = readSymbols(options.symbol);
  if (files.length > 1 && (symbols.plain || options.title || options.adoption || options.source)) {
    throw new InputError('--symbol, --title, --adoption and --source name one document, but several files are imported.');
  }
  const planned: Planned[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  for (const [i, file] of files.entries()) {
    if (files.length >= BATCH_PROGRESS) io.stderr(`acquis import: [${i + 1}/${files.length}] ${file}\n`);
    try {
      const plan = await planFile(file, options, symbols, io);
      planned.push(...plan.documents);
      notes.push(...plan.notes);
    } catch (error) {
      if (error instanceof InputError) failures.push(`${error.location}error: ${error.message}`);
      else if (error instanceof FileError) failures.push(`${error.file}: error: ${error.message}`);
      else throw error;
    }
  }
  // A report's draft resolution and the printed resolution it became: one document.
  const linked = linkPrintedResolutions(planned);
  for (const p of planned) {
    if (p.linkedTo) continue;
    if (linked.length && p.resolution === '' && p.symbol && p.problems.length === 0) {
      // Linking may have filled the front matter in: check again as an acquis reads it.
      p.problems.push(...acquisProblems(p.fileName!, p.draft));
    }
    const adopted = /\nadoption: /.test(p.draft);
    printWarnings(p.input, p.warnings.filter((w) => !(adopted && /^no adoption given or found/.test(w.reason))), io);
    printDocxWarnings(p.input, p.docxWarnings, io);
  }
  for (const n of [...notes, ...linked]) io.stderr(`${n}\n`);
  const writing = planned.filter((p) => !p.linkedTo);
  for (const p of writing) {
    if (p.problems.length > 0) failures.push(`${p.input}: error: not a valid acquis document: ${p.resolution ? `draft resolution ${p.resolution}` : (p.symbol ?? 'the document')}: ${p.problems.join('; ')}.`);
  }
  const byName = new Map<string, Planned>();
  for (const p of writing) {
    if (!p.fileName) continue;
    const other = byName.get(p.fileName);
    if (other) failures.push(`${p.input}: error: ${p.fileName} would be written twice (also from ${other.input}); give the symbols with --symbol.`);
    byName.set(p.fileName, p);
  }
  if (failures.length > 0) {
    for (const f of failures) io.stderr(`${f}\n`);
    throw new InputError(`nothing written: ${failures.length} problem(s) above.`, options.output);
  }
  if (!existsSync(folder)) mkdirSync(folder);
  for (const p of writing) {
    writeTextFile(join(folder, p.fileName!), p.draft, { shown: join(options.output!, p.fileName!), inputs: files.map((f) => ({ path: resolve(io.cwd, f) })) });
    io.stdout(`${join(options.output!, p.fileName!)}: ${p.symbol ?? 'draft'} (from ${p.input})\n`);
  }
}

async function planFile(
  file: string,
  options: ImportCliOptions,
  symbols: ReturnType<typeof readSymbols>,
  io: Io,
): Promise<{ documents: Planned[]; notes: string[] }> {
  if (extname(file).toLowerCase() === '.docx') {
    const result = await readDocx(file, undefined, io);
    const fileName = `${basename(file, extname(file))}.draft`;
    return { documents: [{ input: file, resolution: '', fileName, draft: result.draft, problems: [], warnings: [], docxWarnings: result.warnings }], notes: [] };
  }
  const text = await readInputText(file, io);
  const engine = { ...engineOptions(options, symbols.plain), symbols: symbols.byResolution, validate: acquisProblems };
  if (text.length > PROGRESS_THRESHOLD) engine.onProgress = progressPrinter(io);
  let result;
  try {
    result = importAdopted(text, engine);
  } catch (error) {
    if (error instanceof ImportError) throw new FileError(file, error.message);
    throw error;
  }
  const documents: Planned[] = result.outputs.map((o, i) => ({
    input: file,
    resolution: o.resolution,
    draft: o.draft,
    problems: [...o.problems],
    ...(o.symbol ? { symbol: o.symbol } : {}),
    ...(o.fileName ? { fileName: o.fileName } : {}),
    warnings: i === 0 ? [...result.unclassified, ...o.unclassified] : o.unclassified,
    docxWarnings: [],
  }));
  const notes =
    result.kind === 'resolutions'
      ? [`${file}: note: the report's own text is not written (a committee report is not an adopted text); its ${result.outputs.length} draft resolution(s) are.`]
      : [];
  return { documents, notes };
}

/** One line per stage and per tenth of the work, so a long import shows it is moving. */
function progressPrinter(io: Io): ProgressCallback {
  let last = '';
  return ({ stage, done, total }) => {
    const tenth = total > 0 ? Math.floor((done / total) * 10) * 10 : 100;
    const key = `${stage} ${tenth}`;
    if (key === last) return;
    last = key;
    io.stderr(`acquis import: ${stage} ${tenth}%\n`);
  };
}
