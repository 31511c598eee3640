/**
 * Finding precedents for a stretch of draft text: for each sentence, candidates from the index,
 * local alignment against each, the word diff of the aligned stretch, then ranking by closeness
 * and authority (consensus before vote, then recency). Results are cached by text, so an editor
 * re-aligns only the paragraphs that changed.
 */
import type { Acquis } from '../acquis/acquis.js';
import { authorityOrder, type Precedent } from '../acquis/model.js';
import type { Candidate } from '../acquis/precedent-index.js';
import { splitSentences } from '../text/sentences.js';
import { wordListOf, type Word, type WordList } from '../text/words.js';
import { alignLocal, type LocalAlignment } from './align.js';
import { changesOf, hasEditorialChange, overallGrade, type Change, type Grade } from './grade.js';
import { diffIds, type WordRun } from './word-diff.js';
import { cutFrame, dropLeadingThat, firstCueWord, frameCue, type FrameCue } from './frame.js';

export interface PrecedentMatch {
  kind: 'agreed' | 'deviation';
  /** True when the draft quotes only part of the precedent sentence. */
  partial: boolean;
  precedent: Precedent;
  /** Offsets of the quoted stretch in the matched text. */
  start: number;
  end: number;
  /** Share of equal words in the aligned stretch (1 for agreed language). */
  identity: number;
  /** Aligned words: the draft's (offsets in the matched text) and the precedent's. */
  draftWords: Word[];
  precedentWords: Word[];
  changes: Change[];
  /** The word diff of the aligned words (indices into `draftWords` and `precedentWords`). */
  runs: WordRun[];
  grade?: Grade;
  /**
   * What the words before the quote say it is: `restating` ("reaffirmed that", "as agreed in"),
   * `reporting` (a proposal or a view), or undefined (plain text).
   */
  cue?: FrameCue;
  /** Other precedents for the same stretch, most authoritative first. */
  lineage: PrecedentMatch[];
}

export interface MatcherOptions {
  /** Fewest equal words for a stretch to count as a quote of agreed language (default 6). */
  minWords?: number;
  /**
   * Fewest equal words for a changed stretch to count as a departure (default 8): short stock
   * phrases with one word changed are everywhere, and are not quotes.
   */
  minDeviationWords?: number;
  /** Lowest share of equal words in the aligned stretch (default 0.6). */
  minIdentity?: number;
  /**
   * Lowest share of equal words for a changed stretch to count as a departure (default 0.8):
   * below it, local alignment is bridging unrelated words between two stock phrases.
   */
  minDeviationIdentity?: number;
}

/**
 * Candidates aligned per sentence (the index's best by shared 3-grams): 8, and one more per 4
 * words past 32. A long sentence quoting several precedents clause by clause (pre-draft para. 38,
 * 80 words) shares more 3-grams with stock phrases than with the one clause that restates 73/27.
 */
const candidatesFor = (words: number): number => Math.max(8, Math.ceil(words / 4));

/** Lowest edit identity of a quote that says it restates agreed text ("it should be reaffirmed that"). */
const RESTATING_IDENTITY = 0.6;

/**
 * Share of equal words when a dropped or added phrase counts as at most two words: dropping "and
 * other international law" from a long quote is one edit, and leaves a quote, while replacing
 * words one for one is as many edits as words.
 */
function editIdentity(runs: WordRun[], changedEnding = false): number {
  let equal = 0;
  let cost = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const d = run.draftEnd - run.draftStart;
    const p = run.precedentEnd - run.precedentStart;
    if (run.op === 'equal') {
      equal += d;
      continue;
    }
    const next = runs[r + 1];
    if (next && next.op !== 'equal') {
      // A substitution is a delete and an insert side by side; a changed ending is one edit.
      const d2 = next.draftEnd - next.draftStart;
      const p2 = next.precedentEnd - next.precedentStart;
      const last = r + 2 >= runs.length;
      cost += changedEnding && last ? Math.min(Math.max(d + d2, p + p2), 2) : Math.max(d + d2, p + p2);
      r++;
      continue;
    }
    cost += Math.min(d + p, 2);
  }
  return equal / (equal + cost);
}

/**
 * A stretch verbatim in one precedent is that precedent's language: a close match to another
 * precedent whose every change lies inside that verbatim stretch is not a departure (73/27 para. 1
 * "international rules, norms and principles" against 73/266 PP12 "rules and principles"). The
 * verbatim stretch must be most of the close match (VERBATIM_SHARE): a long quote with one word
 * dropped stays a departure even when the words around the gap happen to exist elsewhere.
 */
