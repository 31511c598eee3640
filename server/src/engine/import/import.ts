/**
 * `importDocument`: the plain text of a UN document, as extracted from its PDF, into an adopted
 * `.draft`. Transport-free: a string in, a string and warnings out (docs/import.md).
 *
 * A report of a Main Committee carries the draft resolutions it recommends. With `resolution`
 * ("I", "II", or 1, 2) one of them is imported as a resolution document of its own (PP/OP labels,
 * its footnotes numbered as printed); this is what an acquis wants, one adopted text per file.
 * Without it, a document that is a single resolution is imported as that resolution, and a report
 * is imported whole: its chapters and numbered paragraphs, then each draft resolution as a section
 * with its own PP/OP labels, its footnote ids prefixed with its number (`[^I-1]`) since every
 * resolution numbers its notes from 1.
 */
import { parse, readAdoption } from '../../../../grammar/src/index.js';
import { checkWording, classify, type Para, type Part } from './classify.js';
import { buildVocabulary, notesByNumber, repairParagraph } from './clean.js';
import { DraftWriter, frontMatter, type Origin } from './emit.js';
import { readFacts, type AdoptionRecord, type DocumentFacts, type ReportText } from './facts.js';
import { FootnoteRefFinder } from './footnote-refs.js';
import { ImportError, Warnings, type ImportWarning, type ProgressCallback } from './model.js';
import { readPages } from './page.js';
import { toRoman } from './patterns.js';
import { segment } from './segment.js';
import { tokensText } from './tokens.js';
import type { Vocabulary } from './vocabulary.js';

export { ImportError, type ImportWarning, type ProgressCallback } from './model.js';

export interface ImportOptions {
  /** The adopted text's symbol (`A/RES/73/27`). */
  symbol?: string;
  /** `consensus` or `vote 109-45-16`; found in the report when not given. */
  adoption?: string;
  title?: string;
  /** Which draft resolution of a report to import (`I`, `II`, `2`); the whole report when absent. */
  resolution?: string;
  body?: string;
  year?: string;
  /** Where the text comes from (`A/73/505, draft resolution I`). */
  source?: string;
  onProgress?: ProgressCallback;
}

/** A resolution the document holds, with what the report says of its adoption. */
export interface ImportedDocument {
  resolution: string;
  title: string;
  line: number;
  draftSymbol?: string;
  adoption?: string;
  adoptedOn?: string;
}

export interface ImportResult {
  draft: string;
  /** What could not be classified, or was guessed: with the raw text's 1-based line. */
  unclassified: ImportWarning[];
  /** The resolutions found in the document. */
  documents: ImportedDocument[];
  /** What was imported: one resolution, or the whole report. */
  kind: 'resolution' | 'report';
}

/** The document read and repaired, before anything is written. */
interface Analysis {
  parts: Part[];
  facts: DocumentFacts;
  headerSymbol: string | undefined;
  warnings: Warnings;
}

function analyse(raw: string, options: ImportOptions): Analysis {
  if (options.adoption !== undefined && !readAdoption(options.adoption)) {
    throw new ImportError(`adoption "${options.adoption}" is neither \`consensus\` nor \`vote\` with a tally such as \`vote 109-45-16\`.`);
  }
  const progress = options.onProgress;
  const warnings = new Warnings();
  const reading = readPages(raw, (done, total) => progress?.({ stage: 'reading', done, total }));
  const blocks = segment(reading.lines, (done, total) => progress?.({ stage: 'segmenting', done, total }));
  const { parts, cover } = classify(blocks, reading.footnotes, warnings);
  const vocabulary = buildVocabulary(reading);
  repairAll(parts, vocabulary, warnings, progress);
  const facts = readFacts(reportTexts(parts), cover);
  return { parts, facts, headerSymbol: reading.headerSymbol, warnings };
}

export function importDocument(raw: string, options: ImportOptions = {}): ImportResult {
  const { parts, facts, headerSymbol, warnings } = analyse(raw, options);
  const resolutions = parts.filter((p) => p.kind === 'resolution');
  const documents = resolutions.map((p) => describe(p, facts));
  const selected = select(parts, options.resolution);
  const { draft, unclassified } = write(parts, selected, facts, headerSymbol, options, warnings);
  if (parts.length === 0) unclassified.push({ line: 1, text: '', reason: 'no heading, paragraph or resolution recognised in the input' });
  return { draft, unclassified, documents, kind: selected.kind };
}

