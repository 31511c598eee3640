/**
 * Which proposals of the old revision the new one took up.
 *
 * A proposal is an insertion, deletion or replacement with a proposer (`{++@Japan: ...++}`,
 * `{--@X: ...--}`, `{~~@X: old~>new~~}`); comments and highlights propose no text. Each is judged
 * against the new paragraph(s) its old paragraph became, in context, by word keys:
 * - the words it would put in: the old paragraph read with every proposal accepted is diffed with
 *   the new paragraph; the share of the proposal's words that fall in equal runs is `found`;
 * - the words it would take out: the old paragraph as it stood (proposals undecided) is diffed with
 *   the new paragraph; the share of those words that no longer fall in equal runs is `gone` (for a
 *   replacement, words that the new text also has are not counted).
 * The score is `found` (insert), `gone` (delete) or their mean (replace): `full` at 0.9 or more,
 * `partial` at 0.3 or more, `no` below.
 */
import type { Amendment, Inline } from '../../../../grammar/src/index.js';
import type { Word } from '../text/words.js';
import { alignKeys } from './key-diff.js';
import type { Relation } from './align.js';
import type { ProposalKind, ProposalOutcome, ProposerSummary, TakenUp } from './model.js';
import { paragraphText, type ParagraphText, type Revision, type RevisionParagraph, type Segment } from './revision.js';

export const TAKEN_UP_FULL = 0.9;
export const TAKEN_UP_PARTIAL = 0.3;

interface Found {
  amendment: Amendment;
  segment: Segment;
}

export function proposalsTakenUp(oldRev: Revision, newRev: Revision, relations: Relation[]): ProposalOutcome[] {
  const byOld = new Map<number, Relation>();
  for (const r of relations) for (const o of r.olds) byOld.set(o, r);
  const out: ProposalOutcome[] = [];
  for (const para of oldRev.paragraphs) {
    const found = amendmentsOf(para);
    if (!found.length) continue;
    const relation = byOld.get(para.index);
    const targets = relation ? relation.news.map((n) => newRev.paragraphs[n]!) : [];
    const target = targetWords(targets);
    const accepted = paragraphText(para.paragraph, para.label, oldRev.source, 'accepted');
    const acceptedEqual = equalMask(accepted.keys, target.keys);
    const currentEqual = equalMask(para.current.keys, target.keys);
    /** New word -> the old word (proposals undecided) it keeps. */
    const keptFrom = new Map<number, number>();
    for (const [k, j] of currentEqual) keptFrom.set(j, k);
    for (const { amendment, segment } of found) {
      const kind = amendment.kind as ProposalKind;
      // Keys in reading order (the JSON format writes the object as it is).
      const outcome = {
        proposer: amendment.proposer!.trim(),
        paragraph: segment.pinpoint,
        newParagraphs: targets.map((t) => t.label),
        kind,
        proposed: undefined,
        replaced: undefined,
        takenUp: 'no',
        score: 0,
        evidence: '',
      } as ProposalOutcome;
      // The words the proposal puts in (accepted view) and takes out (current view).
      const putSpan = kind === 'insert' ? amendment.contentSpan : kind === 'replace' ? amendment.replacementSpan : undefined;
      const takeSpan = kind === 'delete' || kind === 'replace' ? amendment.contentSpan : undefined;
      const put = putSpan ? wordsIn(accepted, putSpan.start, putSpan.end) : [];
      const take = takeSpan ? wordsIn(para.current, takeSpan.start, takeSpan.end) : [];
      if (putSpan) outcome.proposed = sliceWords(accepted, put);
      if (takeSpan) outcome.replaced = sliceWords(para.current, take);
      const putKeys = new Set(put.map((i) => accepted.keys[i]!));
      // For a replacement, old words that the new text repeats ("national" in "national and
      // regional") say nothing about whether it was taken up; if all of them do, only the
      // proposed words count.
      const takeCounted = kind === 'replace' ? take.filter((i) => !putKeys.has(para.current.keys[i]!)) : take;
      // A proposed word counts as found only where the new text did not simply keep old text from
      // elsewhere in the paragraph (the same words in another sub-paragraph, say).
      const takeSet = new Set(take);
      const foundIdx = put.filter((i) => {
        const j = acceptedEqual.get(i);
        if (j === undefined) return false;
        const k = keptFrom.get(j);
        return k === undefined || takeSet.has(k);
      });
      const keptIdx = takeCounted.filter((i) => currentEqual.has(i));
      const foundShare = put.length ? foundIdx.length / put.length : undefined;
      const goneShare = takeCounted.length ? 1 - keptIdx.length / takeCounted.length : undefined;
      const parts = [foundShare, goneShare].filter((x): x is number => x !== undefined);
      const score = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0;
      outcome.score = round(score);
      outcome.takenUp = takenUp(score);
      outcome.evidence = evidence(outcome, {
        targets,
        target,
        found: foundIdx.map((i) => acceptedEqual.get(i)!),
        foundShare,
        goneShare,
        putCount: put.length,
        keptCount: keptIdx.length,
        takeCount: takeCounted.length,
      });
      if (outcome.proposed === undefined) delete outcome.proposed;
      if (outcome.replaced === undefined) delete outcome.replaced;
      out.push(outcome);
    }
  }
  return out;
}

export function summarizeProposers(outcomes: ProposalOutcome[]): ProposerSummary[] {
  const by = new Map<string, ProposerSummary>();
  for (const o of outcomes) {
    let s = by.get(o.proposer);
    if (!s) by.set(o.proposer, (s = { proposer: o.proposer, full: 0, partial: 0, no: 0 }));
    s[o.takenUp]++;
  }
  return [...by.values()].sort((a, b) => a.proposer.localeCompare(b.proposer));
}