function dropExplainedDeviations(found: PrecedentMatch[]): PrecedentMatch[] {
  const agreed = found.filter((m) => m.kind === 'agreed');
  if (!agreed.length) return found;
  return found.filter((m) => {
    if (m.kind === 'agreed') return true;
    return !m.changes.every((c) => {
      const { start, end } = changeSpan(m, c);
      return agreed.some(
        (a) =>
          a.precedent !== m.precedent &&
          a.draftWords.length >= VERBATIM_SHARE * m.draftWords.length &&
          (start < end ? a.start <= start && end <= a.end : a.start < start && start < a.end),
      );
    });
  });
}

/** Share of a close match's words that a verbatim stretch must cover to explain its changes. */
const VERBATIM_SHARE = 0.6;

/** Whether `m`'s stretch holds every change of `other`. */
function coversChanges(m: PrecedentMatch, other: PrecedentMatch): boolean {
  return other.changes.every((c) => {
    const { start, end } = changeSpan(other, c);
    return start < end ? m.start <= start && end <= m.end : m.start < start && start < m.end;
  });
}

/** Offsets of a change in the matched text; a drop is the point where the words are missing. */
export function changeSpan(m: PrecedentMatch, c: Change): { start: number; end: number } {
  const dw = m.draftWords;
  if (c.draftEnd > c.draftStart) return { start: dw[c.draftStart]!.start, end: dw[c.draftEnd - 1]!.end };
  const at = c.draftStart < dw.length ? dw[c.draftStart]!.start : dw[dw.length - 1]!.end;
  return { start: at, end: at };
}

/** A match remembered with its sentence: where its draft words start among the sentence's words. */
interface RememberedMatch {
  match: PrecedentMatch;
  firstWord: number;
  lineage: RememberedMatch[];
}

function remembered(m: PrecedentMatch, words: Word[]): RememberedMatch {
  return { match: m, firstWord: words.indexOf(m.draftWords[0]!), lineage: m.lineage.map((l) => remembered(l, words)) };
}

/**
 * A remembered match for the same sentence elsewhere: new objects throughout (no caller shares a
 * match, a change or a run with another paragraph), offsets moved by `shift`, draft words taken
 * from `words` (the sentence's words where it is now).
 */
function moved(r: RememberedMatch, words: Word[], shift: number): PrecedentMatch {
  const m = r.match;
  const match: PrecedentMatch = {
    kind: m.kind,
    partial: m.partial,
    precedent: m.precedent,
    start: m.start + shift,
    end: m.end + shift,
    identity: m.identity,
    draftWords: words.slice(r.firstWord, r.firstWord + m.draftWords.length),
    precedentWords: m.precedentWords.slice(),
    changes: m.changes.map((c) => ({ ...c })),
    runs: m.runs.map((run) => ({ ...run })),
    lineage: r.lineage.map((l) => moved(l, words, shift)),
  };
  if (m.cue) match.cue = m.cue;
  if (m.grade) match.grade = m.grade;
  return match;
}

/** The entry of every sentence remembered without a match (its start is never read). */
const NO_MATCHES: { start: number; matches: RememberedMatch[] } = Object.freeze({ start: 0, matches: Object.freeze([]) as unknown as RememberedMatch[] });

/** Sentences remembered with their matches; past this the older half is forgotten. */
const SENTENCE_CACHE_LIMIT = 8_000;

/** Paragraph texts remembered; past this the older half is forgotten (a Map keeps insertion order). */
const CACHE_LIMIT = 4_000;
/** How much closer a voted precedent must be to outrank a consensus one. */
const AUTHORITY_BAND = 0.15;
/** At most this many unmatched precedent words at a sentence end are read as a changed ending. */
const END_SLACK = 3;

export class Matcher {
  /** Matches per paragraph text. */
  private cache = new Map<string, PrecedentMatch[]>();
  /** Matches per sentence text (`rememberSentence`), in the order they were found. */
  private readonly sentences = new Map<string, { start: number; matches: RememberedMatch[] }>();
  private readonly minWords: number;
  private readonly minIdentity: number;
  private readonly minDeviationWords: number;
  private readonly minDeviationIdentity: number;

