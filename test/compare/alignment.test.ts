/**
 * Paragraph alignment by content: renumbering, moves, splits, merges, insertions, deletions and
 * rewrites, on small synthetic drafts with the exact mapping expected.
 */
import { describe, expect, it } from 'vitest';
import { compareRevisions, DEFAULT_ALIGN_OPTIONS } from '../../server/src/engine/compare/index';
import { compact, draft, P } from './helpers';

describe('paragraph alignment', () => {
  it('follows paragraphs across renumbering', () => {
    const old = draft([
      ['1', P.milestones],
      ['2', P.lens],
      ['3', P.automation],
      ['4', P.supplyChain],
    ]);
    const nu = draft([
      ['7', P.milestones],
      ['8', P.lens],
      ['9', P.automation],
      ['10', P.supplyChain],
    ]);
    const c = compareRevisions(old, nu);
    expect(compact(c)).toEqual(['1>7 same', '2>8 same', '3>9 same', '4>10 same']);
    expect(c.mapping.every((m) => m.similarity === 1)).toBe(true);
  });

  it('does not pair paragraphs by number when their content differs', () => {
    const c = compareRevisions(draft([['1', P.milestones], ['2', P.lens]]), draft([['1', P.lens], ['2', P.forums]]));
    expect(compact(c)).toEqual(['1>- removed', '2>1 same', '-' + '>2 added']);
  });

  it('finds a moved paragraph, and only that one', () => {
    const old = draft([
      ['1', P.milestones],
      ['2', P.lens],
      ['3', P.automation],
      ['4', P.supplyChain],
      ['5', P.prudence],
    ]);
    // Paragraph 2 now comes after old paragraph 4; the others keep their order.
    const nu = draft([
      ['1', P.milestones],
      ['2', P.automation],
      ['3', P.supplyChain],
      ['4', P.lens],
      ['5', P.prudence],
    ]);
    expect(compact(compareRevisions(old, nu))).toEqual(['1>1 same', '3>2 same', '4>3 same', '2>4 moved', '5>5 same']);
  });

  it('finds a moved paragraph that also changed', () => {
    const old = draft([
      ['1', P.milestones],
      ['2', P.lens],
      ['3', P.automation],
      ['4', P.supplyChain],
    ]);
    const nu = draft([
      ['1', P.lens],
      ['2', P.automation],
      ['3', P.milestones.replace('important milestones', 'essential milestones')],
      ['4', P.supplyChain],
    ]);
    const c = compareRevisions(old, nu);
    expect(compact(c)).toEqual(['2>1 same', '3>2 same', '1>3 moved', '4>4 same']);
    expect(c.mapping[2]!.similarity).toBeLessThan(1);
    expect(c.mapping[2]!.similarity).toBeGreaterThan(0.9);
  });

  it('finds a split: one old paragraph became two new ones', () => {
    const old = draft([
      ['1', P.milestones],
      ['2', `${P.lens} ${P.ownership}`],
      ['3', P.prudence],
    ]);
    const nu = draft([
      ['1', P.milestones],
      ['2', P.lens],
      ['3', P.ownership],
      ['4', P.prudence],
    ]);
    const c = compareRevisions(old, nu);
    expect(compact(c)).toEqual(['1>1 same', '2>2 split', '2>3 split', '3>4 same']);
    const split = c.mapping.filter((m) => m.kind === 'split');
    expect(split[0]!.group).toBe(split[1]!.group);
    expect(split[0]!.similarity).toBe(1);
    expect(c.redlines[split[0]!.group!]).toMatchObject({ kind: 'split', old: ['2'], new: ['2', '3'] });
  });

  it('finds a split into three parts, with a word changed in one', () => {
    const old = draft([['12', `${P.lens} ${P.ownership} ${P.roadmap}`]]);
    const nu = draft([
      ['10', P.lens],
      ['11', P.ownership.replace('stressed', 'underlined')],
      ['12', P.roadmap],
    ]);
    const c = compareRevisions(old, nu);
    expect(compact(c)).toEqual(['12>10 split', '12>11 split', '12>12 split']);
    expect(c.mapping[0]!.similarity).toBeGreaterThan(0.95);
    expect(c.mapping[0]!.similarity).toBeLessThan(1);
  });

  it('finds a merge: two old paragraphs became one', () => {
    const old = draft([
      ['1', P.milestones],
      ['2', P.talent],
      ['3', P.forums],
      ['4', P.agency],
    ]);
    const nu = draft([
      ['1', P.milestones],
      ['2', `${P.talent} ${P.forums}`],
      ['3', P.agency],
    ]);
    const c = compareRevisions(old, nu);
    expect(compact(c)).toEqual(['1>1 same', '2>2 merged', '3>2 merged', '4>3 same']);
    expect(c.redlines[c.mapping[1]!.group!]).toMatchObject({ kind: 'merged', old: ['2', '3'], new: ['2'] });
  });

  it('finds insertions and deletions', () => {
    const old = draft([
      ['1', P.milestones],
      ['2', P.lens],
      ['3', P.automation],
    ]);
    const nu = draft([
      ['1', P.milestones],
      ['2', P.forums],
      ['3', P.automation],
      ['4', P.agency],
    ]);
    expect(compact(compareRevisions(old, nu))).toEqual(['1>1 same', '2>- removed', '-' + '>2 added', '3>3 same', '-' + '>4 added']);
  });

  it('handles renumbering, a move, a split, a merge, an insertion and a deletion at once', () => {
    const old = draft([
      ['1', P.milestones],
      ['2', P.lens],
      ['3', `${P.automation} ${P.supplyChain}`],
      ['4', P.prudence],
      ['5', P.talent],
      ['6', P.forums],
      ['7', P.ownership],
      ['8', P.roadmap],
    ]);
    const nu = draft([
      ['1', P.milestones],
      ['2', P.automation],
      ['3', P.supplyChain],
      ['4', P.prudence.replace('with prudence', 'with great prudence')],
      ['5', `${P.talent} ${P.forums}`],
      ['6', P.agency],
      ['7', P.roadmap],
      ['8', P.lens],
    ]);
    expect(compact(compareRevisions(old, nu))).toEqual([
      '1>1 same',
      '3>2 split',
      '3>3 split',
      '4>4 changed',
      '5>5 merged',
      '6>5 merged',
      '7>- removed',
      '-' + '>6 added',
      '8>7 same',
      '2>8 moved',
    ]);
  });

  it('pairs a paragraph rewritten where it stood (below the one-to-one threshold, in the same gap)', () => {
    const rewritten =
      'Pursuit of increasing automation and autonomy in ICT operations was discussed at length, and several delegations asked for a study of the question before the next session.';
    const old = draft([['1', P.milestones], ['2', P.automation], ['3', P.prudence]]);
    const nu = draft([['1', P.milestones], ['2', rewritten], ['3', P.prudence]]);
    const c = compareRevisions(old, nu);
    expect(compact(c)).toEqual(['1>1 same', '2>2 changed', '3>3 same']);
    expect(c.mapping[1]!.similarity).toBeLessThan(DEFAULT_ALIGN_OPTIONS.match);
    expect(c.mapping[1]!.similarity).toBeGreaterThanOrEqual(DEFAULT_ALIGN_OPTIONS.inPlace);
  });

  it('does not pair a weak look-alike that stands elsewhere', () => {
    const rewritten =
      'Pursuit of increasing automation and autonomy in ICT operations was discussed at length, and several delegations asked for a study of the question before the next session.';
    const old = draft([['1', P.automation], ['2', P.milestones], ['3', P.prudence]]);
    const nu = draft([['1', P.milestones], ['2', P.prudence], ['3', rewritten]]);
    expect(compact(compareRevisions(old, nu))).toEqual(['1>- removed', '2>1 same', '3>2 same', '-' + '>3 added']);
  });

  it('labels unnumbered paragraphs by the numbered paragraph before them', () => {
    const old = `Opening words of the chair before anything else is numbered in this document.\n\n1. ${P.milestones}\n\n${P.lens}\n\n${P.forums}\n`;
    const nu = `Opening words of the chair before anything else is numbered in this document.\n\n4. ${P.milestones}\n\n${P.lens}\n\n${P.forums}\n`;
    const c = compareRevisions(old, nu);
    expect(c.old.labels).toEqual(['(start)', '1', '(after 1)', '(after 1, 2)']);
    expect(compact(c)).toEqual(['(start)>(start) same', '1>4 same', '(after 1)>(after 4) same', '(after 1, 2)>(after 4, 2) same']);
  });

  it('compares sub-paragraphs as part of their paragraph, labels included', () => {
    const old = `5. Chapeau of the recommendations:\n  (a) ${P.talent}\n  (b) ${P.forums}\n`;
    const nu = `6. Chapeau of the recommendations:\n  (a) ${P.forums}\n  (b) ${P.talent}\n`;
    const c = compareRevisions(old, nu);
    expect(compact(c)).toEqual(['5>6 changed']);
    expect(c.redlines[0]!.runs.some((r) => r.op !== 'equal' && r.text.includes('talent'))).toBe(true);
  });

  it('copes with empty revisions and placeholders', () => {
    expect(compareRevisions('', '').mapping).toEqual([]);
    expect(compact(compareRevisions('', draft([['1', P.lens]])))).toEqual(['-' + '>1 added']);
    const c = compareRevisions(draft([['1', P.lens], ['2', '[placeholder: more text]']]), draft([['1', P.lens], ['2', '[placeholder: more text]']]));
    expect(compact(c)).toEqual(['1>1 same', '2>2 same']);
    const gone = compareRevisions(draft([['1', P.lens], ['2', '[placeholder: more text]']]), draft([['1', P.lens]]));
    expect(compact(gone)).toEqual(['1>1 same', '2>- removed']);
    expect(gone.redlines[1]!.runs).toEqual([{ op: 'deleted', text: '[placeholder: more text]', space: false }]);
  });

  it('counts relations in the summary', () => {
    const c = compareRevisions(draft([['1', `${P.lens} ${P.ownership}`], ['2', P.milestones]]), draft([['1', P.lens], ['2', P.ownership]]));
    expect(c.summary).toEqual({ same: 0, changed: 0, moved: 0, split: 1, merged: 0, added: 0, removed: 1 });
  });
});
