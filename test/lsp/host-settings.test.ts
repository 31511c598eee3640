/**
 * The server builds its engines through the host layer, as the CLI does: the precedence rule
 * (an editor setting over the project file over the defaults), `acquis.acquisPaths` relative to
 * the resource's workspace folder when there is no project file, and a broken configuration shown
 * to the user (message and diagnostics on the file) while the server keeps linting.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LspClient, ROOT } from './lsp-client';

const LIGHTHOUSE = join(ROOT, 'test', 'cli', 'fixtures');
const clients: LspClient[] = [];
const made: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'acquis-host-')));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function start(dir: string, settings: Record<string, unknown>): Promise<LspClient> {
  // The server runs from the repository, not from the workspace: nothing may depend on its cwd.
  const c = new LspClient({ cwd: ROOT, settings });
  clients.push(c);
  await c.initialize(dir);
  return c;
}

/** Paragraph 18 of A/70/174 with one word changed: precedent.deviation when the built-in acquis is used. */
const AGREED = readFileSync(join(ROOT, 'server', 'acquis', 'A-70-174.draft'), 'utf8').match(/^18\. ([\s\S]*?)\n\n/m)![1]!.replace(/\s*\n\s*/g, ' ');
const DRAFT = `1. ${AGREED.replace('broad participation', 'wide participation')}\n`;
const DEVIATION = 'precedent.deviation';

describe('precedence: editor setting > project file > defaults', () => {
  it('the setting `acquis.builtin: false` wins over the project\'s `builtin: true` (no built-in precedent)', async () => {
    const dir = workspace({ 'acquis.config.yaml': 'builtin: true\n', 'd.draft': DRAFT });
    const c = await start(dir, { builtin: false });
    const uri = pathToFileURL(join(dir, 'd.draft')).href;
    await c.open(uri, DRAFT);
    const { diagnostics } = await c.diagnostics(uri, (p) => p.version === 1);
    expect(diagnostics.filter((d) => String(d.code).startsWith('precedent.'))).toEqual([]);
  });

  it('an unset setting (null, as an editor sends it) leaves the project file to decide', async () => {
    const dir = workspace({ 'acquis.config.yaml': 'builtin: true\n', 'd.draft': DRAFT });
    const c = await start(dir, { builtin: null, rules: null, acquisPaths: null });
    const uri = pathToFileURL(join(dir, 'd.draft')).href;
    await c.open(uri, DRAFT);
    const { diagnostics } = await c.diagnostics(uri, (p) => p.version === 1);
    expect(diagnostics.some((d) => d.code === DEVIATION), JSON.stringify(diagnostics.map((d) => d.code))).toBe(true);
  });

  it('a rule setting wins over the project\'s setting of that rule', async () => {
    const dir = workspace({ 'acquis.config.yaml': 'rules:\n  precedent.deviation: off\n', 'd.draft': DRAFT });
    const c = await start(dir, { rules: { 'precedent.deviation': 'error' } });
    const uri = pathToFileURL(join(dir, 'd.draft')).href;
    await c.open(uri, DRAFT);
    const { diagnostics } = await c.diagnostics(uri, (p) => p.version === 1);
    expect(diagnostics.find((d) => d.code === DEVIATION)?.severity, JSON.stringify(diagnostics)).toBe(1);
  });
});

describe('acquis.acquisPaths without a project file', () => {
  it('resolves against the workspace folder of the resource, not the server\'s working folder', async () => {
    const draft = readFileSync(join(LIGHTHOUSE, 'lighthouse.draft'), 'utf8');
    const dir = workspace({ 'deep/down/lighthouse.draft': draft });
    mkdirSync(join(dir, 'acquis'));
    copyFileSync(join(LIGHTHOUSE, 'lighthouse-acquis', 'A-99-777.draft'), join(dir, 'acquis', 'A-99-777.draft'));
    const c = await start(dir, { acquisPaths: ['acquis'], builtin: false });
    const uri = pathToFileURL(join(dir, 'deep', 'down', 'lighthouse.draft')).href;
    await c.open(uri, draft);
    const { diagnostics } = await c.diagnostics(uri, (p) => p.version === 1);
    expect(diagnostics.find((d) => d.code === 'precedent.deviation')?.message).toContain('A/99/777');
    expect(c.messages.join('\n')).not.toContain('acquis folder not found');
  });
});

describe('a broken configuration', () => {
  it('is shown (message and a diagnostic on the file, at the mistake) and the server lints with the defaults', async () => {
    const dir = workspace({ 'acquis.config.yaml': 'builtin: true\nrules:\n  precedent.agred: off\n', 'd.draft': DRAFT });
    const c = await start(dir, {});
    const uri = pathToFileURL(join(dir, 'd.draft')).href;
    await c.open(uri, DRAFT);
    const { diagnostics } = await c.diagnostics(uri, (p) => p.version === 1);
    // Still linting, with the defaults.
    expect(diagnostics.some((d) => d.code === DEVIATION)).toBe(true);
    const configUri = pathToFileURL(join(dir, 'acquis.config.yaml')).href;
    const onConfig = await c.diagnostics(configUri);
    expect(onConfig.diagnostics).toHaveLength(1);
    expect(onConfig.diagnostics[0]).toMatchObject({ range: { start: { line: 2, character: 2 } }, severity: 1 });
    expect(onConfig.diagnostics[0]!.message).toContain('Did you mean `precedent.agreed`?');
    const shown = c.messages.find((m) => m.includes('precedent.agred'));
    expect(shown).toContain(`${join(dir, 'acquis.config.yaml')}:3:3`);
    expect(shown).toContain('defaults');
  });

  it('names both files of a duplicate symbol', async () => {
    const dir = workspace({
      'acquis.config.yaml': 'acquis: [mine]\n',
      'mine/copy.draft': '---\nsymbol: A/70/174\nadoption: consensus\n---\n\n1. A local copy that reuses the symbol of a built-in document.\n',
      'd.draft': DRAFT,
    });
    const c = await start(dir, {});
    const uri = pathToFileURL(join(dir, 'd.draft')).href;
    await c.open(uri, DRAFT);
    await c.diagnostics(uri, (p) => p.version === 1);
    const shown = c.messages.find((m) => m.includes('is also in the built-in acquis'));
    expect(shown).toContain(join(dir, 'mine', 'copy.draft'));
    expect(shown).toContain(join(ROOT, 'server', 'acquis', 'A-70-174.draft'));
  });
});