  constructor(
    readonly acquis: Acquis,
    options: MatcherOptions = {},
  ) {
    this.minWords = options.minWords ?? 6;
    this.minIdentity = options.minIdentity ?? 0.6;
    this.minDeviationWords = options.minDeviationWords ?? 8;
    this.minDeviationIdentity = options.minDeviationIdentity ?? 0.8;
  }

  /**
   * Forget the matches remembered per paragraph (see text-caches.ts: a new Map, not `clear()`);
   * those remembered per sentence stay: agreed sentences recur from one draft to the next.
   */
  forgetParagraphs(): void {
    this.cache = new Map();
  }

  /** Precedent matches in `text` (a view of a paragraph), in text order. */
  match(text: string): PrecedentMatch[] {
    // Keyed by the text itself: the word list (`wordListOf`) is remembered by it too, and a string
    // keeps its hash, so the paragraph is hashed once for both.
    const cached = this.cache.get(text);
    if (cached) {
      // Refresh its place, so that paragraphs still in the document are the last to be forgotten.
      this.cache.delete(text);
      this.cache.set(text, cached);
      return cached;
    }
    const out: PrecedentMatch[] = [];
    // The words of the whole text, read once as flat arrays and shared with the rules, and their
    // ids in one array; each sentence is a range of both (a sentence starts after white space and
    // ends on punctuation, so no word straddles two). Most sentences have no candidate: nothing
    // is made for them but the look-up, and Word objects only for those that have one.
    const all = wordListOf(text);
    const ids = this.acquis.index.idsOf(all);
    const index = this.acquis.index;
    const starts = all.starts;
    const count = all.length;
    let next = 0;
    const sentences = splitSentences(text);
    for (let s = 0; s < sentences.length; s++) {
      const sentence = sentences[s]!;
      while (next < count && starts[next]! < sentence.start) next++;
      // The first word at or past the sentence end, by bisection (a sentence has some twenty words).
      let end = next;
      let past = count;
      while (end < past) {
        const mid = (end + past) >> 1;
        if (starts[mid]! < sentence.end) end = mid + 1;
        else past = mid;
      }
      if (end - next < this.minWords) continue;
      const candidates = index.candidates(ids, candidatesFor(end - next), next, end);
      if (candidates.length) {
        // A sentence met before (agreed language recurs, in a paragraph being edited and across
        // drafts) has the same matches, moved: they depend on its text alone (see `rememberSentence`).
        const key = text.slice(sentence.start, sentence.end);
        const known = this.sentences.get(key);
        if (known) {
          if (known.matches.length) {
            const words = all.words(next, end);
            const shift = sentence.start - known.start;
            for (let k = 0; k < known.matches.length; k++) out.push(moved(known.matches[k]!, words, shift));
          }
        } else {
          this.cueWordAt = undefined;
          this.cueReadAt = -1;
          this.sentenceEnd = sentence.end;
          this.sentenceList = all;
          this.sentenceFrom = next;
          this.sentenceTo = end;
          this.sentenceWordArray = undefined;
          const found = this.matchSentence(text, ids.subarray(next, end), sentence.start, candidates);
          this.rememberSentence(key, sentence.start, found.length ? this.sentenceWords() : [], found);
          this.sentenceList = undefined;
          this.sentenceWordArray = undefined;
          for (let k = 0; k < found.length; k++) out.push(found[k]!);
        }
      }
      next = end;
    }
    out.sort((a, b) => a.start - b.start);
    if (this.cache.size >= CACHE_LIMIT) {
      let drop = CACHE_LIMIT / 2;
      for (const key of this.cache.keys()) {
        if (drop-- <= 0) break;
        this.cache.delete(key);
      }
    }
    this.cache.set(text, out);
    return out;
  }

  /**
   * Remember a sentence's matches by its text. What `matchSentence` finds depends on the
   * sentence's own text only: its words and ids, its cue words, the spelling and punctuation of
   * the quoted words, and whether a quoted word opens the sentence (`sentenceInitial` reads
   * backwards past the sentence start only to a sentence end, or the start of the text: both say
   * yes). So a sentence met again, anywhere, has the same matches, moved by the difference of
   * the two sentence starts.
   */
  private rememberSentence(key: string, start: number, words: Word[], found: PrecedentMatch[]): void {
    if (this.sentences.size >= SENTENCE_CACHE_LIMIT) {
      let drop = SENTENCE_CACHE_LIMIT / 2;
      for (const old of this.sentences.keys()) {
        if (drop-- <= 0) break;
        this.sentences.delete(old);
      }
    }
    // The key is a slice of the paragraph, which V8 may keep as a view of the whole paragraph:
    // remembered as its own copy (a slice of a joined string is cut from a flat copy of it), an
    // edited long paragraph's old versions are not kept alive by their sentences.
    // Most sentences remembered have no match (six in seven over the 50 bench drafts): they share one entry.
    const entry = found.length ? { start, matches: found.map((m) => remembered(m, words)) } : NO_MATCHES;
    this.sentences.set(`${key} `.slice(0, -1), entry);
  }

