/** What a rule is and what it reports. Plain data with offsets: no editor or file types here. */
import type { Adoption, Span } from '../../../../grammar/src/index.js';
import type { Acquis } from '../acquis/acquis.js';
import type { Unit } from '../acquis/units.js';
import type { DraftFile } from '../draft.js';
import type { PrecedentMatch } from '../match/matcher.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * How much a fix changes the meaning of the text, from the grade table in docs/rules.md
 * ("Grades of a change"): `editorial` (spelling, hyphenation, Latin plurals, punctuation,
 * capitals), `wording` (words or word order, same sense), `substantive` (negation, modal verb,
 * qualifier, quantifier, a determiner that changes scope). Fix-all and `--fix` filter on it.
 */
export type FixLevel = 'editorial' | 'wording' | 'substantive';
export const FIX_LEVELS: FixLevel[] = ['editorial', 'wording', 'substantive'];

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `--fix` and fix-all; others only on request. */
  safe: boolean;
  /** The fix's grade (absent: treated as `wording`). Set by every precedent restoration. */
  level?: FixLevel;
}

export interface PrecedentRef {
  symbol: string;
  /** `18`, `18 (i)`, `PP3`, `1.2`. */
  paragraph: string;
  adoption: Adoption;
  year?: number;
  title?: string;
  adoptedBy?: string;
  /** The precedent sentence as adopted. */
  text: string;
  uri: string;
  span: Span;
  /** Other documents with the same formulation, most authoritative first. */
  lineage: Array<Omit<PrecedentRef, 'lineage' | 'text' | 'uri' | 'span'> & { kind: 'agreed' | 'deviation' }>;
}

/**
 * A place that explains a finding (LSP relatedInformation): the quoted stretch in the draft, the
 * precedent in its adopted document, each change of a departure.
 */
export interface RelatedInformation {
  message: string;
  /** Offsets in the draft, or in the document at `uri` when it is given. */
  span: Span;
  /** The adopted document's uri; absent for a place in the draft itself. */
  uri?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  precedent?: PrecedentRef;
  /** Rule-specific details (grade and changes of a deviation...). */
  data?: Record<string, unknown>;
  /** Places that explain the finding (see RelatedInformation). */
  related?: RelatedInformation[];
}

export interface UnitMatches {
  unit: Unit;
  matches: PrecedentMatch[];
}

export interface RuleContext {
  draft: DraftFile;
  acquis: Acquis;
  /** Precedent matches of every unit of the draft, computed once and shared by the rules. */
  precedentMatches(): UnitMatches[];
  /** Severity for this rule after configuration ("off" rules never run). */
  severity: Severity;
  /** The rule's own configuration object, if the project gives one. */
  options: Record<string, unknown>;
  report(finding: Omit<Finding, 'ruleId' | 'severity' | 'fixes'> & Partial<Pick<Finding, 'severity' | 'fixes'>>): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in rule lists and SARIF. */
  summary: string;
  /** A paragraph or two for the documentation and hovers. */
  docs: string;
  /** Whether its fixes may be applied without review (fix-all, `--fix`). */
  fixable: boolean;
  check(ctx: RuleContext): void;
}
