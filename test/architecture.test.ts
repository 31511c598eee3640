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
