/**
 * The one place where engine offsets become LSP positions and engine findings become LSP types.
 * TextDocument counts UTF-16 code units, as LSP requires and as the engine's offsets do.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Finding, Severity, TextEdit as EngineEdit } from '../engine/index.js';
import type { Span } from '../../../grammar/src/index.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

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
  const p = finding.precedent;
  if (p) {
    const range = precedentRange(p.uri, p.span);
    if (range) {
      diagnostic.relatedInformation = [
        { location: { uri: p.uri, range }, message: `${p.symbol}, ${/^PP/.test(p.paragraph) ? p.paragraph : `para. ${p.paragraph}`}: ${p.text}` },
      ];
    }
  }
  return diagnostic;
}