/** Write the selected parts; the warnings of those parts, of the front matter and of the self-check. */
function write(
  parts: Part[],
  selected: { kind: 'resolution' | 'report'; parts: Part[] },
  facts: DocumentFacts,
  headerSymbol: string | undefined,
  options: ImportOptions,
  warnings: Warnings,
): { draft: string; unclassified: ImportWarning[] } {
  const progress = options.onProgress;
  for (const p of selected.parts) checkWording(p, (para) => tokensText(para.tokens), warnings);
  progress?.({ stage: 'writing', done: 0, total: 1 });
  // About the front matter: reported wherever the line they point at is (a vote record, say).
  const meta = new Warnings();
  const writer = new DraftWriter(meta);
  if (selected.kind === 'resolution') writeResolution(writer, selected.parts[0]!, facts, headerSymbol, options, meta);
  else writeReport(writer, parts, facts, headerSymbol, options, meta);
  const draft = writer.finish();
  progress?.({ stage: 'writing', done: 1, total: 1 });

  // What was not imported is not reported; what was, is checked by the real parser.
  const ranges = selected.parts.map((p) => lineRange(parts, p));
  const unclassified = warnings.list.filter((w) => ranges.some(([from, to]) => w.line >= from && w.line <= to));
  unclassified.push(...meta.list, ...selfCheck(draft, writer.origins));
  unclassified.sort((a, b) => a.line - b.line);
  return { draft, unclassified };
}

/** One adopted text for an acquis folder, as `importAdopted` writes it. */
export interface AdoptedOutput {
  /** `I`, `II` for a draft resolution of a report; `` for the document itself. */
  resolution: string;
  symbol?: string;
  /** `A-RES-73-27.draft`: the symbol with `/` as `-`. */
  fileName?: string;
  draft: string;
  unclassified: ImportWarning[];
  /** Why this output is not a valid acquis document (empty when it is). */
  problems: string[];
}

export interface SplitOptions extends ImportOptions {
  /** Adopted symbols by draft resolution (`I` -> `A/RES/73/27`), as the user gives them. */
  symbols?: Record<string, string>;
  /** Checks a written document as an acquis folder would read it: the reasons it would be refused. */
  validate?: (fileName: string, draft: string) => string[];
}

export interface SplitResult {
  outputs: AdoptedOutput[];
  /** What the document is: a report carrying resolutions, a resolution, or a report on its own. */
  kind: 'resolutions' | 'resolution' | 'report';
  /** Draft resolutions found, with what the report records of them. */
  documents: ImportedDocument[];
  /** Warnings about the whole input (the report's own text when only its resolutions are written). */
  unclassified: ImportWarning[];
}

/**
 * The adopted texts a document holds, one per file, for an acquis folder: each draft resolution
 * of a committee report as a resolution (its symbol the adopted one when known, from `symbols` or
 * from the report's text, else the draft's, with a warning), the adoption the report records; a
 * resolution printed on its own as itself; a report without resolutions (a GGE or OEWG report) as
 * a report, adopted by consensus when its text says so. Each output says why it would not be a
 * valid acquis document, if it would not.
 */
