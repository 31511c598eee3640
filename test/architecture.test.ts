/**
 * Boundaries: the syntax layer and the engine know nothing of files, processes or editors.
 * Only the CLI (and later the language server) may import them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const FORBIDDEN = /from '(?:node:)?(?:fs|fs\/promises|child_process|path|os|process|net)'|from 'vscode[\w-]*'|\bprocess\.|\brequire\(/;

describe.each(['grammar/src', 'server/src/engine'])('%s', (dir) => {
  it.each(sources(dir))('%s imports no file system, process or editor API', (file) => {
    const offending = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => FORBIDDEN.test(line) && !line.trimStart().startsWith('//') && !line.trimStart().startsWith('*'));
    expect(offending).toEqual([]);
  });
});

it('the grammar does not import the engine', () => {
  for (const file of sources('grammar/src')) expect(readFileSync(file, 'utf8')).not.toMatch(/from '\.\.\/\.\.\/server/);
});

/** Every module a file imports (static `from '...'` and dynamic `import('...')`), as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

/**
 * The engine's entry points: its index, the entry of each subsystem a command loads on its own
 * (so that `acquis compare` does not evaluate lint, the configuration or the report), and the
 * line index, a leaf that commands which never lint use for positions.
 */
const ENGINE_ENTRY = /(^|\/)engine\/(index|amendments\/index|compare\/index|report\/index|import\/index|search\/index|text\/line-index)\.js$/;

describe('the shells and the host layer', () => {
  const shells = [...sources('server/src/cli'), ...sources('server/src/lsp')];

  it.each(sources('server/src/lsp'))('%s imports nothing from the CLI', (file) => {
    expect(importsOf(file).filter((m) => /(^|\/)cli\//.test(m))).toEqual([]);
  });

  it.each(shells)('%s reaches the engine only through its entry points', (file) => {
    expect(importsOf(file).filter((m) => /(^|\/)engine\//.test(m) && !ENGINE_ENTRY.test(m))).toEqual([]);
  });

  it.each([...shells, ...sources('server/src/host')])('%s reaches the syntax layer only through its index', (file) => {
    expect(importsOf(file).filter((m) => /grammar\/src\//.test(m) && !/grammar\/src\/index\.js$/.test(m))).toEqual([]);
  });

  it.each(sources('server/src/host'))('%s (host layer) imports no editor protocol, no CLI and no server', (file) => {
    const bad = importsOf(file).filter((m) => /^vscode/.test(m) || /(^|\/)(cli|lsp)\//.test(m) || /^commander$/.test(m));
    expect(bad).toEqual([]);
  });

  it.each(sources('server/src/host'))('%s reaches the engine only through its index', (file) => {
    expect(importsOf(file).filter((m) => /(^|\/)engine\//.test(m) && !/(^|\/)engine\/index\.js$/.test(m))).toEqual([]);
  });

  it('the checks see imports (they would catch a deep import)', () => {
    expect(importsOf('server/src/lsp/engines.ts')).toContain('../host/build-engine.js');
    expect(importsOf('server/src/cli/engine-for.ts')).toContain('../host/build-engine.js');
  });
});
