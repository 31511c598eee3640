/**
 * Start-up: `acquis <command>` evaluates that command's module and the libraries it needs, and
 * not the others' (main.ts loads commands with dynamic imports; esbuild keeps them lazy in the
 * bundle). The modules are watched through mocks that record when they are first evaluated.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../server/src/cli/io';

const { loaded, watch } = vi.hoisted(() => {
  const loaded = new Set<string>();
  const watch =
    (name: string) =>
    async (original: () => Promise<unknown>): Promise<unknown> => {
      loaded.add(name);
      return original();
    };
  return { loaded, watch };
});
// The configuration module is where YAML and Ajv come in.
vi.mock('../../server/src/engine/config', watch('config'));
vi.mock('../../server/src/cli/commands/lint', watch('lint'));
vi.mock('../../server/src/cli/commands/compare', watch('compare'));
vi.mock('../../server/src/cli/commands/import', watch('import'));
vi.mock('../../server/src/cli/commands/report', watch('report'));
vi.mock('../../server/src/cli/commands/resolve', watch('resolve'));
vi.mock('../../server/src/engine/compare/index', watch('engine/compare'));
vi.mock('../../server/src/engine/import/import', watch('engine/import'));
vi.mock('../../server/src/engine/report/index', watch('engine/report'));

async function run(argv: string[]): Promise<{ code: number; stdout: string }> {
  const { main } = await import('../../server/src/cli/main');
  let stdout = '';
  const io: Io = { cwd: process.cwd(), stdout: (s) => (stdout += s), stderr: () => undefined };
  return { code: await main(argv, io), stdout };
}

beforeEach(() => {
  vi.resetModules();
  loaded.clear();
});

describe('commands load lazily', () => {
  it('`acquis compare --help` evaluates compare and nothing of lint, import, report, resolve or the configuration (YAML, Ajv)', async () => {
    const r = await run(['compare', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: acquis compare');
    expect([...loaded].sort()).toEqual(['compare', 'engine/compare']);
  });

  it('`acquis resolve --help` evaluates resolve only', async () => {
    expect((await run(['resolve', '--help'])).code).toBe(0);
    expect([...loaded].sort()).toEqual(['resolve']);
  });

  it('`acquis lint --help` does not evaluate the other commands or their engines', async () => {
    expect((await run(['lint', '--help'])).code).toBe(0);
    expect(loaded.has('lint')).toBe(true);
    expect(loaded.has('config')).toBe(true);
    for (const other of ['compare', 'import', 'report', 'resolve', 'engine/compare', 'engine/import', 'engine/report']) expect(loaded.has(other)).toBe(false);
  });

  it('`acquis --help` lists every command (and so loads them)', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['lint', 'rules', 'import', 'resolve', 'view', 'compile', 'compare', 'report', 'lsp']) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(r.stdout).toContain('lint [options] <files...>');
  });
});