  /**
   * The sentence being matched: its end, its first cue word (`firstCueWord`) once read, and the
   * last cue read in it, with the quote start it was read for (most candidates of a sentence
   * quote from the same word: three in four cue readings of the 50 bench drafts repeat the last).
   */
  private sentenceEnd = 0;
  private cueWordAt: number | undefined;
  /**
   * The sentence's words: words `sentenceFrom` to `sentenceTo` of the paragraph's list, made into
   * Word objects (`sentenceWords`) only when a candidate aligns: most sentences with candidates
   * (six in seven over the 50 bench drafts) have none that does.
   */
  private sentenceList: WordList | undefined;
  private sentenceFrom = 0;
  private sentenceTo = 0;
  private sentenceWordArray: Word[] | undefined;
  private cueReadAt = -1;
  private cueRead: FrameCue | undefined;

  /** The words of the sentence being matched, as objects (made on first use). */
  private sentenceWords(): Word[] {
    return (this.sentenceWordArray ??= this.sentenceList!.words(this.sentenceFrom, this.sentenceTo));
  }

  /** The frame cue before `quoteStart` in the sentence being matched. */
  private cueBefore(text: string, sentenceStart: number, quoteStart: number): FrameCue | undefined {
    if (quoteStart === this.cueReadAt) return this.cueRead;
    this.cueWordAt ??= firstCueWord(text, sentenceStart, this.sentenceEnd);
    this.cueReadAt = quoteStart;
    return (this.cueRead = frameCue(text, sentenceStart, quoteStart, this.cueWordAt));
  }

  private matchSentence(text: string, ids: Int32Array, sentenceStart: number, candidates: Candidate[]): PrecedentMatch[] {
    const found: PrecedentMatch[] = [];
    for (let c = 0; c < candidates.length; c++) {
      const match = this.evaluate(text, ids, candidates[c]!.precedent, sentenceStart);
      if (match) found.push(match);
    }
    return found.length > 1 ? selectPrimaries(dropExplainedDeviations(found)) : found;
  }

  /** Whether a stretch with changes is a departure from the precedent rather than other text. */
  private mayDepart(cue: FrameCue | undefined, equal: number, runs: WordRun[], extended: boolean): boolean {
    // A report of what States proposed or thought is not a quote of the norm it resembles.
    if (cue === 'reporting') return false;
    if (equal < this.minDeviationWords) return false;
    const needed = cue === 'restating' ? RESTATING_IDENTITY : this.minDeviationIdentity;
    return editIdentity(runs, extended) >= needed;
  }

