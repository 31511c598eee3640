/**
 * `compareRevisions(old, new)`: align the paragraphs of two revisions of a draft by content, make a
 * word-level redline of each aligned pair or group, and say which proposals of the old revision
 * the new one took up. Transport-free: texts in, plain data out.
 */
import { alignParagraphs, DEFAULT_ALIGN_OPTIONS, type AlignOptions, type Relation } from './align.js';
import type { Comparison, MappingEntry, MappingKind, Redline } from './model.js';
import { proposalsTakenUp, summarizeProposers } from './proposals.js';
import { redlineRuns } from './redline.js';
import { readRevision, type Revision } from './revision.js';

export interface CompareOptions {
  align?: Partial<AlignOptions>;
}

export function compareRevisions(oldSource: string, newSource: string, options: CompareOptions = {}): Comparison {
  return compareRead(readRevision(oldSource), readRevision(newSource), options);
}

export function compareRead(oldRev: Revision, newRev: Revision, options: CompareOptions = {}): Comparison {
  const relations = alignParagraphs(oldRev.paragraphs, newRev.paragraphs, { ...DEFAULT_ALIGN_OPTIONS, ...options.align });
  const mapping: MappingEntry[] = [];
  const redlines: Redline[] = [];
  const summary: Record<MappingKind, number> = { same: 0, changed: 0, moved: 0, split: 0, merged: 0, added: 0, removed: 0 };
  for (const r of relations) {
    summary[r.kind]++;
    const olds = r.olds.map((o) => oldRev.paragraphs[o]!);
    const news = r.news.map((n) => newRev.paragraphs[n]!);
    const similarity = round(r.similarity);
    const group = redlines.length;
    redlines.push({ kind: r.kind, old: olds.map((p) => p.label), new: news.map((p) => p.label), similarity, runs: redlineRuns(olds, news) });
    mapping.push(...entries(r, olds.map((p) => p.label), news.map((p) => p.label), similarity, group));
  }
  const proposals = proposalsTakenUp(oldRev, newRev, relations);
  return {
    old: oldRev.info,
    new: newRev.info,
    mapping,
    redlines,
    proposals,
    proposers: summarizeProposers(proposals),
    summary,
  };
}

function entries(r: Relation, olds: string[], news: string[], similarity: number, group: number): MappingEntry[] {
  const entry = (old: string | undefined, nu: string | undefined): MappingEntry => {
    // Keys in reading order: old, new, kind, similarity, group.
    const e = {} as MappingEntry;
    if (old !== undefined) e.old = old;
    if (nu !== undefined) e.new = nu;
    e.kind = r.kind;
    e.similarity = similarity;
    if (r.kind === 'split' || r.kind === 'merged') e.group = group;
    return e;
  };
  if (r.kind === 'split') return news.map((n) => entry(olds[0], n));
  if (r.kind === 'merged') return olds.map((o) => entry(o, news[0]));
  return [entry(olds[0], news[0])];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
