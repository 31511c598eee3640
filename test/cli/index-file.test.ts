/**
 * The persistent index through the CLI as a process: `acquis index` writes it, and a lint finds
 * exactly the same, byte for byte, whether the acquis comes from its folders, from the index file
 * (`--index`) or from the automatic cache (first run writes it, the next reads it), on the
 * samples, the fixtures and the 10,000-word bench draft. The cache follows the sources' bytes.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDraft } from '../../bench/draft-gen';
import { writeSyntheticAcquis } from '../../bench/acquis-gen';
import { acquis, FIXTURES, LIGHTHOUSE_ACQUIS, requireBuild, ROOT, tempDir } from './helpers';

requireBuild();

const SAMPLES = readdirSync(join(ROOT, 'samples'))
  .filter((n) => n.endsWith('.draft'))
  .map((n) => join(ROOT, 'samples', n));

describe('acquis index and --index', () => {
  let dir: string;
  let synthetic: string;
  let drafts: string[];
  const saved = { ...process.env };

  beforeAll(() => {
    dir = tempDir();
    const builtin = readdirSync(join(ROOT, 'server', 'acquis')).map((n) => readFileSync(join(ROOT, 'server', 'acquis', n), 'utf8'));
    const draft = generateDraft();
    writeFileSync(join(dir, 'draft-10k.draft'), draft.draft);
    // 3,000 paragraphs of synthetic acquis sharing the bench draft's words, plus the lighthouse fixture.
    synthetic = writeSyntheticAcquis(join(dir, 'acquis'), 3_000, [...builtin, draft.txt]).dir;
    drafts = [...SAMPLES, join(FIXTURES, 'lighthouse.draft'), join(FIXTURES, 'lighthouse-quote.draft'), join(dir, 'draft-10k.draft')];
    process.env.ACQUIS_CACHE_DIR = join(dir, 'cache');
    process.env.ACQUIS_INDEX_CACHE_MIN_BYTES = '0';
  });

  afterAll(() => {
    process.env = saved;
  });

  const lint = (...acquisArgs: string[]) => acquis(['lint', ...drafts, '--format', 'json', ...acquisArgs], dir, 120_000);

  it('finds the same from the folders, the index file and the cache', () => {
    const made = acquis(['index', synthetic, LIGHTHOUSE_ACQUIS, '-o', 'acquis.idx'], dir, 120_000);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^Indexed \d+ documents \(\d+ precedents, \d+ distinct words\) into acquis\.idx/);
    expect(readFileSync(join(dir, 'acquis.idx')).subarray(0, 8).toString('latin1')).toBe('ACQUISIX');

    process.env.ACQUIS_INDEX_CACHE = '0';
    const folders = lint('--acquis', synthetic, '--acquis', LIGHTHOUSE_ACQUIS);
    delete process.env.ACQUIS_INDEX_CACHE;
    expect(folders.status).toBe(1);
    const report = JSON.parse(folders.stdout) as { files: Array<{ findings: Array<{ rule?: string; ruleId?: string }> }> };
    // Not a vacuous comparison: the acquis is used (deviations from the synthetic and built-in texts).
    const findings = report.files.flatMap((f) => f.findings);
    expect(findings.length).toBeGreaterThan(50);

    const fromIndex = lint('--index', 'acquis.idx');
    expect(fromIndex.stderr).toBe('');
    expect(fromIndex.stdout).toBe(folders.stdout);
    expect(fromIndex.status).toBe(folders.status);

    const cacheDir = join(dir, 'cache', 'index');
    const writing = lint('--acquis', synthetic, '--acquis', LIGHTHOUSE_ACQUIS);
    expect(writing.stdout).toBe(folders.stdout);
    const [entry] = readdirSync(cacheDir);
    expect(entry).toMatch(/\.acqidx$/);
    const written = statSync(join(cacheDir, entry!)).mtimeMs;

    const reading = lint('--acquis', synthetic, '--acquis', LIGHTHOUSE_ACQUIS);
    expect(reading.stdout).toBe(folders.stdout);
    expect(reading.status).toBe(folders.status);
    // Read, not made again.
    expect(readdirSync(cacheDir)).toEqual([entry]);
    expect(statSync(join(cacheDir, entry!)).mtimeMs).toBe(written);
  });

  it('makes the cached index again when a source changes, and finds what the change makes', () => {
    const file = join(synthetic, readdirSync(synthetic).find((n) => n.endsWith('.draft'))!);
    rmSync(join(dir, 'cache'), { recursive: true, force: true });
    const before = lint('--acquis', synthetic);
    const [old] = readdirSync(join(dir, 'cache', 'index'));
    expect(old).toBeDefined();
    const text = readFileSync(file, 'utf8');
    // The bench draft's sentence 1 made agreed language by this change of acquis.
    const sentence = generateDraft().draft.split('\n').find((l) => /^\d+\. /.test(l))!.replace(/^\d+\. /, '').split('. ')[0]!;
    writeFileSync(file, `${text}\n\n999. ${sentence}.\n`);
    const after = lint('--acquis', synthetic);
    const entries = readdirSync(join(dir, 'cache', 'index'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).not.toBe(old);
    process.env.ACQUIS_INDEX_CACHE = '0';
    const fresh = lint('--acquis', synthetic);
    delete process.env.ACQUIS_INDEX_CACHE;
    expect(after.stdout).toBe(fresh.stdout);
    expect(after.stdout).not.toBe(before.stdout);
  });

  it('refuses a file that is not an index, and --index with --acquis', () => {
    writeFileSync(join(dir, 'not.idx'), 'hello');
    const bad = acquis(['lint', drafts[0]!, '--index', 'not.idx'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not.idx');
    expect(bad.stderr).toContain('not an acquis index file');
    const both = acquis(['lint', drafts[0]!, '--index', 'not.idx', '--acquis', synthetic], dir);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--index replaces the acquis folders');
    const noOutput = acquis(['index', synthetic], dir);
    expect(noOutput.status).toBe(2);
  });
});
