/**
 * The OOXML reader on hand-written WordprocessingML, for what LibreOffice does not write (moves)
 * and the pitfalls others hit (INTEROP.md): a move is one linked pair, formatting-only changes
 * are no amendment, a wholly deleted paragraph stays one paragraph, a deleted paragraph mark
 * merges, a comment inside an insertion does not cut it, numbers come from numbering.xml.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { collectAmendments } from '../../server/src/engine/amendments/collect';
import { readWordDocument } from '../../server/src/engine/import/docx/read';
import { wordToDraft } from '../../server/src/engine/import/docx/to-draft';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string): string => `<w:document ${NS}><w:body>${body}</w:body></w:document>`;
const p = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const dr = (text: string): string => `<w:r><w:delText xml:space="preserve">${text}</w:delText></w:r>`;
const ins = (author: string, inner: string): string => `<w:ins w:id="1" w:author="${author}">${inner}</w:ins>`;
const del = (author: string, inner: string): string => `<w:del w:id="2" w:author="${author}">${inner}</w:del>`;

function importXml(parts: Record<string, string>): { draft: string; warnings: string[] } {
  const result = wordToDraft(readWordDocument(parts));
  expect(parse(result.draft).problems).toEqual([]);
  return { draft: result.draft, warnings: result.warnings.map((w) => `${w.paragraph}: ${w.reason}`) };
}

const proposals = (text: string): string[] =>
  collectAmendments(text, parse(text).document).map((e) => `${e.kind} ${e.proposer}: ${e.oldText ?? ''} -> ${e.newText ?? ''}${e.rationale ? ` (${e.rationale})` : ''}`);

describe('reading tracked changes', () => {
  it('keeps a move as one linked pair: a deletion at its source, an insertion at its destination', () => {
    const { draft } = importXml({
      'word/document.xml': doc(
        p(`${r('States should cooperate.')}<w:moveFromRangeStart w:id="5" w:name="move1" w:author="Japan"/><w:moveFrom w:id="6" w:author="Japan">${r(' In good faith.')}</w:moveFrom><w:moveFromRangeEnd w:id="5"/>`) +
          p(`${r('States should consult.')}<w:moveToRangeStart w:id="7" w:name="move1" w:author="Japan"/><w:moveTo w:id="8" w:author="Japan">${r(' In good faith.')}</w:moveTo><w:moveToRangeEnd w:id="7"/>`),
      ),
    });
    expect(proposals(draft)).toEqual(['delete Japan: In good faith. ->  (moved to paragraph 2)', 'insert Japan:  -> In good faith. (moved from paragraph 1)']);
  });

  it('ignores formatting-only changes', () => {
    const { draft } = importXml({
      'word/document.xml': doc(
        p(`${r('sovereign ')}<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="Brazil"><w:rPr/></w:rPrChange></w:rPr><w:t>equality</w:t></w:r>`, '<w:pPrChange w:id="4" w:author="Brazil"><w:pPr/></w:pPrChange>'),
      ),
    });
    expect(proposals(draft)).toEqual([]);
    expect(draft).toContain('\nsovereign equality\n');
  });

  it('makes a replacement of a deletion next to an insertion by the same author, not by another', () => {
    const { draft } = importXml({
      'word/document.xml': doc(
        p(`${r('States ')}${del('Japan', dr('must'))}${ins('Japan', r('should'))}${r(' comply ')}${del('Japan', dr('fully'))}${ins('Brazil', r('in full'))}${r('.')}`),
      ),
    });
    expect(proposals(draft)).toEqual(['replace Japan: must -> should', 'delete Japan: fully -> ', 'insert Brazil:  -> in full']);
  });

  it('merges a paragraph whose mark is deleted with the next, and keeps a wholly deleted paragraph', () => {
    const mark = '<w:rPr><w:del w:id="9" w:author="Brazil"/></w:rPr>';
    const { draft, warnings } = importXml({
      'word/document.xml': doc(p(r('First part,'), mark) + p(r('second part.')) + p(del('Japan', dr('A paragraph Japan deletes.')), mark) + p(r('Last.'))),
    });
    expect(draft).toContain('\nFirst part, second part.\n');
    expect(draft).toContain('\n{--@Japan: A paragraph Japan deletes.--}\n');
    expect(warnings).toEqual(['1: the paragraph mark was deleted by Brazil: the paragraph is merged with the next']);
  });

  it('keeps an insertion whole when a comment is anchored inside it, and makes the comment its rationale', () => {
    const { draft } = importXml({
      'word/document.xml': doc(p(`${r('the Charter')}${ins('Japan', `${r(' in its')}<w:commentRangeStart w:id="0"/>${r(' entirety')}<w:commentRangeEnd w:id="0"/>`)}<w:r><w:commentReference w:id="0"/></w:r>${r(', is applicable.')}`)),
      'word/comments.xml': `<w:comments ${NS}><w:comment w:id="0" w:author="Japan"><w:p>${r('See general comments.')}</w:p></w:comment></w:comments>`,
    });
    expect(proposals(draft)).toEqual(['insert Japan:  -> in its entirety (See general comments.)']);
  });
});

describe('reading structure', () => {
  const numbering = `<w:numbering ${NS}>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="11"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
  </w:numbering>`;
  const num = (level: number): string => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="3"/></w:numPr>`;

  it('draws paragraph numbers from numbering.xml, with sub-paragraph levels that restart', () => {
    const { draft } = importXml({
      'word/document.xml': doc(
        p(r('Heading text'), '<w:pStyle w:val="Heading2"/>') +
          p(r('States agree:'), num(0)) +
          p(r('first;'), num(1)) +
          p(r('detail;'), num(2)) +
          p(r('second.'), num(1)) +
          p(r('Next paragraph:'), num(0)) +
          p(r('again.'), num(1)),
      ),
      'word/numbering.xml': numbering,
      'word/styles.xml': `<w:styles ${NS}><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`,
    });
    expect(draft).toContain(
      '## Heading text\n\n11. States agree:\n  (a) first;\n    (i) detail;\n  (b) second.\n\n12. Next paragraph:\n  (a) again.\n',
    );
  });

  it('reports what a .draft cannot hold: tables, images', () => {
    const { draft, warnings } = importXml({
      'word/document.xml': doc(
        p(`${r('Before.')}<w:r><w:drawing/></w:r>`) + `<w:tbl><w:tr><w:tc>${p(r('Cell one.'))}</w:tc><w:tc>${p(r('Cell two.'))}</w:tc></w:tr></w:tbl>`,
      ),
    });
    expect(draft).toContain('\nCell one.\n\nCell two.\n');
    expect(warnings).toEqual([
      '1: an image is not kept in a .draft',
      '2: a table (its cells become paragraphs) is not kept in a .draft',
      '0: no tracked changes and no comments: the text is imported as it reads',
    ]);
  });

  it('escapes brackets that do not pair, with a warning, so the draft stays valid', () => {
    const { draft, warnings } = importXml({ 'word/document.xml': doc(p(r('States [agree {that} this is | fine.'))) });
    expect(draft).toContain('States \\[agree \\{that\\} this is \\| fine.');
    expect(warnings[0]).toBe('1: brackets that do not pair within the paragraph are kept as literal brackets (escaped)');
  });
});
