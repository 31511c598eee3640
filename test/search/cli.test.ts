/** `acquis search` through the CLI as a process: ranking, filters, marks, lineage, JSON, odd input. */
import { describe, expect, it } from 'vitest';
import { acquis, cleanTempDirs, describeRun, requireBuild, tempDir, writeFiles } from '../cli/helpers.js';
import { SEARCH_ACQUIS } from './fixtures.js';

requireBuild();
cleanTempDirs();

interface JsonHit {
  symbol: string;
  pinpoint: string;
  citation: string;
  adoption: { kind: string; inFavour?: number };
  year: number | null;
  body: string | null;
  text: string;
  score: number;
  marks: Array<{ start: number; end: number }>;
  lineage: Array<{ symbol: string; pinpoint: string }>;
}
interface JsonOut {
  version: number;
  query: string;
  unknownWords: string[];
  results: JsonHit[];
}

function project(): string {
  const dir = tempDir();
  writeFiles(dir, SEARCH_ACQUIS);
  return dir;
}

function searchJson(dir: string, ...args: string[]): JsonOut {
  const r = acquis(['search', ...args, '--no-builtin', '--acquis', 'acquis', '--format', 'json'], dir);
  expect(r.status, describeRun(r)).toBe(0);
  return JSON.parse(r.stdout) as JsonOut;
}

describe('acquis search', () => {
  it('ranks by relevance, then consensus before vote, then recency, with lineage', () => {
    const out = searchJson(project(), 'protect lighthouse keepers from interference');
    expect(out.version).toBe(1);
    const [first, second] = out.results;
    // The same formulation twice: the consensus report comes before the resolution adopted by vote.
    expect(first!.citation).toBe('A/99/100, para. 4');
    expect(first!.adoption).toEqual({ kind: 'consensus' });
    expect(second!.citation).toBe('A/RES/80/7, PP2');
    expect(second!.adoption).toMatchObject({ kind: 'vote', inFavour: 120 });
    for (const other of out.results.slice(2)) expect(first!.score).toBeGreaterThan(other.score);
    // Lineage: the same formulation in the resolution.
    expect(first!.lineage.map((l) => `${l.symbol} ${l.pinpoint}`)).toContain('A/RES/80/7 PP2');
    // Marks cover the query's words in the text.
    const marked = first!.marks.map((m) => first!.text.slice(m.start, m.end));
    expect(marked).toContain('protect lighthouse keepers');
    expect(marked).toContain('from interference');
  });

  it('puts the more recent of two equally relevant consensus texts first', () => {
    const out = searchJson(project(), 'lighthouse keepers');
    const consensus = out.results.filter((r) => r.adoption.kind === 'consensus').map((r) => r.symbol);
    expect(consensus.indexOf('A/99/100')).toBeLessThan(consensus.indexOf('A/97/50'));
  });

  it('rare words weigh more than common ones', () => {
    const out = searchJson(project(), 'States tidal');
    // "tidal" is in two precedents, "States" in most: both tidal paragraphs come first.
    expect(out.results.slice(0, 2).every((r) => /tidal/.test(r.text))).toBe(true);
  });

  it('filters: --consensus-only, --body, --since, --limit', () => {
    const dir = project();
    expect(searchJson(dir, 'lighthouse', '--consensus-only').results.every((r) => r.adoption.kind === 'consensus')).toBe(true);
    expect(searchJson(dir, 'lighthouse', '--body', 'ga').results.map((r) => r.symbol)).toEqual(['A/RES/80/7', 'A/RES/80/7']);
    expect(searchJson(dir, 'lighthouse keepers', '--since', '2030').results.every((r) => (r.year ?? 0) >= 2030)).toBe(true);
    expect(searchJson(dir, 'lighthouse', '--limit', '1').results).toHaveLength(1);
  });

  it('prints symbol, paragraph, adoption, year, marked words and lineage as text', () => {
    const r = acquis(['search', 'protect lighthouse keepers', '--no-builtin', '--acquis', 'acquis'], project());
    expect(r.status, describeRun(r)).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('1. A/99/100, para. 4 (consensus, 2031) relevance 100%');
    expect(lines[1]).toContain('States should *protect lighthouse keepers* and their beacons');
    expect(lines[2]).toBe('   Also in: A/RES/80/7, PP2 (recorded vote 120-10-30, Fourth Committee, 2033)');
  });

  it('takes quotes, backslashes and SQL in the search terms as words', () => {
    const dir = project();
    for (const query of ['"DROP TABLE harbours; --"', "harbours' OR '1'='1", 'C:\\harbour\\beacons', 'beacons\\', "'; DELETE FROM x; --"]) {
      const r = acquis(['search', query, '--no-builtin', '--acquis', 'acquis', '--format', 'json'], dir);
      expect(r.status, describeRun(r)).toBe(0);
      const out = JSON.parse(r.stdout) as JsonOut;
      expect(out.query).toBe(query);
      if (/harbour/.test(query)) expect(out.results[0]!.symbol).toBe('A/98/9');
    }
  });

  it('says when nothing is found, and names words the acquis never uses', () => {
    const r = acquis(['search', 'zeppelins', '--no-builtin', '--acquis', 'acquis'], project());
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('No agreed language found for "zeppelins" (not in the acquis: zeppelins).\n');
  });

  it('rejects a search without words and a bad --limit (exit 2)', () => {
    const dir = project();
    const empty = acquis(['search', ' ;; ', '--no-builtin', '--acquis', 'acquis'], dir);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('give some words to search for');
    const bad = acquis(['search', 'lighthouse', '--limit', 'ten', '--no-builtin', '--acquis', 'acquis'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--limit needs a whole number');
  });

  it('searches the built-in acquis by default', () => {
    const r = acquis(['search', 'critical infrastructure', '--consensus-only', '--format', 'json']);
    expect(r.status, describeRun(r)).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.results[0]!.citation).toBe('A/65/201, para. 18 (i)');
  });
});