  private evaluate(
    text: string,
    ids: Int32Array,
    precedent: Precedent,
    sentenceStart: number,
  ): PrecedentMatch | undefined {
    const precedentIds = precedent.ids;
    const alignment = alignLocal(ids, precedentIds, this.minWords);
    if (!alignment || alignment.matches < this.minWords) return undefined;
    const words = this.sentenceWords();
    const allPrecedentWords = precedent.words;
    const startExtended = extendStart(alignment, words, allPrecedentWords) || extendOpening(alignment, ids, precedentIds, words);
    const alignedCue = this.cueBefore(text, sentenceStart, words[alignment.draftStart]!.start);
    const extended = extendEnds(alignment, words.length, allPrecedentWords.length, words[words.length - 1]!.key === allPrecedentWords[allPrecedentWords.length - 1]!.key);
    const runs = sameStretch(ids, alignment.draftStart, alignment.draftEnd, precedentIds, alignment.precedentStart, alignment.precedentEnd)
      ? verbatimRuns(alignment, words)
      : this.changedRuns(alignment, words, ids, precedentIds, allPrecedentWords.length, alignedCue, startExtended, extended);
    if (!runs.length) return undefined;
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    const draftWords = words.slice(alignment.draftStart + first.draftStart, alignment.draftStart + last.draftEnd);
    const precedentWords = allPrecedentWords.slice(
      alignment.precedentStart + first.precedentStart,
      alignment.precedentStart + last.precedentEnd,
    );
    const draftOffset = first.draftStart;
    const precedentOffset = first.precedentStart;
    if (draftOffset !== 0 || precedentOffset !== 0) {
      for (let r = 0; r < runs.length; r++) {
        const run = runs[r]!;
        run.draftStart -= draftOffset;
        run.draftEnd -= draftOffset;
        run.precedentStart -= precedentOffset;
        run.precedentEnd -= precedentOffset;
      }
    }
    if (!draftWords.length || !precedentWords.length) return undefined;
    const quoteStart = draftWords[0]!.start;
    const cue = quoteStart === words[alignment.draftStart]!.start ? alignedCue : this.cueBefore(text, sentenceStart, quoteStart);
    // Indexed loops, here and below: most of a run is spent before V8 optimises this, and an
    // array's iterator is an object and a call per step until then.
    let equal = 0;
    for (let r = 0; r < runs.length; r++) if (runs[r]!.op === 'equal') equal += runs[r]!.draftEnd - runs[r]!.draftStart;
    const identity = equal / Math.max(draftWords.length, precedentWords.length);
    if (equal < this.minWords || identity < this.minIdentity) return undefined;
    // A run that is not equal is a change: a departure's tests come before its changes are read
    // (most candidates fail them). Without one, only editorial changes may be found.
    let changed = false;
    for (let r = 0; r < runs.length; r++) if (runs[r]!.op !== 'equal') changed = true;
    let changes: Change[];
    if (changed) {
      if (!this.mayDepart(cue, equal, runs, extended)) return undefined;
      changes = changesOf(runs, draftWords, text, precedentWords, precedent.text);
    } else if (this.mayDepart(cue, equal, runs, extended)) {
      changes = changesOf(runs, draftWords, text, precedentWords, precedent.text);
    } else {
      // Equal words that may not depart (a short stock phrase, a reported view): their only
      // possible changes are editorial, and any one of them rejects the stretch. Most candidates
      // end here, so the first difference answers, without the changes being listed.
      if (hasEditorialChange(runs, draftWords, text, precedentWords, precedent.text)) return undefined;
      changes = [];
    }
    const match: PrecedentMatch = {
      kind: changes.length ? 'deviation' : 'agreed',
      partial:
        precedentWords[0] !== allPrecedentWords[0] ||
        precedentWords[precedentWords.length - 1] !== allPrecedentWords[allPrecedentWords.length - 1],
      precedent,
      start: draftWords[0]!.start,
      end: draftWords[draftWords.length - 1]!.end,
      identity,
      draftWords,
      precedentWords,
      changes,
      runs,
      lineage: [],
    };
    if (cue) match.cue = cue;
    if (changes.length) match.grade = overallGrade(changes);
    return match;
  }

  /**
   * The word runs of an aligned stretch whose two sides differ: the word diff, the drafter's frame
   * cut off, weak ends trimmed, a leading "that" dropped (indices into the aligned words).
   */
  private changedRuns(
    alignment: LocalAlignment,
    words: Word[],
    ids: Int32Array,
    precedentIds: Int32Array,
    precedentLength: number,
    alignedCue: FrameCue | undefined,
    startExtended: boolean,
    extended: boolean,
  ): WordRun[] {
    const alignedDraft = words.slice(alignment.draftStart, alignment.draftEnd);
    const framed = cutFrame(
      diffIds(
        ids.subarray(alignment.draftStart, alignment.draftEnd),
        alignedDraft,
        precedentIds.subarray(alignment.precedentStart, alignment.precedentEnd),
        // A restated text is read word by word: "States hold the" against "while States have a".
        alignedCue === 'restating' ? 'none' : 'semantic',
      ),
      alignedDraft,
    );
    return dropLeadingThat(trimWeakEnds(framed.runs, {
      // A quote that says it restates agreed text is held to every word (no weak ends trimmed).
      leading: !startExtended && (alignment.draftStart > 0 || alignment.precedentStart > 0 || framed.cut),
      anchors: alignedCue !== 'restating',
      trailing: !extended && (alignment.draftEnd < words.length || alignment.precedentEnd < precedentLength),
    }), alignedDraft);
  }
}

