/** Which proposals of the old revision the new one took up: on the samples, and on small cases. */
import { describe, expect, it } from 'vitest';
import { compareRevisions, type ProposalOutcome } from '../../server/src/engine/compare/index';
import { draft, P, PRE_DRAFT, readSample, REVISED } from './helpers';

const brief = (p: ProposalOutcome): string => `${p.paragraph} ${p.kind} ${p.takenUp}`;

describe('proposals taken up: the pre-draft and its revision (samples/COMPARE.md)', () => {
  const c = compareRevisions(readSample(PRE_DRAFT), readSample(REVISED));

  it('judges each of Japan’s 24 proposals', () => {
    expect(c.proposals.map(brief)).toEqual([
      '5 insert full',
      '12 replace full',
      '15 replace partial',
      '20 replace no',
      '20 insert no',
      '20 replace no',
      '22 insert full',
      '23 insert no',
      '24 replace no',
      '24 replace no',
      '28 insert no',
      '29 insert no',
      '(after 29) replace no',
      '37 replace no',
      '48 replace no',
      '51 replace no',
      '61 replace no',
      '61 replace no',
      '62 delete no',
      '68 (a) (i) delete no',
      '68 (a) (ii) replace no',
      '68 (a) (iii) delete no',
      '68 (d) (i) replace no',
      '68 (e) replace no',
    ]);
    expect(c.proposals.every((p) => p.proposer === 'Japan')).toBe(true);
    expect(c.proposers).toEqual([{ proposer: 'Japan', full: 3, partial: 1, no: 20 }]);
  });

  it('takes up “in its entirety” and “adherence to” in full, with the new text as evidence', () => {
    const entirety = c.proposals.filter((p) => p.proposed === 'in its entirety');
    expect(entirety.map((p) => [p.paragraph, p.newParagraphs, p.takenUp, p.score])).toEqual([
      ['5', ['5'], 'full', 1],
      ['22', ['19'], 'full', 1],
    ]);
    expect(entirety[1]!.evidence).toBe('New paragraph 19 has “in its entirety”: “…Charter of the United Nations in its entirety, is applicable and essential…”.');
    const adherence = c.proposals.find((p) => p.proposed === 'adherence to')!;
    expect(adherence).toMatchObject({ paragraph: '12', newParagraphs: ['10'], kind: 'replace', replaced: 'respect for', takenUp: 'full', score: 1 });
    expect(adherence.evidence).toContain('“respect for” is no longer there');
  });

  it('takes up part of the proposal on paragraph 15', () => {
    const p = c.proposals.find((x) => x.paragraph === '15')!;
    expect(p.takenUp).toBe('partial');
    expect(p.newParagraphs).toEqual(['13']);
    expect(p.score).toBeGreaterThan(0.3);
    expect(p.score).toBeLessThan(0.9);
    expect(p.evidence).toMatch(/^New paragraph 13 has 12 of the 25 proposed words: “…expressed the view that a number of States are developing ICT capabilities/);
  });

  it('does not count words the new text kept from elsewhere in the paragraph (68 (a) (ii) and (iii))', () => {
    const p = c.proposals.find((x) => x.paragraph === '68 (a) (ii)')!;
    expect(p.takenUp).toBe('no');
    expect(p.score).toBeLessThan(0.3);
  });

  it('looks for proposals of merged paragraphs in the merged one', () => {
    expect(c.proposals.filter((p) => p.paragraph === '28' || p.paragraph === '29').map((p) => p.newParagraphs)).toEqual([['24'], ['24']]);
  });
});

