/** Shared by the precedent rules: citing a precedent, describing changes, building the fix. */
import type { Span } from '../../../../grammar/src/index.js';
import { describeAdoption, type Precedent } from '../acquis/model.js';
import type { Unit } from '../acquis/units.js';
import { GRADE_ORDER, gapText, sameGap, sentenceInitial, wordDifference, type Change, type Grade } from '../match/grade.js';
import { changeSpan, type PrecedentMatch } from '../match/matcher.js';
import { isWhiteSpace } from '../text/words.js';
import type { Inline } from '../../../../grammar/src/index.js';
import type { Fix, FixLevel, PrecedentRef, RelatedInformation, TextEdit } from './rule.js';

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
 * Changes as the message sees them: neighbouring changes (at most one equal word apart) and every
 * part of one change of word order become one change, so that a moved word is described once.
 */
export function groupChanges(changes: Change[]): Change[] {
  const out: Change[] = [];
  for (const c of changes) {
    const last = out[out.length - 1];
    const mergeable =
      last &&
      last.grade !== 'editorial' &&
      c.grade !== 'editorial' &&
      ((last.reason === c.reason && /order/.test(c.reason)) || c.draftStart - last.draftEnd <= 1);
    if (!mergeable) {
      out.push({ ...c });
      continue;
    }
    const stronger = GRADE_ORDER.indexOf(c.grade) < GRADE_ORDER.indexOf(last.grade) ? c : last;
    last.grade = stronger.grade;
    last.reason =
      last.reason === c.reason
        ? c.reason
        : /order/.test(last.reason) && /order/.test(c.reason)
          ? 'list order'
          : /order/.test(stronger.reason)
            ? 'wording'
            : stronger.reason;
    last.draftEnd = Math.max(last.draftEnd, c.draftEnd);
    last.precedentEnd = Math.max(last.precedentEnd, c.precedentEnd);
  }
  return out;
}

/**
 * `drops "with broad participation"`, `"must" for "should" (modal verb)`, `adds "norms" to the
 * list "rules and principles"`, `drops the comma after "law" (punctuation)`.
 */
export function describeChange(change: Change, match: PrecedentMatch, draftText: string): string {
  const ptext = match.precedent.text;
  const pw = match.precedentWords;
  const dw = match.draftWords;
  if (change.reason === 'punctuation' || change.reason === 'hyphenation') {
    if (change.draftEnd - change.draftStart === 2 && change.precedentEnd - change.precedentStart === 2) {
      const d = draftText.slice(dw[change.draftStart]!.start, dw[change.draftStart + 1]!.end).replace(/\s+/g, ' ');
      const p = ptext.slice(pw[change.precedentStart]!.start, pw[change.precedentStart + 1]!.end);
      return `"${d}" for "${p}" (${change.reason})`;
    }
  }
  const draft = quoteWords(draftText, dw, change.draftStart, change.draftEnd);
  const precedent = quoteWords(ptext, pw, change.precedentStart, change.precedentEnd);
  if (change.reason === 'list item' || change.reason === 'list order') {
    const list = listAround(match, change);
    if (change.reason === 'list order') return `${draft} for ${precedent} (list order)`;
    if (!draft) return `drops ${precedent} from the list ${list}`;
    if (!precedent) return `adds ${draft} to the list ${list}`;
    return `${draft} for ${precedent} in the list ${list}`;
  }
  const why = change.reason === 'wording' ? '' : ` (${change.reason})`;
  if (!draft) return `drops ${precedent}${why}`;
  if (!precedent) return `adds ${draft}${why}`;
  return `${draft} for ${precedent}${why}`;
}

/** The precedent's list around a change: from the word before it to the word after the conjunction. */
function listAround(match: PrecedentMatch, change: Change): string {
  const pw = match.precedentWords;
  const ptext = match.precedent.text;
  let from = Math.max(0, change.precedentStart - 1);
  if (from > 0 && /,/.test(ptext.slice(pw[from - 1]!.end, pw[from]!.start))) from--;
  let to = Math.max(change.precedentEnd, from + 1);
  // The conjunction and the last item, when the change stops before them.
  if (to < pw.length && (pw[to]!.key === 'and' || pw[to]!.key === 'or')) to = Math.min(pw.length, to + 2);
  return quoteWords(ptext, pw, from, to) || '""';
}

function quoteWords(text: string, words: PrecedentMatch['draftWords'], from: number, to: number): string {
  if (to <= from) return '';
  return `"${text.slice(words[from]!.start, words[to - 1]!.end).replace(/\s+/g, ' ')}"`;
}

/** The fix level of a grade: structural and wording fixes change words, so they are `wording`. */
export function levelOf(grade: Grade): FixLevel {
  return grade === 'editorial' ? 'editorial' : grade === 'substantive' ? 'substantive' : 'wording';
}

