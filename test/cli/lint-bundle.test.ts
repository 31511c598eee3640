/**
 * `acquis lint` runs from a bundle of its own (dist/cli-lint.js, chosen by bin/acquis.js) that
 * loads only what a lint needs: the same command as in the whole CLI, no node:crypto for a plain
 * lint, and a built-in acquis snapshot trusted only while its sources are those it was made from.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquis, BIN, cleanTempDirs, CLI_BUNDLE, DEMO, describeRun, requireBuild, ROOT, tempDir } from './helpers';

requireBuild();
cleanTempDirs();

const QUOTE = 'Further dialogue among States to discuss norms pertaining to State use of ICTs, to reduce collective risk and protect critical national and international infrastructure.';

describe('the lint bundle', () => {
  it('offers the same `lint` command as the whole CLI', () => {
    const own = acquis(['lint', '--help']);
    const whole = spawnSync(process.execPath, [CLI_BUNDLE, 'lint', '--help'], { encoding: 'utf8', timeout: 30_000 });
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('Usage: acquis lint');
    expect(own.stdout).toBe(whole.stdout);
  });

  it('lints a draft without loading node:crypto (nothing is hashed when nothing is written back)', () => {
    const dir = tempDir();
    const probe = join(dir, 'probe.js');
    writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(2, process.moduleLoadList.includes('NativeModule crypto') ? 'crypto loaded\\n' : 'no crypto\\n'));\n");
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'lint', DEMO, '--max-severity', 'none'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, describeRun(r as never)).toBe(0);
    expect(r.stderr).toBe('no crypto\n');
  });

  it('reads a built-in source edited after the snapshot, even at the same size, instead of the snapshot', () => {
    // A copy of the package: the lint bundle, the snapshot and the built-in acquis.
    const pkg = join(tempDir(), 'acquis');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    for (const path of ['package.json', 'bin', 'server/acquis', 'dist/cli-lint.js', 'dist/builtin-acquis.json']) cpSync(join(ROOT, path), join(pkg, path), { recursive: true, preserveTimestamps: true });
    const draft = join(pkg, 'q.draft');
    writeFileSync(draft, `1. ${QUOTE}\n`);
    const lint = (): string => {
      const r = spawnSync(process.execPath, [join(pkg, 'bin', 'acquis.js'), 'lint', draft, '--max-severity', 'none'], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, describeRun(r as never)).toBe(0);
      return r.stdout;
    };
    expect(lint()).toContain('info precedent.agreed Agreed language: A/65/201, para. 18 (i)');
    const source = join(pkg, 'server', 'acquis', 'A-65-201.draft');
    const text = readFileSync(source, 'utf8');
    expect(text).toContain('collective risk');
    writeFileSync(source, text.replace('collective risk', 'collective harm'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    expect(lint()).toContain('precedent.deviation Departure from agreed language of A/65/201, para. 18 (i) (consensus, 2010): "risk" for "harm".');
  });
});
