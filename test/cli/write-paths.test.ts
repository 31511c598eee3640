/**
 * Every write goes through server/src/host/text-file.ts (README, "What Acquis guarantees about
 * your files"): no other module of the product writes, renames or deletes files by itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const WRITERS = /\b(writeFileSync|writeFile|appendFileSync|appendFile|renameSync|rename|copyFileSync|copyFile|unlinkSync|unlink|rmSync|rm|createWriteStream|truncateSync|ftruncateSync|writeSync)\s*\(/;
// std-streams.ts writes to descriptors 1 and 2 only (standard output and error), never to a file it opens.
const ALLOWED = new Set(['server/src/host/text-file.ts', 'server/src/cli/std-streams.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|mts|cts)$/.test(name) ? [full] : [];
  });
}

describe('write paths', () => {
  it('only host/text-file.ts writes, renames or removes files in server/src and grammar/src', () => {
    const offenders: string[] = [];
    for (const file of [...sources(join(ROOT, 'server', 'src')), ...sources(join(ROOT, 'grammar', 'src'))]) {
      const path = relative(ROOT, file).split('\\').join('/');
      if (ALLOWED.has(path)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (WRITERS.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
