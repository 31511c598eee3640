/**
 * resolveAmendments: each action on each kind, selection by proposer and by paragraph, rationale
 * removed with its amendment, spacing, and every byte outside the resolved amendments unchanged
 * (checked by `resolveChecked` on every case).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { resolveAmendments, type ResolveSelection } from '../../server/src/engine/amendments/index';
import { resolveChecked } from './helpers';

const ACCEPT_ALL: ResolveSelection[] = [{ action: 'accept', proposers: ['all'] }];
const REJECT_ALL: ResolveSelection[] = [{ action: 'reject', proposers: ['all'] }];
const para = (body: string): string => `1. ${body}\n`;
const accept = (text: string): string => resolveChecked(text, ACCEPT_ALL).text;
const reject = (text: string): string => resolveChecked(text, REJECT_ALL).text;

describe('each action on each kind', () => {
  const insert = para('States reaffirm {++@Japan: firmly++} their commitment.');
  const del = para('States reaffirm {--@Japan: firmly--} their commitment.');
  const replace = para('Measures reinforce {~~@Japan: respect for~>adherence to~~} international law.');

  it('accepting an insertion keeps its text without the marks', () => {
    expect(accept(insert)).toBe(para('States reaffirm firmly their commitment.'));
  });
  it('rejecting an insertion drops it, leaving one space', () => {
    expect(reject(insert)).toBe(para('States reaffirm their commitment.'));
  });
  it('accepting a deletion drops the text, leaving one space', () => {
    expect(accept(del)).toBe(para('States reaffirm their commitment.'));
  });
  it('rejecting a deletion keeps the text without the marks', () => {
    expect(reject(del)).toBe(para('States reaffirm firmly their commitment.'));
  });
  it('accepting a replacement keeps the new text', () => {
    expect(accept(replace)).toBe(para('Measures reinforce adherence to international law.'));
  });
  it('rejecting a replacement keeps the old text', () => {
    expect(reject(replace)).toBe(para('Measures reinforce respect for international law.'));
  });
  it('works the same without a proposer, and with spaces inside the marks', () => {
    expect(accept(para('States reaffirm {++ firmly ++} their commitment.'))).toBe(para('States reaffirm firmly their commitment.'));
    expect(reject(para('States reaffirm {++firmly++} their commitment.'))).toBe(para('States reaffirm their commitment.'));
    expect(accept(para('Measures reinforce {~~respect for~>adherence to~~} law.'))).toBe(para('Measures reinforce adherence to law.'));
  });
  it('reports how many were accepted and rejected', () => {
    const text = para('A {++@Japan: b++} c {--@China: d--} e.');
    const r = resolveChecked(text, [
      { action: 'accept', proposers: ['Japan'] },
      { action: 'reject', proposers: ['China'] },
    ]);
    expect(r).toMatchObject({ resolved: 2, accepted: 1, rejected: 1, text: para('A b c d e.') });
  });
});

describe('the rationale goes with its amendment', () => {
  const text = para('Norms {~~@Japan: guide~>reflect~~}{>>@Japan: As in the 2015 report.<<} behaviour {++@China: of States++} {>>@China: clarity<<} here.');

  it('accepting removes the comment', () => {
    const out = accept(text);
    expect(out).toBe(para('Norms reflect behaviour of States here.'));
    expect(out).not.toContain('2015 report');
  });
  it('rejecting removes the comment too', () => {
    expect(reject(text)).toBe(para('Norms guide behaviour here.'));
  });
  it("an amendment not selected keeps its rationale", () => {
    const out = resolveChecked(text, [{ action: 'accept', proposers: ['China'] }]).text;
    expect(out).toBe(para('Norms {~~@Japan: guide~>reflect~~}{>>@Japan: As in the 2015 report.<<} behaviour of States here.'));
  });
  it('highlights and free comments stay, with their comments', () => {
    const kept = para('The {==public core==}{>>@Japan: unclear<<} matters.{>>@Japan: See general comments.<<} Done {++@Japan: now++}.');
    expect(accept(kept)).toBe(para('The {==public core==}{>>@Japan: unclear<<} matters.{>>@Japan: See general comments.<<} Done now.'));
    expect(reject(kept)).toBe(para('The {==public core==}{>>@Japan: unclear<<} matters.{>>@Japan: See general comments.<<} Done.'));
  });
});

describe('spacing, tidied only at the edges of the edit', () => {
  it('no missing space where an insertion touching a word is accepted', () => {
    const text = para('the Charter of the United Nations{++@Japan: in its entirety++}, is applicable');
    expect(accept(text)).toBe(para('the Charter of the United Nations in its entirety, is applicable'));
    expect(reject(text)).toBe(para('the Charter of the United Nations, is applicable'));
  });
  it('no space added before a comma the insertion starts with', () => {
    const text = para('accountable for their actions{++@Japan: , while many States see no such need++}.');
    expect(accept(text)).toBe(para('accountable for their actions, while many States see no such need.'));
    expect(reject(text)).toBe(para('accountable for their actions.'));
  });
  it('no space left before a comma or full stop when text goes', () => {
    expect(accept(para('rules, norms {--@Japan: and principles--}, and more.'))).toBe(para('rules, norms, and more.'));
    expect(reject(para('holding actors accountable {++@Japan: soon++}.'))).toBe(para('holding actors accountable.'));
  });
  it('no space left after an opening bracket or quotation mark', () => {
    expect(accept(para('the (“{--@Japan: so-called--} core”) matters.'))).toBe(para('the (“core”) matters.'));
  });
  it('a suffix written against a word stays against it', () => {
    expect(accept(para('the State{++@Japan:s++} concerned'))).toBe(para('the States concerned'));
    expect(reject(para('the State{++@Japan:s++} concerned'))).toBe(para('the State concerned'));
  });
  it('no trailing space at the end of a line', () => {
    const text = '1. States reaffirm {++@Japan: firmly++}\ntheir commitment.\n';
    expect(reject(text)).toBe('1. States reaffirm\ntheir commitment.\n');
  });
  it('indentation kept when text at the start of a line goes', () => {
    const text = '1. Chapeau:\n  (a) {--@Japan: very--} important matters;\n  (b) others.\n';
    expect(accept(text)).toBe('1. Chapeau:\n  (a) important matters;\n  (b) others.\n');
  });
  it('a line holding nothing but the amendment goes as a whole: no blank line splits the paragraph', () => {
    const text = '1. First sentence.\n{++@Japan: An inserted sentence.++}{>>@Japan: why<<}\nLast sentence.\n\n2. Next.\n';
    const out = reject(text);
    expect(out).toBe('1. First sentence.\nLast sentence.\n\n2. Next.\n');
    expect(parse(out).document.paragraphs).toHaveLength(2);
    expect(accept(text)).toBe('1. First sentence.\nAn inserted sentence.\nLast sentence.\n\n2. Next.\n');
  });
  it('the last line of a text', () => {
    expect(reject('1. First sentence.\n{++@Japan: Added.++}')).toBe('1. First sentence.');
  });
  it('line breaks inside kept text stay as they are', () => {
    const text = '1. Norms {~~@Japan: provide\nguidance~>reflect the\nexpectations~~} of all.\n';
    expect(accept(text)).toBe('1. Norms reflect the\nexpectations of all.\n');
    expect(reject(text)).toBe('1. Norms provide\nguidance of all.\n');
  });
  it('CRLF line endings are kept', () => {
    const text = '1. First.\r\n{--@Japan: Gone.--}\r\nLast {++@Japan: word++}.\r\n';
    expect(accept(text)).toBe('1. First.\r\nLast word.\r\n');
    expect(reject(text)).toBe('1. First.\r\nGone.\r\nLast.\r\n');
  });
  it('two amendments side by side', () => {
    const text = para('they {~~@Japan: develop~>enhance~~}{++@China: further++} cooperation');
    expect(accept(text)).toBe(para('they enhance further cooperation'));
    expect(reject(text)).toBe(para('they develop cooperation'));
  });
  it('escapes inside kept text are kept', () => {
    expect(accept(para('as quoted {++@Japan: \\[sic\\]++} here'))).toBe(para('as quoted \\[sic\\] here'));
  });
});

describe('paragraphs and sub-paragraphs left with no words', () => {
  it('a sub-paragraph deleted whole goes, label and all', () => {
    const text = '68. The OEWG recommends that:\n  (a) {--@Japan: the ILC study it;--}{>>@Japan: too early<<}\n  (b) States report.\n';
    expect(accept(text)).toBe('68. The OEWG recommends that:\n  (b) States report.\n');
    expect(reject(text)).toBe('68. The OEWG recommends that:\n  (a) the ILC study it;\n  (b) States report.\n');
  });
  it('an inserted paragraph rejected goes, leaving one blank line', () => {
    const text = '22. First.\n\n22bis. {++@Japan: A new paragraph\nover two lines.++}\n\n23. Last.\n';
    expect(reject(text)).toBe('22. First.\n\n23. Last.\n');
    expect(accept(text)).toBe('22. First.\n\n22bis. A new paragraph\nover two lines.\n\n23. Last.\n');
  });
  it('the last paragraph of the text', () => {
    expect(accept('1. A.\n\n2. {--@Japan: B.--}')).toBe('1. A.\n');
  });
  it('a chapeau emptied above its sub-paragraphs keeps its label, so they still hang from it', () => {
    const text = '68. Chapeau:\n  (a) {--@Japan: Regarding law:--}\n    (i) first;\n    (ii) second.\n';
    const out = accept(text);
    expect(out).toBe('68. Chapeau:\n  (a) \n    (i) first;\n    (ii) second.\n');
    expect(parse(out).document.paragraphs[0]!.subparagraphs[0]!.children).toHaveLength(2);
  });
  it('a block that keeps a highlight or a free comment stays', () => {
    const text = '1. Chapeau:\n  (a) {--@Japan: gone--} {==kept==}\n  (b) kept.\n';
    expect(accept(text)).toBe('1. Chapeau:\n  (a) {==kept==}\n  (b) kept.\n');
  });
});

describe('selection by proposer', () => {
  const text = para(
    'A {++@Japan: b++} c {--@China: d--} e {~~@Iran (Islamic Republic of): f~>g~~} h {++i++} j.',
  );

  it('only the named proposer, case-insensitively', () => {
    expect(resolveChecked(text, [{ action: 'accept', proposers: ['JAPAN'] }]).text).toBe(
      para('A b c {--@China: d--} e {~~@Iran (Islamic Republic of): f~>g~~} h {++i++} j.'),
    );
  });
  it('multi-word names with parentheses, spacing folded', () => {
    expect(resolveChecked(text, [{ action: 'reject', proposers: ['iran  (islamic republic of)'] }]).text).toBe(
      para('A {++@Japan: b++} c {--@China: d--} e f h {++i++} j.'),
    );
  });
  it("'unattributed' selects amendments that name no proposer", () => {
    expect(resolveChecked(text, [{ action: 'accept', proposers: ['unattributed'] }]).text).toBe(
      para('A {++@Japan: b++} c {--@China: d--} e {~~@Iran (Islamic Republic of): f~>g~~} h i j.'),
    );
  });
  it("'all' (or no proposers) selects everyone", () => {
    expect(resolveChecked(text, ACCEPT_ALL).text).toBe(para('A b c e g h i j.'));
    expect(resolveChecked(text, [{ action: 'reject' }]).text).toBe(para('A c d e f h j.'));
  });
  it('a named proposer wins over all, whatever the order', () => {
    const expected = para('A b c d e f h j.');
    expect(resolveChecked(text, [{ action: 'reject', proposers: ['all'] }, { action: 'accept', proposers: ['Japan'] }]).text).toBe(expected);
    expect(resolveChecked(text, [{ action: 'accept', proposers: ['Japan'] }, { action: 'reject', proposers: ['all'] }]).text).toBe(expected);
  });
  it('names proposing nothing here are reported, and nothing is resolved for them', () => {
    const r = resolveAmendments(text, parse(text).document, [{ action: 'accept', proposers: ['Japn', 'all'] }]);
    expect(r.unknownProposers).toEqual(['Japn']);
    const r2 = resolveAmendments(text, parse(text).document, [{ action: 'accept', proposers: ['Japn'] }]);
    expect(r2).toMatchObject({ resolved: 0, text, edits: [], unknownProposers: ['Japn'] });
  });
});

describe('selection by paragraph', () => {
  const text = [
    'PP3. Recalling {++@Japan: all++} its resolutions,',
    '',
    'OP1. Calls upon {--@Japan: all--} States,',
    '',
    '22. International law {++@Japan: in its entirety++} applies.',
    '',
    '68. The OEWG recommends that:',
    '  (a) States {~~@Japan: consider~>continue~~} the matter;',
    '    (i) the ILC {--@Japan: be requested to--} study it;',
    '  (b) the {++@Japan: voluntary++} reports continue.',
    '',
  ].join('\n');

  const only = (paragraphs: string[]): string => resolveChecked(text, [{ action: 'accept', proposers: ['all'], paragraphs }]).text;

  it('by label', () => {
    const out = only(['22']);
    expect(out).toContain('International law in its entirety applies.');
    expect(out.match(/\{\+\+|\{--|\{~~/g)).toHaveLength(5);
  });
  it('preambular and operative labels', () => {
    expect(only(['PP3'])).toContain('PP3. Recalling all its resolutions,');
    expect(only(['op1'])).toContain('OP1. Calls upon States,');
    expect(only(['1'])).toContain('OP1. Calls upon States,');
  });
  it('a paragraph takes in its sub-paragraphs; a pinpoint only its own (spaces optional)', () => {
    expect(only(['68']).match(/\{\+\+|\{--|\{~~/g)).toHaveLength(3);
    const a = only(['68(a)']);
    expect(a).toContain('(a) States continue the matter;');
    expect(a).toContain('(i) the ILC study it;');
    expect(a).toContain('{++@Japan: voluntary++}');
    const i = only(['68 (a) (i)']);
    expect(i).toContain('{~~@Japan: consider~>continue~~}');
    expect(i).toContain('(i) the ILC study it;');
  });
  it('several paragraphs', () => {
    const out = only(['22', 'PP3']);
    expect(out.match(/\{\+\+|\{--|\{~~/g)).toHaveLength(4);
  });
  it('unknown paragraphs are reported; a known paragraph without amendments is not', () => {
    const withNone = `${text}\n23. No proposals here.\n`;
    const r = resolveAmendments(withNone, parse(withNone).document, [{ action: 'accept', paragraphs: ['99', '23', '68 (c)'] }]);
    expect(r.unknownParagraphs).toEqual(['99', '68 (c)']);
    expect(r.resolved).toBe(0);
  });
  it('paragraph and proposer together', () => {
    const mixed = para('X {++@Japan: a++} {++@China: b++} y.') + '\n' + '2. Z {++@Japan: c++} w.\n';
    const out = resolveChecked(mixed, [{ action: 'accept', proposers: ['Japan'], paragraphs: ['1'] }]).text;
    expect(out).toBe(para('X a {++@China: b++} y.') + '\n' + '2. Z {++@Japan: c++} w.\n');
  });
  it('unnumbered paragraphs are named within their section', () => {
    const doc = '## D. Norms\n\nIntro {++@Japan: text++}.\n\nMore {--@Japan: words--} here.\n\n37. Numbered {++@Japan: one++}.\n';
    const out = resolveChecked(doc, [{ action: 'accept', paragraphs: ['unnumbered paragraph 2 of section D'] }]).text;
    expect(out).toBe('## D. Norms\n\nIntro {++@Japan: text++}.\n\nMore here.\n\n37. Numbered {++@Japan: one++}.\n');
  });
});

describe('edge cases', () => {
  it('an unclosed amendment is left alone and reported as skipped', () => {
    const text = para('A {++@Japan: b++} c {--@Japan: d and the rest');
    const r = resolveAmendments(text, parse(text).document, ACCEPT_ALL);
    expect(r.resolved).toBe(1);
    expect(r.skipped).toHaveLength(1);
    expect(r.text).toBe(para('A b c {--@Japan: d and the rest'));
  });
  it('nested amendments: each resolved by its own verdict', () => {
    const text = para('A {++@Japan: b {--@China: c--} d++} e.');
    const sel = (japan: 'accept' | 'reject', china: 'accept' | 'reject'): string =>
      resolveAmendments(text, parse(text).document, [
        { action: japan, proposers: ['Japan'] },
        { action: china, proposers: ['China'] },
      ]).text;
    expect(sel('accept', 'accept')).toBe(para('A b d e.'));
    expect(sel('accept', 'reject')).toBe(para('A b c d e.'));
    expect(sel('reject', 'reject')).toBe(para('A e.'));
    const onlyChina = resolveAmendments(text, parse(text).document, [{ action: 'accept', proposers: ['China'] }]);
    expect(onlyChina.text).toBe(para('A {++@Japan: b d++} e.'));
  });
  it('amendments in headings and footnotes are resolved too', () => {
    const text = '## C. International {++@Japan: Law++}\n\n1. Text.[^1]\n\n[^1]: See {--@Japan: the--} report.\n';
    expect(accept(text)).toBe('## C. International Law\n\n1. Text.[^1]\n\n[^1]: See report.\n');
    const r = resolveAmendments(text, parse(text).document, [{ action: 'accept', paragraphs: ['heading C'] }]);
    expect(r.text).toBe('## C. International Law\n\n1. Text.[^1]\n\n[^1]: See {--@Japan: the--} report.\n');
  });
  it('an empty selection and a text without amendments change nothing', () => {
    const text = para('Nothing {==to==} change.{>>@Japan: none<<}');
    expect(resolveAmendments(text, parse(text).document, [])).toMatchObject({ text, edits: [], resolved: 0 });
    expect(accept(text)).toBe(text);
  });
  it('a UTF-8 BOM and front matter are untouched', () => {
    const text = '\uFEFF---\ntitle: T\n---\n\n1. A {++@Japan: b++}.\n';
    expect(accept(text)).toBe('\uFEFF---\ntitle: T\n---\n\n1. A b.\n');
  });
});
