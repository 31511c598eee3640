/** `reportHtml`: a self-contained page, every piece of draft text escaped; and the `report` command. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../server/src/cli/commands/report';
import { DEMO, PRE_DRAFT, ROOT, reportOn, reportOnFile } from './helpers';

/** Any reference to something outside the page: an attribute that loads or links out, CSS that does, a URL. */
const EXTERNAL = /<[^>]*\s(?:src|href|action|xlink:href|srcset|poster|data)\s*=\s*(?!["']?#)|url\(|@import|https?:\/\//i;

function checkPage(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  expect(html).toContain('<meta charset="utf-8">');
  expect(html.trimEnd().endsWith('</html>')).toBe(true);
  expect(html).not.toMatch(EXTERNAL);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link\b|<img\b|<iframe\b/i);
  // Balanced basic elements.
  for (const tag of ['svg', 'table', 'ul', 'h2', 'tr', 'g']) {
    expect((html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length, tag).toBe((html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length);
  }
}

describe('the report page', () => {
  it('is self-contained for the demo, with its two charts', () => {
    const { html, data } = reportOnFile(DEMO);
    checkPage(html);
    expect((html.match(/<svg class="chart"/g) ?? []).length).toBe(2);
    // Two rects (track and bar) per mandate item and per section.
    expect((html.match(/<rect /g) ?? []).length).toBe(2 * (6 + data.sections.length));
    for (const id of ['mandate', 'agreed', 'findings', 'brackets', 'status', 'proposals', 'suppressions']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Regular institutional dialogue');
    expect(html).toContain('<td>Mexico</td>');
    expect(html).toContain('16 (b)');
  });

  it('is self-contained for the pre-draft, with Japan and its 24 proposals', () => {
    const { html } = reportOnFile(PRE_DRAFT);
    checkPage(html);
    expect(html).toMatch(/<td>Japan<\/td><td class="num">24<\/td>/);
    // The title's quotes are escaped.
    expect(html).toContain('Initial &quot;Pre-draft&quot;');
  });

  it('renders markup in the draft as text', () => {
    const draft = [
      '---',
      'title: <script>alert(1)</script> "quoted" & \'single\'',
      'kind: draft',
      'body: OEWG',
      '---',
      '',
      '# A. <script>alert(2)</script> threats',
      '',
      '1. States discussed <script>alert(1)</script> and "quotes" & \'apostrophes\' [<img src=x onerror=alert(3)>].',
      '',
      '2. {++@<b>Evil</b> "Delegation": more <script>alert(4)</script> words++} here.',
      '',
    ].join('\n');
    const { html, data } = reportOn('<evil>.draft', draft);
    checkPage(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(3)&gt;');
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt; &quot;Delegation&quot;');
    expect(html).toContain('&lt;evil&gt;.draft');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Evil');
    expect(data.brackets[0]!.text).toContain('<img src=x onerror=alert(3)>');
    expect(data.proposals.proposers[0]!.name).toBe('<b>Evil</b> "Delegation"');
  });

  it('reads an empty draft', () => {
    const { html, data } = reportOn('empty.draft', '');
    checkPage(html);
    expect(data.totals).toMatchObject({ words: 0, agreedWords: 0, agreedShare: 0, paragraphs: 0 });
    expect(html).toContain('No findings.');
  });
});

describe('runReport (the command, without commander)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acquis-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the page to -o and prints nothing', () => {
    let out = '';
    let err = '';
    const io = { cwd: ROOT, stdout: (s: string) => (out += s), stderr: (s: string) => (err += s) };
    const target = join(dir, 'report.html');
    expect(runReport('samples/demo.draft', { output: target, acquis: [], builtin: true }, io)).toBe(0);
    expect(out).toBe('');
    expect(err).toBe('');
    const html = readFileSync(target, 'utf8');
    checkPage(html);
    expect(html).toContain('samples/demo.draft');
  });

  it('prints the page without -o', () => {
    let out = '';
    const io = { cwd: ROOT, stdout: (s: string) => (out += s), stderr: () => undefined };
    expect(runReport('samples/oewg-pre-draft.draft', { acquis: [], builtin: true }, io)).toBe(0);
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('fails on a missing file with an input error', () => {
    const io = { cwd: ROOT, stdout: () => undefined, stderr: () => undefined };
    expect(() => runReport('samples/missing.draft', { acquis: [], builtin: true }, io)).toThrow();
  });
});

describe('registerReport (the command through commander)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acquis-report-cmd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses `report <file> -o <page>` and --no-builtin', async () => {
    const { Command } = await import('commander');
    const { registerReport } = await import('../../server/src/cli/commands/report');
    let code = -1;
    const program = new Command('acquis').exitOverride();
    const io = { cwd: ROOT, stdout: () => undefined, stderr: () => undefined };
    registerReport(program, io, (c) => (code = c));
    const target = join(dir, 'page.html');
    await program.parseAsync(['report', 'samples/demo.draft', '-o', target, '--no-builtin'], { from: 'user' });
    expect(code).toBe(0);
    const html = readFileSync(target, 'utf8');
    checkPage(html);
    // Without the built-in acquis nothing is agreed language.
    expect(html).toContain('<span class="big">0%</span>');
  });
});
