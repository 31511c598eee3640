/** Shared by the precedent rules: citing a precedent, describing changes, building the fix. */
import type { Span } from '../../../../grammar/src/index.js';
import { describeAdoption, type Precedent } from '../acquis/model.js';
import type { Unit } from '../acquis/units.js';
import type { Change } from '../match/grade.js';
import type { PrecedentMatch } from '../match/matcher.js';
import { wordingOf } from './precedent-weight.js';
import type { Fix, PrecedentRef, TextEdit } from './rule.js';

/** `A/70/174, para. 18` or `A/RES/73/27, PP3`. */
export function cite(p: Precedent): string {
  return /^PP/.test(p.pinpoint) ? `${p.document.symbol}, ${p.pinpoint}` : `${p.document.symbol}, para. ${p.pinpoint}`;
}

/** `consensus, 2015` or `recorded vote 109-45-16, First Committee, 2018`. */
export function adoptionNote(p: Precedent): string {
  const d = p.document;
  return [describeAdoption(d.adoption), d.adoption.kind === 'vote' ? d.adoptedBy : undefined, d.year]
    .filter((x) => x !== undefined && x !== '')
    .join(', ');
}

export function precedentRef(match: PrecedentMatch): PrecedentRef {
  const p = match.precedent;
  const ref: PrecedentRef = {
    symbol: p.document.symbol,
    paragraph: p.pinpoint,
    adoption: p.document.adoption,
    text: p.text,
    uri: p.document.uri,
    span: p.span,
    lineage: match.lineage.map((m) => {
      const entry: PrecedentRef['lineage'][number] = {
        symbol: m.precedent.document.symbol,
        paragraph: m.precedent.pinpoint,
        adoption: m.precedent.document.adoption,
        kind: m.kind,
      };
      if (m.precedent.document.year) entry.year = m.precedent.document.year;
      return entry;
    }),
  };
  if (p.document.year) ref.year = p.document.year;
  if (p.document.title) ref.title = p.document.title;
  if (p.document.adoptedBy) ref.adoptedBy = p.document.adoptedBy;
  return ref;
}

export function sourceSpan(unit: Unit, match: PrecedentMatch): Span {
  return { start: unit.view.toSourceStart(match.start), end: unit.view.toSourceEnd(match.end) };
}

export function lineageNote(match: PrecedentMatch): string {
  const others = [...new Set(match.lineage.map((m) => cite(m.precedent)))];
  if (!others.length) return '';
  const shown = others.slice(0, 3).join('; ');
  return others.length > 3 ? `; also ${shown} and ${others.length - 3} more` : `; also ${shown}`;
}

/**
 * Changes as the message and the fix see them: neighbouring changes (at most one equal word
 * apart) and every part of one change of word order become one change, so that a moved word is
 * described once and its punctuation moves with it.
 */
export function groupChanges(changes: Change[]): Change[] {
  const out: Change[] = [];
  for (const c of changes) {
    const last = out[out.length - 1];
    const mergeable =
      last &&
      last.grade !== 'editorial' &&
      c.grade !== 'editorial' &&
      ((last.reason === 'word order' && c.reason === 'word order') || c.draftStart - last.draftEnd <= 1);
    if (!mergeable) {
      out.push({ ...c });
      continue;
    }
    const rank = ['substantive', 'wording', 'structural', 'editorial'];
    const stronger = rank.indexOf(c.grade) < rank.indexOf(last.grade) ? c : last;
    last.grade = stronger.grade;
    last.reason = last.reason === c.reason ? c.reason : stronger.reason === 'word order' ? 'wording' : stronger.reason;
    last.draftEnd = Math.max(last.draftEnd, c.draftEnd);
    last.precedentEnd = Math.max(last.precedentEnd, c.precedentEnd);
  }
  return out;
}

