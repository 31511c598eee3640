/**
 * The importer's cleaning heuristics, one at a time, on small made-up extracts shaped like the
 * PDF text of UN documents (docs/import.md, "Heuristics").
 */
import { describe, expect, it } from 'vitest';
import {
  cleanParagraphs,
  hyphenAtLineEnd,
  isPageFurniture,
  joinPieces,
  readPages,
  refCandidate,
  Vocabulary,
} from '../../server/src/engine/import/clean';

/** A dictionary made of these lines, as the importer makes one of a whole document. */
function vocabularyOf(...lines: string[]): Vocabulary {
  const v = new Vocabulary();
  for (const l of lines) v.addLine(l);
  return v;
}

/** The paragraphs of an extract, joined and repaired. */
const paragraphs = (raw: string): string[] => cleanParagraphs(raw).paragraphs;

describe('hyphen at a line end', () => {
  const v = vocabularyOf('the development of capacity-building and the Secretary-General', 'to develop');

  it('keeps the hyphen of a compound: known, attested, or before a capital', () => {
    expect(hyphenAtLineEnd('capacity', 'building', v)).toEqual({ join: false, certain: true });
    expect(hyphenAtLineEnd('confidence', 'building', vocabularyOf())).toEqual({ join: false, certain: true });
    expect(hyphenAtLineEnd('Secretary', 'General,1', v)).toEqual({ join: false, certain: true });
    expect(hyphenAtLineEnd('Guinea', 'Bissau,', v)).toEqual({ join: false, certain: true });
    expect(hyphenAtLineEnd('seventy', 'third', v)).toEqual({ join: false, certain: true });
    expect(hyphenAtLineEnd('non', 'intervention', vocabularyOf())).toEqual({ join: false, certain: true });
  });

  it('joins a broken word when the joined word is the more plausible', () => {
    expect(hyphenAtLineEnd('devel', 'opment', v)).toEqual({ join: true, certain: true });
    // Neither form attested, but neither piece is a word: one word broken in two.
    expect(hyphenAtLineEnd('cyberres', 'ilience', vocabularyOf())).toEqual({ join: true, certain: true });
    expect(hyphenAtLineEnd('inter', 'national', vocabularyOf())).toEqual({ join: true, certain: true });
  });

  it('keeps the hyphen but reports the spot when nothing decides', () => {
    const undecided = vocabularyOf('state state security security');
    expect(hyphenAtLineEnd('state', 'security', undecided)).toEqual({ join: false, certain: false });
  });

  it('applies through the whole cleaning, both ways', () => {
    const raw = [
      '1. Noting the relevant outcome reports transmitted by the Secretary-',
      'General, and that capacity-',
      'building supports the devel-',
      'opment of all countries and their development.',
    ].join('\n');
    expect(paragraphs(raw)).toEqual([
      'Noting the relevant outcome reports transmitted by the Secretary-General, and that capacity-building supports the development of all countries and their development.',
    ]);
  });

  it('joins after a soft hyphen and after a slash, without a space', () => {
    const raw = '1. The devel\u00ad\nopment of the text at www.un.org/en/ga/\nfirst/73/documentation73.shtml.';
    expect(paragraphs(raw)).toEqual(['The development of the text at www.un.org/en/ga/first/73/documentation73.shtml.']);
  });
});

describe('stray spaces inside words', () => {
  const v = vocabularyOf(
    'to develop common understandings on the organizational session of the United Nations',
    'Bolivia (Plurinational State of) and the State of Palestine and confidence-building measures',
  );

  it('joins pieces when the joined word is known or used elsewhere, and a piece is not a word', () => {
    expect(joinPieces(['o', 'f'], v)).toBe('of');
    expect(joinPieces(['i', 'n'], v)).toBe('in');
    expect(joinPieces(['devel', 'op'], v)).toBe('develop');
    expect(joinPieces(['organizat', 'ional'], v)).toBe('organizational');
    expect(joinPieces(['Sta', 'te'], v)).toBe('State');
    expect(joinPieces(['Sta', 'te),'], v)).toBe('State),');
  });

  it('never joins two words, a capitalised word, or an unattested result', () => {
    expect(joinPieces(['in', 'to'], v)).toBeUndefined();
    expect(joinPieces(['Viet', 'Nam'], v)).toBeUndefined();
    expect(joinPieces(['the', 'Secretary'], v)).toBeUndefined();
    expect(joinPieces(['qwe', 'rty'], v)).toBeUndefined();
  });

  it('repairs the seed-like damage in a paragraph', () => {
    const raw = [
      '1. On the application o f international law, to further devel op the rules and agree on the',
      'organizat ional arrangements, the threats emerging i n this field, Bolivia (Plurinational Sta te of),',
      'the Lao People ’s Democratic Republic, critical information infrastructures , and',
      'confidence -building measures. The organizational session will develop the State.',
    ].join('\n');
    expect(paragraphs(raw)).toEqual([
      'On the application of international law, to further develop the rules and agree on the organizational ' +
        'arrangements, the threats emerging in this field, Bolivia (Plurinational State of), the Lao People’s ' +
        'Democratic Republic, critical information infrastructures, and confidence-building measures. ' +
        'The organizational session will develop the State.',
    ]);
  });
});

