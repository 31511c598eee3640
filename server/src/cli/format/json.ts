/**
 * The JSON contract, version 1 (documented in README, "JSON output"). Lines and characters are
 * zero-based, characters in UTF-16 code units, as in LSP. Fields may be added; none is removed or
 * renamed without a new version.
 */
import { describeAdoption } from '../../engine/index.js';
import { fixLevelOf, type Finding, type TextEdit } from '../../engine/index.js';
import type { LineIndex } from '../../engine/index.js';
import type { FileReport, RunInfo } from './report.js';

/** The report as one string: `JSON.stringify` of `jsonReport`, indented by two spaces, and a final newline. */
export function formatJson(files: FileReport[], info: RunInfo): string {
  return `${JSON.stringify(jsonReport(files, info), null, 2)}\n`;
}

/** The report as an object, exactly what `formatJson` serialises. */
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
 * The same text as `formatJson`, in parts made as they are written: a part written is garbage at
 * once, where parts kept until the end would be copied into V8's old generation. A few findings
 * at a time are serialised by `JSON.stringify` inside empty copies of the objects that hold them
 * (`{ files: [{ findings: [...] }] }`), so that they come out at their depth in the report, with
 * its indentation; the copies' own text around them is cut off.
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
  // The header object without its closing "\n}": the files follow as its last member.
  const head = `${JSON.stringify(header(info), null, 2).slice(0, -2)},\n  "files": `;
  let files = 0;
  // The end of the last file's object, written with what follows it (one write fewer a file).
  let closing = '';
  return {
    *file(report) {
      closing = yield* fileParts(report, `${closing}${files++ ? ',' : `${head}[`}`);
    },
    end: () => (files ? `${closing}\n  ]\n}\n` : `${head}[]\n}\n`),
  };
}

/**
 * One file's object in the `files` array, after `before` (every file linted is written at once,
 * findings or not); returns the object's end (its closing brackets), not yet written.
 */
function* fileParts({ path, findings, lines }: FileReport, before: string): Generator<string, string, undefined> {
  yield `${before}\n    {\n      "path": ${JSON.stringify(path)},\n      "findings": ${findings.length ? '[\n' : '[]'}`;
  for (let from = 0; from < findings.length; from += FINDINGS_PER_PART) {
    const batch: unknown[] = findings.slice(from, from + FINDINGS_PER_PART).map((f) => findingJson(f, lines));
    // After the first batch, a 0 before the findings: the text cut after it starts with the comma
    // that separates the batches. A part is a slice of its text alone: a slice joined to another
    // string would be copied once more, flat, when it is encoded.
    if (from) batch.unshift(0);
    const text = JSON.stringify({ files: [{ findings: batch }] }, null, 2);
    yield text.slice(AROUND_FINDINGS.before + (from ? AROUND_FINDINGS.zero : 0), text.length - AROUND_FINDINGS.after);
  }
  return findings.length ? '\n      ]\n    }' : '\n    }';
}

/**
 * Findings serialised together: about 2,000 characters each (with a precedent), so a part stays
 * well within V8's young generation; a 4 MB report as one string is flattened, when it is
 * encoded, into fresh memory the size of the whole (twice that with any non-Latin-1 character),
 * and fresh memory is what costs most on the machines measured (the first touch of each page).
 */
const FINDINGS_PER_PART = 8;

/** What `JSON.stringify({ files: [{ findings: [...] }] }, null, 2)` puts before and after the findings, and a first finding 0. */
const AROUND_FINDINGS = {
  before: '{\n  "files": [\n    {\n      "findings": [\n'.length,
  after: '\n      ]\n    }\n  ]\n}'.length,
  zero: '        0'.length,
};

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
