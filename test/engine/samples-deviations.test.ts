/**
 * The departures on the two real samples, as a delegation's legal adviser reviewed them: each one
 * is a true departure inside a quote, none is in the drafter's frame, none is a report of what
 * States proposed, and each first fix leaves the quote in the precedent's exact wording.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/fixes';
import { LineIndex } from '../../server/src/engine/index';
import { builtinEngine } from './helpers';

function deviations(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  return builtinEngine()
    .lint(file, text)
    .findings.filter((f) => f.ruleId === 'precedent.deviation' && !f.data?.['proposal'])
    .map((f) => {
      const changes = (f.data!.changes as { description: string }[]).map((c) => c.description).join('; ');
      return `${lines.position(f.span.start).line + 1} ${f.precedent!.symbol} ${f.precedent!.paragraph}: ${changes}`;
    });
}

describe('departures on the real samples', () => {
  it('samples/oewg-pre-draft.draft', () => {
    expect(deviations('samples/oewg-pre-draft.draft')).toEqual([
      // Para. 5: "recognized" is the frame; the quote drops "and" before "in particular".
      '25 A/RES/73/266 PP12: drops "and"',
      // Para. 27: the mandate formula "how international law applies to the use of ICTs".
      '133 A/RES/73/266 3: "in" for "to"',
      // Para. 38: a reaffirmation restates 73/27 PP21 (73/266 PP15) wrongly.
      '196 A/RES/73/266 PP15: "hold the" for "have a" (determiner); "safe and trustable" for "and peaceful" in the list "secure and peaceful"',
      // Para. 68 (a) (i), inside Japan's pending deletion: reported, never fixed.
      '305 A/RES/73/266 3: "in" for "to"',
    ]);
  });

  it('samples/revised-pre-draft.draft', () => {
    expect(deviations('samples/revised-pre-draft.draft')).toEqual([
      '25 A/RES/73/266 PP12: drops "and"; adds "in its entirety" (quantifier)',
      '70 A/RES/73/266 PP12: adds "in its entirety" (quantifier)',
      '88 A/RES/73/266 3: "in" for "to"',
      '129 A/RES/73/266 PP15: "hold the" for "have a" (determiner); "safe and trustable" for "and peaceful" in the list "secure and peaceful"',
      '214 A/RES/73/266 3: "in" for "to"',
    ]);
  });

  it('every first fix makes its quote read as the precedent, and none touches amendment markup', () => {
    for (const file of ['samples/oewg-pre-draft.draft', 'samples/revised-pre-draft.draft']) {
      const text = readFileSync(file, 'utf8');
      const findings = builtinEngine().lint(file, text).findings.filter((f) => f.ruleId === 'precedent.deviation' && !f.data?.['proposal']);
      for (const f of findings) {
        const fix = f.fixes[0];
        if (!fix) continue;
        for (const e of fix.edits) expect(text.slice(e.start, e.end)).not.toMatch(/[{}]/);
        const fixed = applyEdits(text, fix.edits);
        const again = builtinEngine().lint(file, fixed).findings.filter((g) => g.ruleId === 'precedent.deviation' && !g.data?.['proposal']);
        expect(again.length, `${file}: ${f.message}`).toBe(findings.length - 1);
      }
    }
  });
});
