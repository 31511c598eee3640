/**
 * The report on one draft as plain data: how it covers the six items of the mandate, how much of
 * it is agreed language (per section and overall), findings by rule, open brackets and
 * placeholders, paragraph statuses, proposals by delegation and suppressions with their reasons.
 * Transport-free: the host lints the draft and hands over the draft, the lint result and the
 * acquis; `reportHtml` (format-html.ts) renders the data.
 */
import type { Inline, Paragraph, Section } from '../../../../grammar/src/index.js';
import type { Acquis } from '../acquis/acquis.js';
import type { Unit } from '../acquis/units.js';
import { collectAmendments, placesOf, UNATTRIBUTED } from '../amendments/collect.js';
import type { DraftFile } from '../draft.js';
import type { LintResult } from '../lint.js';
import { Matcher } from '../match/matcher.js';
import { isMandateReport, measureCoverage } from '../rules/mandate-coverage.js';
import { ruleById } from '../rules/registry.js';
import type { Severity, UnitMatches } from '../rules/rule.js';
import { allSections, isExcerpt } from '../rules/structure-common.js';
import { hasReason } from '../suppressions.js';
import { readWords } from '../text/words.js';

export interface MandateItemRow {
  id: string;
  name: string;
  /** `heading`: a section heading names it; `text`: paragraphs are about it; `none`: missing. */
  coveredBy: 'heading' | 'text' | 'none';
  /** Words given to the item (fractional when a paragraph is shared). */
  words: number;
  /** Its part of the words given to the six items (0 to 1). */
  share: number;
}

export interface SectionShare {
  /** The innermost section's heading as written (`A. Existing and potential threats`), or `(no section)`. */
  heading: string;
  words: number;
  agreedWords: number;
  share: number;
}

export interface RuleRow {
  ruleId: string;
  summary: string;
  count: number;
  bySeverity: Record<Severity, number>;
}

export interface BracketRow {
  /** The paragraph (or sub-paragraph, heading, footnote) as cited: `22`, `68 (a)`, `footnote 1`. */
  ref: string;
  placeholder: boolean;
  closed: boolean;
  /** The bracket as written, spaces collapsed, cut at 200 characters. */
  text: string;
}

export interface StatusRow {
  ref: string;
  status: string;
  /** False for a status the markup does not define. */
  known: boolean;
}

export interface ProposerRow {
  name: string;
  count: number;
  insert: number;
  delete: number;
  replace: number;
}

export interface SuppressionRow {
  ref: string;
  rules: string[];
  /** Absent when the directive gives none (then it suppresses nothing and is itself a finding). */
  reason?: string;
  /** Findings it suppressed in this run. */
  suppressed: number;
}

export interface ReportData {
  uri: string;
  title: string;
  fields: Record<string, string>;
  /** `consensusWords`/`consensusShare`: the agreed words that quote texts adopted by consensus. */
  totals: { words: number; agreedWords: number; agreedShare: number; consensusWords: number; consensusShare: number; paragraphs: number; findings: number };
  /**
   * `excerpt`: the draft says `excerpt: true` (only some paragraphs of the document), so balance
   * across the mandate is not judged: the report shows the figures without a chart, and says why.
   */
  mandate: { applies: boolean; excerpt: boolean; items: MandateItemRow[]; itemWords: number; totalWords: number };
  sections: SectionShare[];
  rules: RuleRow[];
  brackets: BracketRow[];
  statuses: { counts: Array<{ status: string; count: number }>; paragraphs: StatusRow[] };
  proposals: { total: number; proposers: ProposerRow[] };
  suppressions: SuppressionRow[];
}

