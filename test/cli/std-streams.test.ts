/**
 * server/src/cli/std-streams.ts as a child process uses it: a long text is encoded in slices, and
 * the bytes on the descriptor are exactly the text's UTF-8, whatever falls on a slice's edge.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'acquis-std-streams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The texts the child writes, each followed by the next, in order. */
function texts(): string[] {
  const chunk = 1 << 16;
  // A surrogate pair across each of the first slices' edges, then every kind of character.
  const straddling = 'a'.repeat(chunk - 1) + '\u{1F30D}' + 'b'.repeat(chunk - 2) + '\u{1F30D}' + 'c';
  const mixed = Array.from({ length: 30_000 }, (_, i) => ['x', '“', 'é', '\u{1D11E}', '\n', '’'][i % 6]).join('');
  // Around the length from which a text is encoded into the reused buffer rather than one of its own.
  const medium = [1364, 1365, 1366].map((n) => 'é“x'.repeat(n).slice(0, n));
  return ['short “text”\n', straddling, ...medium, mixed, 'z'.repeat(chunk), 'end\n'];
}

function child(): string {
  const entry = join(dir, 'child.cjs');
  const result = buildSync({
    stdin: {
      contents: `import { stdout } from './server/src/cli/std-streams';\nfor (const t of (${texts.toString()})()) stdout.write(t);\n`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
  });
  writeFileSync(entry, result.outputFiles[0]!.text);
  return entry;
}

describe('standard output', () => {
  it('writes a long text, surrogate pairs on slice edges included, as its exact UTF-8', () => {
    const run = spawnSync(process.execPath, [child()], { encoding: 'buffer', maxBuffer: 64 << 20, timeout: 30_000 });
    expect(run.status).toBe(0);
    const expected = Buffer.from(texts().join(''), 'utf8');
    expect(run.stdout.length).toBe(expected.length);
    expect(run.stdout.equals(expected)).toBe(true);
  });
});
