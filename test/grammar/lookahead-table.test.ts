/**
 * The lookahead paths kept with the grammar (grammar/src/lookahead-paths.json) are exactly the
 * ones Chevrotain computes from the grammar, for every decision the parser has; the parser built
 * from them parses the samples and fuzzed text as one computing its lookahead does.
 * ACQUIS_WRITE_LOOKAHEAD=1 rewrites the table (after a change to grammar/src/parser.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { LLkLookaheadStrategy, type ILookaheadStrategy } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { parserCorpus, parseTrace } from './parser-equivalence';
import { computedPaths, decisionKey, pathNames, tableLookahead, type PathTable } from '../../grammar/src/lookahead';
import { DraftParser } from '../../grammar/src/parser';
import { allTokens } from '../../grammar/src/tokens';

const TABLE = 'grammar/src/lookahead-paths.json';

/** Every decision of the grammar with its paths, as Chevrotain computes them (it asks for all at construction). */
function grammarTable(): PathTable {
  const table: PathTable = {};
  const llk = new LLkLookaheadStrategy({ maxLookahead: 2 });
  const recorder: ILookaheadStrategy = {
    validate: (options) => llk.validate(options),
    buildLookaheadForAlternation(options) {
      table[decisionKey(options.rule.name, 'Alternation', options.prodOccurrence)] = pathNames(computedPaths(options.rule, 'Alternation', options.prodOccurrence, options.maxLookahead));
      return llk.buildLookaheadForAlternation(options);
    },
    buildLookaheadForOptional(options) {
      table[decisionKey(options.rule.name, options.prodType, options.prodOccurrence)] = pathNames(computedPaths(options.rule, options.prodType, options.prodOccurrence, options.maxLookahead));
      return llk.buildLookaheadForOptional(options);
    },
  };
  new DraftParser(recorder);
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe('lookahead table', () => {
  it('holds the paths Chevrotain computes for every decision of the grammar', () => {
    const computed = grammarTable();
    if (process.env.ACQUIS_WRITE_LOOKAHEAD === '1') writeFileSync(TABLE, `${JSON.stringify(computed)}\n`);
    const kept = JSON.parse(readFileSync(TABLE, 'utf8')) as PathTable;
    expect(Object.keys(computed).length).toBeGreaterThan(10);
    expect(kept, `${TABLE} is out of date: run ACQUIS_WRITE_LOOKAHEAD=1 npx vitest run test/grammar/lookahead-table.test.ts`).toEqual(computed);
  });

  it('parses as a parser that computes its lookahead', () => {
    const fromTable = new DraftParser();
    const computing = new DraftParser(tableLookahead(2, allTokens, {}));
    for (const text of parserCorpus(11)) expect(parseTrace(fromTable, text), JSON.stringify(text.slice(0, 120))).toBe(parseTrace(computing, text));
  });
});
