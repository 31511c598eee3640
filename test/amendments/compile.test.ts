/**
 * The compilation of proposals: grouped by proposer and by paragraph, with kind, old and new text,
 * rationale and paragraph label; Markdown and JSON (version 1).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import {
  compileProposals,
  formatCompilationJson,
  formatCompilationMarkdown,
  type Compilation,
} from '../../server/src/engine/amendments/index';
import { sampleText } from './helpers';

const compile = (text: string): Compilation => compileProposals(text, parse(text).document);

describe('the OEWG pre-draft sample', () => {
  const text = sampleText();
  const c = compile(text);

  it('groups the 24 proposals under Japan, per paragraph', () => {
    expect(c.version).toBe(1);
    expect(c.proposals).toHaveLength(24);
    expect(c.proposers.map((p) => [p.name, p.count])).toEqual([['Japan', 24]]);
    const japan = c.proposers[0]!;
    expect(japan.paragraphs.map((g) => g.paragraph)).toEqual([
      '5', '12', '15', '20', '22', '23', '24', '28', '29', 'unnumbered paragraph 1 of section D', '37', '48', '51', '61', '62', '68',
    ]);
    expect(japan.paragraphs.find((g) => g.paragraph === '20')!.proposals).toEqual([4, 5, 6]);
    expect(japan.paragraphs.find((g) => g.paragraph === '68')!.proposals).toEqual([20, 21, 22, 23, 24]);
    expect(c.paragraphs.map((p) => p.paragraph)).toEqual(japan.paragraphs.map((g) => g.paragraph));
    expect(c.paragraphs.flatMap((p) => p.proposals)).toEqual(c.proposals.map((p) => p.id));
  });

  it("gives each proposal Japan's reason: the comment that follows it", () => {
    const withReason = c.proposals.filter((p) => p.rationale);
    expect(withReason).toHaveLength(23);
    // "develop" -> "enhance" is the one amendment Japan's comments explain together with the next.
    expect(c.proposals.find((p) => !p.rationale)).toMatchObject({ id: 4, kind: 'replace', old: 'develop', new: 'enhance', paragraph: '20' });
    expect(c.proposals[1]).toMatchObject({
      id: 2,
      proposer: 'Japan',
      kind: 'replace',
      paragraph: '12',
      label: '12',
      pinpoint: '12',
      section: 'A. Introduction',
      old: 'respect for',
      new: 'adherence to',
      after: 'that build confidence and capacity reinforce',
      rationale: 'Japan thinks that “adherence” is more appropriate to describe the responsibility of States in terms of international law.',
    });
    // Every reason is the text of the comment right after the amendment.
    for (const p of withReason) {
      const comment = text.slice(p.offsets.start, p.offsets.end).match(/\{>>@Japan:([\s\S]*)<<\}$/);
      expect(comment, `proposal ${p.id}`).not.toBeNull();
      expect(p.rationale).toBe(comment![1]!.replace(/\s+/g, ' ').trim());
    }
  });

  it('kinds, old and new text, pinpoints', () => {
    expect(c.proposals[0]).toMatchObject({ kind: 'insert', old: null, new: 'in its entirety', paragraph: '5', after: 'the Charter of the United Nations' });
    expect(c.proposals[18]).toMatchObject({ kind: 'delete', paragraph: '62', new: null });
    expect(c.proposals[18]!.old).toMatch(/^Looking beyond the mandates of the OEWG and sixth GGE, a further suggestion/);
    expect(c.proposals.slice(19).map((p) => p.pinpoint)).toEqual(['68 (a) (i)', '68 (a) (ii)', '68 (a) (iii)', '68 (d) (i)', '68 (e)']);
    expect(c.proposals[19]!.after).toBeNull();
    expect(c.proposals[12]).toMatchObject({ paragraph: 'unnumbered paragraph 1 of section D', label: null, section: 'D. Rules, Norms and Principles for Responsible State Behavior' });
    const first = c.proposals[0]!;
    expect(text.slice(first.offsets.start, first.offsets.end)).toBe('{++@Japan: in its entirety++}{>>@Japan: See 1. General comments.<<}');
    expect([first.line, first.column]).toEqual([text.slice(0, first.offsets.start).split('\n').length, 8]);
  });

  it('the paragraph text is the text as it stands', () => {
    const p12 = c.paragraphs.find((p) => p.paragraph === '12')!;
    expect(p12.text).toContain('reinforce respect for international law');
    expect(p12.text).not.toContain('adherence');
    const p68 = c.paragraphs.find((p) => p.paragraph === '68')!;
    expect(p68.text.split('\n').slice(0, 3)).toEqual(['…', '(a) …', expect.stringMatching(/^\(i\) The International Law Commission/)]);
  });

  it('Markdown: a heading per proposer, then per paragraph, with reasons; then part two per paragraph', () => {
    const md = formatCompilationMarkdown(c);
    expect(md).toMatch(/^# Compilation of proposals\n/);
    const partOne = md.slice(md.indexOf('## Part one'), md.indexOf('## Part two'));
    const partTwo = md.slice(md.indexOf('## Part two'));
    expect(partOne).toContain('### Japan\n');
    expect(partOne).toContain(
      '#### Paragraph 12\n\n- **[2]** Replace “respect for” with “adherence to”.\n  *Reason:* Japan thinks that “adherence” is more appropriate',
    );
    expect(partOne).toContain('- **[1]** Insert “in its entirety” after “the Charter of the United Nations”.\n  *Reason:* See 1. General comments.');
    expect(partOne).toContain('#### Unnumbered paragraph 1 of section D');
    expect(partOne).toContain('- **[20]** (a) (i): Delete “The International Law Commission');
    expect(partOne.match(/\*Reason:\*/g)).toHaveLength(23);
    expect(partTwo).toContain('### C. International Law\n\n#### Paragraph 22\n\n> In their discussions at the OEWG');
    expect(partTwo).toContain('- **Japan** [7]: Insert “in its entirety” after “the Charter of the United Nations”.');
    expect(partTwo.match(/^- \*\*Japan\*\* \[\d+\]/gm)).toHaveLength(24);
  });

  it('JSON: version 1, parses back to the same data', () => {
    const json = formatCompilationJson(c);
    expect(json.endsWith('\n')).toBe(true);
    const back = JSON.parse(json) as Compilation;
    expect(back).toEqual(c);
    expect(back.document).toEqual({
      title: 'Initial "Pre-draft" of the report of the OEWG on Developments in the Field of Information and Telecommunications in the Context of International Security',
      symbol: null,
      body: 'OEWG',
      date: '2020-03-11',
      revision: 'pre-draft',
    });
    expect(Object.keys(back.proposals[0]!).sort()).toEqual(
      ['after', 'column', 'id', 'kind', 'label', 'line', 'new', 'offsets', 'old', 'paragraph', 'pinpoint', 'proposer', 'rationale', 'section'].sort(),
    );
  });
});

