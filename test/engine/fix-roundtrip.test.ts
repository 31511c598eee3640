/**
 * Fix round trip: applying a finding's fix restores the precedent wording of that span only, the
 * result still parses as well as before, and a second lint finds no departure there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { applyEdits, fixAll, type Finding } from '../../server/src/engine/index';
import { readWords } from '../../server/src/engine/text/words';
import { builtinEngine } from './helpers';

const samples = ['samples/demo.draft', 'samples/oewg-pre-draft.draft'].map((path) => ({
  path,
  text: readFileSync(path, 'utf8'),
}));

function deviations(text: string): Finding[] {
  return builtinEngine()
    .lint('roundtrip.draft', text)
    .findings.filter((f) => f.ruleId === 'precedent.deviation' && !f.data?.['proposal']);
}

describe.each(samples)('fixes in $path', ({ text }) => {
  const withFixes = deviations(text).filter((f) => f.fixes.length > 0);

  it('has departures with fixes to try', () => {
    expect(withFixes.length).toBeGreaterThan(0);
  });

  it.each(withFixes.map((f, i) => [i, f] as const))('fix %i restores the precedent and touches nothing else', (_i, finding) => {
    const fix = finding.fixes[0]!;
    const fixed = applyEdits(text, fix.edits);
    // Outside the edits, the text is unchanged: compare the pieces between edits in order.
    const edits = [...fix.edits].sort((a, b) => a.start - b.start);
    let before = 0;
    let after = 0;
    for (const e of edits) {
      expect(fixed.slice(after, after + (e.start - before))).toBe(text.slice(before, e.start));
      after += e.start - before;
      expect(fixed.slice(after, after + e.text.length)).toBe(e.text);
      after += e.text.length;
      before = e.end;
    }
    expect(fixed.slice(after)).toBe(text.slice(before));
    // It still parses as well as before.
    expect(parse(fixed).problems.length).toBe(parse(text).problems.length);
    // The span now reads as the precedent and is no longer a departure.
    const delta = fixed.length - text.length;
    // The quoted stretch (the finding itself sits on the changed words only).
    const quoted = finding.related?.[0]?.span ?? finding.span;
    const span = { start: quoted.start, end: quoted.end + delta };
    const again = deviations(fixed).filter((f) => f.span.start < span.end && span.start < f.span.end);
    expect(again).toEqual([]);
    // Compared by word form (case, -ise/-ize and abbreviations folded, spelling not).
    const forms = (s: string) => ` ${readWords(s).map((w) => w.form).join(' ')} `;
    // The current view leaves out pending insertions and comments, so the raw slice does too.
    const current = fixed.slice(span.start, span.end).replace(/\{\+\+[\s\S]*?\+\+\}|\{>>[\s\S]*?<<\}/g, ' ');
    expect(forms(finding.precedent!.text)).toContain(forms(current));
  });

  it('fix-all at level all leaves no fixable departure and keeps the markup intact', () => {
    const { text: fixed, applied } = fixAll(text, (t) => builtinEngine().lint('roundtrip.draft', t).findings, { level: 'all' });
    expect(applied).toBeGreaterThan(0);
    expect(deviations(fixed).filter((f) => f.fixes.some((x) => x.safe))).toEqual([]);
    expect(parse(fixed).problems.length).toBe(parse(text).problems.length);
    expect(parse(fixed).document.paragraphs.length).toBe(parse(text).document.paragraphs.length);
  });
});
