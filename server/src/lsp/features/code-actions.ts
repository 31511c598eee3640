/**
 * Code actions: per finding, the fix that restores the precedent (preferred), one per alternative
 * precedent, "disable for this paragraph" with the cursor left on the reason to fill in (a snippet
 * edit where the client takes one, else the edit and a command that selects the placeholder), and
 * the rule's documentation;
 * and `source.fixAll.acquis`, which applies every safe fix to the text and sends the minimal edits
 * between the old and the new text (never stacked edits).
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type ExecuteCommandParams,
  type Range,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { DEFAULT_FIX_LEVEL, fixAll, minimalEdits, REASON_PLACEHOLDER, ruleById, safeEdits, type Finding } from '../../engine/index.js';
import type { Analysis } from '../analyses.js';
import { toRange, toTextEdit, type DiagnosticData } from '../convert.js';
import { AMENDMENT_KIND, amendmentActions } from './amendment-actions.js';
import type { DocumentFeature, FeatureParams, FeatureResult } from '../document-features.js';
import { clientFeatures } from './client-features.js';
import { comparePage, readRevisionText, revisionOrder } from './workflow-commands.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.acquis`;
const FIX_ALL_TITLE = 'Fix all agreed-language departures (Acquis)';

export const COMMANDS = {
  showRuleDocumentation: 'acquis.showRuleDocumentation',
  fixAll: 'acquis.fixAll',
  /** Arguments: uri, 'accept' | 'reject', and { proposer?, at? } (at: an offset in the file). */
  resolveAmendments: 'acquis.resolveAmendments',
  /** Argument: uri. Returns the report page (HTML). */
  report: 'acquis.reportHtml',
  /** Arguments: uri of the open (newer) draft, uri of the older revision. Returns the redline page (HTML). */
  compare: 'acquis.compareHtml',
  /** Argument: uri. Returns the proposers named in the draft's amendments. */
  proposers: 'acquis.proposers',
  /** Arguments: uri of the open draft, uri of the other revision. Returns { older, newer, reason, ... }. */
  revisionOrder: 'acquis.revisionOrder',
  /** Argument: uri. Returns { agreedShare } for the status bar. */
  summary: 'acquis.summary',
  /** Arguments: uri, range. Shows the document with the range selected (after the disable edit). */
  selectRange: 'acquis.selectRange',
} as const;


export function codeActions(a: Analysis, params: CodeActionParams, docsUri: (ruleId: string) => string): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(a, diagnostic);
      if (finding) actions.push(...quickFixes(a, finding, diagnostic, docsUri));
    }
  }
  if (wants(AMENDMENT_KIND)) actions.push(...amendmentActions(a, a.doc.offsetAt(params.range.start)));
  if (only && wants(FIX_ALL_KIND)) {
    // Asked for by kind (fix-on-save, "Fix all" in the menu): the edit itself.
    const edit = fixAllEdit(a);
    if (edit) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit });
  } else if (!only && safeEdits(a.result.findings, a.entry.engine.config.fixLevel ?? DEFAULT_FIX_LEVEL).length) {
    // The light bulb asks on every cursor move: fixing all lints the whole draft again, fix after
    // fix, so here it is a command, computed only if the user picks it.
    actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, command: { title: FIX_ALL_TITLE, command: COMMANDS.fixAll, arguments: [a.uri] } });
  }
  return actions;
}

function findingFor(a: Analysis, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== 'acquis') return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data && data.version === a.version) return a.result.findings[data.index];
  // The diagnostic is from an older version: find the same finding by rule and range.
  const start = a.doc.offsetAt(diagnostic.range.start);
  const end = a.doc.offsetAt(diagnostic.range.end);
  return a.result.findings.find((f) => f.ruleId === diagnostic.code && f.span.start === start && f.span.end === end);
}

function quickFixes(a: Analysis, finding: Finding, diagnostic: Diagnostic, docsUri: (id: string) => string): CodeAction[] {
  const uri = a.uri;
  const out: CodeAction[] = finding.fixes.map((fix, i) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: i === 0,
    edit: { changes: { [uri]: fix.edits.map((e) => toTextEdit(a.doc, e)) } },
  }));
  const suppression = finding.ruleId !== 'syntax' && finding.ruleId !== 'suppression.reason' ? suppressionAction(a, finding) : undefined;
  if (suppression) {
    out.push({
      title: `Disable ${finding.ruleId} for this paragraph (give a reason)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      ...suppression,
    });
  }
  if (ruleById(finding.ruleId) || finding.ruleId === 'syntax') {
    out.push({
      title: `Show documentation for ${finding.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Show rule documentation', command: COMMANDS.showRuleDocumentation, arguments: [finding.ruleId, docsUri(finding.ruleId)] },
    });
  }
  return out;
}

/**
 * `// acquis-disable <rule> -- reason` on its own line just before the finding's paragraph. With
 * snippet edits the reason is a placeholder the cursor lands on; otherwise the edit writes
 * `[reason]` and a follow-up command selects it.
 */
