/** `precedent.deviation`: a quote of agreed language that drifts from the precedent. */
import type { Grade } from '../match/grade.js';
import { describeChange, groupChanges, lineageNote, precedentRef, restoreFix, sourceSpan } from './precedent-common.js';
import { languageOf } from './precedent-weight.js';
import type { Rule, Severity } from './rule.js';

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

export const precedentDeviation: Rule = {
  id: 'precedent.deviation',
  defaultSeverity: 'warning',
  summary: 'A quote of agreed language departs from the precedent wording.',
  docs:
    'Flags a stretch of the draft that closely follows a sentence of an adopted text but changes it: ' +
    'words dropped, added or replaced, the order changed, or the spelling or hyphenation altered. ' +
    'The message grades the change (substantive for a negation, modal verb, qualifier or quantifier; ' +
    'structural for word order; editorial for spelling and hyphenation) and names the precedent with how ' +
    'it was adopted. The fix restores the precedent wording of the quoted stretch only; text before or ' +
    'after the quote is new text and is left alone. Defined abbreviations (ICTs) and -ise/-ize spellings ' +
    'are not departures; a quote of part of a precedent sentence is not one either.',
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
        const alternatives = match.lineage
          .filter((m) => m.kind === 'deviation' && m.start === match.start)
          .map((m) => restoreFix(unit, m, unit.view.text))
          .filter((f): f is NonNullable<typeof f> => !!f)
          .map((f) => ({ ...f, safe: false }));
        const severity =
          perGrade[match.grade] ?? (ctx.severity === precedentDeviation.defaultSeverity ? GRADE_SEVERITY[match.grade] : ctx.severity);
        ctx.report({
          severity,
          message: `${GRADE_WORD[match.grade]} from ${languageOf(p, lineageNote(match))}: ${shown.join('; ')}.`,
          span: sourceSpan(unit, match),
          fixes: fix ? [fix, ...alternatives] : [],
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