/**
 * Whether the aligned stretches are the same words (agreed language quoted as it stands: most
 * aligned candidates). Unknown words (id -1) equal nothing.
 */
function sameStretch(a: Int32Array, aStart: number, aEnd: number, b: Int32Array, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) {
    const id = a[aStart + k]!;
    if (id < 0 || id !== b[bStart + k]) return false;
  }
  return true;
}

/**
 * The runs `changedRuns` gives for a stretch that is the same words on both sides, without its
 * steps: the diff of equal words is one equal run, which has no frame to cut (that takes a change
 * before "that") and no weak end (only changes are trimmed); only a leading "that" is dropped.
 */
function verbatimRuns(alignment: LocalAlignment, words: Word[]): WordRun[] {
  const length = alignment.draftEnd - alignment.draftStart;
  const from = words[alignment.draftStart]!.key === 'that' ? 1 : 0;
  if (length - from <= 0) return [];
  return [{ op: 'equal', draftStart: from, draftEnd: length, precedentStart: from, precedentEnd: length }];
}

/**
 * A changed ending is still part of the quote: when the precedent has a few words left at its end
 * and the draft sentence ends after a few words too, take both ends into the alignment. A draft
 * that goes on longer is adding new text, which is not a departure. Beginnings are not extended:
 * reports reword the opening of a precedent ("Noting that" becomes "States noted that") as a
 * matter of course.
 */
function extendEnds(a: LocalAlignment, draftLength: number, precedentLength: number, sameLast = false): boolean {
  const precedentTail = precedentLength - a.precedentEnd;
  const draftTail = draftLength - a.draftEnd;
  if (
    precedentTail > 0 &&
    draftTail > 0 &&
    ((precedentTail <= END_SLACK && draftTail <= precedentTail + 3) || (sameLast && precedentTail <= 6 && draftTail <= 6))
  ) {
    a.precedentEnd = precedentLength;
    a.draftEnd = draftLength;
    return true;
  }
  return false;
}

/**
 * A changed opening is part of the quote when the draft sentence and the precedent start with the
 * same word and the alignment begins a few words in ("Confirming that information and dialogue
 * technologies are" against "Confirming that information and communications technologies are").
 * An opening reworded from its first word ("States noted that" for "Noting that") is not taken in.
 */
function extendStart(a: LocalAlignment, draft: Word[], precedent: Word[]): boolean {
  if (a.draftStart === 0 && a.precedentStart === 0) return false;
  if (a.draftStart > 6 || a.precedentStart > 6 || draft[0]!.key !== precedent[0]!.key) return false;
  a.draftStart = 0;
  a.precedentStart = 0;
  return true;
}

/**
 * A sentence that opens with a few of the precedent's words and then skips a phrase of it
 * ("International law is applicable" for "international law, and in particular the Charter of the
 * United Nations, is applicable"): local alignment does not pay for the long gap, so the opening
 * words are looked for just before the aligned precedent stretch, and taken in with the gap.
 */
function extendOpening(a: LocalAlignment, draft: Int32Array, precedent: Int32Array, words: Word[]): boolean {
  // The opening words follow the sentence start or the frame's "that" ("States reaffirmed that
  // international law is applicable").
  for (let k = 2; k <= 4 && k <= a.draftStart; k++) {
    const from = a.draftStart - k;
    if (from > 0 && words[from - 1]!.key !== 'that') continue;
    for (let j = a.precedentStart - 1; j >= Math.max(k, a.precedentStart - MAX_OPENING_GAP); j--) {
      let same = true;
      for (let i = 0; i < k && same; i++) same = draft[from + i]! >= 0 && draft[from + i] === precedent[j - k + i];
      if (same) {
        a.draftStart = from;
        a.precedentStart = j - k;
        return true;
      }
    }
  }
  return false;
}

/** Longest phrase (in words) an opening may skip to be taken into the quote. */
const MAX_OPENING_GAP = 12;

/** Equal words an end of a quote must have before a change of several words. */
const MIN_ANCHOR = 4;

/**
 * Local alignment happily bridges a couple of stock words ("principles of the") and then an
 * unrelated stretch. Where an end of the alignment is not also an end of the sentence and of the
 * precedent, a short equal run followed by a change of two or more words is dropped with that
 * change. A one-word change stays ("It should duplicate" against "These efforts should not
 * duplicate" is the negation a drafter must see).
 */
