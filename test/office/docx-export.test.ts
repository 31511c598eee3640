/**
 * `acquis export draft.draft -o draft.docx`: amendments as Word tracked changes by their
 * proposers, rationales as comments, footnotes as footnotes; clean views with `--as`. Checked
 * three ways: the round trip docx -> draft -> docx -> draft keeps text, changes and authors;
 * LibreOffice opens the export and shows the changes with their authors and the comments (read
 * through its conversion to flat ODT); the resolutions of the built-in acquis survive the trip.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { acquis, cleanTempDirs, describeRun, requireBuild, tempDir, writeFiles } from '../cli/helpers';
import { draftUnits, proposals } from '../import/draft-units';
import { convert, describeOffice, OFFICE_FIXTURES, ROOT } from './office';
import { spawnSync } from 'node:child_process';
import { BIN } from '../cli/helpers';

requireBuild();
cleanTempDirs();

/** `acquis` with a fixed date, so that an export is the same bytes every time (and cached once). */
function acquisAt(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1585735200' } });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

describeOffice('acquis export <draft> -o <docx>', () => {
  it('round-trips docx -> draft -> docx -> draft, keeping text, changes and authors; LibreOffice shows them', () => {
    const dir = tempDir();
    copyFileSync(convert(join(OFFICE_FIXTURES, 'amended-draft.fodt'), 'docx'), join(dir, 'received.docx'));
    expect(acquis(['import', 'received.docx', '-o', 'a.draft'], dir).status).toBe(0);
    const r = acquisAt(['export', 'a.draft', '-o', 'sent.docx'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('sent.docx: 4 tracked change(s), 2 comment(s), 1 footnote(s)\n');
    expect(acquis(['import', 'sent.docx', '-o', 'b.draft'], dir).status).toBe(0);
    const a = readFileSync(join(dir, 'a.draft'), 'utf8');
    const b = readFileSync(join(dir, 'b.draft'), 'utf8');
    expect(b).toBe(a);
    expect(proposals(b).map((p) => `${p['kind']} ${p['proposer']}`)).toEqual(['insert Japan', 'replace Japan', 'delete Brazil', 'insert Brazil']);

    // LibreOffice's reading of the export: tracked changes by their authors, and the comments.
    const fodt = readFileSync(convert(join(dir, 'sent.docx'), 'fodt', 'exported'), 'utf8');
    const root = new DOMParser().parseFromString(fodt, 'application/xml').documentElement!;
    const regions = [...(root.getElementsByTagNameNS(TEXT_NS, 'changed-region') as unknown as Element[])].map((region) => {
      const kind = [...(region.childNodes as unknown as Element[])].find((c) => c.nodeType === 1)!.localName;
      return `${kind} ${region.getElementsByTagNameNS(DC_NS, 'creator')[0]!.textContent}`;
    });
    expect(regions).toEqual(['insertion Japan', 'deletion Japan', 'insertion Japan', 'deletion Brazil', 'insertion Brazil']);
    const annotations = [...(root.getElementsByTagNameNS(OFFICE_NS, 'annotation') as unknown as Element[])].map(
      (a) => `${a.getElementsByTagNameNS(DC_NS, 'creator')[0]!.textContent}: ${a.getElementsByTagNameNS(TEXT_NS, 'p')[0]!.textContent}`,
    );
    expect(annotations).toEqual(['Japan: See 1. General comments.', 'Brazil: The term has no agreed meaning.']);
    // The deleted words are there, marked, in LibreOffice's text.
    expect(fodt).toContain('<text:deletion>');
    expect(fodt).toMatch(/existing /);
    expect(fodt).toContain('See A/70/174, para. 24.');
  });

  it('exports the views clean: --as accepted, --as <delegation>; refuses an unknown delegation', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'd.draft': '1. States should {~~@Japan: respect~>uphold~~} the Charter{++@Brazil: in full++}.{>>@Brazil: Agreed in 2015.<<}\n',
    });
    const words = async (file: string): Promise<{ text: string; tracked: boolean; comments: boolean }> => {
      const zip = await JSZip.loadAsync(readFileSync(join(dir, file)));
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join('');
      return { text, tracked: /<w:(?:ins|del) /.test(xml), comments: /commentReference/.test(xml) };
    };
    expect(acquis(['export', 'd.draft', '--as', 'accepted', '-o', 'accepted.docx'], dir).status).toBe(0);
    expect(await words('accepted.docx')).toEqual({ text: '1.\tStates should uphold the Charter in full.', tracked: false, comments: false });
    expect(acquis(['export', 'd.draft', '--as', 'Japan', '-o', 'japan.docx'], dir).status).toBe(0);
    expect(await words('japan.docx')).toEqual({ text: '1.\tStates should uphold the Charter.', tracked: false, comments: false });
    // `--as proposed` (the editor's "Tracked changes") is the default.
    expect(acquis(['export', 'd.draft', '--as', 'proposed', '-o', 'proposed.docx'], dir).status).toBe(0);
    expect(await words('proposed.docx')).toMatchObject({ tracked: true, comments: true });

    const unknown = acquis(['export', 'd.draft', '--as', 'Chile', '-o', 'chile.docx'], dir);
    expect(unknown.status, describeRun(unknown)).toBe(2);
    expect(unknown.stderr).toContain("no proposal by 'Chile' in this draft (proposers in this draft: Japan, Brazil)");
    writeFiles(dir, { 'broken.draft': '1. States {++@Japan: never closed\n' });
    const broken = acquis(['export', 'broken.draft', '-o', 'broken.docx'], dir);
    expect(broken.status, describeRun(broken)).toBe(2);
    expect(broken.stderr).toMatch(/^broken\.draft: error: the draft has 1 syntax problem\(s\); fix them first \(broken\.draft:1:/);
    const notDocx = acquis(['export', 'd.draft', '-o', 'd.txt'], dir);
    expect(notDocx.status).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['accepted.docx', 'broken.draft', 'd.draft', 'japan.docx', 'proposed.docx']);
  });

  it('keeps every paragraph and footnote of resolution 73/27 through export and import', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'server', 'acquis', 'A-RES-73-27.draft'), join(dir, 'res.draft'));
    expect(acquis(['export', 'res.draft', '-o', 'res.docx'], dir).status).toBe(0);
    const r = acquis(['import', 'res.docx', '-o', 'back.draft'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const before = draftUnits(readFileSync(join(dir, 'res.draft'), 'utf8'));
    const after = draftUnits(readFileSync(join(dir, 'back.draft'), 'utf8'));
    expect(after.map((u) => [u.text, u.notes])).toEqual(before.map((u) => [u.text, u.notes]));
    // Operative numbers are printed and come back; preambular handles are not printed.
    expect(after.filter((u) => u.label !== '(unnumbered)').map((u) => u.label)).toEqual(
      before.filter((u) => !u.label.startsWith('PP') && u.label !== '(unnumbered)').map((u) => u.label.replace(/^OP/, '')),
    );
  });
});
