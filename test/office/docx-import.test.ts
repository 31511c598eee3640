/**
 * `acquis import draft.docx` on Word files made by LibreOffice from fixtures/amended-draft.fodt
 * (tracked changes by Japan and Brazil, comments by both, a footnote, list numbering, bracketed
 * text, a formatting-only change, a deleted paragraph mark): the amendments, their proposers and
 * rationales as the engine reads them back; and bad input (not a zip, a damaged package, no
 * document part, a zip bomb, a document with no tracked changes).
 */
import JSZip from 'jszip';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { spawnSync } from 'node:child_process';
import { acquis, BIN, cleanTempDirs, describeRun, requireBuild, tempDir, writeFiles } from '../cli/helpers';
import { draftUnits, proposals } from '../import/draft-units';
import { convert, describeOffice, OFFICE_FIXTURES } from './office';

requireBuild();
cleanTempDirs();

describeOffice('acquis import <docx>', () => {
  it('turns tracked changes into amendments by their authors and comments into rationales', () => {
    const dir = tempDir();
    copyFileSync(convert(join(OFFICE_FIXTURES, 'amended-draft.fodt'), 'docx'), join(dir, 'draft.docx'));
    const r = acquis(['import', 'draft.docx', '-o', 'draft.draft'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('draft.draft: draft, 6 paragraphs, 4 amendment(s), 2 rationale(s)\n');
    expect(r.stderr).toBe(
      'draft.docx: paragraph 6: warning: the paragraph mark was deleted by Brazil: the paragraph is merged with the next: States also noted the work of regional organizations.\n',
    );
    const text = readFileSync(join(dir, 'draft.draft'), 'utf8');
    expect(parse(text).problems).toEqual([]);
    expect(proposals(text)).toEqual([
      { kind: 'insert', proposer: 'Japan', old: undefined, new: 'in its entirety', rationale: 'See 1. General comments.' },
      { kind: 'replace', proposer: 'Japan', old: 'respect for', new: 'adherence to', rationale: undefined },
      { kind: 'delete', proposer: 'Brazil', old: 'existing', new: undefined, rationale: undefined },
      { kind: 'insert', proposer: 'Brazil', old: undefined, new: 'by peaceful means', rationale: undefined },
    ]);
    // Brazil's comment stays on the words it covers; the formatting change made no amendment.
    expect(text).toContain('(b) {==the peaceful settlement of disputes==}{>>@Brazil: The term has no agreed meaning.<<}{++@Brazil: by peaceful means++}.');
    expect(text).toContain('(a) sovereign equality;');
    // Numbers drawn by Word's list numbering, footnote, title, brackets kept as negotiation brackets.
    expect(draftUnits(text).map((u) => u.label)).toEqual(['1', '2', '2 (a)', '2 (b)', '3']);
    expect(draftUnits(text)[0]!.notes).toEqual(['See A/70/174, para. 24.']);
    expect(text).toMatch(/^---\ntitle: Initial pre-draft of the report of the OEWG\nkind: draft\n---\n/);
    expect(text).toContain('norms of responsible State behaviour [in accordance with international law], including:');
    expect(text).toContain('\n# B. International law\n');
    expect(text).toContain('3. States also noted the work of regional organizations. They welcomed their contributions.\n');
  });

  it('imports a .docx with no tracked changes as it reads, with a warning', () => {
    const dir = tempDir();
    copyFileSync(convert(join(OFFICE_FIXTURES, 'plain-draft.fodt'), 'docx'), join(dir, 'plain.docx'));
    const r = acquis(['import', 'plain.docx', '-o', 'plain.draft'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('plain.docx: warning: no tracked changes and no comments: the text is imported as it reads\n');
    expect(draftUnits(readFileSync(join(dir, 'plain.draft'), 'utf8')).map((u) => u.label)).toEqual(['1', '2']);
  });
});

it('refuses what is not a readable .docx: exit 2, a clear message, nothing written', async () => {
  const dir = tempDir();
  const noDocument = await new JSZip().file('word/styles.xml', '<w:styles/>').generateAsync({ type: 'nodebuffer' });
  const badXml = await new JSZip().file('word/document.xml', '<w:document><w:body><w:p>').generateAsync({ type: 'nodebuffer' });
  // A zip bomb: the package declares a document far larger than any draft.
  const bomb = await new JSZip().file('word/document.xml', '<w:document/>').generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  patchDeclaredSize(bomb, 'word/document.xml', 0x7fff0000);
  writeFiles(dir, {
    'text.docx': 'this is plain text, not a zip',
    'truncated.docx': noDocument.subarray(0, noDocument.length - 30),
    'nodocument.docx': noDocument,
    'badxml.docx': badXml,
    'bomb.docx': bomb,
  });
  const cases: Array<[string, string]> = [
    ['text.docx', 'text.docx: error: not a .docx file: it is not a zip package'],
    ['truncated.docx', 'truncated.docx: error: the .docx package is damaged:'],
    ['nodocument.docx', 'nodocument.docx: error: not a Word document: the package has no word/document.xml.'],
    ['badxml.docx', 'badxml.docx: error: the .docx package is damaged: word/document.xml is not well-formed XML'],
    ['bomb.docx', "bomb.docx: error: the document's text would inflate to over 256 MB: refused"],
  ];
  for (const [file, message] of cases) {
    const r = acquis(['import', file, '-o', 'out.draft'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr.startsWith(message), r.stderr).toBe(true);
  }
  expect(readdirSync(dir).sort()).toEqual(['badxml.docx', 'bomb.docx', 'nodocument.docx', 'text.docx', 'truncated.docx']);
});

it('imports a large .docx (5,000 paragraphs, each with a change and a comment) in bounded memory', async () => {
  const dir = tempDir();
  const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const n = 5000;
  const body: string[] = [];
  const comments: string[] = [];
  for (let i = 0; i < n; i++) {
    body.push(
      `<w:p><w:r><w:t xml:space="preserve">${i + 1}. States reaffirmed that international law is applicable </w:t></w:r><w:ins w:id="${i}" w:author="Japan"><w:r><w:t>in its entirety</w:t></w:r></w:ins><w:r><w:commentReference w:id="${i}"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`,
    );
    comments.push(`<w:comment w:id="${i}" w:author="Japan"><w:p><w:r><w:t>Reason ${i}.</w:t></w:r></w:p></w:comment>`);
  }
  const zip = new JSZip()
    .file('word/document.xml', `<w:document ${NS}><w:body>${body.join('')}</w:body></w:document>`)
    .file('word/comments.xml', `<w:comments ${NS}>${comments.join('')}</w:comments>`);
  writeFiles(dir, { 'big.docx': await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) });
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, 'import', 'big.docx', '-o', 'big.draft'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toBe(`big.draft: draft, ${n} paragraphs, ${n} amendment(s), ${n} rationale(s)\n`);
  const text = readFileSync(join(dir, 'big.draft'), 'utf8');
  expect(text).toContain(`\n${n}. States reaffirmed that international law is applicable {++@Japan: in its entirety++}{>>@Japan: Reason ${n - 1}.<<}.\n`);
});

/** Set the uncompressed size a zip declares for `name`, in its local and central headers. */
function patchDeclaredSize(zip: Buffer, name: string, size: number): void {
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === 0x04034b50 && zip.toString('latin1', i + 30, i + 30 + zip.readUInt16LE(i + 26)) === name) zip.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && zip.toString('latin1', i + 46, i + 46 + zip.readUInt16LE(i + 28)) === name) zip.writeUInt32LE(size, i + 24);
  }
}