export function importAdopted(raw: string, options: SplitOptions = {}): SplitResult {
  const { parts, facts, headerSymbol, warnings } = analyse(raw, options);
  const resolutions = parts.filter((p) => p.kind === 'resolution');
  const documents = resolutions.map((p) => describe(p, facts));
  const reportBody = parts.some((p) => p.kind === 'report' && p.paras.some((x) => !['chapter', 'section', 'annex'].includes(x.kind)));
  const outputs: AdoptedOutput[] = [];
  const validate = (o: AdoptedOutput): AdoptedOutput => {
    if (!o.symbol) o.problems.push('no symbol given or found: give it with --symbol');
    else o.fileName = `${o.symbol.replace(/[\\/:*?"<>|\s]+/g, '-')}.draft`;
    const syntax = o.unclassified.filter((w) => w.reason.startsWith('the output has a syntax problem'));
    for (const w of syntax) o.problems.push(`line ${w.line}: ${w.reason}`);
    if (o.problems.length === 0 && options.validate) o.problems.push(...options.validate(o.fileName!, o.draft));
    return o;
  };
  const symbolOf = (draft: string): string | undefined => /^symbol: "?([^"\n]+)"?$/m.exec(draft.slice(0, draft.indexOf('\n---', 3)))?.[1];

  if (resolutions.length > 0 && (reportBody || resolutions.length > 1)) {
    const several = resolutions.length > 1;
    for (const key of ['symbol', 'title', 'adoption', 'source', 'resolution'] as const) {
      if (several && options[key] !== undefined) {
        throw new ImportError(`--${key} names one document, but this report carries ${resolutions.length} draft resolutions; ${key === 'symbol' ? 'give each its symbol as --symbol I=A/RES/73/27, or ' : ''}import one with --resolution.`);
      }
    }
    const byUser = new Map(Object.entries(options.symbols ?? {}).map(([k, v]) => [normaliseId(k), v]));
    for (const [id] of byUser) {
      if (!resolutions.some((p) => p.id === id)) throw new ImportError(`--symbol ${id}=...: no draft resolution ${id} in this document; it has ${resolutions.map((p) => p.id).join(', ')}.`);
    }
    for (const part of resolutions) {
      const final = byUser.get(part.id) ?? facts.finalSymbols.get(part.id)?.symbol;
      const own: ImportOptions = { ...options, resolution: part.id };
      if (final !== undefined) own.symbol = final;
      const { draft, unclassified } = write(parts, { kind: 'resolution', parts: [part] }, facts, headerSymbol, own, cloneWarnings(warnings));
      const symbol = symbolOf(draft);
      outputs.push(validate({ resolution: part.id, ...(symbol ? { symbol } : {}), draft, unclassified, problems: [] }));
    }
    const own = warnings.list.filter((w) => parts.some((p) => p.kind === 'report' && inRange(w.line, lineRange(parts, p))));
    return { outputs, kind: 'resolutions', documents, unclassified: own };
  }

  const selected = select(parts, undefined);
  const reportOptions: ImportOptions = { ...options };
  if (selected.kind === 'report' && options.adoption === undefined && facts.reportAdoption) reportOptions.adoption = facts.reportAdoption.adoption;
  const { draft, unclassified } = write(parts, selected, facts, headerSymbol, reportOptions, warnings);
  if (parts.length === 0) unclassified.push({ line: 1, text: '', reason: 'no heading, paragraph or resolution recognised in the input' });
  const symbol = symbolOf(draft);
  const output: AdoptedOutput = { resolution: '', ...(symbol ? { symbol } : {}), draft, unclassified, problems: [] };
  if (selected.kind === 'report' && reportOptions.adoption === undefined) {
    output.problems.push('the report does not say it was adopted by consensus, and no --adoption was given: it is not an adopted text');
  }
  if (parts.length === 0) output.problems.push('nothing recognised in the input');
  return { outputs: [validate(output)], kind: selected.kind, documents, unclassified: [] };
}

function cloneWarnings(w: Warnings): Warnings {
  const copy = new Warnings();
  copy.list.push(...w.list);
  return copy;
}

function inRange(line: number, [from, to]: [number, number]): boolean {
  return line >= from && line <= to;
}

/** Every paragraph of every part tokenised and repaired, footnote references found per part. */
function repairAll(parts: Part[], vocabulary: Vocabulary, warnings: Warnings, progress?: ProgressCallback): void {
  const total = parts.reduce((n, p) => n + p.paras.length, 0);
  let done = 0;
  for (const part of parts) {
    const finder = new FootnoteRefFinder(notesByNumber(part.footnotes), warnings);
    part.title = repairParagraph(part.titleLines, vocabulary, undefined, warnings);
    for (const para of part.paras) {
      para.tokens = repairParagraph(para.lines, vocabulary, finder, warnings);
      if (progress && ++done % 200 === 0) progress({ stage: 'repairing', done, total });
    }
    for (const note of part.footnotes) note.tokens = repairParagraph(note.lines, vocabulary, undefined, warnings);
    for (const id of finder.unreferenced()) {
      const note = part.footnotes.find((n) => n.id === String(id))!;
      warnings.add(note.line, tokensText(note.tokens), `no reference to footnote ${id} found in the text; the note is kept`);
    }
    const ids = new Map<string, string>();
    for (const note of part.footnotes) {
      const text = tokensText(note.tokens);
      const before = ids.get(note.id);
      if (before !== undefined && before !== text) warnings.add(note.line, text, `footnote ${note.id} is printed twice with different texts; the first is kept`);
      ids.set(note.id, before ?? text);
    }
  }
  progress?.({ stage: 'repairing', done: total, total });
}