describe('footnote digits in the text', () => {
  it('recognises digits glued to a word, to a year, or standing after one', () => {
    expect(refCandidate('it,1', 'before', 'on')).toMatchObject({ base: 'it,', id: 1, glued: true });
    expect(refCandidate('General,1', 'Secretary-', 'Welcoming')).toMatchObject({ base: 'General,', id: 1 });
    expect(refCandidate('follows:4', 'as', 'In')).toMatchObject({ base: 'follows:', id: 4 });
    expect(refCandidate('20133', 'its', 'and')).toMatchObject({ base: '2013', id: 3, tail: '' });
    expect(refCandidate('20152,', 'and', 'reports')).toMatchObject({ base: '2015', id: 2, tail: ',' });
    expect(refCandidate('2010,1', 'the', '20132')).toMatchObject({ base: '2010,', id: 1 });
    expect(refCandidate('3', '2013', 'and')).toMatchObject({ id: 3, standalone: true });
    expect(refCandidate('2', 'November.', '4.')).toMatchObject({ id: 2, standalone: true });
  });

  it('leaves real numbers alone', () => {
    expect(refCandidate('PV.1', 'A/C.1/73/', 'and')).toBeUndefined();
    expect(refCandidate('A/C.1/73/PV.31', 'and', undefined)).toBeUndefined();
    expect(refCandidate('CRP.2', 'A/C.1/73/', 'and')).toBeUndefined();
    expect(refCandidate('11,', 'para.', 'draft')).toBeUndefined();
    expect(refCandidate('11', 'para.', 'draft')).toBeUndefined();
    expect(refCandidate('2', '1,', '5,')).toBeUndefined();
    expect(refCandidate('8', 'and', 'November.')).toBeUndefined();
    expect(refCandidate('2', 'on', 'December')).toBeUndefined();
    expect(refCandidate('G20', 'the', 'and')).toBeUndefined();
    expect(refCandidate('93', 'items', 'to')).toBeUndefined();
  });

  it('turns them into references to the notes of the page, in order', () => {
    const raw = [
      '1. Welcoming the reports transmitted by the Secretary-General,1 and its 2015 report,2 and in its 20133 and 20152',
      'reports, and the 2010, 1  2013 2  and 2015 3  reports, on 1, 2, 5, 6 and 8 November. 2',
      '__________________',
      ' 1  A/65/201.',
      ' 2  A/68/98.',
      ' 3  A/70/174.',
    ].join('\n');
    const { paragraphs: paras, footnotes } = cleanParagraphs(raw);
    expect(paras).toEqual([
      'Welcoming the reports transmitted by the Secretary-General,[^1] and its 2015 report,[^2] and in its 2013[^3] and 2015[^2] reports, ' +
        'and the 2010,[^1] 2013[^2] and 2015[^3] reports, on 1, 2, 5, 6 and 8 November.[^2]',
    ]);
    expect(footnotes).toEqual(['1 A/65/201.', '2 A/68/98.', '3 A/70/174.']);
  });

  it('takes a first reference only in order, and only before its note', () => {
    const raw = [
      '1. In the 20133 report,1 and the 2015 report,2 on the matter.',
      '__________________',
      ' 1  A/65/201.',
      ' 2  A/68/98.',
      ' 3  A/70/174.',
      '2. As the report,3 said.',
    ].join('\n');
    // 3 before 1 is out of order; a first reference to 3 after its note would be on another page.
    expect(paragraphs(raw)).toEqual(['In the 20133 report,[^1] and the 2015 report,[^2] on the matter.', 'As the report,3 said.']);
  });

  it('takes no digit for a note that does not exist', () => {
    expect(paragraphs('1. In its 20152 report, as follows:4 and so on.')).toEqual(['In its 20152 report, as follows:4 and so on.']);
  });
});

describe('page furniture and footnote blocks', () => {
  it('recognises job numbers, page marks, barcodes, links and repeated symbols', () => {
    for (const line of ['18-19355', '18-19355 (E)  161118', '3/20 18-19355', '18-19355 3/20', '*1819355*', 'Please recycle', 'https://undocs.org/A/RES/71/28', 'GE.18-12345']) {
      expect(isPageFurniture(line), line).toBe(true);
    }
    expect(isPageFurniture('A/73/505', new Set(['A/73/505']))).toBe(true);
    expect(isPageFurniture('A/73/505 18-19355', new Set(['A/73/505']))).toBe(true);
    for (const line of ['A/73/505', '1. The item entitled', 'Algeria, Angola, 20/8 of 5 July 2012', 'In favour:']) {
      expect(isPageFurniture(line), line).toBe(false);
    }
  });

  it('drops them, and rejoins a paragraph broken by a page and its notes', () => {
    const raw = [
      'A/73/505',
      '',
      '1. Welcomes the set of rules, norms and principles of the Group of Governmental Experts,1 in its',
      'reports,2 on Developments in the Field of Information and',
      '__________________',
      ' 1  A/65/201, A/68/98 and',
      'A/70/174.',
      ' 2  A/70/174.',
      'https://undocs.org/A/65/201',
      'https://undocs.org/A/70/174',
      '18-19355 3/20',
      '*1819355*',
      'A/73/505',
      ' Telecommunications in the Context of International Security of 2013 1 and 20152 adopted',
      'by consensus.',
      'Please recycle',
    ].join('\n');
    const reading = readPages(raw);
    expect(reading.headerSymbol).toBe('A/73/505');
    expect(reading.footnotes.map((n) => [n.id, n.lines.map((l) => l.text).join(' ')])).toEqual([
      ['1', 'A/65/201, A/68/98 and A/70/174.'],
      ['2', 'A/70/174.'],
    ]);
    expect(cleanParagraphs(raw).paragraphs).toEqual([
      'Welcomes the set of rules, norms and principles of the Group of Governmental Experts,[^1] in its reports,[^2] on Developments in the ' +
        'Field of Information and Telecommunications in the Context of International Security of 2013[^1] and ' +
        '2015[^2] adopted by consensus.',
    ]);
  });

  it('reads ligatures and odd spaces as plain letters and spaces', () => {
    expect(paragraphs('1. The ﬁnal conﬂict\u00a0of\tinterest.')).toEqual(['The final conflict of interest.']);
  });
});
