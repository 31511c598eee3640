/**
 * `acquis import ... -o <folder>`: a committee report split into one adopted document per draft
 * resolution, each accepted by an acquis folder; a GGE/OEWG report adopted by consensus; outputs
 * that would not be valid acquis documents refused (exit 2, nothing written); and an input that
 * used to grow quadratically (100,000 lines of `a-`) imported in bounded memory.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { acquis, cleanTempDirs, describeRun, requireBuild, ROOT, tempDir, writeFiles } from '../cli/helpers';
import { spawnSync } from 'node:child_process';
import { BIN } from '../cli/helpers';
import { draftUnits } from './draft-units';

requireBuild();
cleanTempDirs();

const SEEDS_DIR = process.env['ACQUIS_SEEDS'] ?? resolve(ROOT, '..', 'shared', 'seeds');
const SEED = join(SEEDS_DIR, '004_6c968ad1fcba2b60.txt');
const itWithSeed = existsSync(SEED) ? it : it.skip;
if (!existsSync(SEED)) console.warn(`import split test: ${SEED} not found; the A/73/505 cases are skipped`);

const acquisFile = (name: string): string => readFileSync(join(ROOT, 'server', 'acquis', name), 'utf8');
const RULE_1_2 =
  '1. States should meet their international obligations regarding internationally wrongful acts attributable to them under international law.\n';

const GGE_REPORT = [
  'Report of the Group of Lighthouse Experts',
  'I. Introduction',
  '1. The Group met four times in 2030 to study the lighthouses of the world and the ways in which keepers cooperate.',
  '2. The Group adopted the present report by consensus at its fourth session, on 5 May 2030.',
  'II. Recommendations',
  '3. States should keep their lighthouses lit at night and in fog, and should share the timetables of their lights.',
].join('\n');

describe('acquis import -o <folder>', () => {
  itWithSeed('splits A/73/505 into its two resolutions, with their votes, accepted by `lint --acquis`', () => {
    const dir = tempDir();
    writeFiles(dir, { 'in/A-73-505.txt': readFileSync(SEED, 'utf8'), 'quote.draft': RULE_1_2 });
    const r = acquis(['import', 'in', '-o', 'acq/', '--symbol', 'I=A/RES/73/27', '--symbol', 'II=A/RES/73/266'], dir, 60_000);
    expect(r.status, describeRun(r)).toBe(0);
    expect(readdirSync(join(dir, 'acq')).sort()).toEqual(['A-RES-73-266.draft', 'A-RES-73-27.draft']);
    for (const name of ['A-RES-73-27.draft', 'A-RES-73-266.draft']) {
      const text = readFileSync(join(dir, 'acq', name), 'utf8');
      expect(parse(text).problems).toEqual([]);
      expect(draftUnits(text)).toEqual(draftUnits(acquisFile(name)));
    }
    expect(readFileSync(join(dir, 'acq', 'A-RES-73-27.draft'), 'utf8')).toContain('\nadoption: vote 109-45-16\n');
    expect(readFileSync(join(dir, 'acq', 'A-RES-73-266.draft'), 'utf8')).toContain('\nadoption: vote 139-11-18\n');

    const lint = acquis(['lint', 'quote.draft', '--acquis', 'acq', '--no-builtin', '--max-severity', 'none'], dir);
    expect(lint.status, describeRun(lint)).toBe(0);
    expect(lint.stdout).toContain('A/RES/73/27, para. 1.2 (recorded vote 109-45-16');
  });

  itWithSeed('without the adopted symbols, uses the draft symbols and says so with file and line', () => {
    const dir = tempDir();
    writeFiles(dir, { 'A-73-505.txt': readFileSync(SEED, 'utf8') });
    const r = acquis(['import', 'A-73-505.txt', '-o', 'acq'], dir, 60_000);
    expect(r.status, describeRun(r)).toBe(0);
    expect(readdirSync(join(dir, 'acq')).sort()).toEqual(['A-C.1-73-L.27-Rev.1.draft', 'A-C.1-73-L.37.draft']);
    expect(r.stderr).toMatch(/^A-73-505\.txt:\d+: warning: no symbol given: the draft's symbol A\/C\.1\/73\/L\.27\/Rev\.1 is used/m);
    const lint = acquis(['lint', join(dir, 'acq', 'A-C.1-73-L.37.draft'), '--acquis', 'acq', '--no-builtin', '--max-severity', 'none'], dir);
    expect(lint.status, describeRun(lint)).toBe(0);
  });

  it('takes the adopted symbol from the report when it names it ("adopted as resolution 99/1")', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'report.txt': [
        'I. Introduction',
        '1. At its 5th meeting, on 3 November 2099, the Committee adopted draft resolution A/C.1/99/L.4 without a vote (see para. 3, draft resolution I).',
        '2. The General Assembly later adopted draft resolution I as resolution 99/1.',
        'II. Recommendation of the First Committee',
        '3. The First Committee recommends to the General Assembly the adoption of the following draft resolution:',
        'Draft resolution I',
        'Lighthouses in the context of maritime security',
        'The General Assembly,',
        'Recalling its resolution 98/1,',
        '1. Decides to keep the lighthouses lit;',
        '2. Also decides to include the item in its agenda.',
      ].join('\n'),
    });
    const r = acquis(['import', 'report.txt', '-o', 'acq/'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const text = readFileSync(join(dir, 'acq', 'A-RES-99-1.draft'), 'utf8');
    expect(text).toContain('\nsymbol: A/RES/99/1\n');
    expect(text).toContain('\nadoption: consensus\n');
    expect(text).toContain('\ndraft: A/C.1/99/L.4\n');
  });

  it('links a report\'s draft resolution to the printed resolution it became: one document, with the report\'s vote', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'in/report.txt': [
        'I. Introduction',
        '1. At its 5th meeting, on 3 November 2099, the Committee adopted draft resolution A/C.1/99/L.4 by a recorded vote of 120 to 10, with 5 abstentions (see para. 3, draft resolution I).',
        'II. Recommendation of the First Committee',
        '3. The First Committee recommends to the General Assembly the adoption of the following draft resolution:',
        'Draft resolution I',
        'Lighthouses in the context of maritime security',
        'The General Assembly,',
        'Recalling its resolution 98/1,',
        '1. Decides to keep the lighthouses lit;',
      ].join('\n'),
      'in/res.txt': [
        'Resolution adopted by the General Assembly on 5 December 2099',
        '99/1. Lighthouses in the context of maritime security',
        'The General Assembly,',
        'Recalling its resolution 98/1,',
        '1. Decides to keep the lighthouses lit;',
      ].join('\n'),
      'lit.draft': '1. Decides to keep the lighthouses lit;\n',
    });
    const r = acquis(['import', 'in', '-o', 'acq'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(readdirSync(join(dir, 'acq'))).toEqual(['A-RES-99-1.draft']);
    expect(r.stderr).toContain('in/report.txt: draft resolution I is A/RES/99/1 (in/res.txt): written once, from the printed text, with the adoption the report records (vote 120-10-5)');
    expect(r.stderr).not.toContain('warning');
    const text = readFileSync(join(dir, 'acq', 'A-RES-99-1.draft'), 'utf8');
    expect(text).toContain('\nadoption: vote 120-10-5\n');
    expect(text).toContain('\ndraft: A/C.1/99/L.4\n');
    const lint = acquis(['lint', 'lit.draft', '--acquis', 'acq', '--no-builtin', '--max-severity', 'none'], dir);
    expect(lint.status, describeRun(lint)).toBe(0);
    expect(lint.stdout).toContain('A/RES/99/1, para. 1 (recorded vote 120-10-5');
  });

  it('gives a GGE report adopted by consensus `adoption: consensus`', () => {
    const dir = tempDir();
    writeFiles(dir, { 'gge.txt': GGE_REPORT });
    const r = acquis(['import', 'gge.txt', '-o', 'acq/', '--symbol', 'A/99/100'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const text = readFileSync(join(dir, 'acq', 'A-99-100.draft'), 'utf8');
    expect(text).toContain('\nkind: report\n');
    expect(text).toContain('\nadoption: consensus\n');
    const lint = acquis(['lint', join(dir, 'acq', 'A-99-100.draft'), '--acquis', 'acq', '--no-builtin', '--max-severity', 'none'], dir);
    expect(lint.status, describeRun(lint)).toBe(0);
  });

  it('refuses (exit 2, nothing written) a report that does not say how it was adopted', () => {
    const dir = tempDir();
    writeFiles(dir, { 'gge.txt': GGE_REPORT.replace('2. The Group adopted the present report by consensus', '2. The Group met') });
    const r = acquis(['import', 'gge.txt', '-o', 'acq/', '--symbol', 'A/99/100'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('gge.txt: error: not a valid acquis document: A/99/100: the report does not say it was adopted by consensus');
    expect(existsSync(join(dir, 'acq'))).toBe(false);
    // With the adoption given, it is an adopted text.
    const given = acquis(['import', 'gge.txt', '-o', 'acq/', '--symbol', 'A/99/100', '--adoption', 'consensus'], dir);
    expect(given.status, describeRun(given)).toBe(0);
  });

  it('refuses a batch as a whole when one input cannot be read', () => {
    const dir = tempDir();
    writeFiles(dir, { 'in/gge.txt': GGE_REPORT, 'in/broken.pdf': 'not a pdf' });
    const r = acquis(['import', 'in', '-o', 'acq/'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toMatch(/in\/broken\.pdf: error: /);
    expect(existsSync(join(dir, 'acq'))).toBe(false);
  });
});

describe('acquis import on hostile input', () => {
  it('imports 100,000 lines of `a-` quickly, in bounded memory, into a valid .draft', () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.txt': 'a-\n'.repeat(100_000) });
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, 'import', 'a.txt', '-o', 'a.draft'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const seconds = (Date.now() - started) / 1000;
    expect(r.status, r.stderr.slice(0, 2000)).toBe(0);
    expect(seconds).toBeLessThan(30);
    expect(parse(readFileSync(join(dir, 'a.draft'), 'utf8')).problems).toEqual([]);
    // The same warning is printed 20 times, then counted.
    expect(r.stderr.split('\n').length).toBeLessThan(100);
    expect(r.stderr).toMatch(/warning: \d+ more warning\(s\) like: hyphen at a line end kept/);
  });

  it('pairs up quotation marks the source leaves open, with a warning, so the draft is valid', () => {
    const dir = tempDir();
    writeFiles(dir, { 'q.txt': ['I. Introduction', '1. The Group quoted “the first words of a text.', '2. And ” a stray mark.'].join('\n') });
    const r = acquis(['import', 'q.txt', '-o', 'q.draft'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const text = readFileSync(join(dir, 'q.draft'), 'utf8');
    expect(parse(text).problems).toEqual([]);
    expect(text).toContain('“the first words of a text.”');
    expect(r.stderr).toMatch(/^q\.txt:2: warning: a quotation mark the source does not pair/m);
    expect(r.stderr).toMatch(/^q\.txt:3: warning: a quotation mark the source does not pair/m);
  });
});
