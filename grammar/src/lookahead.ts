/**
 * The parser's lookahead: Chevrotain's own LL(k) decisions, built from a table of their token
 * paths that is kept with the grammar (lookahead-paths.json) instead of walking the grammar for
 * them at run time. Walking it for the few decisions one paragraph reaches was most of that
 * paragraph's parse (about 6 ms); the table is read once, and each decision's function is still
 * built the first time the parser reaches it, by Chevrotain's own builders.
 *
 * The table is derived from the grammar: test/grammar/lookahead-table.test.ts computes every
 * decision's paths with Chevrotain's `getLookaheadPaths` and fails when the table differs
 * (ACQUIS_WRITE_LOOKAHEAD=1 rewrites it). A decision missing from the table is computed as before.
 */
import { getLookaheadPaths, LLkLookaheadStrategy, type ILookaheadStrategy, type TokenType } from 'chevrotain';
// Chevrotain's builders of a decision function from its paths, and its token matchers. Its package
// exports only its API, so the modules are named by their files; the version is pinned.
// @ts-expect-error Chevrotain ships types for its API only.
import * as untypedLookahead from '../../node_modules/chevrotain/lib/src/parse/grammar/lookahead.js';
// @ts-expect-error Chevrotain ships types for its API only.
import * as untypedTokens from '../../node_modules/chevrotain/lib/src/scan/tokens.js';
import table from './lookahead-paths.json';

/** Per decision, its alternatives, each a list of paths, each a list of token names. */
export type PathTable = Record<string, string[][][]>;
type Paths = TokenType[][][];
type Matcher = (token: unknown, type: TokenType) => boolean;
type Decide = ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']>;
type DecideOptional = ReturnType<ILookaheadStrategy['buildLookaheadForOptional']>;

const builders = untypedLookahead as {
  buildAlternativesLookAheadFunc(paths: Paths, hasPredicates: boolean, matcher: Matcher, dynamicTokensEnabled: boolean): Decide;
  buildSingleAlternativeLookaheadFunction(paths: TokenType[][], matcher: Matcher, dynamicTokensEnabled: boolean): DecideOptional;
  areTokenCategoriesNotUsed(paths: Paths): boolean;
};
const matchers = untypedTokens as { tokenStructuredMatcher: Matcher; tokenStructuredMatcherNoCategories: Matcher };

/** The table's key of a decision: the rule, the production kind (`Alternation`, `Repetition`...) and its occurrence. */
export function decisionKey(rule: string, prodType: string, occurrence: number): string {
  return `${rule}/${prodType}/${occurrence}`;
}

/** A decision's paths, by token name. */
export function pathNames(paths: Paths): string[][][] {
  return paths.map((alt) => alt.map((path) => path.map((type) => type.name)));
}

/** The paths of one decision as Chevrotain computes them from the grammar. */
export function computedPaths(rule: Parameters<typeof getLookaheadPaths>[0]['rule'], prodType: string, occurrence: number, maxLookahead: number): Paths {
  return getLookaheadPaths({ occurrence, rule, prodType: prodType as 'Alternation', maxLookahead }) as Paths;
}

/** As Chevrotain chooses: the plain matcher unless a path holds a token with categories. */
const matcherFor = (paths: Paths): Matcher => (builders.areTokenCategoriesNotUsed(paths) ? matchers.tokenStructuredMatcherNoCategories : matchers.tokenStructuredMatcher);

/**
 * The LL(`maxLookahead`) strategy over `tokens` (every token type the paths may name), with each
 * decision's function built on first use from the table's paths.
 */
export function tableLookahead(maxLookahead: number, tokens: readonly TokenType[], paths: PathTable = table as PathTable): ILookaheadStrategy {
  let byName: Map<string, TokenType> | undefined;
  const resolve = (names: string[][][]): Paths | undefined => {
    byName ??= new Map(tokens.map((type) => [type.name, type]));
    const out: Paths = [];
    for (const alt of names) {
      const paths: TokenType[][] = [];
      for (const path of alt) {
        const types: TokenType[] = [];
        for (const name of path) {
          const type = byName.get(name);
          if (!type) return undefined;
          types.push(type);
        }
        paths.push(types);
      }
      out.push(paths);
    }
    return out;
  };
  const pathsOf = (rule: Parameters<typeof computedPaths>[0], prodType: string, occurrence: number, k: number): Paths => {
    const names = k === maxLookahead ? paths[decisionKey(rule.name, prodType, occurrence)] : undefined;
    return (names && resolve(names)) ?? computedPaths(rule, prodType, occurrence, k);
  };
  const llk = new LLkLookaheadStrategy({ maxLookahead });
  return {
    // Grammar validations (run in the tests only: grammar/src/parser.ts) are Chevrotain's own.
    validate: (options) => llk.validate(options),
    buildLookaheadForAlternation(options) {
      let decide: Decide | undefined;
      // Chevrotain calls the function with the parser as `this`.
      return function (this: unknown, alts) {
        if (!decide) {
          const found = pathsOf(options.rule, 'Alternation', options.prodOccurrence, options.maxLookahead);
          decide = builders.buildAlternativesLookAheadFunc(found, options.hasPredicates, matcherFor(found), options.dynamicTokensEnabled);
        }
        return decide.call(this, alts);
      };
    },
    buildLookaheadForOptional(options) {
      let decide: DecideOptional | undefined;
      return function (this: unknown) {
        if (!decide) {
          const found = pathsOf(options.rule, options.prodType, options.prodOccurrence, options.maxLookahead);
          decide = builders.buildSingleAlternativeLookaheadFunction(found[0]!, matcherFor(found), options.dynamicTokensEnabled);
        }
        return decide.call(this);
      };
    },
  };
}
