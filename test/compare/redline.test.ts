/** The word-level redline, word by word, on small cases. */
import { describe, expect, it } from 'vitest';
import { compareRevisions, newText, oldText, type RedlineRun } from '../../server/src/engine/compare/index';
import { draft, P } from './helpers';

/** The redline of a one-paragraph draft against another. */
function runs(before: string, after: string): RedlineRun[] {
  const c = compareRevisions(draft([['1', before]]), draft([['1', after]]));
  expect(c.redlines).toHaveLength(1);
  return c.redlines[0]!.runs;
}

/** Runs as `=kept`, `-deleted`, `+inserted`. */
const short = (rs: RedlineRun[]): string[] => rs.map((r) => `${r.op === 'equal' ? '=' : r.op === 'deleted' ? '-' : '+'}${r.break ? '¶' : ''}${r.text}`);

describe('redline', () => {
  it('shows a replacement as the words deleted, then the words inserted', () => {
    const rs = runs(
      'Measures that build confidence and capacity reinforce respect for international law, and encourage the operationalization of norms.',
      'Measures that build confidence and capacity reinforce adherence to international law, and encourage the operationalization of norms.',
    );
    expect(short(rs)).toEqual([
      '=Measures that build confidence and capacity reinforce',
      '-respect for',
      '+adherence to',
      '=international law, and encourage the operationalization of norms.',
    ]);
    expect(rs.map((r) => r.space)).toEqual([false, true, true, true]);
  });

  it('shows an insertion with its punctuation kept apart', () => {
    expect(
      short(
        runs(
          'States reaffirmed that international law, and in particular the Charter of the United Nations, is applicable and essential.',
          'States reaffirmed that international law, and in particular the Charter of the United Nations in its entirety, is applicable and essential.',
        ),
      ),
    ).toEqual([
      '=States reaffirmed that international law, and in particular the Charter of the United Nations',
      '+in its entirety',
      '=, is applicable and essential.',
    ]);
  });

  it('shows a deletion', () => {
    expect(
      short(
        runs(
          'It was highlighted that there was value in having the sixth Group meeting in parallel to the OEWG, stressing their complementarity.',
          'It was highlighted that there was value in having the sixth Group meeting in parallel to the OEWG.',
        ),
      ),
    ).toEqual(['=It was highlighted that there was value in having the sixth Group meeting in parallel to the OEWG', '-, stressing their complementarity', '=.']);
  });

  it('shows changes of punctuation, capitals and spelling, which alignment ignores', () => {
    const rs = runs(
      'Norms regulate and guide State behavior; confidence-building measures help to create trust and stability between States.',
      'Norms regulate and guide State behaviour, confidence-building measures help to create trust and stability between States.',
    );
    expect(short(rs)).toEqual([
      '=Norms regulate and guide State',
      '-behavior;',
      '+behaviour,',
      '=confidence-building measures help to create trust and stability between States.',
    ]);
  });

  it('marks a change at the very start and at the very end', () => {
    expect(short(runs(`The ${P.lens.slice(4)}`, `${P.lens.slice(4, -1)}, as a whole.`))).toEqual([
      '-The',
      `=${P.lens.slice(4, -1)}`,
      '+, as a whole',
      '=.',
    ]);
  });

  it('rebuilds both texts from the runs', () => {
    const before = 'States underscored that ICT-related capacity-building efforts would be more effective if they were guided by widely accepted principles.';
    const after = 'States stressed that capacity-building efforts would be more effective and sustainable if they were guided by agreed principles.';
    const rs = runs(before, after);
    expect(oldText(rs)).toBe(before);
    expect(newText(rs)).toBe(after);
  });

  it('writes sub-paragraph labels into the text, so that moved sub-paragraphs show', () => {
    const c = compareRevisions('5. Chapeau:\n  (a) first point;\n  (b) second point.\n', '5. Chapeau:\n  (a) first point;\n  (b) a new point;\n  (c) second point.\n');
    expect(newText(c.redlines[0]!.runs)).toBe('Chapeau: (a) first point; (b) a new point; (c) second point.');
    expect(short(c.redlines[0]!.runs)).toEqual(['=Chapeau: (a) first point; (b)', '+a new point; (c)', '=second point.']);
  });

  it('marks a split with an inserted break naming the new paragraph', () => {
    const c = compareRevisions(draft([['3', `${P.lens} ${P.ownership}`]]), draft([['4', P.lens], ['5', P.ownership]]));
    expect(short(c.redlines[0]!.runs)).toEqual([`=${P.lens}`, '+¶5', `=${P.ownership}`]);
    expect(newText(c.redlines[0]!.runs)).toBe(`${P.lens}\n${P.ownership}`);
    expect(oldText(c.redlines[0]!.runs)).toBe(`${P.lens} ${P.ownership}`);
  });

  it('marks a merge with a deleted break naming the old paragraph', () => {
    const c = compareRevisions(draft([['3', P.talent], ['4', P.forums]]), draft([['2', `${P.talent} ${P.forums}`]]));
    expect(short(c.redlines[0]!.runs)).toEqual([`=${P.talent}`, '-¶4', `=${P.forums}`]);
  });

  it('leaves out the markup of pending proposals and comments (the text as it stands)', () => {
    const c = compareRevisions(
      '1. Respect for{++@Japan: the principles of++} international law{>>@Japan: reason<<} is essential.\n',
      '1. Respect for the principles of international law is essential.\n',
    );
    expect(short(c.redlines[0]!.runs)).toEqual(['=Respect for', '+the principles of', '=international law is essential.']);
  });

  it('gives an added paragraph all inserted and a removed one all deleted', () => {
    const c = compareRevisions(draft([['1', P.lens]]), draft([['1', P.forums]]));
    expect(c.redlines.map((r) => short(r.runs))).toEqual([[`-${P.lens}`], [`+${P.forums}`]]);
  });
});