function trimWeakEnds(runs: WordRun[], ends: { leading: boolean; trailing: boolean; anchors: boolean }): WordRun[] {
  const size = (r: WordRun): number => Math.max(r.draftEnd - r.draftStart, r.precedentEnd - r.precedentStart);
  const isAnchor = (r: WordRun): boolean => r.op === 'equal' && size(r) >= MIN_ANCHOR;
  const changed = (list: WordRun[]): number => list.reduce((n, r) => n + (r.op === 'equal' ? 0 : size(r)), 0);
  let from = 0;
  let to = runs.length;
  // Bridging replaces words on both sides; words only dropped or only added between two runs
  // that are contiguous on the other side are a change inside one quote ("International law
  // is applicable" for "International law, and in particular the Charter ..., is applicable").
  const weak = (list: WordRun[]): boolean => {
    const equal = list.reduce((n, r) => n + (r.op === 'equal' ? size(r) : 0), 0);
    const bothSides = list.some((r) => r.op === 'delete') && list.some((r) => r.op === 'insert');
    return changed(list) >= 2 && (bothSides || equal < 2);
  };
  if (ends.leading && ends.anchors) {
    const anchor = runs.findIndex(isAnchor);
    if (anchor > 0 && weak(runs.slice(0, anchor))) from = anchor;
  }
  if (ends.trailing && ends.anchors) {
    let anchor = -1;
    for (let i = to - 1; i >= from; i--) if (isAnchor(runs[i]!)) { anchor = i; break; }
    if (anchor >= from && anchor < to - 1 && weak(runs.slice(anchor + 1, to))) to = anchor + 1;
  }
  // One equal word after a change is no end of a quote ("by States [needed] to" against "by
  // States, to"): it goes with the change. (At the start one word stays: "It should duplicate"
  // against "These efforts should not duplicate" is a negation dropped.)
  if (ends.trailing && to - from > 2 && runs[to - 1]!.op === 'equal' && size(runs[to - 1]!) === 1 && runs[to - 2]!.op !== 'equal') to -= 2;
  // A quote starts and ends on equal words, except where a changed sentence end was taken in.
  while (from < to && runs[from]!.op !== 'equal') from++;
  if (ends.trailing) while (to > from && runs[to - 1]!.op !== 'equal') to--;
  return runs.slice(from, to);
}

/**
 * Keep one primary match per stretch of the sentence: the closest, unless a more authoritative
 * precedent is nearly as close. The others become its lineage.
 */
/**
 * Within a band of rivals: consensus before vote, then the closest, then the most recent (the
 * 2015 report before the 2013 one when both say the same).
 */
function consensusFirst(m: PrecedentMatch): number {
  return m.precedent.document.adoption.kind === 'consensus' ? 0 : 1;
}

function selectPrimaries(found: PrecedentMatch[]): PrecedentMatch[] {
  const equalWords = (m: PrecedentMatch): number => m.identity * Math.max(m.draftWords.length, m.precedentWords.length);
  const pool = [...found].sort((a, b) => equalWords(b) - equalWords(a) || b.identity - a.identity);
  const out: PrecedentMatch[] = [];
  while (pool.length) {
    const best = pool[0]!;
    const overlapping = pool.filter((m) => m.start < best.end && best.start < m.end);
    // Rivals quote about as much of the sentence about as faithfully; among them authority decides.
    const band = overlapping.filter(
      (m) =>
        m.identity >= best.identity - AUTHORITY_BAND &&
        equalWords(m) >= equalWords(best) * 0.85 &&
        // A shorter exact stretch is no rival to a departure whose changes lie outside it.
        (m === best || m.kind === 'deviation' || best.kind === 'agreed' || coversChanges(m, best)),
    );
    band.sort(
      (a, b) =>
        consensusFirst(a) - consensusFirst(b) ||
        b.identity - a.identity ||
        // The same words: the one the draft follows to the comma (68/98 para. 29 has "forums, and").
        a.changes.length - b.changes.length ||
        authorityOrder(a.precedent.document, b.precedent.document),
    );
    const primary = band[0]!;
    // Lineage: other documents with (nearly) the same formulation, not a passing overlap.
    primary.lineage = overlapping
      .filter((m) => m !== primary && equalWords(m) >= equalWords(primary) * 0.5)
      .sort((a, b) => authorityOrder(a.precedent.document, b.precedent.document));
    out.push(primary);
    for (const m of overlapping) pool.splice(pool.indexOf(m), 1);
  }
  return out;
}