describe('proposals taken up: small cases', () => {
  const before = (text: string): string => draft([['1', P.milestones], ['2', text], ['3', P.prudence]]);

  it('finds a proposal taken up in a renumbered and moved paragraph', () => {
    const old = draft([
      ['1', P.milestones],
      ['2', `States stressed the need to promote awareness of {~~@Japan: existing~>the agreed 11~~} norms and support their operationalization in good faith.`],
      ['3', P.prudence],
      ['4', P.forums],
    ]);
    const nu = draft([
      ['1', P.milestones],
      ['2', P.prudence],
      ['3', P.forums],
      ['4', 'States stressed the need to promote awareness of the agreed 11 norms and support their operationalization in good faith.'],
    ]);
    const c = compareRevisions(old, nu);
    expect(c.mapping.find((m) => m.old === '2')).toMatchObject({ new: '4', kind: 'moved' });
    expect(c.proposals).toMatchObject([{ proposer: 'Japan', paragraph: '2', newParagraphs: ['4'], kind: 'replace', takenUp: 'full', score: 1 }]);
  });

  it('judges proposals of a removed paragraph: an insertion no, a deletion in full, a replacement in part', () => {
    const old = before(
      `Proposals were made{++@Mexico: , by many States,++} for {--@Brazil: the rapid development of --}a new instrument {~~@Iran (Islamic Republic of): on~>concerning~~} the use of ICTs.`,
    );
    const c = compareRevisions(old, draft([['1', P.milestones], ['2', P.prudence]]));
    expect(c.mapping.find((m) => m.old === '2')!.kind).toBe('removed');
    expect(c.proposals.map((p) => [p.proposer, p.kind, p.takenUp, p.newParagraphs])).toEqual([
      ['Mexico', 'insert', 'no', []],
      ['Brazil', 'delete', 'full', []],
      ['Iran (Islamic Republic of)', 'replace', 'partial', []],
    ]);
    expect(c.proposals[0]!.evidence).toBe('Old paragraph 2 was removed; “by many States” is not in the new revision.');
    expect(c.proposals[1]!.evidence).toBe('Old paragraph 2 was removed, and with it “the rapid development of”.');
    expect(c.proposers.map((s) => s.proposer)).toEqual(['Brazil', 'Iran (Islamic Republic of)', 'Mexico']);
  });

  it('finds a deletion taken up, and one not taken up', () => {
    const old = before(
      `It was noted that such a framework {--@Japan: , which is urgently needed,--} may lead to more effective implementation {--@Cuba: of commitments--} and a stronger basis for accountability.`,
    );
    const nu = before('It was noted that such a framework may lead to more effective implementation of commitments and a stronger basis for accountability.');
    const c = compareRevisions(old, nu);
    expect(c.proposals.map((p) => [p.proposer, p.takenUp, p.evidence])).toEqual([
      ['Japan', 'full', '“which is urgently needed” is no longer there.'],
      ['Cuba', 'no', '“of commitments” is still there.'],
    ]);
  });

  it('finds an insertion taken up in part', () => {
    const old = before(`States underlined the need for capacity-building {++@Chile: that is demand-driven, gender-sensitive and sustainable over time++} in all regions of the world.`);
    const nu = before('States underlined the need for capacity-building that is demand-driven in all regions of the world.');
    const [p] = compareRevisions(old, nu).proposals;
    expect(p).toMatchObject({ proposer: 'Chile', kind: 'insert', takenUp: 'partial' });
    expect(p!.evidence).toBe('New paragraph 2 has 4 of the 10 proposed words: “…need for capacity-building that is demand-driven in all regions of…”.');
  });

  it('finds a proposal taken up in a merged paragraph and in one part of a split', () => {
    const merged = compareRevisions(
      draft([['1', `${P.talent.slice(0, -1)}{++@Japan: in the public sector++}.`], ['2', P.forums]]),
      draft([['1', `${P.talent.slice(0, -1)} in the public sector. ${P.forums}`]]),
    );
    expect(merged.mapping.map((m) => m.kind)).toEqual(['merged', 'merged']);
    expect(merged.proposals).toMatchObject([{ newParagraphs: ['1'], takenUp: 'full' }]);
    const split = compareRevisions(
      draft([['1', `${P.lens} ${P.ownership.replace('national ownership', '{~~@Japan: national ownership~>national and regional ownership~~}')}`]]),
      draft([['1', P.lens], ['2', P.ownership.replace('national ownership', 'national and regional ownership')]]),
    );
    expect(split.mapping.map((m) => m.kind)).toEqual(['split', 'split']);
    expect(split.proposals).toMatchObject([{ newParagraphs: ['1', '2'], takenUp: 'full' }]);
    expect(split.proposals[0]!.evidence).toBe('New paragraph 2 has “national and regional ownership”: “…stressed the importance of national and regional ownership in the identification of…”.');
  });

  it('ignores comments, highlights and amendments with no proposer', () => {
    const old = before(`States {==highlighted==}{>>@Japan: unclear<<} the need for {++further ++}dialogue on the {~~matter~>question~~} at hand.`);
    expect(compareRevisions(old, old).proposals).toEqual([]);
  });
});
