/**
 * The requests about one document, as functions of its analysis and plain params, in one table:
 * the server runs them on its own analyses, and the lint worker runs the same table on the huge
 * documents it holds (analyses.ts), so that a request about a document of megabytes never parses
 * or aligns it on the server's thread. Results are plain LSP data (they cross the thread boundary
 * by structured clone).
 */
import type { CodeActionParams, Position } from 'vscode-languageserver';
import type { ResolveSelection } from '../engine/amendments/index.js';
import type { Analysis } from './analyses.js';
import { docsUri } from './docs-links.js';
import { amendmentEdit } from './features/amendment-actions.js';
import { clientFeatures } from './features/client-features.js';
import { codeActions, fixAllEdit } from './features/code-actions.js';
import { codeLenses } from './features/code-lens.js';
import { completion } from './features/completion.js';
import { definition } from './features/definition.js';
import { findAgreedLanguageActions } from './features/find-agreed-language.js';
import { foldingRanges } from './features/folding.js';
import { formatting } from './features/formatting.js';
import { hover } from './features/hover.js';
import { precedentAt, quotesOfPinpoint, references } from './features/references.js';
import { documentSymbols } from './features/symbols.js';
import { proposers, reportPage, summary, workspaceFolders } from './features/workflow-commands.js';

const at = (a: Analysis, p: { position: Position }): number => a.doc.offsetAt(p.position);

/** Every request about one document that the worker may answer for a huge document. */
export const DOCUMENT_FEATURES = {
  hover: (a: Analysis, p: { position: Position }) => hover(a, at(a, p)),
  completion: (a: Analysis, p: { position: Position }) => completion(a, at(a, p)),
  codeAction: (a: Analysis, p: CodeActionParams) => [...codeActions(a, p, docsUri), ...findAgreedLanguageActions(a, p)],
  documentSymbol: (a: Analysis) => documentSymbols(a),
  foldingRange: (a: Analysis) => foldingRanges(a),
  codeLens: (a: Analysis) => codeLenses(a),
  definition: (a: Analysis, p: { position: Position }) => definition(a, at(a, p)),
  formatting: (a: Analysis) => formatting(a),
  /** References within this document (other documents are asked with `quotes`). */
  references: (a: Analysis, p: { position: Position }) => references(a, at(a, p), [a]),
  /** The precedent quoted at a position, by document symbol and pinpoint (for `quotes` elsewhere). */
  precedentAt: (a: Analysis, p: { position: Position }) => precedentAt(a, at(a, p)) ?? null,
  quotes: (a: Analysis, p: { symbol: string; pinpoint: string }) => quotesOfPinpoint(a, p.symbol, p.pinpoint),
  fixAllEdit: (a: Analysis) => fixAllEdit(a) ?? null,
  amendmentEdit: (a: Analysis, p: { selection: ResolveSelection[] }) => amendmentEdit(a, p.selection) ?? null,
  report: (a: Analysis) => reportPage(a),
  summary: (a: Analysis) => summary(a),
  proposers: (a: Analysis) => proposers(a),
};

export type DocumentFeature = keyof typeof DOCUMENT_FEATURES;
export type FeatureParams<F extends DocumentFeature> = Parameters<(typeof DOCUMENT_FEATURES)[F]>[1];
export type FeatureResult<F extends DocumentFeature> = ReturnType<(typeof DOCUMENT_FEATURES)[F]>;

/** What initialize told the features, copied to the worker with each request. */
export interface ClientState {
  features: typeof clientFeatures;
  workspaceFolders: string[];
}

export function clientState(): ClientState {
  return { features: { ...clientFeatures }, workspaceFolders: [...workspaceFolders] };
}

export function applyClientState(state: ClientState): void {
  Object.assign(clientFeatures, state.features);
  workspaceFolders.length = 0;
  workspaceFolders.push(...state.workspaceFolders);
}

/** Run one feature on an analysis held on this thread. */
export function runFeature<F extends DocumentFeature>(a: Analysis, feature: F, params: FeatureParams<F>): FeatureResult<F> {
  return (DOCUMENT_FEATURES[feature] as (a: Analysis, p: unknown) => FeatureResult<F>)(a, params);
}