/** `drops "with broad participation"`, `"must" for "should" (modal verb)`. */
export function describeChange(change: Change, match: PrecedentMatch, draftText: string): string {
  const draft = quoteWords(draftText, match.draftWords, change.draftStart, change.draftEnd);
  const precedent = quoteWords(match.precedent.text, match.precedentWords, change.precedentStart, change.precedentEnd);
  const why = change.reason === 'wording' ? '' : ` (${change.reason})`;
  if (!draft) return `drops ${precedent}${why}`;
  if (!precedent) return `adds ${draft}${why}`;
  return `${draft} for ${precedent}${why}`;
}

function quoteWords(text: string, words: PrecedentMatch['draftWords'], from: number, to: number): string {
  if (to <= from) return '';
  return `"${text.slice(words[from]!.start, words[to - 1]!.end).replace(/\s+/g, ' ')}"`;
}

/**
 * The edits that turn the draft's quote into the precedent's words, change by change, so that
 * nothing between the changes (line breaks, markup) is touched. Returns undefined when an edit
 * would cross markup: then the fix is not offered as an automatic one.
 */
export function restoreFix(unit: Unit, match: PrecedentMatch, draftText: string): Fix | undefined {
  const view = unit.view;
  const dw = match.draftWords;
  const pw = match.precedentWords;
  const ptext = match.precedent.text;
  const edits: TextEdit[] = [];
  let contiguous = true;
  /** Replace a view range; an empty range inserts before the character at `start`. */
  const edit = (start: number, end: number, text: string): void => {
    if (end > start && !view.isContiguous(start, end)) contiguous = false;
    const sourceStart = view.toSourceStart(start);
    const sourceEnd = end > start ? view.toSourceEnd(end) : sourceStart;
    edits.push({ start: sourceStart, end: sourceEnd, text });
  };
  /** Insert just after the character before `at` (at the end of a quote). */
  const append = (at: number, text: string): void => {
    const sourceAt = view.toSourceEnd(at);
    edits.push({ start: sourceAt, end: sourceAt, text });
  };
  for (const c of groupChanges(match.changes)) {
    if (c.reason === 'hyphenation') {
      const sep = ptext.slice(pw[c.precedentStart]!.end, pw[c.precedentStart + 1]!.start);
      edit(dw[c.draftStart]!.end, dw[c.draftStart + 1]!.start, sep);
      continue;
    }
    const hasDraft = c.draftEnd > c.draftStart;
    const hasPrecedent = c.precedentEnd > c.precedentStart;
    if (hasDraft && hasPrecedent) {
      const newText = ptext.slice(pw[c.precedentStart]!.start, pw[c.precedentEnd - 1]!.end);
      const start = dw[c.draftStart]!.start;
      edit(start, dw[c.draftEnd - 1]!.end, keepInitialCapital(draftText, start, newText));
    } else if (hasDraft) {
      let start = dw[c.draftStart]!.start;
      while (start > 0 && /\s/.test(draftText[start - 1]!)) start--;
      edit(start, dw[c.draftEnd - 1]!.end, '');
    } else if (c.draftStart < dw.length) {
      // Insert the precedent's words with the separator that follows them there.
      const at = dw[c.draftStart]!.start;
      const newText = ptext.slice(pw[c.precedentStart]!.start, pw[c.precedentEnd]!.start);
      edit(at, at, keepInitialCapital(draftText, at, newText));
    } else {
      append(dw[dw.length - 1]!.end, ptext.slice(pw[c.precedentStart - 1]!.end, pw[c.precedentEnd - 1]!.end));
    }
  }
  if (!contiguous || edits.length === 0) return undefined;
  edits.sort((a, b) => a.start - b.start);
  return { title: `Restore ${wordingOf(match.precedent)}`, edits, safe: true };
}

/** At the start of a sentence the draft's capital stays. */
function keepInitialCapital(text: string, at: number, replacement: string): string {
  const before = text.slice(0, at).trimEnd();
  const sentenceStart = before === '' || /[.!?]["”’)]?$/.test(before);
  if (sentenceStart && /\p{Lu}/u.test(text[at] ?? '') && replacement) {
    return replacement[0]!.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}
