/**
 * Applying fixes. Fix-all never stacks edits: it applies the safe fixes that do not overlap to the
 * text, lints the result again, and repeats until nothing is left to fix; callers that need edits
 * (the language server) diff the old text against the new one.
 */
import DiffMatchPatch from 'diff-match-patch';
import type { Fix, FixLevel, Finding, TextEdit } from './rules/rule.js';

/**
 * How far automatic fixing goes (`--fix-level`, `fixLevel` in acquis.config.yaml, the editor's
 * `acquis.fixLevel`): `editorial` (the default) applies only spelling, hyphenation, punctuation
 * and capitals; `wording` adds restorations of words and word order; `all` adds substantive
 * restorations (negations, modal verbs, qualifiers). Anything above the level stays a quick fix.
 */
export type FixLevelSetting = 'editorial' | 'wording' | 'all';
export const FIX_LEVEL_SETTINGS: FixLevelSetting[] = ['editorial', 'wording', 'all'];
export const DEFAULT_FIX_LEVEL: FixLevelSetting = 'editorial';

const LEVEL_RANK: Record<FixLevel, number> = { editorial: 0, wording: 1, substantive: 2 };
const SETTING_RANK: Record<FixLevelSetting, number> = { editorial: 0, wording: 1, all: 2 };

/**
 * The grade of a fix: its own `level` when the rule set one; otherwise the style rules' fixes are
 * editorial, a precedent restoration takes its finding's grade, and anything else counts as wording.
 */
export function fixLevelOf(finding: Finding, fix: Fix): FixLevel {
  if (fix.level) return fix.level;
  if (finding.ruleId.startsWith('style.')) return 'editorial';
  const grade = finding.data?.['grade'];
  if (grade === 'editorial' || grade === 'substantive') return grade;
  return 'wording';
}

/** True when automatic fixing at `setting` may apply a fix of `level`. */
export function levelAllowed(level: FixLevel, setting: FixLevelSetting): boolean {
  // An unknown setting (an editor may send anything) counts as the default, editorial.
  return LEVEL_RANK[level] <= (SETTING_RANK[setting] ?? 0);
}

export interface FixAllOptions {
  /** How far to go (default `editorial`). */
  level?: FixLevelSetting;
  /** At most this many lint passes (default 5). */
  maxPasses?: number;
}

/** Apply edits (offsets into `text`, non-overlapping) from last to first. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) continue; // overlaps an edit already applied
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/**
 * The edits of every safe fix at or below `level`, dropping any fix that overlaps one taken before
 * it. Rules mark fixes that would rewrite amendment text as not safe, so none is taken here.
 */
export function safeEdits(findings: Finding[], level: FixLevelSetting = DEFAULT_FIX_LEVEL): TextEdit[] {
  const taken: TextEdit[] = [];
  // Only a finding's first fix is its own; later ones are alternatives offered to a person.
  const fixes = findings
    .filter((f) => !!f.fixes[0]?.safe && levelAllowed(fixLevelOf(f, f.fixes[0]), level))
    .map((f) => f.fixes[0]!)
    .filter((fix) => fix.edits.length > 0)
    .sort((a, b) => a.edits[0]!.start - b.edits[0]!.start);
  for (const fix of fixes) {
    const clash = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === t.start && e.end === t.end)));
    if (!clash) taken.push(...fix.edits);
  }
  return taken;
}

/**
 * Apply safe fixes at or below the level until none remain. Every automatic write path (`--fix`,
 * fix-all, fix-on-save) goes through here, so none can apply a fix above the level.
 */
export function fixAll(text: string, lint: (text: string) => Finding[], options: FixAllOptions = {}): { text: string; applied: number } {
  const maxPasses = options.maxPasses ?? 5;
  const level = options.level ?? DEFAULT_FIX_LEVEL;
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = safeEdits(lint(current), level);
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    applied += edits.length;
    current = next;
  }
  return { text: current, applied };
}

const dmp = new DiffMatchPatch();

/** Minimal edits turning `before` into `after` (character diff, cleaned for readability). */
export function minimalEdits(before: string, after: string): TextEdit[] {
  const diffs = dmp.diff_main(before, after);
  dmp.diff_cleanupEfficiency(diffs);
  const edits: TextEdit[] = [];
  let at = 0;
  for (const [op, chunk] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) at += chunk.length;
    else if (op === DiffMatchPatch.DIFF_DELETE) {
      const last = edits[edits.length - 1];
      if (last && last.end === at) last.end = at + chunk.length;
      else edits.push({ start: at, end: at + chunk.length, text: '' });
      at += chunk.length;
    } else {
      const last = edits[edits.length - 1];
      if (last && last.end === at) last.text += chunk;
      else edits.push({ start: at, end: at, text: chunk });
    }
  }
  return edits;
}
