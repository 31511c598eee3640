/** Amendments: resolving proposals, views of a whole draft, and the compilation of proposals. */
export {
  collectAmendments,
  foldName,
  foldRef,
  paragraphNames,
  proposersOf,
  UNATTRIBUTED,
  type AmendmentEntry,
  type AmendmentPlace,
  type ProposalKind,
} from './collect.js';
export { decide, proposersIn, resolveAmendments, type ResolveAction, type ResolveResult, type ResolveSelection } from './resolve.js';
export { parseViewName, viewDraft, type DraftView, type DraftViewName, type DraftViewResult } from './views.js';
export {
  compileProposals,
  COMPILATION_VERSION,
  describeProposal,
  formatCompilationJson,
  formatCompilationMarkdown,
  paragraphTitle,
  type Compilation,
  type CompiledParagraph,
  type CompiledProposal,
  type CompiledProposer,
} from './compile.js';
