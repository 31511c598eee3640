/**
 * The real test of the importer: A/73/505 (seed 004), the First Committee's report with draft
 * resolutions I (became 73/27) and II (became 73/266), imported and compared paragraph by
 * paragraph, through the real parser, with the hand transcriptions in server/acquis.
 *
 * The seeds live outside the repository (ACQUIS_SEEDS overrides ../shared/seeds); without them
 * these tests are skipped, visibly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { importDocument, type ImportResult } from '../../server/src/engine/import/import';
import { createEngine } from '../../server/src/engine/index';
import { draftUnits as units, type Unit } from './draft-units';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEEDS_DIR = process.env['ACQUIS_SEEDS'] ?? resolve(ROOT, '..', 'shared', 'seeds');
const SEED = join(SEEDS_DIR, '004_6c968ad1fcba2b60.txt');
const seedPresent = existsSync(SEED);
if (!seedPresent) console.warn(`import seed test: ${SEED} not found; golden tests of the importer skipped (set ACQUIS_SEEDS)`);
const describeWithSeed = seedPresent ? describe : describe.skip;

const acquisFile = (name: string): string => readFileSync(join(ROOT, 'server', 'acquis', name), 'utf8');

describeWithSeed('importing A/73/505 (seed 004)', () => {
  const raw = seedPresent ? readFileSync(SEED, 'utf8') : '';
  const cases = [
    { resolution: 'I', symbol: 'A/RES/73/27', adoption: 'vote 109-45-16', file: 'A-RES-73-27.draft', paragraphs: 21 + 1 + 13 + 6 + 4 + 1 },
    { resolution: 'II', symbol: 'A/RES/73/266', adoption: 'vote 139-11-18', file: 'A-RES-73-266.draft', paragraphs: 15 + 6 + 4 + 1 },
  ];

  for (const c of cases) {
    describe(`draft resolution ${c.resolution} -> ${c.file}`, () => {
      let result: ImportResult;
      const imported = (): ImportResult => (result ??= importDocument(raw, { resolution: c.resolution, symbol: c.symbol, adoption: c.adoption }));

      it('parses with no syntax problem and nothing left unclassified', () => {
        expect(parse(imported().draft).problems).toEqual([]);
        expect(imported().unclassified).toEqual([]);
      });

      it('has every paragraph with the right label and exactly the words of the hand transcription', () => {
        const expected = units(acquisFile(c.file));
        const actual = units(imported().draft);
        expect(expected).toHaveLength(c.paragraphs);
        // Label by label first, for a readable failure; then the whole list, footnotes included.
        expect(actual.map((u) => u.label)).toEqual(expected.map((u) => u.label));
        actual.forEach((u, i) => expect(u.text, u.label).toBe(expected[i]!.text));
        expect(actual).toEqual(expected);
      });

      it('has the front matter of the adopted text', () => {
        const hand = parse(acquisFile(c.file)).document.frontMatter!.fields;
        const fields = parse(imported().draft).document.frontMatter!.fields;
        for (const key of ['title', 'symbol', 'body', 'year', 'kind', 'adoption', 'adopted-by', 'adopted-on', 'draft']) {
          expect(fields[key], key).toBe(hand[key]);
        }
      });
    });
  }

  it('gives the same result whatever the page furniture, blank lines and line ends of the extraction', () => {
    const options = { resolution: 'I', symbol: 'A/RES/73/27', adoption: 'vote 109-45-16' };
    const plain = importDocument(raw, options).draft;
    // Page heads and feet as other extractions print them, between lines and inside paragraphs.
    const lines = raw.split('\n');
    const paged = lines.flatMap((l, i) => (i % 37 === 36 ? [l, '', '18-19355 3/20', '', '*1819355*', '', 'A/73/505', ''] : [l])).join('\n');
    const withHeads = importDocument(paged, options);
    expect(withHeads.unclassified).toEqual([]);
    // The repeated symbol is recognised as the report's own: the source names it.
    expect(withHeads.draft).toContain('source: A/73/505, draft resolution I\n');
    expect(withHeads.draft.replace('source: A/73/505, draft resolution I\n', '')).toBe(plain);
    expect(importDocument(raw.replace(/\n\s*\n/g, '\n'), options).draft).toBe(plain);
    expect(importDocument(raw.replace(/\n/g, '\r\n'), options).draft).toBe(plain);
  });

  it('finds the adoption of each draft resolution in the report when none is given', () => {
    const r = importDocument(raw);
    expect(r.documents.map((d) => [d.resolution, d.draftSymbol, d.adoption, d.adoptedOn])).toEqual([
      ['I', 'A/C.1/73/L.27/Rev.1', 'vote 109-45-16', '2018-11-08'],
      ['II', 'A/C.1/73/L.37', 'vote 139-11-18', '2018-11-08'],
    ]);
    const one = importDocument(raw, { resolution: '1', symbol: 'A/RES/73/27' });
    expect(parse(one.draft).document.frontMatter!.fields['adoption']).toBe('vote 109-45-16');
  });

  it('imports the whole report: its chapters, its eleven paragraphs and both resolutions', () => {
    const r = importDocument(raw);
    expect(r.kind).toBe('report');
    expect(parse(r.draft).problems).toEqual([]);
    expect(r.unclassified).toEqual([]);
    const all = units(r.draft);
    const numbered = all.filter((u) => /^\d+$/.test(u.label)).map((u) => u.label);
    expect(numbered).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    // Each resolution's paragraphs are those of its own import, in order.
    const first = all.findIndex((u) => u.label === 'PP1');
    const second = all.findIndex((u, i) => i > first && u.label === 'PP1');
    const strip = (us: Unit[]) => us.map((u) => [u.label, u.text, u.notes]);
    expect(strip(all.slice(first - 1, second - 1))).toEqual(strip(units(acquisFile('A-RES-73-27.draft'))));
    expect(strip(all.slice(second - 1))).toEqual(strip(units(acquisFile('A-RES-73-266.draft'))));
    const headings = r.draft.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# I. Introduction',
      '# II. Consideration of proposals',
      '## A. Draft resolution A/C.1/73/L.27/Rev.1',
      '## B. Consideration of draft resolution A/C.1/73/L.37',
      '# III. Recommendation of the First Committee',
      '## Draft resolution I: Developments in the field of information and telecommunications in the context of international security',
      '## Draft resolution II: Advancing responsible State behaviour in cyberspace in the context of international security',
    ]);
    // The report's own damage is repaired too ("Sta te", "Uni ted", "People ’s", footnote digits).
    expect(r.draft).not.toMatch(/Sta te|Uni ted|People ’s|follows:4/);
    expect(r.draft).toContain('The voting was as follows:[^4]');
  });

  it('makes a precedent the linter finds: rule 1.2, adopted by a vote of 109-45-16', () => {
    const imported = importDocument(raw, { resolution: 'I', symbol: 'A/RES/73/27', adoption: 'vote 109-45-16' }).draft;
    const engine = createEngine([{ uri: 'imported/A-RES-73-27.draft', text: imported }]);
    expect(engine.acquisProblems).toEqual([]);
    const draft = [
      '---',
      'title: Draft report',
      '---',
      '',
      '12. States must meet their international obligations regarding internationally wrongful acts attributable to them under international law.',
      '',
    ].join('\n');
    const { findings } = engine.lint('draft.draft', draft);
    const vote = { kind: 'vote', inFavour: 109, against: 45, abstaining: 16 };
    // Verbatim text adopted by vote is one finding (one finding per span): precedent.voted, not also precedent.agreed.
    expect(findings.filter((f) => f.ruleId === 'precedent.agreed')).toEqual([]);
    const found = findings.filter((f) => f.ruleId === 'precedent.voted');
    expect(found).toHaveLength(1);
    expect(found[0]!.precedent).toMatchObject({ symbol: 'A/RES/73/27', paragraph: '1.2', adoption: vote });
  });
});
