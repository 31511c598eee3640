/**
 * The lint runner: runs every enabled rule over a draft, isolates rules that throw, applies the
 * draft's suppressions and the configured severities.
 *
 * **Invariant**: linting never throws; a failing rule becomes one `internal.error` finding.
 */
import type { Acquis } from './acquis/acquis.js';
import { ruleSetting, type AcquisConfig } from './config.js';
import type { DraftFile } from './draft.js';
import type { Matcher } from './match/matcher.js';
import { INTERNAL_RULE_ID, RULES, SYNTAX_RULE_ID } from './rules/registry.js';
import { joinBuiltinLexicons } from './rules/builtin-lexicons.js';
import type { Finding, Rule, RuleContext, Severity, UnitMatches } from './rules/rule.js';
import type { Suppression } from '../../../grammar/src/index.js';
import { hasReason } from './suppressions.js';
import { aboutRemovedText, PROPOSAL_RULES, proposalFindings, proposalsOf, proposerDrafts, protectAmendments } from './amendments/proposal-findings.js';
import { onePerSpan } from './one-per-span.js';

export interface LintEnvironment {
  acquis: Acquis;
  matcher: Matcher;
  config: AcquisConfig;
  /** Checked between rules; a cancelled run returns what it has. */
  isCancelled?: () => boolean;
}

export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

export interface LintResult {
  findings: Finding[];
  /** Precedent matches per unit (computed only if a rule asked for them). */
  matches: UnitMatches[];
  suppressed: SuppressedFinding[];
  cancelled: boolean;
}

export function lintDraft(draft: DraftFile, env: LintEnvironment, rules: Rule[] = RULES): LintResult {
  let findings: Finding[] = [];
  const syntax = ruleSetting(env.config, SYNTAX_RULE_ID, 'error');
  if (syntax.severity !== 'off') {
    for (const p of draft.problems) {
      findings.push({ ruleId: SYNTAX_RULE_ID, severity: syntax.severity, message: p.message, span: p.span, fixes: [], data: { code: p.code } });
    }
  }
  const run = runRules(draft, env, rules, findings);
  let cancelled = run.cancelled;
  // Amendments are deliberate (amendments/proposal-findings.ts): what a pending deletion would
  // remove is reported as that proposal's doing, each proposer's text is linted as its own
  // proposal, and no automatic fix touches an amendment.
  const proposals = proposalsOf(draft);
  if (proposals.length) {
    findings = findings
      .map((f) => (f.ruleId === SYNTAX_RULE_ID ? f : protectAmendments(aboutRemovedText(f, proposals), proposals)))
      // Voted wording that a proposal would delete is nobody's concern (the deletion removes it).
      .filter((f) => !(f.ruleId === 'precedent.voted' && f.data?.['removedBy']));
    const wordRules = rules.filter((r) => PROPOSAL_RULES.has(r.id));
    for (const proposer of cancelled ? [] : proposerDrafts(draft, proposals)) {
      const own: Finding[] = [];
      if (runRules(proposer.draft, env, wordRules, own).cancelled) {
        cancelled = true;
        break;
      }
      findings.push(...proposalFindings(proposer, own, findings));
    }
  }
  const { kept, suppressed } = applySuppressions(draft, onePerSpan(findings));
  // Rule ids compared by code unit: no ICU collation on the lint path (start-up time).
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { findings: kept, suppressed, cancelled, matches: run.matches() };
}

/** Run `rules` over the draft's units, pushing into `findings`; a rule that throws becomes one finding. */
function runRules(draft: DraftFile, env: LintEnvironment, rules: Rule[], findings: Finding[]): { cancelled: boolean; matches: () => UnitMatches[] } {
  joinBuiltinLexicons();
  let matches: UnitMatches[] | undefined;
  const precedentMatches = (): UnitMatches[] =>
    (matches ??= draft.units.map((unit) => ({ unit, matches: env.matcher.match(unit.view.text) })));
  let cancelled = false;
  for (const rule of rules) {
    if (env.isCancelled?.()) {
      cancelled = true;
      break;
    }
    const { severity, options } = ruleSetting(env.config, rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      draft,
      acquis: env.acquis,
      precedentMatches,
      severity,
      options,
      report: (f) => findings.push({ ruleId: rule.id, severity, fixes: [], ...f }),
    };
    try {
      rule.check(ctx);
    } catch (error) {
      findings.push({
        ruleId: INTERNAL_RULE_ID,
        severity: 'error',
        message: `Rule ${rule.id} failed on this file and was skipped: ${(error as Error).message}`,
        span: { start: 0, end: 0 },
        fixes: [],
        data: { rule: rule.id },
      });
    }
  }
  return { cancelled, matches: () => matches ?? [] };
}

/** Drop findings inside a paragraph whose suppression names their rule and gives a reason. */
function applySuppressions(draft: DraftFile, findings: Finding[]): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const zones = draft.document.paragraphs.flatMap((p) =>
    p.suppressions.filter(hasReason).map((s) => ({ span: p.span, suppression: s })),
  );
  if (!zones.length) return { kept: findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const zone = zones.find(
      (z) =>
        finding.span.start >= z.span.start &&
        finding.span.start < z.span.end &&
        (z.suppression.rules.includes(finding.ruleId) || z.suppression.rules.includes('all')),
    );
    if (zone && finding.ruleId !== SYNTAX_RULE_ID) suppressed.push({ finding, suppression: zone.suppression });
    else kept.push(finding);
  }
  return { kept, suppressed };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** True when `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && RANK[severity] >= RANK[threshold];
}
