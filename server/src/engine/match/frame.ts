/**
 * Quote and frame: a drafter's sentence holds the drafter's frame ("the 2013 and 2015 reports
 * recognized that", "States proposed", "the Group recommends that") and, inside it, the words
 * quoted. Only the quote is compared and fixed; the frame is never a departure and never rewritten.
 */
import type { Word } from '../text/words.js';
import type { WordRun } from './word-diff.js';

/**
 * `restating`: the words before the quote claim it restates agreed text ("reaffirmed that",
 * "recalling", "as agreed in"): a departure there is reported even when the quote is loose.
 * `reporting`: they report a proposal or a view ("States proposed", "it was suggested that"):
 * the sentence is not a quote of the norm it resembles, so no departure is reported.
 */
export type FrameCue = 'restating' | 'reporting';

const RESTATING = /\b(?:re-?affirm\w*|recall\w*|reiterat\w*|confirm\w*|as agreed|agreed language|as set out in)\b/giu;
const REPORTING =
  /\b(?:propos\w*|suggest\w*|call(?:ed|s|ing)? for|put forward|expressed the view|were of the view|view that|views? (?:was|were) expressed)\b/giu;

/**
 * Every cue holds one of these words, matched as the cues match them (the same flags, so the same
 * case folding): a sentence without one before the quote has no cue, and is not read twice more.
 */
const CUE_WORD = /affirm|recall|reiterat|confirm|agreed|set out in|propos|suggest|call|put forward|view/iu;

/**
 * Where the first cue word lies in `text[from, to)` (a sentence), or -1. A cue before a quote in
 * that sentence lies wholly before the quote start, so a first cue word at or past the quote
 * start means no cue.
 */
export function firstCueWord(text: string, from: number, to: number): number {
  const m = CUE_WORD.exec(text.slice(from, to));
  return m ? from + m.index : -1;
}

/**
 * The cue nearest before `quoteStart` in its sentence, if any. `cueWordAt` is the sentence's
 * `firstCueWord`, when the caller has it.
 */
export function frameCue(text: string, sentenceStart: number, quoteStart: number, cueWordAt?: number): FrameCue | undefined {
  if (cueWordAt !== undefined && (cueWordAt < 0 || cueWordAt >= quoteStart)) return undefined;
  const before = text.slice(sentenceStart, quoteStart);
  const last = (re: RegExp): number => {
    let at = -1;
    re.lastIndex = 0;
    for (let m = re.exec(before); m; m = re.exec(before)) at = m.index;
    return at;
  };
  const restating = last(RESTATING);
  const reporting = last(REPORTING);
  if (restating < 0 && reporting < 0) return undefined;
  return restating > reporting ? 'restating' : 'reporting';
}

/** Verbs and nouns that introduce a that-clause reporting what someone said or found. */
const FRAME_WORD =
  /^(?:recogni[sz]\w*|not(?:e|ed|es|ing)|stress\w*|underlin\w*|underscor\w*|emphasi[sz]\w*|affirm\w*|reaffirm\w*|recall\w*|agree\w*|acknowledg\w*|conclu\w*|confirm\w*|consider\w*|believ\w*|recommend\w*|propos\w*|suggest\w*|highlight\w*|observ\w*|stated|express\w*|decid\w*|request\w*|understand\w*|understood|reiterat\w*|welcom\w*|declar\w*|find|found|findings|view|views|reports?|conclusions?|determin\w*|assert\w*|maintain\w*|held|hold|hope|expect\w*|trust)$/;

/**
 * Cut the drafter's frame off an alignment: where the draft's "that" pairs with the precedent's
 * "that" after a reporting verb or noun on either side, and the words before it differ, the quote
 * starts after "that". Returns the runs of the quote (the same indices) and whether a cut was made.
 */
export function cutFrame(runs: WordRun[], draft: Word[]): { runs: WordRun[]; cut: boolean } {
  let cutAt = -1;
  for (let r = 1; r < runs.length; r++) {
    const run = runs[r]!;
    // "that" right after a change: the changed words before it are the frame when one of them,
    // next to "that", is a reporting verb or noun ("recognized that" for "reports that").
    if (run.op !== 'equal' || runs[r - 1]!.op === 'equal') continue;
    const d = run.draftStart;
    if (draft[d]!.key !== 'that' || d + 1 >= draft.length) continue;
    // The drafter's own word before "that" is the reporting verb or noun, and it is part of the
    // change ("recognized" added): a word both sides share there is the quote's own.
    const previous = runs[r - 1]!;
    const framed = previous.draftEnd === d && previous.draftEnd > previous.draftStart && FRAME_WORD.test(draft[d - 1]!.key);
    if (framed) cutAt = r;
  }
  if (cutAt < 0) return { runs, cut: false };
  const run = runs[cutAt]!;
  const rest = runs.slice(cutAt + 1);
  if (run.draftEnd - run.draftStart > 1) {
    rest.unshift({
      op: 'equal',
      draftStart: run.draftStart + 1,
      draftEnd: run.draftEnd,
      precedentStart: run.precedentStart + 1,
      precedentEnd: run.precedentEnd,
    });
  }
  return { runs: rest, cut: true };
}

/**
 * A quote never starts with the conjunction "that": it belongs to the frame on both sides
 * ("reaffirmed that States ..." against "Stressing that, while States ..."). Drops it, and any
 * change that then opens the runs.
 */
export function dropLeadingThat(runs: WordRun[], draft: Word[]): WordRun[] {
  const first = runs[0];
  if (!first || first.op !== 'equal' || draft[first.draftStart]!.key !== 'that') return runs;
  const rest = runs.slice(1);
  if (first.draftEnd - first.draftStart > 1) {
    rest.unshift({ ...first, draftStart: first.draftStart + 1, precedentStart: first.precedentStart + 1 });
  }
  while (rest.length && rest[0]!.op !== 'equal') rest.shift();
  return rest;
}
