/**
 * The language server by the book, over stdio: the lifecycle errors of the specification
 * (ServerNotInitialized before initialize, InvalidRequest after shutdown), InvalidParams for
 * missing or malformed params, a framing error logged and ending the process with a non-zero
 * code, and workspace commands that read only files of the workspace, as workspace trust allows.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LspClient, ROOT } from './lsp-client';

const clients: LspClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
});
const client = (options: ConstructorParameters<typeof LspClient>[0] = {}): LspClient => {
  const c = new LspClient(options);
  clients.push(c);
  return c;
};

/** The error a request ends with (or fails the test if it succeeds). */
async function errorOf(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    const result = await promise;
    throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  } catch (error) {
    return error as { code: number; message: string };
  }
}

const HOVER = { textDocument: { uri: pathToFileURL(join(ROOT, 'samples/demo.draft')).href }, position: { line: 0, character: 0 } };

describe('lifecycle', () => {
  it('answers a request before initialize with ServerNotInitialized (-32002)', async () => {
    const c = client();
    for (const method of ['textDocument/hover', 'workspace/symbol', 'shutdown', 'acquis/noSuchMethod']) {
      expect((await errorOf(c.request(method, method === 'workspace/symbol' ? { query: '' } : HOVER))).code, method).toBe(-32002);
    }
    // ...and works once initialized.
    await c.initialize();
    expect(await c.request('workspace/symbol', { query: 'zzzz-nothing' })).toEqual([]);
  });

  it('answers every request after shutdown with InvalidRequest (-32600), and exits 0 on exit', async () => {
    const c = client();
    await c.initialize();
    await c.request('shutdown', null);
    for (const method of ['textDocument/hover', 'workspace/symbol', 'shutdown', 'acquis/noSuchMethod']) {
      expect((await errorOf(c.request(method, HOVER))).code, method).toBe(-32600);
    }
    const exited = new Promise<number | null>((r) => c.process.on('exit', (code) => r(code)));
    await c.connection.sendNotification('exit');
    expect(await exited).toBe(0);
  });

  it('refuses a second initialize with InvalidRequest', async () => {
    const c = client();
    await c.initialize();
    expect((await errorOf(c.initialize())).code).toBe(-32600);
  });

  it('answers an unknown method with MethodNotFound (-32601) while running', async () => {
    const c = client();
    await c.initialize();
    expect((await errorOf(c.request('acquis/noSuchMethod', {}))).code).toBe(-32601);
  });
});

describe('invalid params give InvalidParams (-32602), never InternalError', () => {
  it.each([
    ['textDocument/hover', undefined],
    ['textDocument/hover', {}],
    ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
    ['textDocument/hover', { textDocument: { uri: 'file:///x.draft' } }],
    ['textDocument/hover', { textDocument: { uri: 'file:///x.draft' }, position: { line: 'one', character: 0 } }],
    ['textDocument/completion', { textDocument: {} }],
    ['textDocument/definition', null],
    ['textDocument/references', { position: { line: 0, character: 0 } }],
    ['textDocument/codeAction', undefined],
    ['textDocument/documentSymbol', {}],
    ['textDocument/foldingRange', { textDocument: null }],
    ['textDocument/codeLens', undefined],
    ['textDocument/formatting', undefined],
    ['workspace/executeCommand', undefined],
    ['workspace/executeCommand', { command: 7 }],
    ['workspace/executeCommand', { command: 'acquis.report', arguments: 'not a list' }],
  ])('%s with %j', async (method, params) => {
    const c = client();
    await c.initialize();
    const error = await errorOf(c.request(method, params));
    expect(error.code, error.message).toBe(-32602);
  });
});

