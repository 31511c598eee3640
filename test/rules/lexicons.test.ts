/**
 * Every lexicon is valid data, is read by a rule, and passes its own inline tests: each entry's
 * `matches` examples are matched by that entry alone, its `doesNotMatch` examples are not, and its
 * `fixes` examples give the text shown. Lexicon authors get CI for their examples this way.
 */
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, readDraft } from '../../server/src/engine/index';
import { attributionData } from '../../server/src/engine/rules/attribution-consensus';
import { citeSource, hitFixes, hitMessage, matchDraft, pairId, type Lexicon } from '../../server/src/engine/rules/lexicon';
import { normsObligationLexicon } from '../../server/src/engine/rules/norms-obligation';
import { styleCapitalsLexicon } from '../../server/src/engine/rules/style-capitals';
import { styleSpellingLexicon } from '../../server/src/engine/rules/style-spelling';
import { termContestedLexicon } from '../../server/src/engine/rules/term-contested';
import { termUnclearLexicon } from '../../server/src/engine/rules/term-unclear';

const DIR = 'server/src/engine/data/lexicons';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'lexicon.schema.json');

const LEXICONS: Record<string, () => Lexicon> = {
  'term.contested': termContestedLexicon,
  'term.unclear': termUnclearLexicon,
  'norms.obligation': normsObligationLexicon,
  'attribution.consensus': () => attributionData().views,
  'style.spelling': styleSpellingLexicon,
  'style.capitals': styleCapitalsLexicon,
};

/** An example as the only paragraph of a draft. */
const PREFIX = '1. ';
const asDraft = (example: string): string => `${PREFIX}${example}\n`;

describe('lexicon files', () => {
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(join(DIR, 'lexicon.schema.json'), 'utf8')));

  it('are all here', () => {
    expect(files.sort()).toEqual(
      ['attribution-consensus.json', 'norms-obligation.json', 'style-capitals.json', 'style-spelling.json', 'term-contested.json', 'term-unclear.json'],
    );
  });

  it.each(files)('%s follows the schema and is read by its rule', (file) => {
    const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { rule: string };
    const valid = validate(data);
    expect(validate.errors ?? [], file).toEqual([]);
    expect(valid).toBe(true);
    expect(Object.keys(LEXICONS)).toContain(data.rule);
    expect(LEXICONS[data.rule]!().rule).toBe(data.rule);
  });

  it('gives a pair the id its words make, ASCII or not', () => {
    const unicodeId = (from: string): string => `swap-${from.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
    const pairs = (JSON.parse(readFileSync('server/src/engine/data/spelling-variants.json', 'utf8')) as { pairs: Array<[string, string]> }).pairs;
    const froms = [...pairs.map(([from]) => from), 'Self-Defense', 'cyber  space', 'naïve behavior', 'İstanbul', '\u212Aelvin', 'ſtate', 'x_y.z', '  '];
    for (const from of froms) expect(pairId(from), from).toBe(unicodeId(from));
  });
});

describe.each(Object.entries(LEXICONS))('lexicon of %s', (rule, lexiconOf) => {
  const lexicon = lexiconOf();
  const cases = lexicon.entries.map((entry) => [entry.id, entry] as const);

  it('has entries, each with a source and an example it matches', () => {
    expect(lexicon.entries.length).toBeGreaterThan(0);
    for (const entry of lexicon.entries) {
      expect(entry.data.source.document, entry.id).toBeTruthy();
      expect(entry.data.tests.matches?.length ?? 0, entry.id).toBeGreaterThan(0);
    }
  });

  it.each(cases)('%s matches its examples, and only those', (_id, entry) => {
    const only = { only: (e: typeof entry) => e === entry };
    for (const example of entry.data.tests.matches ?? []) {
      const hits = matchDraft(lexicon, readDraft('x.draft', asDraft(example)), only);
      expect(hits.length, `should match: ${example}`).toBeGreaterThan(0);
    }
    for (const example of entry.data.tests.doesNotMatch ?? []) {
      const hits = matchDraft(lexicon, readDraft('x.draft', asDraft(example)), only);
      expect(hits.map((h) => h.text), `should not match: ${example}`).toEqual([]);
    }
    for (const [before, after] of entry.data.tests.fixes ?? []) {
      const text = asDraft(before);
      const [hit] = matchDraft(lexicon, readDraft('x.draft', text), only);
      expect(hit, `should match: ${before}`).toBeDefined();
      const [fix] = hitFixes(hit!);
      expect(fix, `should have a fix: ${before}`).toBeDefined();
      expect(applyEdits(text, fix!.edits)).toBe(asDraft(after));
    }
  });

  if (rule !== 'style.spelling' && rule !== 'style.capitals') {
    it.each(cases)('%s names its source in the message', (_id, entry) => {
      const [hit] = matchDraft(lexicon, readDraft('x.draft', asDraft(entry.data.tests.matches![0]!)), { only: (e) => e === entry });
      expect(hitMessage(hit!)).toContain(citeSource(entry.data.source));
    });
  }

  if (rule === 'term.contested' || rule === 'attribution.consensus') {
    it.each(cases)('%s says who objected', (_id, entry) => {
      expect(entry.data.objection, entry.id).toBeTruthy();
      expect(entry.data.source.who, entry.id).toBeTruthy();
    });
  }
});
