/**
 * The one place where engine offsets become LSP positions and engine findings become LSP types.
 * TextDocument counts UTF-16 code units, as LSP requires and as the engine's offsets do.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit } from 'vscode-languageserver';
import { describeAdoption, type Finding, type Severity, type TextEdit as EngineEdit } from '../engine/index.js';
import type { Span } from '../../../grammar/src/index.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Rules whose findings are not problems and are not published as diagnostics: quoting agreed
 * language is what a drafter should do. The code lens and the hover show it instead; the CLI and
 * the report still list these findings.
 */
export const NOT_PUBLISHED = new Set(['precedent.agreed']);

/** The findings a language client shows as diagnostics, with their index in the analysis. */
export function publishedFindings(findings: readonly Finding[]): Array<{ finding: Finding; index: number }> {
  return findings.flatMap((finding, index) => (NOT_PUBLISHED.has(finding.ruleId) ? [] : [{ finding, index }]));
}

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toTextEdit(doc: TextDocument, edit: EngineEdit): TextEdit {
  return { range: toRange(doc, edit), newText: edit.text };
}

/** What a diagnostic carries back to the server in code-action requests. */
export interface DiagnosticData {
  /** Index of the finding in the analysis that produced the diagnostic. */
  index: number;
  version: number;
}

/** A place the finding points to besides its own span (engine side: offsets, and a uri when elsewhere). */
interface RelatedSpan {
  uri?: string;
  span: Span;
  message: string;
}

export function toDiagnostic(
  doc: TextDocument,
  finding: Finding,
  index: number,
  docsUri: (ruleId: string) => string,
  precedentRange: (uri: string, span: Span) => Range | undefined,
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(doc, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUri(finding.ruleId) },
    source: 'acquis',
    message: finding.message,
    data: { index, version: doc.version } satisfies DiagnosticData,
  };
  const related: DiagnosticRelatedInformation[] = [];
  // Spans the engine names (the quoted stretch in the draft, the precedent in the acquis).
  for (const r of relatedSpans(finding)) {
    const range = r.uri && r.uri !== doc.uri ? precedentRange(r.uri, r.span) : toRange(doc, r.span);
    if (range) related.push({ location: { uri: r.uri ?? doc.uri, range }, message: r.message });
  }
  const p = finding.precedent;
  if (p && !related.some((r) => r.location.uri === p.uri)) {
    const range = precedentRange(p.uri, p.span);
    // A short line: the editor prints the location before it, and the hover shows the text.
    if (range) related.push({ location: { uri: p.uri, range }, message: `precedent: ${sourceLine(p)}` });
  }
  if (related.length) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** `A/70/174, para. 33 (consensus, 2015)`. */
export function sourceLine(p: NonNullable<Finding['precedent']>): string {
  const where = /^PP/.test(p.paragraph) ? p.paragraph : `para. ${p.paragraph}`;
  return `${p.symbol}, ${where} (${[describeAdoption(p.adoption), p.year].filter(Boolean).join(', ')})`;
}

/** Related spans the engine attaches to a finding (`related` on the finding or in its data). */
function relatedSpans(finding: Finding): RelatedSpan[] {
  const raw = (finding as { related?: unknown }).related ?? finding.data?.related;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is RelatedSpan =>
      !!r && typeof r === 'object' && typeof (r as RelatedSpan).message === 'string' && typeof (r as RelatedSpan).span?.start === 'number',
  );
}
