/**
 * What `compareRevisions` returns: plain data, no offsets into either file (paragraphs are named by
 * their labels), so that every formatter and host reads the same thing. docs/compare.md documents
 * the fields; the JSON format (version 1) writes this object as it is.
 */

/**
 * How an old paragraph became new text:
 * - `same`: the same words and punctuation, in sequence (it may have been renumbered);
 * - `changed`: the same paragraph, in sequence, with its words changed;
 * - `moved`: the same paragraph, out of sequence with the paragraphs around it (changed or not);
 * - `split`: one old paragraph became two or more new ones (one entry per new paragraph);
 * - `merged`: two or more old paragraphs became one new one (one entry per old paragraph);
 * - `added` / `removed`: no counterpart in the other revision.
 */
export type MappingKind = 'same' | 'changed' | 'moved' | 'split' | 'merged' | 'added' | 'removed';

export interface MappingEntry {
  /** The old paragraph's label (`38`, `12bis`, `(after 29)` for an unnumbered one). */
  old?: string;
  /** The new paragraph's label. */
  new?: string;
  kind: MappingKind;
  /**
   * Word similarity of the pair (0 to 1): twice the words the word diff finds equal, over the words
   * of both (word keys: case, -ise/-ize, US/UK spelling and abbreviations folded). For a split or a
   * merge, the similarity of the whole group (the old paragraphs read together against the new).
   */
  similarity: number;
  /** The entries of one split or merge share a group number (their index in `redlines`). */
  group?: number;
}

export type RunOp = 'equal' | 'inserted' | 'deleted';

/** A stretch of the redline: words (and their punctuation) kept, inserted or deleted. */
export interface RedlineRun {
  op: RunOp;
  /** The words as written, single-spaced, without leading space. */
  text: string;
  /** Whether a space precedes the run in the text it comes from. */
  space: boolean;
  /**
   * Set on a paragraph break inside a split or merge: `text` is then the label of the paragraph
   * that starts here (an inserted break for a split, a deleted one for a merge).
   */
  break?: boolean;
}

export interface Redline {
  kind: MappingKind;
  old: string[];
  new: string[];
  similarity: number;
  runs: RedlineRun[];
}

export type ProposalKind = 'insert' | 'delete' | 'replace';
export type TakenUp = 'full' | 'partial' | 'no';

/** A proposal of the old revision (an amendment with its proposer) and whether the new one took it up. */
export interface ProposalOutcome {
  proposer: string;
  /** Where it was in the old revision: `22`, `68 (a) (ii)`. */
  paragraph: string;
  /** The new paragraphs it was looked for in (none when the old paragraph was removed). */
  newParagraphs: string[];
  kind: ProposalKind;
  /** The text the proposal would put in (insert, replace). */
  proposed?: string;
  /** The text the proposal would take out (delete, replace). */
  replaced?: string;
  takenUp: TakenUp;
  /**
   * 0 to 1: the share of the proposed words found in the new paragraph at that place (insert), the
   * share of the words to take out that are gone (delete), or the mean of the two (replace).
   */
  score: number;
  /** One sentence saying what the new text has, quoting it. */
  evidence: string;
}

export interface ProposerSummary {
  proposer: string;
  full: number;
  partial: number;
  no: number;
}

export interface RevisionInfo {
  title?: string;
  symbol?: string;
  revision?: string;
  date?: string;
  paragraphs: number;
  /** The paragraphs' labels, in order. */
  labels: string[];
  words: number;
  /** Syntax problems found while reading the revision (the comparison goes on regardless). */
  problems: number;
}

export interface Comparison {
  old: RevisionInfo;
  new: RevisionInfo;
  /** In the order of the new revision; a removed paragraph comes after its old predecessor. */
  mapping: MappingEntry[];
  /** One per aligned pair or group, and one per added or removed paragraph, in mapping order. */
  redlines: Redline[];
  proposals: ProposalOutcome[];
  proposers: ProposerSummary[];
  summary: Record<MappingKind, number>;
}
