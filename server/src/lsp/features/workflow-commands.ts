/**
 * Commands behind the editor's negotiation views: the report and the compare page (HTML that the
 * client shows in a web view), the order of two revisions, the proposers of a draft, and the
 * figure of the status bar.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { proposersOf, collectAmendments } from '../../engine/amendments/index.js';
import { compareRevisions, formatCompareHtml, orderRevisions, revisionStamp, type RevisionStamp } from '../../engine/compare/index.js';
import { buildReport, reportHtml } from '../../engine/report/index.js';
import type { Analysis } from '../analyses.js';

/** Workspace folders (file: URIs) the client named at start-up: paths are shown relative to them. */
export const workspaceFolders: string[] = [];

export interface Summary {
  /**
   * Share of the words that quote a text adopted by consensus word for word (0 to 1). Problem
   * counts are left to the editor, which shows them already.
   */
  agreedShare: number;
}

/** `samples/demo.draft` for a file in a workspace folder; the file name elsewhere. */
export function displayPath(uri: string): string {
  if (!uri.startsWith('file:')) return decodeURIComponent(uri.split('/').pop() ?? uri);
  const path = fileURLToPath(uri);
  for (const folder of workspaceFolders) {
    const rel = relative(fileURLToPath(folder), path);
    if (rel && !rel.startsWith('..') && !rel.startsWith(sep)) return rel.split(sep).join('/');
  }
  return path.split(sep).pop() ?? path;
}

export function reportPage(a: Analysis): string {
  return reportHtml({ ...buildReport(a.draft, a.result, a.entry.engine.acquis), uri: displayPath(a.uri) });
}

export function summary(a: Analysis): Summary {
  return { agreedShare: buildReport(a.draft, a.result, a.entry.engine.acquis).totals.consensusShare };
}

export function proposers(a: Analysis): string[] {
  return proposersOf(collectAmendments(a.doc.getText(), a.draft.document)).filter((p) => p !== 'unattributed');
}

/** A revision for comparison: its uri and text (the editor's when open, else the file's). */
export interface RevisionText {
  uri: string;
  text: string;
}

export function readRevisionText(uri: string, open?: string): RevisionText {
  return { uri, text: open ?? readFileSync(fileURLToPath(uri), 'utf8') };
}

/** What the client shows in the pick dialog and the page title. */
export interface RevisionOrderInfo {
  older: string;
  newer: string;
  olderStamp: RevisionStamp;
  newerStamp: RevisionStamp;
  decided: boolean;
  /** `old: a.draft, new: b.draft (by date: 2020-03-11 before 2020-05-27)` */
  reason: string;
}

/** The order of two revisions by their front matter; `a` is taken as the older when it cannot tell. */
export function revisionOrder(a: RevisionText, b: RevisionText): RevisionOrderInfo {
  const stamps = new Map([a, b].map((r) => [r, revisionStamp(r.text)]));
  const order = orderRevisions(a, b, (r) => stamps.get(r)!);
  const names = `old: ${displayPath(order.older.uri)}, new: ${displayPath(order.newer.uri)}`;
  return {
    older: order.older.uri,
    newer: order.newer.uri,
    olderStamp: stamps.get(order.older)!,
    newerStamp: stamps.get(order.newer)!,
    decided: order.decided,
    reason: order.decided ? `${names}, ordered by the front matter ${order.reason}` : `${names}, as picked: ${order.reason}`,
  };
}

/**
 * The redline page between two revisions. By default they are ordered by their front matter
 * (date, then revision); `olderUri` forces the order (the client's "swap" command).
 */
export function comparePage(a: RevisionText, b: RevisionText, olderUri?: string): string {
  let older: RevisionText;
  let newer: RevisionText;
  let reason: string;
  if (olderUri === a.uri || olderUri === b.uri) {
    [older, newer] = olderUri === a.uri ? [a, b] : [b, a];
    reason = `old: ${displayPath(older.uri)}, new: ${displayPath(newer.uri)}, as chosen (swapped by hand)`;
  } else {
    const info = revisionOrder(a, b);
    [older, newer] = info.older === a.uri ? [a, b] : [b, a];
    reason = info.reason;
  }
  return formatCompareHtml(compareRevisions(older.text, newer.text), {
    oldName: displayPath(older.uri),
    newName: displayPath(newer.uri),
    order: reason,
  });
}
