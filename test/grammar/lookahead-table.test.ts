/**
 * The lookahead paths kept with the grammar (grammar/src/lookahead-paths.json) are exactly the
 * ones Chevrotain computes from the grammar, for every decision the parser has; the parser built
 * from them parses the samples and fuzzed text as one computing its lookahead does.
 * ACQUIS_WRITE_LOOKAHEAD=1 rewrites the table (after a change to grammar/src/parser.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LLkLookaheadStrategy, type ILookaheadStrategy } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { computedPaths, decisionKey, pathNames, tableLookahead, type PathTable } from '../../grammar/src/lookahead';
import { DraftParser } from '../../grammar/src/parser';
import { allTokens, draftLexer } from '../../grammar/src/tokens';

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

function tree(parser: DraftParser, text: string): string {
  parser.input = draftLexer.tokenize(text).tokens;
  const cst = parser.document();
  return JSON.stringify(cst, (key, value) => (key === 'tokenType' ? value.name : value)) + JSON.stringify(parser.errors.map((e) => [e.name, e.token.startOffset, e.message]));
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
    const texts = readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readFileSync(join('samples', f), 'utf8'));
    texts.push(...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).slice(0, 20).map((f) => readFileSync(join('server/acquis', f), 'utf8')));
    const pieces = ['1. ', 'PP3. ', '(a) ', '# ', '// c', '> ', '[^1]: ', '[^2]', '{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '{>>', '<<}', '{==', '==}', '[', ']', '|', '“', '”', '"', 'A/RES/70/237', 'resolution 73/27', 'paragraph 3 above', ', para. 13', 'States', '(', ')', ',', ' ', '\n', '\n\n', '---\n', 'title: x\n'];
    let seed = 11;
    const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 1500; k++) {
      let text = '';
      for (let i = 1 + Math.floor(next() * 14); i > 0; i--) text += pieces[Math.floor(next() * pieces.length)];
      texts.push(text);
    }
    for (const text of texts) expect(tree(fromTable, text), JSON.stringify(text.slice(0, 120))).toBe(tree(computing, text));
  });
});
