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
 * Whether a finding is shown as a diagnostic. A verbatim quote (`precedent.agreed`) is not a
 * problem: quoting agreed language is what a drafter should do, and the code lens and the hover
 * show it instead (the CLI and the report still list it). Language adopted by vote is reported by
 * `precedent.voted`, which is published.
 */
export function isPublished(finding: Finding): boolean {
  return finding.ruleId !== 'precedent.agreed';
}

/** The findings a language client shows as diagnostics, with their index in the analysis. */
export function publishedFindings(findings: readonly Finding[]): Array<{ finding: Finding; index: number }> {
  return findings.flatMap((finding, index) => (isPublished(finding) ? [{ finding, index }] : []));
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
  const p = finding.precedent;
  // Places the engine names (the quoted stretch in the draft, each change, the precedent). The
  // precedent's line is short: the editor prints the location before it, and the hover has the
  // text, so the paragraph is not repeated under every finding.
  for (const r of finding.related ?? []) {
    const elsewhere = !!r.uri && r.uri !== doc.uri;
    const range = elsewhere ? precedentRange(r.uri!, r.span) : toRange(doc, r.span);
    const message = elsewhere && p && r.uri === p.uri ? `precedent: ${sourceLine(p)}` : r.message;
    if (range) related.push({ location: { uri: r.uri ?? doc.uri, range }, message });
  }
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
