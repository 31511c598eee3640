/** `precedent.deviation`: a quote of agreed language that drifts from the precedent. */
import type { Grade } from '../match/grade.js';
import {
  adoptionNote,
  changedSpan,
  cite,
  describeChange,
  groupChanges,
  lineageNote,
  precedentRef,
  relatedOf,
  restoreFix,
} from './precedent-common.js';
import type { Fix, Rule, Severity } from './rule.js';

/** Default severity per grade; a project may override any of them. */
const GRADE_SEVERITY: Record<Grade, Severity> = {
  substantive: 'error',
  wording: 'warning',
  structural: 'warning',
  editorial: 'info',
};

const GRADE_WORD: Record<Grade, string> = {
  substantive: 'Substantive departure',
  wording: 'Departure',
  structural: 'Word-order departure',
  editorial: 'Editorial departure',
};

/** "agreed language of A/70/174, para. 18" or "language adopted by vote in A/RES/73/27, para. 1". */
export function languageOf(p: Parameters<typeof cite>[0]): string {
  return p.document.adoption.kind === 'consensus' ? `agreed language of ${cite(p)}` : `language adopted by vote in ${cite(p)}`;
}

export const precedentDeviation: Rule = {
  id: 'precedent.deviation',
  defaultSeverity: 'warning',
  summary: 'A quote of agreed language departs from the precedent wording.',
  docs:
    'Flags a stretch of the draft that closely follows a sentence of an adopted text but changes it: ' +
    'words dropped, added or replaced, the order changed, or the spelling or hyphenation altered. ' +
    'The message grades the change by the grade table of docs/rules.md (substantive: a negation, modal ' +
    'verb, qualifier, quantifier or a determiner that changes scope; wording; structural: word order; ' +
    'editorial: spelling, hyphenation, Latin plurals, punctuation, capitals) and names the precedent with ' +
    'how it was adopted. The finding sits on the changed words; the quoted stretch and the precedent are ' +
    'its related information. The fix makes the quoted stretch read as the precedent does, character for ' +
    'character; the drafter\'s frame ("States reaffirmed that") and text after the quote are left alone. ' +
    'Defined abbreviations (ICTs), -ise/-ize spellings and a contiguous part of a precedent sentence are ' +
    'not departures; nor is a sentence that reports what States proposed.',
  fixable: true,
  check(ctx) {
    const perGrade = ctx.options as Partial<Record<Grade, Severity>>;
    for (const { unit, matches } of ctx.precedentMatches()) {
      for (const match of matches) {
        if (match.kind !== 'deviation' || !match.grade) continue;
        const p = match.precedent;
        const grouped = groupChanges(match.changes);
        const changes = grouped.map((c) => describeChange(c, match, unit.view.text));
        const shown = changes.length > 3 ? [...changes.slice(0, 3), `${changes.length - 3} more`] : changes;
        const fix = restoreFix(unit, match, unit.view.text);
        // Each other precedent for the same stretch is an alternative, offered but never automatic.
        const alternatives: Fix[] = [];
        for (const m of match.lineage) {
          if (m.kind !== 'deviation' || m.start !== match.start) continue;
          const f = restoreFix(unit, m, unit.view.text);
          if (f) alternatives.push({ ...f, safe: false });
        }
        const severity =
          perGrade[match.grade] ?? (ctx.severity === precedentDeviation.defaultSeverity ? GRADE_SEVERITY[match.grade] : ctx.severity);
        ctx.report({
          severity,
          message: `${GRADE_WORD[match.grade]} from ${languageOf(p)} (${adoptionNote(p)}${lineageNote(match)}): ${shown.join('; ')}.`,
          span: changedSpan(unit, match),
          related: relatedOf(unit, match, changes, grouped),
          fixes: fix ? (alternatives.length ? [fix, ...alternatives] : [fix]) : [],
          precedent: precedentRef(match),
          data: {
            grade: match.grade,
            changes: grouped.map((c, i) => ({ grade: c.grade, reason: c.reason, description: changes[i] })),
            partial: match.partial,
          },
        });
      }
    }
  },
};