function suppressionAction(a: Analysis, finding: Finding): Pick<CodeAction, 'edit' | 'command'> | undefined {
  const paragraph = a.draft.document.paragraphs.find((p) => finding.span.start >= p.span.start && finding.span.start <= p.span.end);
  if (!paragraph) return undefined;
  const text = a.doc.getText();
  const lineStart = text.lastIndexOf('\n', paragraph.span.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = a.doc.positionAt(lineStart);
  const range = { start: at, end: at };
  const head = `${indent}// acquis-disable ${finding.ruleId} -- `;
  if (clientFeatures.snippetEdits) {
    const snippet: SnippetTextEdit = { range, snippet: { kind: 'snippet', value: `${escapeSnippet(head)}\${1:reason}${eol}` } };
    return { edit: { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits: [snippet] }] } };
  }
  const placeholder = { start: { line: at.line, character: head.length }, end: { line: at.line, character: head.length + REASON_PLACEHOLDER.length } };
  return {
    edit: { changes: { [a.uri]: [{ range, newText: `${head}${REASON_PLACEHOLDER}${eol}` }] } },
    command: { title: 'Select the reason', command: COMMANDS.selectRange, arguments: [a.uri, placeholder] },
  };
}

/** Snippet syntax treats `$`, `}` and `\\` specially. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Every safe fix, applied to the text and diffed back into minimal, non-overlapping edits. */
export function fixAllEdit(a: Analysis): WorkspaceEdit | undefined {
  const text = a.doc.getText();
  const engine = a.entry.engine;
  // The editor's `acquis.fixLevel`, else the project's `fixLevel` (host/precedence.ts), else editorial.
  const level = engine.config.fixLevel ?? DEFAULT_FIX_LEVEL;
  const { text: fixed } = fixAll(text, (t) => (t === text ? a.result.findings : engine.lint(a.uri, t).findings), { level });
  if (fixed === text) return undefined;
  const edits = minimalEdits(text, fixed).map((e) => ({ range: toRange(a.doc, e), newText: e.text }));
  return { changes: { [a.uri]: edits } };
}

export interface CommandContext {
  connection: Connection;
  /**
   * Run a feature on the current analysis of a document, wherever it lives (the worker holds huge
   * documents); undefined when the document is not open.
   */
  run: <F extends DocumentFeature>(uri: string, feature: F, params: FeatureParams<F>) => Promise<FeatureResult<F> | undefined>;
  /** The text of a document open in the editor (it may differ from the file on disk). */
  openText?: (uri: string) => string | undefined;
}

export async function executeCommand(ctx: CommandContext, params: ExecuteCommandParams): Promise<unknown> {
  const args = params.arguments ?? [];
  switch (params.command) {
    case COMMANDS.showRuleDocumentation: {
      const [ruleId, uri] = args as [string, string];
      const rule = typeof ruleId === 'string' ? ruleById(ruleId) : undefined;
      const shown = typeof uri === 'string' ? await ctx.connection.window.showDocument({ uri, external: false }).catch(() => ({ success: false })) : { success: false };
      if (!shown.success && rule) void ctx.connection.window.showInformationMessage(`${rule.id}: ${rule.docs}`);
      return shown.success;
    }
    case COMMANDS.fixAll: {
      const [uri] = args as [string];
      const edit = typeof uri === 'string' ? await ctx.run(uri, 'fixAllEdit', undefined) : undefined;
      if (!edit) return false;
      const applied = await ctx.connection.workspace.applyEdit({ label: 'Acquis: fix all', edit });
      return applied.applied;
    }
    case COMMANDS.resolveAmendments: {
      const [uri, action, options] = args as [string, 'accept' | 'reject', { proposer?: string; at?: number } | undefined];
      if (typeof uri !== 'string' || (action !== 'accept' && action !== 'reject')) return false;
      const selection = { action, ...(options?.proposer ? { proposers: [options.proposer] } : {}), ...(typeof options?.at === 'number' ? { at: options.at } : {}) };
      const edit = await ctx.run(uri, 'amendmentEdit', { selection: [selection] });
      if (!edit) return false;
      const applied = await ctx.connection.workspace.applyEdit({ label: `Acquis: ${action} amendments`, edit });
      return applied.applied;
    }
    case COMMANDS.report:
    case COMMANDS.summary:
    case COMMANDS.proposers: {
      const [uri] = args as [string];
      if (typeof uri !== 'string') return null;
      const feature = params.command === COMMANDS.report ? 'report' : params.command === COMMANDS.summary ? 'summary' : 'proposers';
      return (await ctx.run(uri, feature, undefined)) ?? null;
    }
    case COMMANDS.compare:
    case COMMANDS.revisionOrder: {
      const [uri, other, options] = args as [string, string, { older?: string } | undefined];
      if (typeof uri !== 'string' || typeof other !== 'string') return null;
      const a = readRevisionText(uri, ctx.openText?.(uri));
      const b = readRevisionText(other, ctx.openText?.(other));
      if (params.command === COMMANDS.revisionOrder) return revisionOrder(a, b);
      return comparePage(a, b, typeof options?.older === 'string' ? options.older : undefined);
    }
    case COMMANDS.selectRange: {
      const [uri, selection] = args as [string, Range];
      if (typeof uri !== 'string' || !selection?.start) return false;
      const shown = await ctx.connection.window.showDocument({ uri, selection, takeFocus: true }).catch(() => ({ success: false }));
      return shown.success;
    }
    default:
      return undefined;
  }
}