/** The report's own paragraphs (not its resolutions'), for the facts it states. */
function reportTexts(parts: Part[]): ReportText[] {
  return parts
    .filter((part) => part.kind === 'report')
    .flatMap((part) => part.paras.map((p) => ({ text: tokensText(p.tokens, () => ''), line: p.line })));
}

function recordFor(part: Part, facts: DocumentFacts): AdoptionRecord | undefined {
  return facts.records.find((r) => r.id === part.id);
}

function describe(part: Part, facts: DocumentFacts): ImportedDocument {
  const doc: ImportedDocument = { resolution: part.id, title: tokensText(part.title), line: part.line };
  const record = recordFor(part, facts);
  if (record) {
    doc.draftSymbol = record.draftSymbol;
    doc.adoption = record.adoption;
    if (record.adoptedOn) doc.adoptedOn = record.adoptedOn;
  }
  return doc;
}

/** `2`, `ii`, `II` all name draft resolution II. */
function normaliseId(id: string): string {
  const t = id.trim();
  return /^\d+$/.test(t) ? toRoman(Number(t)) : t.toUpperCase();
}

function select(parts: Part[], wanted: string | undefined): { kind: 'resolution' | 'report'; parts: Part[] } {
  const resolutions = parts.filter((p) => p.kind === 'resolution');
  if (wanted !== undefined) {
    const id = normaliseId(wanted);
    const found = resolutions.filter((p) => p.id === id || (id === 'I' && p.id === '' && resolutions.length === 1));
    if (found.length === 0) {
      const have = resolutions.map((p) => (p.id ? p.id : '(one, unnumbered)')).join(', ');
      throw new ImportError(`no draft resolution ${id} in this document; it has ${have || 'none'}.`);
    }
    return { kind: 'resolution', parts: [found[0]!] };
  }
  const reportBody = parts.some((p) => p.kind === 'report' && p.paras.some((x) => !['chapter', 'section', 'annex'].includes(x.kind)));
  if (resolutions.length === 1 && !reportBody) return { kind: 'resolution', parts: resolutions };
  return { kind: 'report', parts };
}

/** The raw lines a part spans: from its first line to the line before the next part. */
function lineRange(parts: Part[], part: Part): [number, number] {
  const i = parts.indexOf(part);
  const from = i === 0 ? 1 : part.line;
  const next = parts[i + 1];
  return [from, next ? next.line - 1 : Number.MAX_SAFE_INTEGER];
}

const BODIES: Record<string, string> = { 'General Assembly': 'GA', 'Security Council': 'SC', 'Economic and Social Council': 'ECOSOC', 'Human Rights Council': 'HRC' };

function enactingBody(part: Part): string | undefined {
  const enacting = part.paras.find((p) => p.kind === 'enacting');
  const name = enacting ? /^The (.+),$/.exec(tokensText(enacting.tokens))?.[1] : undefined;
  return name ? (BODIES[name] ?? name) : undefined;
}

function writeResolution(
  writer: DraftWriter,
  part: Part,
  facts: DocumentFacts,
  headerSymbol: string | undefined,
  options: ImportOptions,
  warnings: Warnings,
): void {
  const record = recordFor(part, facts);
  const title = options.title ?? (tokensText(part.title) || facts.title);
  const adoption = options.adoption ?? record?.adoption;
  if (options.adoption !== undefined && record && !sameAdoption(options.adoption, record.adoption)) {
    warnings.add(record.line, options.adoption, `adoption given as "${options.adoption}", but the report records "${record.adoption}"`);
  }
  if (adoption === undefined) {
    warnings.add(part.line, title ?? '', 'no adoption given or found: add `adoption` to the front matter before using the text as precedent');
  }
  // A resolution printed on its own has its symbol on its title page; a draft in a report has
  // only the draft's symbol, which stands in until the user gives the adopted one.
  const printed = options.symbol ?? (part.id === '' ? facts.symbol : undefined);
  const symbol = printed ?? record?.draftSymbol;
  if (printed === undefined) {
    warnings.add(part.line, title ?? '', symbol ? `no symbol given: the draft's symbol ${symbol} is used` : 'no symbol given or found');
  }
  const adoptedOn = record?.adoptedOn ?? (part.id === '' ? facts.adoptedOn : undefined);
  const where = part.id ? `draft ${part.noun} ${part.id}` : undefined;
  const source = options.source ?? (headerSymbol && where ? `${headerSymbol}, ${where}` : undefined);
  writer.lines(
    frontMatter([
      ['title', title],
      ['symbol', symbol],
      ['body', options.body ?? enactingBody(part)],
      ['year', options.year ?? adoptedOn?.slice(0, 4) ?? (facts.year ? String(facts.year) : undefined)],
      ['kind', 'resolution'],
      ['adoption', adoption],
      ['adopted-by', record ? facts.committee : facts.adoptedBy],
      ['adopted-on', adoptedOn],
      ['draft', record?.draftSymbol],
      ['source', source],
    ]),
    part.line,
  );
  writer.part(part, (p: Para) => p.tokens, { resolutionLabels: true, refId: (id) => id, headingLevel: 1 });
}

