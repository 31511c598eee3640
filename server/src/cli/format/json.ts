/**
 * The JSON contract, version 1 (documented in README, "JSON output"). Lines and characters are
 * zero-based, characters in UTF-16 code units, as in LSP. Fields may be added; none is removed or
 * renamed without a new version.
 */
import { describeAdoption } from '../../engine/index.js';
import { fixLevelOf, type Finding, type TextEdit } from '../../engine/index.js';
import type { LineIndex } from '../../engine/index.js';
import type { FileReport, RunInfo } from './report.js';

export function formatJson(files: FileReport[], info: RunInfo): string {
  const out = {
    version: 1,
    tool: { name: 'acquis', version: info.version },
    acquis: info.acquis,
    files: files.map((file) => ({
      path: file.path,
      findings: file.findings.map((f) => findingJson(f, file.lines)),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

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
