/**
 * The demo draft's planted departures (samples/README.md) are found, each with the right
 * precedent and grade, and nothing else in the draft is called a departure.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LineIndex } from '../../server/src/engine/index';
import { builtinEngine } from '../engine/helpers';

const text = readFileSync('samples/demo.draft', 'utf8');
const lines = new LineIndex(text);
const { findings } = builtinEngine().lint('samples/demo.draft', text);

/** Paragraph number -> the finding that must be there. */
const paragraphOf = (offset: number): string => {
  const before = text.slice(0, offset);
  const labels = [...before.matchAll(/^(\d+)\.\s/gm)];
  return labels.length ? labels[labels.length - 1]![1]! : '';
};

const summary = findings
  .filter((f) => f.ruleId === 'precedent.deviation')
  .map((f) => ({
    paragraph: paragraphOf(f.span.start),
    precedent: `${f.precedent!.symbol} ${f.precedent!.paragraph}`,
    grade: f.data!.grade,
    changes: (f.data!.changes as { description: string }[]).map((c) => c.description),
  }));

it('finds every planted departure, graded, and no other', () => {
  expect(summary).toEqual([
    { paragraph: '5', precedent: 'A/70/174 33', grade: 'editorial', changes: ['"behavior" for "behaviour" (spelling)'] },
    { paragraph: '9', precedent: 'A/70/174 35', grade: 'structural', changes: ['"regional, bilateral" for "bilateral, regional" (list order)'] },
    { paragraph: '10', precedent: 'A/68/98 13', grade: 'editorial', changes: ['"capacity building" for "capacity-building" (hyphenation)'] },
    { paragraph: '12', precedent: 'A/70/174 18', grade: 'wording', changes: ['"cooperative measures" for "cooperation"'] },
    { paragraph: '12', precedent: 'A/70/174 18', grade: 'wording', changes: ['drops "with broad participation"'] },
    { paragraph: '13', precedent: 'A/70/174 33', grade: 'substantive', changes: ['drops "not" (negation)'] },
    { paragraph: '15', precedent: 'A/70/174 35', grade: 'substantive', changes: ['"must" for "should" (modal verb)'] },
    { paragraph: '16', precedent: 'A/65/201 18 (i)', grade: 'substantive', changes: ['adds "all" (quantifier)'] },
  ]);
});

it('recognises the agreed and the voted language the demo quotes', () => {
  const at = (rule: string) =>
    findings.filter((f) => f.ruleId === rule).map((f) => `${paragraphOf(f.span.start)} ${f.precedent!.symbol} ${f.precedent!.paragraph}`);
  // Paragraph 7 uses "ICTs" where 73/266 spells the term out: equal, so a quote. Text adopted by
  // vote is reported once, as language adopted by vote, not also as agreed language.
  expect(at('precedent.agreed')).toEqual(expect.arrayContaining(['11 A/70/174 18', '14 A/70/174 33']));
  expect(at('precedent.agreed')).not.toEqual(expect.arrayContaining(['7 A/RES/73/266 PP13']));
  expect(at('precedent.voted')).toEqual(expect.arrayContaining(['7 A/RES/73/266 PP13', '8 A/RES/73/27 PP4']));
  // Positions are reported on the right lines (1-based here, as in the text output).
  const negation = findings.find((f) => f.message.includes('(negation)'))!;
  expect(lines.position(negation.span.start).line + 1).toBe(89);
});