/** Source spans of amendment and comment markup in a unit's content: a fix never edits them. */
export function markupSpans(content: Inline[]): Span[] {
  const out: Span[] = [];
  const walk = (nodes: Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'amendment') out.push(node.span);
      else if (node.type === 'bracket') for (const option of node.options) walk(option);
      else if (node.type === 'quotation') walk(node.content);
    }
  };
  walk(content);
  return out;
}

/** A view range to replace with new text (an empty range inserts at `start`). */
interface ViewEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edits that make the quoted stretch read, character for character, as the precedent does:
 * every word the precedent spells or capitalises differently, every gap between two aligned words
 * whose words or punctuation differ (dropped, added, replaced or moved words with their commas),
 * each trimmed to what differs so that line breaks and text around stay as they are. The draft's
 * capital at the start of a sentence stays. Returns undefined when an edit would touch amendment
 * or comment markup, cross a footnote mark, or sit where markup meets text: such a quote is fixed
 * by hand.
 */
export function restoreFix(unit: Unit, match: PrecedentMatch, draftText: string): Fix | undefined {
  const dw = match.draftWords;
  const pw = match.precedentWords;
  const ptext = match.precedent.text;
  const viewEdits: ViewEdit[] = [];
  let prevD = -1;
  let prevP = -1;
  const gap = (d: number, p: number): void => {
    const dFrom = prevD < 0 ? dw[0]!.start : dw[prevD]!.end;
    const dTo = d < dw.length ? dw[d]!.start : dw[dw.length - 1]!.end;
    const pFrom = prevP < 0 ? pw[0]!.start : pw[prevP]!.end;
    const pTo = p < pw.length ? pw[p]!.start : pw[pw.length - 1]!.end;
    // Nothing on either side (the gaps before the first word and after the last, as a rule): no edit.
    if (dFrom === dTo && pFrom === pTo) return;
    // Most gaps read alike (a space for a space): minimalEdit would add nothing, so no string is
    // made. Only the first gap may take a capital, and goes the long way.
    if (prevD >= 0 && sameGap(draftText, dFrom, dTo, ptext, pFrom, pTo)) return;
    let replacement = ptext.slice(pFrom, pTo);
    if (prevD < 0 && replacement && dTo > dFrom && sentenceInitial(draftText, dw[0]!) && /\p{Lu}/u.test(draftText[dFrom] ?? '')) {
      replacement = replacement[0]!.toUpperCase() + replacement.slice(1);
    }
    minimalEdit(draftText, dFrom, dTo, replacement, viewEdits);
  };
  // Each pair of equal words in order, the gap before it restored first.
  for (const run of match.runs) {
    if (run.op !== 'equal') continue;
    for (let d = run.draftStart, p = run.precedentStart; d < run.draftEnd; d++, p++) {
      const dWord = dw[d]!;
      const pWord = pw[p]!;
      if (prevD < 0) gap(d, p);
      else {
        // The usual gap, one and the same character on both sides (a space), tested here without
        // a call (this runs for every aligned word, mostly before V8 optimises it); else sameGap.
        const dFrom = dw[prevD]!.end;
        const pFrom = pw[prevP]!.end;
        const oneSame = dWord.start - dFrom === 1 && pWord.start - pFrom === 1 && draftText.charCodeAt(dFrom) === ptext.charCodeAt(pFrom);
        if (!oneSame && !sameGap(draftText, dFrom, dWord.start, ptext, pFrom, pWord.start)) gap(d, p);
      }
      // Most aligned words are spelt alike: compared here in place, wordDifference only for the others.
      const length = dWord.end - dWord.start;
      let alike = length === pWord.end - pWord.start;
      for (let k = 0; alike && k < length; k++) alike = draftText.charCodeAt(dWord.start + k) === ptext.charCodeAt(pWord.start + k);
      if (!alike && wordDifference(dWord, draftText, pWord, ptext)) {
        viewEdits.push({ start: dWord.start, end: dWord.end, text: ptext.slice(pWord.start, pWord.end) });
      }
      prevD = d;
      prevP = p;
    }
  }
  gap(dw.length, pw.length);
  if (!viewEdits.length) return undefined;
  const edits = toSourceEdits(unit, viewEdits);
  if (!edits) return undefined;
  const grade = match.grade ?? 'wording';
  return { title: `Restore the wording of ${cite(match.precedent)}`, edits, safe: true, level: levelOf(grade) };
}

