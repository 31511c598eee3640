/** citation.valid: well-formed UN symbols, and cited paragraphs that exist in the acquis. */
import { describe, expect, it } from 'vitest';
import { applyEdits, DEFAULT_CONFIG, lintDraft, readDraft, type RuleSetting } from '../../server/src/engine/index';
import { citationValid } from '../../server/src/engine/rules/citation-valid';
import { checkSymbol } from '../../server/src/engine/rules/un-symbol';
import { builtinEngine } from '../engine/helpers';

function lint(text: string, rules: Record<string, RuleSetting> = {}) {
  const engine = builtinEngine();
  return lintDraft(readDraft('test.draft', text), { acquis: engine.acquis, matcher: engine.matcher, config: { ...DEFAULT_CONFIG, rules } }, [citationValid])
    .findings;
}
const para = (s: string): string => `1. ${s}\n`;
const flagged = (text: string, findings: ReturnType<typeof lint>) => findings.map((f) => [f.data?.kind, text.slice(f.span.start, f.span.end)]);

describe('UN document symbols', () => {
  it.each([
    'A/70/174',
    'A/RES/70/237',
    'A/C.1/73/L.27/Rev.1',
    'A/68/98*',
    'A/AC.290/2020/CRP.1',
    'A/C.1/73/PV.31',
    'A/INF/73/5',
    'A/HRC/RES/20/8',
    'A/HRC/43/1',
    'A/73/L.1',
    'A/67/53/Corr.1',
    'A/73/10/Add.1',
    'A/8000',
    'S/RES/2341',
    'S/PV.8000',
    'S/2019/123',
    'S/PRST/2019/1',
    'E/CN.6/2020/L.1',
    'E/CN.4/Sub.2/2005/L.1',
    'ST/SGB/2019/8',
  ])('accepts %s', (symbol) => {
    expect(checkSymbol(symbol).problems).toEqual([]);
  });

  it.each([
    ['A/C.1/73/L27', /`L27` is written `L.27` \(with a full stop/, 'A/C.1/73/L.27'],
    ['A/C.1/73/l.27', /in capitals/, 'A/C.1/73/L.27'],
    ['A/70/174/REV.1', /`REV.1` is written `Rev.1`/, 'A/70/174/Rev.1'],
    ['A/res/73/27', /`res` is written in capitals/, 'A/RES/73/27'],
    ['A/AC290/2020/CRP.1', /`AC290` is written `AC.290`/, 'A/AC.290/2020/CRP.1'],
    ['A/070/174', /leading zero/, 'A/70/174'],
    ['A/70/Rev.1/174', /`Rev.1` comes after the document number, at the end/, 'A/70/174/Rev.1'],
    ['A/RES/730/27', /730 is not a plausible session of the General Assembly/, undefined],
    ['A/99/174', /99 is not a plausible session/, undefined],
    ['A/20/174', /only since the 31st session/, undefined],
    ['A/RES/73', /no resolution number after the session/, undefined],
    ['A/C.7/73/L.1', /six Main Committees/, undefined],
    ['A/C.1/73', /no document number after the session/, undefined],
    ['A/7O/174', /`7O` is not a part of a UN symbol/, undefined],
    ['A/70/174/5', /only `Rev.`, `Corr.`, `Add.` or `Amend.` may follow/, undefined],
    ['A/70/174/Rev.0', /numbered from 1/, undefined],
    ['A/AC.290/2202/CRP.1', /2202 is not a plausible year/, undefined],
    ['S/RES/2341/2017', /in parentheses \(`S\/RES\/2341 \(2017\)`\)/, undefined],
    ['ST/2019/8', /Secretariat symbols begin with a series/, undefined],
  ])('rejects %s', (symbol, message, corrected) => {
    const verdict = checkSymbol(symbol);
    expect(verdict.problems.join('; ')).toMatch(message);
    expect(verdict.corrected).toBe(corrected);
  });

  it('reads an old resolution with its session in roman numerals', () => {
    expect(checkSymbol('A/RES/1514', undefined, ' (XV) of 14 December 1960').problems).toEqual([]);
  });

  it('takes the plausible sessions and years from its limits', () => {
    expect(checkSymbol('A/90/1').problems).toHaveLength(1);
    expect(checkSymbol('A/90/1', { maxSession: 95, maxYear: 2040 }).problems).toEqual([]);
  });
});

describe('citation.valid', () => {
  it('says nothing of well-formed citations of paragraphs the acquis holds', () => {
    const text = [
      para('As recalled in A/70/174, para. 18, and A/68/98*, paras. 13 and 29, and A/65/201, para. 18 (i), see also'),
      '2. resolution 73/27, para. 5, and resolutions 73/27 and 73/266.',
      '',
      '3. See A/RES/73/27, para. 1.',
      '',
    ].join('\n');
    expect(lint(text)).toEqual([]);
  });

  it('flags a malformed symbol with what is wrong, and offers the correction for review', () => {
    const text = para('The draft resolution A/C.1/73/L27/Rev.1 was adopted.');
    const findings = lint(text);
    expect(flagged(text, findings)).toEqual([['malformed', 'A/C.1/73/L27/Rev.1']]);
    const [f] = findings;
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe(
      '`A/C.1/73/L27/Rev.1` is not a well-formed UN document symbol: `L27` is written `L.27` (with a full stop before the number). Did you mean `A/C.1/73/L.27/Rev.1`?',
    );
    expect(f!.fixes).toHaveLength(1);
    expect(f!.fixes[0]!.safe).toBe(false);
    expect(applyEdits(text, f!.fixes[0]!.edits)).toBe(para('The draft resolution A/C.1/73/L.27/Rev.1 was adopted.'));
  });

  it('flags an implausible session in a symbol and in a resolution number', () => {
    const text = para('See A/RES/730/27 and resolution 730/27.');
    expect(flagged(text, lint(text))).toEqual([
      ['malformed', 'A/RES/730/27'],
      ['malformed', '730/27'],
    ]);
  });

  it('checks the symbols of the front matter', () => {
    const text = '---\ntitle: A draft\nsymbol: A/AC.290/2020/CRP1\n---\n\n1. Text.\n';
    expect(flagged(text, lint(text))).toEqual([['malformed', 'A/AC.290/2020/CRP1']]);
  });

  it('flags a paragraph that the cited document does not have', () => {
    const text = para('As agreed in A/RES/73/27, para. 9, and in resolution 73/266, para. 2 (c).');
    const findings = lint(text);
    expect(flagged(text, findings)).toEqual([
      ['missingParagraph', '9'],
      ['missingParagraph', '2 (c)'],
    ]);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).toBe('A/RES/73/27 is cited at para. 9, but in A/RES/73/27 there is no paragraph 9 (its paragraphs are numbered 1 to 7).');
    expect(findings[1]!.message).toBe('resolution 73/266 is cited at para. 2 (c), but in A/RES/73/266 paragraph 2 has no sub-paragraph (c).');
  });

  it('reads numbered items of a paragraph (73/27, rule 1.9)', () => {
    expect(lint(para('As in A/RES/73/27, para. 1.9, States should act.'))).toEqual([]);
    const text = para('As in A/RES/73/27, para. 1.14, States should act.');
    const findings = lint(text);
    expect(flagged(text, findings)).toEqual([['missingParagraph', '1.14']]);
    expect(findings[0]!.message).toContain('there is no paragraph 1.14');
  });

  it('treats a paragraph missing from an excerpt as information', () => {
    const text = para('The 2015 report (A/70/174, para. 13 (f)) and A/65/201, para. 18 (ii).');
    const findings = lint(text);
    expect(flagged(text, findings)).toEqual([
      ['notTranscribed', '13 (f)'],
      ['notTranscribed', '18 (ii)'],
    ]);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
    expect(findings[0]!.message).toContain('only an excerpt of A/70/174 is transcribed');
  });

  it('says that a document outside the acquis is not checked, as information', () => {
    const text = para('See A/75/816, para. 7, and resolution 70/237.');
    const findings = lint(text);
    expect(flagged(text, findings)).toEqual([
      ['notInAcquis', 'A/75/816'],
      ['notInAcquis', '70/237'],
    ]);
    expect(findings.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(findings[0]!.message).toBe('A/75/816 is not in the acquis: the paragraphs cited are not checked.');
    expect(findings[1]!.message).toBe('resolution 70/237 (A/RES/70/237) is not in the acquis.');
  });

  it("leaves another body's resolutions alone, and questions a GA resolution before the 31st session", () => {
    const other = para('States should respect Human Rights Council resolutions 20/8 of 5 July 2012.');
    expect(lint(other)).toEqual([]);
    const old = para('Recalling resolution 20/8 on the subject.');
    const findings = lint(old);
    expect(flagged(old, findings)).toEqual([['oldSession', '20/8']]);
    expect(findings[0]!.severity).toBe('warning');
  });

  it('takes severities per kind, and limits, from its options', () => {
    const text = para('See A/75/816 and A/90/1.');
    expect(flagged(text, lint(text))).toEqual([
      ['notInAcquis', 'A/75/816'],
      ['malformed', 'A/90/1'],
    ]);
    expect(lint(text, { 'citation.valid': { notInAcquis: 'off', maxSession: 95 } })).toEqual([]);
    // The rule's severity replaces its main one (error) and leaves information alone.
    expect(lint(text, { 'citation.valid': 'warning' }).map((f) => f.severity)).toEqual(['info', 'warning']);
  });
});
