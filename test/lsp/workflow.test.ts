/**
 * The commands behind the editor's views, over stdio: the report and compare pages, the
 * proposers, the status bar figures; and restricted mode, where a project's acquis folders are not read.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, LspClient, ROOT, sharedClient } from './lsp-client';

describe('workflow commands', () => {
  const client = sharedClient({ beforeAll, afterAll });
  const pre = fileUri('samples/oewg-pre-draft.draft');
  const revised = fileUri('samples/revised-pre-draft.draft');
  const demo = fileUri('samples/demo.draft');

  beforeAll(async () => {
    await client.open(demo, readFileSync('samples/demo.draft', 'utf8'), 1);
    await client.open(revised, readFileSync('samples/revised-pre-draft.draft', 'utf8'), 1);
    await client.open(pre, readFileSync('samples/oewg-pre-draft.draft', 'utf8'), 1);
    await client.diagnostics(demo, (p) => p.version === 1);
  });
  const run = <T>(command: string, ...args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });

  it('returns the report page and the status bar figures of a draft', async () => {
    const html = await run<string>('acquis.reportHtml', demo);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Coverage of the six items of the mandate');
    // The status bar's figure: consensus language only (problem counts are the editor's own).
    const summary = await run<{ agreedShare: number }>('acquis.summary', demo);
    expect(summary.agreedShare).toBeGreaterThan(0);
    expect(summary.agreedShare).toBeLessThan(1);
  });

  it('lists the proposers and returns the redline page between two revisions', async () => {
    expect(await run<string[]>('acquis.proposers', pre)).toEqual(['Japan']);
    // Given newer first, the page still runs from the older revision (front matter dates).
    const html = await run<string>('acquis.compareHtml', revised, pre);
    expect(html).toContain('old: samples/oewg-pre-draft.draft, new: samples/revised-pre-draft.draft');
    expect(html).toContain('<del>');
    expect(html).toContain('<ins>');
    expect(html).toContain('38');
  });
});

describe('restricted mode', () => {
  it('reads only the built-in acquis when the workspace is not trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acquis-trust-'));
    mkdirSync(join(dir, 'vendor'));
    copyFileSync(join(ROOT, 'test/cli/fixtures/lighthouse-acquis/A-99-777.draft'), join(dir, 'vendor', 'A-99-777.draft'));
    writeFileSync(join(dir, 'acquis.config.yaml'), 'acquis: [vendor]\n');
    const draft = join(dir, 'lighthouse.draft');
    copyFileSync(join(ROOT, 'test/cli/fixtures/lighthouse.draft'), draft);
    const uri = pathToFileURL(draft).href;
    for (const trusted of [true, false]) {
      const client = new LspClient({ cwd: dir });
      try {
        await client.initialize(dir, { workspaceTrusted: trusted });
        await client.open(uri, readFileSync(draft, 'utf8'), 1);
        const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1);
        const fromProject = diagnostics.some((d) => (typeof d.message === 'string' ? d.message : d.message.value).includes('A/99/777'));
        expect(fromProject, `trusted: ${trusted}`).toBe(trusted);
      } finally {
        await client.stop();
      }
    }
  });
});