function writeReport(
  writer: DraftWriter,
  parts: Part[],
  facts: DocumentFacts,
  headerSymbol: string | undefined,
  options: ImportOptions,
  warnings: Warnings,
): void {
  const firstNumbered = parts.flatMap((p) => p.paras).find((p) => p.kind === 'numbered');
  const item = firstNumbered ? /item entitled “([^”]+)”/.exec(tokensText(firstNumbered.tokens, () => ''))?.[1] : undefined;
  const title = options.title ?? facts.title ?? (item ? (facts.committee ? `${item}: report of the ${facts.committee}` : item) : undefined);
  if (title === undefined) warnings.add(1, '', 'no title given or found');
  writer.lines(
    frontMatter([
      ['title', title],
      ['symbol', options.symbol ?? headerSymbol ?? facts.symbol],
      ['body', options.body ?? facts.committee],
      ['year', options.year ?? (facts.year ? String(facts.year) : undefined)],
      ['kind', 'report'],
      ['adoption', options.adoption ?? facts.reportAdoption?.adoption],
      ['source', options.source],
    ]),
    1,
  );
  const chapters = parts.some((p) => p.paras.some((x) => x.kind === 'chapter' || x.kind === 'annex'));
  for (const part of parts) {
    if (part.kind === 'report') {
      writer.part(part, (p) => p.tokens, { resolutionLabels: false, refId: (id) => id, headingLevel: 1 });
      continue;
    }
    const record = recordFor(part, facts);
    const name = `Draft ${part.noun}${part.id ? ` ${part.id}` : ''}`;
    const titleText = tokensText(part.title);
    const note = record
      ? `adopted in committee: ${record.adoption} (draft ${record.draftSymbol}${record.adoptedOn ? `, ${record.adoptedOn}` : ''})`
      : undefined;
    writer.part(part, (p) => p.tokens, {
      resolutionLabels: true,
      refId: (id) => (part.id ? `${part.id}-${id}` : id),
      headingLevel: chapters ? 2 : 1,
      heading: { text: titleText ? `${name}: ${titleText}` : name, ...(note ? { note } : {}) },
    });
  }
}

function sameAdoption(a: string, b: string): boolean {
  return JSON.stringify(readAdoption(a)) === JSON.stringify(readAdoption(b));
}

/** Parse the output with the real parser: any syntax problem is reported at its source line. */
function selfCheck(draft: string, origins: Origin[]): ImportWarning[] {
  const { problems } = parse(draft);
  if (problems.length === 0) return [];
  const lineStarts = [0];
  for (let i = 0; i < draft.length; i++) if (draft[i] === '\n') lineStarts.push(i + 1);
  return problems.map((problem) => {
    let outputLine = 1;
    while (outputLine < lineStarts.length && lineStarts[outputLine]! <= problem.span.start) outputLine++;
    let source = origins[0]?.sourceLine ?? 1;
    for (const o of origins) if (o.outputLine <= outputLine) source = o.sourceLine;
    const text = draft.slice(lineStarts[outputLine - 1], draft.indexOf('\n', lineStarts[outputLine - 1]));
    return { line: source, text: text.slice(0, 80), reason: `the output has a syntax problem (output line ${outputLine}): ${problem.message}` };
  });
}

