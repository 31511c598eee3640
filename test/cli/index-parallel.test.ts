/**
 * `acquis index --jobs N` reads the acquis on worker threads and merges what they read in file
 * order: the index file is byte for byte the one a single thread writes, a lint with either finds
 * the same, and a broken acquis document is reported the same way.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDraft } from '../../bench/draft-gen';
import { writeSyntheticAcquis } from '../../bench/acquis-gen';
import { acquis, DEMO, FIXTURES, LIGHTHOUSE_ACQUIS, requireBuild, ROOT, tempDir } from './helpers';

requireBuild();

describe('acquis index on worker threads', () => {
  let dir: string;
  let synthetic: string;

  beforeAll(() => {
    dir = tempDir();
    const builtin = readdirSync(join(ROOT, 'server', 'acquis')).map((n) => readFileSync(join(ROOT, 'server', 'acquis', n), 'utf8'));
    const draft = generateDraft();
    writeFileSync(join(dir, 'draft-10k.draft'), draft.draft);
    // 4,000 synthetic paragraphs in 40 files (so that every worker gets several slices).
    synthetic = writeSyntheticAcquis(join(dir, 'acquis'), 4_000, [...builtin, draft.txt]).dir;
  });

  /** With ACQUIS_DEBUG=1 the CLI says on how many threads it read the acquis. */
  const indexed = (...args: string[]) => {
    process.env.ACQUIS_DEBUG = '1';
    try {
      return acquis(['index', ...args], dir, 120_000);
    } finally {
      delete process.env.ACQUIS_DEBUG;
    }
  };

  it('writes the same bytes on one thread and on two, and lints the same with either', () => {
    const one = indexed(synthetic, LIGHTHOUSE_ACQUIS, '-o', 'one.idx', '--jobs', '1');
    expect(one.status).toBe(0);
    expect(one.stderr).toMatch(/reading \d+ acquis files on 1 thread\n/);
    const two = indexed(synthetic, LIGHTHOUSE_ACQUIS, '-o', 'two.idx', '--jobs', '2');
    expect(two.status).toBe(0);
    // Really on workers, not one thread twice.
    expect(two.stderr).toMatch(/reading \d+ acquis files on 2 threads\n/);
    const a = readFileSync(join(dir, 'one.idx'));
    const b = readFileSync(join(dir, 'two.idx'));
    expect(a.length).toBeGreaterThan(1 << 20);
    expect(Buffer.compare(a, b)).toBe(0);

    const drafts = [join(dir, 'draft-10k.draft'), DEMO, join(FIXTURES, 'lighthouse.draft')];
    const lintOne = acquis(['lint', ...drafts, '--format', 'json', '--index', 'one.idx'], dir, 120_000);
    const lintTwo = acquis(['lint', ...drafts, '--format', 'json', '--index', 'two.idx'], dir, 120_000);
    expect(lintOne.status).toBe(1);
    const findings = (JSON.parse(lintOne.stdout) as { files: Array<{ findings: unknown[] }> }).files.flatMap((f) => f.findings);
    expect(findings.length).toBeGreaterThan(50);
    expect(lintTwo.stdout).toBe(lintOne.stdout);
    expect(lintTwo.status).toBe(lintOne.status);
  });

  it('reports a broken acquis document the same way on workers', () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    for (let i = 0; i < 12; i++) writeFileSync(join(broken, `doc-${String(i).padStart(2, '0')}.draft`), readFileSync(join(synthetic, readdirSync(synthetic)[i]!)));
    // No symbol: unfit to be precedent, with its file, line and column.
    writeFileSync(join(broken, 'doc-07.draft'), '---\ntitle: No symbol\nadoption: consensus\n---\n\nPP1 Recalling its resolutions on the matter at hand,\n');
    const one = acquis(['index', broken, '-o', 'b1.idx', '--jobs', '1'], dir, 60_000);
    const two = acquis(['index', broken, '-o', 'b2.idx', '--jobs', '3'], dir, 60_000);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/doc-07\.draft:1:1: .*symbol/);
    expect(two.status).toBe(one.status);
    expect(two.stderr).toBe(one.stderr);
  });
});
