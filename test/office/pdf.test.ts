/**
 * `acquis import` on PDFs made by LibreOffice: A/73/505 (the text of seed 004 laid out as a UN
 * document, fixtures/A-73-505.fodt) imported into an acquis folder reproduces the hand
 * transcriptions of resolutions 73/27 and 73/266 paragraph by paragraph; several files and
 * folders at once, with progress; a scanned PDF (no text layer), an encrypted one and a damaged
 * one are refused with a clear error, exit 2, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { acquis, cleanTempDirs, describeRun, requireBuild, tempDir, writeFiles } from '../cli/helpers';
import { draftUnits } from '../import/draft-units';
import { convert, describeOffice, OFFICE_FIXTURES, ROOT } from './office';

requireBuild();
cleanTempDirs();

const UN_DOCUMENT = join(OFFICE_FIXTURES, 'A-73-505.fodt');
const ENCRYPTED = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';
const acquisFile = (name: string): string => readFileSync(join(ROOT, 'server', 'acquis', name), 'utf8');

describeOffice('acquis import <pdf>', () => {
  it('reproduces resolutions 73/27 and 73/266 from the PDF of A/73/505, paragraph by paragraph', () => {
    const pdf = convert(UN_DOCUMENT, 'pdf');
    const dir = tempDir();
    copyFileSync(pdf, join(dir, 'A-73-505.pdf'));
    const r = acquis(['import', 'A-73-505.pdf', '-o', 'acq/', '--symbol', 'I=A/RES/73/27', '--symbol', 'II=A/RES/73/266'], dir, 60_000);
    expect(r.status, describeRun(r)).toBe(0);
    // Every decision was certain: no warning at all.
    expect(r.stderr.split('\n').filter((l) => / warning: /.test(l))).toEqual([]);
    for (const name of ['A-RES-73-27.draft', 'A-RES-73-266.draft']) {
      const text = readFileSync(join(dir, 'acq', name), 'utf8');
      expect(parse(text).problems).toEqual([]);
      const got = draftUnits(text);
      const want = draftUnits(acquisFile(name));
      expect(got.map((u) => u.label)).toEqual(want.map((u) => u.label));
      got.forEach((u, i) => expect(u, `${name} ${u.label}`).toEqual(want[i]));
    }
    expect(readFileSync(join(dir, 'acq', 'A-RES-73-27.draft'), 'utf8')).toContain('\nadoption: vote 109-45-16\n');
  });

  it('imports the report with the two resolutions it became (all PDFs): each text once, with its vote', () => {
    const dir = tempDir();
    for (const name of ['A-73-505', 'A-RES-73-27', 'A-RES-73-266']) copyFileSync(convert(join(OFFICE_FIXTURES, `${name}.fodt`), 'pdf'), join(dir, `${name}.pdf`));
    writeFiles(dir, { 'quote.draft': '1. States must meet their international obligations regarding internationally wrongful acts attributable to them under international law.\n' });
    const r = acquis(['import', '.', '-o', 'acq/'], dir, 120_000);
    expect(r.status, describeRun(r)).toBe(0);
    expect(readdirSync(join(dir, 'acq')).sort()).toEqual(['A-RES-73-266.draft', 'A-RES-73-27.draft']);
    expect(r.stderr).toContain('A-73-505.pdf: draft resolution I is A/RES/73/27 (A-RES-73-27.pdf): written once, from the printed text, with the adoption the report records (vote 109-45-16)');
    expect(r.stderr.split('\n').filter((l) => / warning: /.test(l))).toEqual([]);
    for (const name of ['A-RES-73-27.draft', 'A-RES-73-266.draft']) {
      const text = readFileSync(join(dir, 'acq', name), 'utf8');
      expect(draftUnits(text)).toEqual(draftUnits(acquisFile(name)));
    }
    const lint = acquis(['lint', 'quote.draft', '--acquis', 'acq', '--no-builtin', '--max-severity', 'none'], dir);
    expect(lint.status, describeRun(lint)).toBe(0);
    expect(lint.stdout).toContain('A/RES/73/27, para. 1.2; 109-45-16');
  });

  it('imports a PDF from an installed copy with no node_modules, as the VSIX carries it', () => {
    // The VSIX holds bin/, dist/ and server/acquis but no node_modules: pdf.js must come from dist/.
    const installed = tempDir();
    for (const part of ['bin', 'dist', join('server', 'acquis'), 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const dir = tempDir();
    copyFileSync(convert(UN_DOCUMENT, 'pdf'), join(dir, 'A-73-505.pdf'));
    const r = spawnSync(process.execPath, [join(installed, 'bin', 'acquis.js'), 'import', 'A-73-505.pdf', '-o', 'acq/', '--symbol', 'I=A/RES/73/27'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    // pdf.js's notices about rendering (no canvas package) are not shown: import draws nothing.
    expect(r.stderr).not.toMatch(/canvas|polyfill/i);
    expect(draftUnits(readFileSync(join(dir, 'acq', 'A-RES-73-27.draft'), 'utf8'))).toEqual(draftUnits(acquisFile('A-RES-73-27.draft')));
  });

  it('imports several PDFs and a folder of them at once, with progress on a large batch', () => {
    const pdf = convert(UN_DOCUMENT, 'pdf');
    const dir = tempDir();
    writeFiles(dir, { 'gge.txt': 'I. Introduction\n1. The Group adopted the present report by consensus on 5 May 2030.\n' });
    for (const n of [1, 2, 3, 4]) copyFileSync(pdf, join(dir, `copy${n}.pdf`));
    // The same report four times gives the same documents four times: refused as a whole.
    const dup = acquis(['import', 'copy1.pdf', 'copy2.pdf', 'copy3.pdf', 'copy4.pdf', 'gge.txt', '-o', 'acq', '--symbol', 'I=A/RES/73/27'], dir, 120_000);
    expect(dup.status, describeRun(dup)).toBe(2);
    expect(dup.stderr).toMatch(/^acquis import: \[5\/5\] gge\.txt$/m);
    expect(dup.stderr).toContain('would be written twice');
    expect(existsSync(join(dir, 'acq'))).toBe(false);

    const one = tempDir();
    copyFileSync(pdf, join(one, 'A-73-505.pdf'));
    writeFiles(one, { 'more/gge.txt': 'A/99/100\nReport of the Group of Lighthouse Experts\nI. Introduction\n1. The Group adopted the present report by consensus on 5 May 2030.\n' });
    const ok = acquis(['import', 'A-73-505.pdf', 'more', '-o', 'acq'], one, 60_000);
    expect(ok.status, describeRun(ok)).toBe(0);
    expect(readdirSync(join(one, 'acq')).sort()).toEqual(['A-99-100.draft', 'A-C.1-73-L.27-Rev.1.draft', 'A-C.1-73-L.37.draft']);
    expect(readFileSync(join(one, 'acq', 'A-99-100.draft'), 'utf8')).toContain('\nadoption: consensus\n');
    const lint = acquis(['lint', join(one, 'acq', 'A-99-100.draft'), '--acquis', 'acq', '--no-builtin', '--max-severity', 'none'], one);
    expect(lint.status, describeRun(lint)).toBe(0);
  });

  it('shows the pages of a long PDF going by', () => {
    const dir = tempDir();
    // The report six times over: some sixty pages.
    const fodt = readFileSync(UN_DOCUMENT, 'utf8');
    const body = /<office:text>([\s\S]*)<\/office:text>/.exec(fodt)![1]!;
    writeFiles(dir, { 'long.fodt': fodt.replace(body, body.repeat(6)) });
    copyFileSync(convert(join(dir, 'long.fodt'), 'pdf'), join(dir, 'long.pdf'));
    const r = acquis(['import', 'long.pdf', '-o', 'long.draft'], dir, 120_000);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stderr).toMatch(/^acquis import: long\.pdf: page 1\/\d{2}$/m);
    expect(r.stderr).toMatch(/^acquis import: long\.pdf: page (\d{2})\/\1$/m);
  });

  it('refuses a scanned PDF, an encrypted PDF and a damaged one: exit 2, nothing written', () => {
    const dir = tempDir();
    copyFileSync(convert(join(OFFICE_FIXTURES, 'scanned.fodt'), 'pdf'), join(dir, 'scanned.pdf'));
    copyFileSync(convert(UN_DOCUMENT, ENCRYPTED, 'encrypted'), join(dir, 'encrypted.pdf'));
    const good = readFileSync(convert(UN_DOCUMENT, 'pdf'));
    writeFiles(dir, { 'damaged.pdf': good.subarray(0, 2000) });
    const cases: Array<[string, RegExp]> = [
      ['scanned.pdf', /^scanned\.pdf: error: no text layer in its 1 page\(s\): a scanned PDF needs OCR/],
      ['encrypted.pdf', /^encrypted\.pdf: error: the PDF is encrypted with a password/],
      ['damaged.pdf', /^damaged\.pdf: error: /],
    ];
    for (const [file, message] of cases) {
      const r = acquis(['import', file, '-o', 'out.draft'], dir);
      expect(r.status, describeRun(r)).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readdirSync(dir).sort()).toEqual(['damaged.pdf', 'encrypted.pdf', 'scanned.pdf']);
  });
});