/** Replace view text [from, to) by `replacement`, touching only what differs (spacing counts as equal). */
function minimalEdit(text: string, from: number, to: number, replacement: string, out: ViewEdit[]): void {
  const current = text.slice(from, to);
  if (gapText(text, from, to) === replacement.replace(/\s+/g, ' ')) return;
  let a = 0;
  const same = (x: string | undefined, y: string | undefined): boolean =>
    x !== undefined && y !== undefined && (x === y || (isWhiteSpace(x.charCodeAt(0)) && isWhiteSpace(y.charCodeAt(0))));
  while (a < current.length && a < replacement.length && same(current[a], replacement[a])) a++;
  let b = 0;
  while (
    b < current.length - a &&
    b < replacement.length - a &&
    same(current[current.length - 1 - b], replacement[replacement.length - 1 - b])
  )
    b++;
  // Never cut a word in two: "coasts" for "shores" is one word replaced, not "coast" for "shore".
  const letter = (c: string | undefined): boolean => {
    if (c === undefined) return false;
    const code = c.charCodeAt(0);
    // ASCII without the expression: letters and digits are exactly \p{L} and \p{N} there.
    if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    return /[\p{L}\p{N}]/u.test(c);
  };
  while (a > 0 && (letter(current[a]) || letter(replacement[a])) && letter(current[a - 1])) a--;
  while (b > 0 && (letter(current[current.length - b - 1]) || letter(replacement[replacement.length - b - 1])) && letter(current[current.length - b])) b--;
  out.push({ start: from + a, end: to - b, text: replacement.slice(a, replacement.length - b) });
}

/** View edits to source edits, merged where they touch; undefined if any would touch markup. */
function toSourceEdits(unit: Unit, viewEdits: ViewEdit[]): TextEdit[] | undefined {
  const view = unit.view;
  const protectedSpans = markupSpans(unit.subparagraph ? unit.subparagraph.content : unit.paragraph.content);
  viewEdits.sort((x, y) => x.start - y.start);
  const merged: ViewEdit[] = [];
  for (const e of viewEdits) {
    const last = merged[merged.length - 1];
    if (last && last.end >= e.start) {
      last.text += e.text;
      last.end = e.end;
    } else merged.push({ ...e });
  }
  const edits: TextEdit[] = [];
  for (const e of merged) {
    let start: number;
    let end: number;
    if (e.end > e.start) {
      if (!view.isContiguous(e.start, e.end)) return undefined;
      start = view.toSourceStart(e.start);
      end = view.toSourceEnd(e.end);
    } else {
      // An insertion between two pieces of the view: where markup sits between them, the place
      // is ambiguous (before or after the amendment?), so the fix is not offered.
      const from = Math.max(0, e.start - 1);
      const to = Math.min(view.text.length, e.start + 1);
      if (to > from && !view.isContiguous(from, to)) return undefined;
      start = end = view.toSourceStart(e.start);
    }
    const touches = protectedSpans.some((s) => (end > start ? start < s.end && s.start < end : s.start < start && start < s.end));
    if (touches) return undefined;
    edits.push({ start, end, text: e.text });
  }
  return edits;
}

/**
 * Where a deviation finding sits: from the first changed word to the last (for a drop, the words
 * either side of the point where text is missing), not the whole quote.
 */
export function changedSpan(unit: Unit, match: PrecedentMatch): Span {
  let start = Infinity;
  let end = -Infinity;
  const dw = match.draftWords;
  for (const c of match.changes) {
    let span = changeSpan(match, c);
    if (span.start === span.end) {
      const before = c.draftStart > 0 ? dw[c.draftStart - 1]! : undefined;
      const after = c.draftStart < dw.length ? dw[c.draftStart]! : undefined;
      span = { start: (before ?? after)!.start, end: (after ?? before)!.end };
    }
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  if (!Number.isFinite(start)) return sourceSpan(unit, match);
  return { start: unit.view.toSourceStart(start), end: unit.view.toSourceEnd(end) };
}

/** The quoted stretch, each change when there are several, and the precedent, as related places. */
export function relatedOf(unit: Unit, match: PrecedentMatch, descriptions?: string[], grouped?: Change[]): RelatedInformation[] {
  const p = match.precedent;
  const out: RelatedInformation[] = [
    { message: `Quoted stretch of ${cite(p)}`, span: sourceSpan(unit, match) },
    { message: `${cite(p)}: ${p.text}`, span: p.span, uri: p.document.uri },
  ];
  if (descriptions && grouped && grouped.length > 1) {
    grouped.forEach((c, i) => {
      const s = changeSpan(match, c);
      out.push({ message: `Change ${i + 1}: ${descriptions[i]}`, span: { start: unit.view.toSourceStart(s.start), end: s.end > s.start ? unit.view.toSourceEnd(s.end) : unit.view.toSourceStart(s.start) } });
    });
  }
  return out;
}