describe('several proposers', () => {
  const text = [
    '---',
    'title: Zero draft',
    'symbol: A/AC.292/2025/CRP.1',
    '---',
    '',
    'PP3. Recalling {++@United States: all++} its resolutions,',
    '',
    'OP1. Calls upon {--@China: all--}{>>@China: not all States are concerned<<} States to {~~@Japan: consider~>continue~~} the work,',
    '',
    'OP2. Decides to remain seized of the matter {++with *care*++}{>>unsigned<<}, and {++@Iran (Islamic Republic of): to review it++}.',
    '',
  ].join('\n');
  const c = compile(text);

  it('proposers in alphabetical order, unattributed last', () => {
    expect(c.proposers.map((p) => p.name)).toEqual(['China', 'Iran (Islamic Republic of)', 'Japan', 'United States', 'unattributed']);
    expect(c.proposals.find((p) => p.kind === 'delete')!.proposer).toBe('China');
  });
  it('preambular and operative paragraphs keep their labels', () => {
    expect(c.paragraphs.map((p) => [p.paragraph, p.proposals])).toEqual([
      ['PP3', [1]],
      ['OP1', [2, 3]],
      ['OP2', [4, 5]],
    ]);
    expect(c.proposals[1]).toMatchObject({ proposer: 'China', rationale: 'not all States are concerned', old: 'all' });
  });
  it('Markdown names each paragraph and escapes markup characters', () => {
    const md = formatCompilationMarkdown(c);
    expect(md).toContain('**Zero draft** (A/AC.292/2025/CRP.1)');
    expect(md).toContain('#### PP3\n');
    expect(md).toContain('#### OP2\n');
    expect(md).toContain('Insert “with \\*care\\*”');
    expect(md).toContain('### Unattributed proposals');
    expect(md).toContain('- *Unattributed* [4]: Insert “with \\*care\\*” after “to remain seized of the matter”.');
    expect(md).toContain('5 proposals by 4 delegations and 1 unattributed, on 3 paragraphs.');
  });
  it('a draft without proposals', () => {
    const none = compile('1. Nothing {==here==}.\n');
    expect(none.proposals).toEqual([]);
    expect(formatCompilationMarkdown(none)).toContain('No proposals.');
  });
});
