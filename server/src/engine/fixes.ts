/**
 * Applying fixes. Fix-all never stacks edits: it applies the safe fixes that do not overlap to the
 * text, lints the result again, and repeats until nothing is left to fix; callers that need edits
 * (the language server) diff the old text against the new one.
 */
import DiffMatchPatch from 'diff-match-patch';
import type { Finding, TextEdit } from './rules/rule.js';

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

/** The edits of every safe fix, dropping any fix that overlaps one taken before it. */
export function safeEdits(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  // Only a finding's first fix is its own; later ones are alternatives offered to a person.
  const fixes = findings
    .map((f) => f.fixes[0])
    .filter((fix): fix is NonNullable<typeof fix> => !!fix?.safe)
    .sort((a, b) => a.edits[0]!.start - b.edits[0]!.start);
  for (const fix of fixes) {
    const clash = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === t.start && e.end === t.end)));
    if (!clash) taken.push(...fix.edits);
  }
  return taken;
}

/** Apply safe fixes until none remain (at most `maxPasses` lint passes). */
export function fixAll(text: string, lint: (text: string) => Finding[], maxPasses = 5): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = safeEdits(lint(current));
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
