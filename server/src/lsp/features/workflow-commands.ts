/**
 * Commands behind the editor's negotiation views: the report and the compare page (HTML that the
 * client shows in a web view), the proposers of a draft, and the figures of the status bar.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { proposersOf, collectAmendments } from '../../engine/amendments/index.js';
import { compareRevisions, formatCompareHtml } from '../../engine/compare/index.js';
import { buildReport, reportHtml } from '../../engine/report/index.js';
import type { Analysis } from '../analyses.js';

export interface Summary {
  /** Share of the words that quote adopted text word for word (0 to 1). */
  agreedShare: number;
  counts: { error: number; warning: number; info: number; hint: number };
}

export function reportPage(a: Analysis): string {
  return reportHtml(buildReport(a.draft, a.result, a.entry.engine.acquis));
}

export function summary(a: Analysis): Summary {
  const data = buildReport(a.draft, a.result, a.entry.engine.acquis);
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of a.result.findings) counts[f.severity]++;
  return { agreedShare: data.totals.agreedShare, counts };
}

export function proposers(a: Analysis): string[] {
  return proposersOf(collectAmendments(a.doc.getText(), a.draft.document)).filter((p) => p !== 'unattributed');
}

/** The redline page from `otherUri` (the older revision, read from disk) to the open draft. */
export function comparePage(a: Analysis, otherUri: string, otherText?: string): string {
  const older = otherText ?? readFileSync(fileURLToPath(otherUri), 'utf8');
  const name = (uri: string) => decodeURIComponent(uri.split('/').pop() ?? uri);
  return formatCompareHtml(compareRevisions(older, a.doc.getText()), { oldName: name(otherUri), newName: name(a.uri) });
}
