/**
 * The grammar kept with the parser (grammar/src/recorded-grammar.json) is exactly what Chevrotain
 * records from grammar/src/parser.ts, rule by rule; a parser built from it has the same productions
 * (after Chevrotain resolved them), the same lookahead decisions, and parses the samples, the
 * built-in acquis and fuzzed text as a parser that records its grammar does.
 * ACQUIS_WRITE_GRAMMAR=1 rewrites the table (after a change to grammar/src/parser.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { LLkLookaheadStrategy, type ILookaheadStrategy, type Rule } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { parserCorpus, parseTrace } from './parser-equivalence';
import { decisionKey } from '../../grammar/src/lookahead';
import { DraftParser } from '../../grammar/src/parser';
import { storeProduction, type StoredGrammar } from '../../grammar/src/recorded-grammar';

const TABLE = 'grammar/src/recorded-grammar.json';

const productions = (parser: DraftParser): Record<string, Rule> =>
  (parser as unknown as { getGAstProductions(): Record<string, Rule> }).getGAstProductions();

function stored(parser: DraftParser): StoredGrammar {
  return Object.fromEntries(Object.entries(productions(parser)).map(([name, rule]) => [name, storeProduction(rule)]));
}

/** A lookahead strategy that lists the decisions Chevrotain asks it for, as Chevrotain's own builds them. */
function listing(keys: string[]): ILookaheadStrategy {
  const llk = new LLkLookaheadStrategy({ maxLookahead: 2 });
  return {
    validate: (options) => llk.validate(options),
    buildLookaheadForAlternation(options) {
      keys.push(`${decisionKey(options.rule.name, 'Alternation', options.prodOccurrence)}:${options.hasPredicates}:${options.dynamicTokensEnabled}`);
      return llk.buildLookaheadForAlternation(options);
    },
    buildLookaheadForOptional(options) {
      keys.push(`${decisionKey(options.rule.name, options.prodType, options.prodOccurrence)}:${options.dynamicTokensEnabled}`);
      return llk.buildLookaheadForOptional(options);
    },
  };
}

describe('recorded grammar table', () => {
  it('holds what Chevrotain records from the grammar', () => {
    const recording = new DraftParser(undefined, {});
    const computed = stored(recording);
    if (process.env.ACQUIS_WRITE_GRAMMAR === '1') writeFileSync(TABLE, `${JSON.stringify(computed)}\n`);
    const kept = JSON.parse(readFileSync(TABLE, 'utf8')) as StoredGrammar;
    expect(Object.keys(computed).length).toBeGreaterThan(15);
    expect(kept, `${TABLE} is out of date: run ACQUIS_WRITE_GRAMMAR=1 npx vitest run test/grammar/recorded-grammar.test.ts`).toEqual(computed);
  });

  it('gives a parser with the same productions and decisions, which records nothing', () => {
    const recordedKeys: string[] = [];
    const recording = new DraftParser(listing(recordedKeys), {});
    const tableKeys: string[] = [];
    const fromTable = new DraftParser(listing(tableKeys));
    expect(stored(fromTable)).toEqual(stored(recording));
    // The same classes with the same own fields in the same order, so V8 gives them the same shapes.
    const shapes = (rules: Record<string, Rule>): string[] => {
      const out: string[] = [];
      const walk = (prod: object): void => {
        out.push(`${prod.constructor.name}(${Object.keys(prod).join(',')})`);
        if (!('nonTerminalName' in prod)) for (const child of (prod as { definition?: object[] }).definition ?? []) walk(child);
      };
      Object.values(rules).forEach(walk);
      return out;
    };
    expect(shapes(productions(fromTable))).toEqual(shapes(productions(recording)));
    expect(new Set(shapes(productions(recording))).size).toBeGreaterThan(5);
    expect(tableKeys).toEqual(recordedKeys);
    // Chevrotain resolved the rule references of the built productions as of the recorded ones.
    const refs = (rules: Record<string, Rule>): string[] =>
      JSON.stringify(Object.values(rules), (key, value) => (key === 'referencedRule' ? `->${value.name}` : value)).match(/->\w+/g) ?? [];
    expect(refs(productions(fromTable))).toEqual(refs(productions(recording)));
    expect(refs(productions(fromTable)).length).toBeGreaterThan(10);
    // The grammar's rules were not run: no alternatives list was made while building it.
    expect((fromTable as unknown as { topCache?: unknown }).topCache).toBeUndefined();
    expect((recording as unknown as { topCache?: unknown }).topCache).toBeDefined();
  });

  it('parses as a parser that records its grammar', () => {
    const fromTable = new DraftParser();
    const recording = new DraftParser(undefined, {});
    for (const text of parserCorpus(17)) expect(parseTrace(fromTable, text), JSON.stringify(text.slice(0, 120))).toBe(parseTrace(recording, text));
  });
});