function takenUp(score: number): TakenUp {
  if (score >= TAKEN_UP_FULL) return 'full';
  if (score >= TAKEN_UP_PARTIAL) return 'partial';
  return 'no';
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Insertions, deletions and replacements with a proposer, with the segment (unit) they are in. */
function amendmentsOf(para: RevisionParagraph): Found[] {
  const out: Found[] = [];
  // Segments that hold no words still own their content (a sub-paragraph that is all proposal).
  for (const segment of para.current.segments) {
    const walk = (nodes: Inline[]): void => {
      for (const node of nodes) {
        if (node.type === 'amendment') {
          if ((node.kind === 'insert' || node.kind === 'delete' || node.kind === 'replace') && node.proposer?.trim()) {
            out.push({ amendment: node, segment });
          }
        } else if (node.type === 'bracket') node.options.forEach(walk);
        else if (node.type === 'quotation') walk(node.content);
      }
    };
    walk(segment.content);
  }
  return out;
}

/** Indices of the words of `text` whose source offset lies in [start, end). */
function wordsIn(text: ParagraphText, start: number, end: number): number[] {
  const out: number[] = [];
  text.words.forEach((w, i) => {
    const seg = text.segments.find((s) => w.start >= s.start && w.start < s.end);
    if (!seg) return;
    const at = seg.view.toSourceStart(w.start - seg.start);
    if (at >= start && at < end) out.push(i);
  });
  return out;
}

/** The text from the first to the last of the given words. */
function sliceWords(text: ParagraphText, indices: number[]): string {
  if (!indices.length) return '';
  return text.text.slice(text.words[indices[0]!]!.start, text.words[indices[indices.length - 1]!]!.end);
}

interface Target {
  keys: string[];
  /** For each key: which target paragraph and which of its words. */
  at: Array<{ paragraph: RevisionParagraph; word: Word }>;
}

function targetWords(targets: RevisionParagraph[]): Target {
  const keys: string[] = [];
  const at: Target['at'] = [];
  for (const p of targets) {
    p.current.words.forEach((word, i) => {
      keys.push(p.current.keys[i]!);
      at.push({ paragraph: p, word });
    });
  }
  return { keys, at };
}

/** For each word of `a` that the word diff finds equal in `b`: its index in `b`. */
function equalMask(a: string[], b: string[]): Map<number, number> {
  const out = new Map<number, number>();
  if (!a.length || !b.length) return out;
  for (const r of alignKeys(a, b)) {
    if (r.op !== 'equal') continue;
    for (let k = 0; k < r.draftEnd - r.draftStart; k++) out.set(r.draftStart + k, r.precedentStart + k);
  }
  return out;
}

interface EvidenceInput {
  targets: RevisionParagraph[];
  target: Target;
  /** Indices in the target of the proposed words found there. */
  found: number[];
  foundShare: number | undefined;
  goneShare: number | undefined;
  putCount: number;
  keptCount: number;
  takeCount: number;
}

function evidence(o: ProposalOutcome, e: EvidenceInput): string {
  const proposed = named(o.proposed, 'the proposed text');
  const replaced = named(o.replaced, o.kind === 'delete' ? 'the text to delete' : 'the text it replaces');
  if (!e.targets.length) {
    const removed = `old paragraph ${o.paragraph.split(' ')[0]} was removed`;
    return o.kind === 'insert' ? `${cap(removed)}; ${proposed} is not in the new revision.` : `${cap(removed)}, and with it ${replaced}.`;
  }
  const where = `new ${e.targets.length > 1 ? 'paragraphs' : 'paragraph'} ${e.targets.map((t) => t.label).join(' and ')}`;
  const sentences: string[] = [];
  if (e.foundShare !== undefined) {
    // Name the paragraph the words were found in (of a split, the part that has them).
    const foundIn = e.found.length ? `new paragraph ${e.target.at[Math.min(...e.found)]!.paragraph.label}` : where;
    if (e.found.length === e.putCount) sentences.push(`${foundIn} has ${proposed}: ${context(e.target, e.found)}`);
    else if (e.found.length === 0) sentences.push(`${proposed} is not in ${where}`);
    else sentences.push(`${foundIn} has ${e.found.length} of the ${e.putCount} proposed words: ${context(e.target, e.found)}`);
  }
  if (e.goneShare !== undefined) {
    if (e.takeCount === 0 || e.keptCount === 0) sentences.push(`${replaced} is no longer there`);
    else if (e.keptCount === e.takeCount) sentences.push(`${replaced} is still there`);
    else sentences.push(`${e.takeCount - e.keptCount} of the ${e.takeCount} words of ${replaced} are gone`);
  }
  return `${cap(sentences.join('; '))}.`;
}

const cap = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** A short text quoted; a long one (already in the outcome) named. */
function named(text: string | undefined, name: string): string {
  if (!text) return name;
  return text.split(/\s+/).length <= 8 ? `“${text}”` : name;
}

/** The new text around the found words, a few words either side, marked with ellipses. */
function context(target: Target, found: number[]): string {
  const first = Math.min(...found);
  const last = Math.max(...found);
  const paragraph = target.at[first]!.paragraph;
  let from = Math.max(0, first - 4);
  let to = Math.min(target.at.length - 1, last + 4);
  // Stay in one paragraph.
  while (target.at[from]!.paragraph !== paragraph) from++;
  while (target.at[to]!.paragraph !== paragraph) to--;
  const text = paragraph.current.text;
  const start = target.at[from]!.word.start;
  const end = target.at[to]!.word.end;
  const clipped = text.slice(start, end);
  return `“${start > 0 ? '…' : ''}${clipped}${end < text.length ? '…' : ''}”`;
}
