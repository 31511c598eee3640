/**
 * The JSON contract, version 1 (documented in README, "JSON output"). Lines and characters are
 * zero-based, characters in UTF-16 code units, as in LSP. Fields may be added; none is removed or
 * renamed without a new version.
 */
import { describeAdoption } from '../../engine/index.js';
import { fixLevelOf, type Finding, type TextEdit } from '../../engine/index.js';
import type { LineIndex } from '../../engine/index.js';
import type { FileReport, RunInfo } from './report.js';

/**
 * The report as one string: what `formatJsonParts` writes, joined. Its layout: the header and the
 * opening of `files` on the first line, then each file's opening on a line of its own, then each
 * finding compact on one line. So a report greps and diffs finding by finding, and costs a
 * quarter of an indented one to serialise (10 against 38 ms for the 50 bench drafts' 2,089
 * findings) at little more than half its size (2.4 against 4.4 MB).
 */
export function formatJson(files: FileReport[], info: RunInfo): string {
  return [...formatJsonParts(files, info)].join('');
}

/** The report as an object: what `formatJson`'s text parses to. */
export function jsonReport(files: FileReport[], info: RunInfo): Record<string, unknown> {
  return {
    ...header(info),
    files: files.map((file) => ({
      path: file.path,
      findings: file.findings.map((f) => findingJson(f, file.lines)),
    })),
  };
}

const header = (info: RunInfo) => ({ version: 1, tool: { name: 'acquis', version: info.version }, acquis: info.acquis });

/**
 * The report in parts made as they are written: a part written is garbage at once, where parts
 * kept until the end would be copied into V8's old generation.
 */
export function* formatJsonParts(files: FileReport[], info: RunInfo): Generator<string, void, undefined> {
  const stream = jsonReportStream(info);
  for (const file of files) yield* stream.file(file);
  yield stream.end();
}

/**
 * The JSON report written a file at a time, as each file is linted (`lint` when no option needs
 * every file's findings first): `file` gives the parts of one file, `end` what follows the last.
 * Everything written in order is exactly `formatJson` of the files given to `file`.
 */
export function jsonReportStream(info: RunInfo): { file(report: FileReport): Generator<string, void, undefined>; end(): string } {
  // The header object without its closing brace: the files follow as its last member.
  const head = `${JSON.stringify(header(info)).slice(0, -1)},"files":[`;
  let files = 0;
  // The end of the last file's object, written with what follows it (one write fewer a file).
  let closing = '';
  return {
    *file(report) {
      closing = yield* fileParts(report, `${closing}${files++ ? ',\n' : `${head}\n`}`);
    },
    end: () => (files ? `${closing}\n]}\n` : `${head}]}\n`),
  };
}

/**
 * One file's object in the `files` array, after `before` (every file linted is written at once,
 * findings or not); returns the object's end, not yet written.
 */
function* fileParts({ path, findings, lines }: FileReport, before: string): Generator<string, string, undefined> {
  if (!findings.length) {
    yield `${before}{"path":${JSON.stringify(path)},"findings":[]}`;
    return '';
  }
  yield `${before}{"path":${JSON.stringify(path)},"findings":[\n`;
  for (let from = 0; from < findings.length; from += FINDINGS_PER_PART) {
    const texts = findings.slice(from, from + FINDINGS_PER_PART).map((f) => JSON.stringify(findingJson(f, lines)));
    yield `${from ? ',\n' : ''}${texts.join(',\n')}`;
  }
  return '\n]}';
}

/** Findings serialised per part: about 2,000 characters each with a precedent, so a part stays small. */
const FINDINGS_PER_PART = 8;

function range(lines: LineIndex, start: number, end: number) {
  return { start: lines.position(start), end: lines.position(end) };
}

function editJson(e: TextEdit, lines: LineIndex) {
  return { range: range(lines, e.start, e.end), newText: e.text, offsets: { start: e.start, end: e.end } };
}

function findingJson(f: Finding, lines: LineIndex) {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: range(lines, f.span.start, f.span.end),
    offsets: { start: f.span.start, end: f.span.end },
    // `level`: the fix's grade, which decides whether fix-all applies it (`--fix-level`).
    fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, level: fixLevelOf(f, fix), edits: fix.edits.map((e) => editJson(e, lines)) })),
  };
  if (f.precedent) {
    const p = f.precedent;
    out.precedent = {
      symbol: p.symbol,
      paragraph: p.paragraph,
      adoption: p.adoption.kind,
      ...(p.adoption.kind === 'vote'
        ? { tally: { inFavour: p.adoption.inFavour, against: p.adoption.against, abstaining: p.adoption.abstaining } }
        : {}),
      adoptionText: describeAdoption(p.adoption),
      text: p.text,
      ...(p.year ? { year: p.year } : {}),
      ...(p.title ? { title: p.title } : {}),
      ...(p.adoptedBy ? { adoptedBy: p.adoptedBy } : {}),
      lineage: p.lineage.map((l) => ({ symbol: l.symbol, paragraph: l.paragraph, adoption: l.adoption.kind, year: l.year, kind: l.kind })),
    };
  }
  if (f.data) out.data = f.data;
  return out;
}