/** The order statuses are shown in; others (unknown values, `no status`) follow. */
export const STATUS_ORDER = ['agreed ad ref', 'agreed', 'suggested for closure', 'pending'];
export const NO_STATUS = 'no status';
export const NO_SECTION = '(no section)';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function buildReport(draft: DraftFile, lint: LintResult, acquis: Acquis): ReportData {
  const { text, document } = draft;
  const fields = document.frontMatter?.fields ?? {};

  // How each paragraph is named, as the amendments name it.
  const stretches = placesOf(text, document);
  const refOf = new Map<Paragraph, string>();
  for (const s of stretches) if (s.place.paragraph && !s.subLabel && !refOf.has(s.place.paragraph)) refOf.set(s.place.paragraph, s.place.ref);
  const paragraphRef = (p: Paragraph): string => refOf.get(p) ?? p.label?.text ?? 'unnumbered paragraph';

  // Agreed language: the words of each unit inside a match of kind `agreed`.
  const matches: UnitMatches[] = lint.matches.length
    ? lint.matches
    : (() => {
        const matcher = new Matcher(acquis);
        return draft.units.map((unit) => ({ unit, matches: matcher.match(unit.view.text) }));
      })();
  const sections = allSections(document.children);
  const sectionOf = (unit: Unit): Section | undefined =>
    sections.filter((s) => unit.paragraph.span.start >= s.span.start && unit.paragraph.span.start < s.span.end).pop();
  const headingText = (s: Section): string => squash(text.slice(s.heading.span.start, s.heading.span.end).replace(/^#+\s*/, ''));
  const perSection = new Map<string, SectionShare>();
  let words = 0;
  let agreedWords = 0;
  let consensusWords = 0;
  for (const { unit, matches: found } of matches) {
    const read = readWords(unit.view.text);
    const agreed = found.filter((m) => m.kind === 'agreed');
    const inAgreed = read.filter((w) => agreed.some((m) => w.start >= m.start && w.end <= m.end)).length;
    // Consensus language alone (a quote of a text adopted by a vote is not agreed by all).
    const consensus = agreed.filter((m) => m.precedent.document.adoption.kind === 'consensus');
    consensusWords += read.filter((w) => consensus.some((m) => w.start >= m.start && w.end <= m.end)).length;
    words += read.length;
    agreedWords += inAgreed;
    const section = sectionOf(unit);
    const heading = section ? headingText(section) : NO_SECTION;
    const row = perSection.get(heading) ?? { heading, words: 0, agreedWords: 0, share: 0 };
    row.words += read.length;
    row.agreedWords += inAgreed;
    perSection.set(heading, row);
  }
  const sectionRows = [...perSection.values()]
    .filter((r) => r.words > 0)
    .map((r) => ({ ...r, share: r.agreedWords / r.words }));

  // The six items of the mandate.
  const coverage = measureCoverage(document, draft.units);
  const mandateItems = coverage.items.map((c) => ({
    id: c.item.id,
    name: c.item.name,
    coveredBy: c.coveredBy,
    words: c.words,
    share: c.share,
  }));

  // Findings by rule.
  const byRule = new Map<string, RuleRow>();
  for (const f of lint.findings) {
    const row = byRule.get(f.ruleId) ?? {
      ruleId: f.ruleId,
      summary: ruleById(f.ruleId)?.summary ?? (f.ruleId === 'syntax' ? 'The draft does not follow the .draft markup.' : ''),
      count: 0,
      bySeverity: { error: 0, warning: 0, info: 0, hint: 0 },
    };
    row.count++;
    row.bySeverity[f.severity]++;
    byRule.set(f.ruleId, row);
  }
  const rules = [...byRule.values()].sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));

  // Open brackets and placeholders: negotiation brackets, outermost first, wherever they are.
  const brackets: BracketRow[] = [];
  const walk = (list: Inline[], ref: string): void => {
    for (const node of list) {
      if (node.type === 'bracket') {
        if (node.role === 'negotiation') {
          brackets.push({ ref, placeholder: node.placeholder, closed: node.closed, text: cut(squash(text.slice(node.span.start, node.span.end)), 200) });
        } else for (const option of node.options) walk(option, ref);
      } else if (node.type === 'amendment') {
        walk(node.content, ref);
        if (node.replacement) walk(node.replacement, ref);
      } else if (node.type === 'quotation') walk(node.content, ref);
    }
  };
  for (const s of stretches) walk(s.content, s.place.pinpoint);

  // Paragraph statuses.
  const statusRows: StatusRow[] = document.paragraphs.map((p) => ({
    ref: paragraphRef(p),
    status: p.status ? squash(p.status.value).toLowerCase() : NO_STATUS,
    known: p.status ? p.status.known : true,
  }));
  const statusCount = new Map<string, number>();
  for (const r of statusRows) statusCount.set(r.status, (statusCount.get(r.status) ?? 0) + 1);
  const rank = (s: string): number => {
    const i = STATUS_ORDER.indexOf(s);
    return i >= 0 ? i : s === NO_STATUS ? STATUS_ORDER.length + 1 : STATUS_ORDER.length;
  };
  const counts = [...statusCount].map(([status, count]) => ({ status, count })).sort((a, b) => rank(a.status) - rank(b.status) || a.status.localeCompare(b.status));

  // Proposals by delegation.
  const amendments = collectAmendments(text, document);
  const proposerRows = new Map<string, ProposerRow>();
  for (const a of amendments) {
    const name = a.proposer ? squash(a.proposer) : UNATTRIBUTED;
    const key = name.toLocaleLowerCase('en');
    const row = proposerRows.get(key) ?? { name, count: 0, insert: 0, delete: 0, replace: 0 };
    row.count++;
    row[a.kind]++;
    proposerRows.set(key, row);
  }
  const proposers = [...proposerRows.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  // Suppressions: each directive, its reason and what it suppressed.
  const suppressions: SuppressionRow[] = document.paragraphs.flatMap((p) =>
    p.suppressions.map((s) => {
      const row: SuppressionRow = {
        ref: paragraphRef(p),
        rules: s.rules,
        suppressed: lint.suppressed.filter((x) => x.suppression === s).length,
      };
      if (hasReason(s)) row.reason = squash(s.reason!);
      return row;
    }),
  );

  return {
    uri: draft.uri,
    title: squash(fields.title ?? '') || draft.uri,
    fields,
    totals: { words, agreedWords, agreedShare: words ? agreedWords / words : 0, consensusWords, consensusShare: words ? consensusWords / words : 0, paragraphs: document.paragraphs.length, findings: lint.findings.length },
    mandate: { applies: isMandateReport(draft), excerpt: isExcerpt(document), items: mandateItems, itemWords: coverage.itemWords, totalWords: coverage.totalWords },
    sections: sectionRows,
    rules,
    brackets,
    statuses: { counts, paragraphs: statusRows },
    proposals: { total: amendments.length, proposers },
    suppressions,
  };
}