describe('framing', () => {
  const raw = async (bytes: string): Promise<{ code: number | null; stderr: string }> => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/acquis-lsp.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const timer = setTimeout(() => child.kill(), 10_000);
    child.stdin.write(bytes);
    const code = await exited;
    clearTimeout(timer);
    return { code, stderr };
  };

  it.each([
    ['a Content-Length that is not a number', 'Content-Length: lots\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a header line without a colon', 'garbage garbage\r\n\r\n{}'],
  ])('%s: logged on stderr, and the process ends with a non-zero code', async (_what, bytes) => {
    const { code, stderr } = await raw(bytes);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull(); // ended by itself, not killed by the timeout
    expect(stderr).toContain('acquis-lsp: framing error on stdin');
  });

  it('stdin closed without shutdown: exit code 1', async () => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/acquis-lsp.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.stdin.end();
    expect(await exited).toBe(1);
  });
});

describe('workspace commands read only workspace files, as trust allows', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const workspace = (): { dir: string; outside: string } => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'acquis-ws-')));
    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'acquis-outside-')));
    made.push(dir, outside);
    mkdirSync(join(dir, 'revisions'));
    writeFileSync(join(dir, 'draft.draft'), '1. States should cooperate on coastal signalling.\n');
    writeFileSync(join(dir, 'revisions', 'old.draft'), '1. States cooperate on coastal signalling.\n');
    writeFileSync(join(outside, 'secret.draft'), '1. A secret outside the workspace.\n');
    symlinkSync(join(outside, 'secret.draft'), join(dir, 'revisions', 'link.draft'));
    return { dir, outside };
  };
  const compare = (c: LspClient, dir: string, other: string) =>
    c.request<string | null>('workspace/executeCommand', { command: 'acquis.compareHtml', arguments: [pathToFileURL(join(dir, 'draft.draft')).href, other] });

  it('compares with a revision inside the workspace', async () => {
    const { dir } = workspace();
    const c = client({ cwd: dir });
    await c.initialize(dir);
    await c.open(pathToFileURL(join(dir, 'draft.draft')).href, '1. States should cooperate on coastal signalling.\n');
    const html = await compare(c, dir, pathToFileURL(join(dir, 'revisions', 'old.draft')).href);
    expect(html).toContain('<html');
  });

  it.each([
    ['a file outside the workspace folders', (dir: string, outside: string) => pathToFileURL(join(outside, 'secret.draft')).href, 'outside the workspace folders'],
    ['/etc/passwd', () => 'file:///etc/passwd', 'outside the workspace folders'],
    ['a link inside the workspace to a file outside', (dir: string) => pathToFileURL(join(dir, 'revisions', 'link.draft')).href, 'outside the workspace folders'],
    ['a URI that is not a file', () => 'https://example.org/x.draft', 'reads only files'],
  ])('refuses %s', async (_what, otherOf, why) => {
    const { dir, outside } = workspace();
    const c = client({ cwd: dir });
    await c.initialize(dir);
    await c.open(pathToFileURL(join(dir, 'draft.draft')).href, '1. States should cooperate on coastal signalling.\n');
    const error = await errorOf(compare(c, dir, otherOf(dir, outside)));
    expect(error.code).toBe(-32803);
    expect(error.message).toContain(why);
    expect(error.message).not.toContain('A secret outside');
  });

  it('in an untrusted workspace reads nothing but open documents and the built-in acquis', async () => {
    const { dir } = workspace();
    const c = client({ cwd: dir });
    await c.initialize(dir, { workspaceTrusted: false });
    const uri = pathToFileURL(join(dir, 'draft.draft')).href;
    await c.open(uri, '1. States should cooperate on coastal signalling.\n');
    const error = await errorOf(compare(c, dir, pathToFileURL(join(dir, 'revisions', 'old.draft')).href));
    expect(error.code).toBe(-32803);
    expect(error.message).toContain('not trusted');
    // An open document and a built-in acquis document are still fine.
    const old = pathToFileURL(join(dir, 'revisions', 'old.draft')).href;
    await c.open(old, '1. States cooperate on coastal signalling.\n');
    expect(await compare(c, dir, old)).toContain('<html');
    expect(await compare(c, dir, pathToFileURL(join(ROOT, 'server', 'acquis', 'A-70-174.draft')).href)).toContain('<html');
  });
});
