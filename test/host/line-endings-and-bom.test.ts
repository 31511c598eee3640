/**
 * CR, LF and CRLF read alike everywhere (the parser, the line index, the findings), and a byte
 * order mark never counted as a column in the CLI's outputs. In the language server, positions
 * are relative to the text as the client sent it (LSP's rule): VS Code drops the BOM when it
 * opens a file, so it never counts there; a client that keeps U+FEFF in the text has it counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineView, parse } from '../../grammar/src/index';
import { LineIndex } from '../../server/src/engine/index';
import { builtinEngine } from '../engine/helpers';
import { acquis, cleanTempDirs, copyLighthouseAcquis, describeRun, parseJsonReport, requireBuild, tempDir, writeFiles } from '../cli/helpers';
import { LspClient, ROOT } from '../lsp/lsp-client';

requireBuild();
cleanTempDirs();

const DEMO = readFileSync(join(ROOT, 'samples', 'demo.draft'), 'utf8');
const ENDINGS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;
const withEnding = (text: string, eol: string): string => text.replace(/\r\n|\r|\n/g, eol);

describe('CR, LF and CRLF alike', () => {
  const variants = Object.entries(ENDINGS).map(([name, eol]) => [name, withEnding(DEMO, eol)] as const);

  it.each(variants)('%s: the parser gives the same paragraphs, words and problems', (_name, text) => {
    const lf = parse(withEnding(DEMO, '\n'));
    const other = parse(text);
    const words = (r: typeof lf, t: string) => r.document.paragraphs.map((p) => [p.label?.text, inlineView(p.content, t, 'current').text.replace(/\s+/g, ' ')]);
    expect(words(other, text)).toEqual(words(lf, withEnding(DEMO, '\n')));
    expect(other.problems.map((p) => p.code)).toEqual(lf.problems.map((p) => p.code));
    expect(other.document.frontMatter?.fields).toEqual(lf.document.frontMatter?.fields);
  });

  it.each(variants)('%s: the line index puts every line start at the same line and character', (_name, text) => {
    const lf = withEnding(DEMO, '\n');
    const a = new LineIndex(lf);
    const b = new LineIndex(text);
    expect(b.lineCount).toBe(a.lineCount);
    // The n-th line start of each text maps to (n, 0) and back.
    const starts = (t: string) => [0, ...[...t.matchAll(/\r\n|\r|\n/g)].map((m) => m.index! + m[0].length)];
    starts(text).forEach((offset, line) => {
      expect(b.position(offset)).toEqual({ line, character: 0 });
      expect(b.offset({ line, character: 0 })).toBe(offset);
    });
  });

  it.each(variants)('%s: the engine finds the same things at the same lines and characters', (_name, text) => {
    const at = (t: string) => {
      const lines = new LineIndex(t);
      return builtinEngine()
        .lint('demo.draft', t)
        .findings.map((f) => [f.ruleId, f.message, lines.position(f.span.start), lines.position(f.span.end)]);
    };
    expect(at(text)).toEqual(at(withEnding(DEMO, '\n')));
  });
});

describe('a byte order mark is not a column in the CLI outputs', () => {
  const LINE = 'The Group recommends that States refrain from deploying autonomous lighthouses along the coasts of neighbouring archipelagos without prior notification.';
  const run = (format: string, bom: boolean) => {
    const dir = tempDir();
    copyLighthouseAcquis(dir);
    writeFiles(dir, { 'd.draft': `${bom ? '\uFEFF' : ''}1. ${LINE}\n` });
    const r = acquis(['lint', 'd.draft', '--acquis', 'acquis', '--no-builtin', '--format', format], dir);
    expect(r.status, describeRun(r)).toBe(1);
    return r.stdout;
  };

  it('text: the same line:column with and without a BOM', () => {
    expect(run('text', true)).toBe(run('text', false));
    expect(run('text', false)).toMatch(/^d\.draft:1:\d+ /);
  });

  it('SARIF: the same regions', () => {
    const regions = (out: string) => (JSON.parse(out) as { runs: { results: { locations: { physicalLocation: { region: unknown } }[] }[] }[] }).runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region);
    expect(regions(run('sarif', true))).toEqual(regions(run('sarif', false)));
  });

  it('JSON: the same ranges; offsets index the text as read, the BOM one code unit', () => {
    const report = (bom: boolean) => parseJsonReport({ status: 1, signal: null, stderr: '', stdout: run('json', bom) }).files[0]!.findings;
    const [withBom, without] = [report(true), report(false)];
    expect(withBom.map((f) => f.range)).toEqual(without.map((f) => f.range));
    expect(withBom.map((f) => f.offsets.start)).toEqual(without.map((f) => f.offsets.start + 1));
  });

  it('the line index alone: line 0 starts after the BOM', () => {
    const lines = new LineIndex('\uFEFF1. a\n2. b');
    expect(lines.position(0)).toEqual({ line: 0, character: 0 });
    expect(lines.position(1)).toEqual({ line: 0, character: 0 });
    expect(lines.position(4)).toEqual({ line: 0, character: 3 });
    expect(lines.position(6)).toEqual({ line: 1, character: 0 });
    expect(lines.offset({ line: 0, character: 3 })).toBe(4);
    expect(lines.offset({ line: 0, character: 0 })).toBe(1);
  });
});

describe('the language server: positions relative to the text the client sent', () => {
  const client = new LspClient({ settings: { builtin: false, acquisPaths: [join(ROOT, 'test', 'cli', 'fixtures', 'lighthouse-acquis')] } });
  afterAll(() => client.stop());
  const LINE = '1. The Group recommends that States refrain from deploying autonomous lighthouses along the coasts of neighbouring archipelagos without prior notification.\n';

  it('a U+FEFF the client keeps in its text is a character like any other; without it, nothing shifts', async () => {
    await client.initialize(ROOT);
    const plain = pathToFileURL(join(ROOT, 'bom-plain.draft')).href;
    const marked = pathToFileURL(join(ROOT, 'bom-marked.draft')).href;
    await client.open(plain, LINE);
    await client.open(marked, `\uFEFF${LINE}`);
    const a = (await client.diagnostics(plain, (p) => p.version === 1 && p.diagnostics.length > 0)).diagnostics;
    const b = (await client.diagnostics(marked, (p) => p.version === 1 && p.diagnostics.length > 0)).diagnostics;
    expect(b.map((d) => d.range.start.character)).toEqual(a.map((d) => d.range.start.character + 1));
    expect(b.map((d) => d.range.start.line)).toEqual(a.map((d) => d.range.start.line));
  });
});
