/**
 * The grammar as Chevrotain records it (its GAST: rules, alternations, repetitions, terminals),
 * kept with the grammar (recorded-grammar.json) so that a parser's construction rebuilds it from
 * the table instead of running every rule in Chevrotain's recording mode: that recording was most
 * of `performSelfAnalysis` (about 3 ms of every start). The same Chevrotain classes are built,
 * with the same fields in the same order; Chevrotain then resolves and analyses them as it would the recorded ones.
 *
 * The table is derived from the grammar: test/grammar/recorded-grammar.test.ts records the grammar
 * the usual way and fails when the table differs (ACQUIS_WRITE_GRAMMAR=1 rewrites it). A rule
 * missing from the table is recorded as before.
 */
import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type IProduction,
  type TokenType,
} from 'chevrotain';

/** A production of the table: its kind, its fields (a token type by its name) and its children. */
export interface StoredProduction {
  kind: string;
  fields: Record<string, string | number | boolean | { token: string }>;
  definition?: StoredProduction[];
}

/** Per rule name, its stored production (kind `Rule`). */
export type StoredGrammar = Record<string, StoredProduction>;

type Production = IProduction & Record<string, unknown>;
type Kind = { prototype: object };

/** The classes by the kind names the table uses (not their `name`, which a minifier changes). */
const KINDS: ReadonlyArray<[string, Kind]> = [
  ['Rule', Rule as unknown as Kind],
  ['NonTerminal', NonTerminal as unknown as Kind],
  ['Terminal', Terminal as unknown as Kind],
  ['Alternation', Alternation as unknown as Kind],
  ['Alternative', Alternative as unknown as Kind],
  ['Option', Option as unknown as Kind],
  ['RepetitionMandatoryWithSeparator', RepetitionMandatoryWithSeparator as unknown as Kind],
  ['RepetitionMandatory', RepetitionMandatory as unknown as Kind],
  ['RepetitionWithSeparator', RepetitionWithSeparator as unknown as Kind],
  ['Repetition', Repetition as unknown as Kind],
];

/** Fields that are not data: the children (stored apart) and what Chevrotain resolves later. */
const SKIPPED = new Set(['_definition', 'definition', 'referencedRule']);

const isToken = (value: unknown): value is TokenType =>
  typeof value === 'object' && value !== null && typeof (value as { tokenTypeIdx?: unknown }).tokenTypeIdx === 'number';

/** A recorded production as the table stores it (the tests write the table with it). */
export function storeProduction(prod: IProduction): StoredProduction {
  const entry = KINDS.find(([, kind]) => Object.getPrototypeOf(prod) === kind.prototype);
  if (!entry) throw new Error(`A production of an unknown kind: ${String((prod as object).constructor?.name)}`);
  const fields: StoredProduction['fields'] = {};
  for (const [key, value] of Object.entries(prod)) {
    if (SKIPPED.has(key) || value === undefined) continue;
    if (isToken(value)) fields[key] = { token: value.name };
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
    else throw new Error(`A production field the table cannot keep: ${entry[0]}.${key}`);
  }
  const out: StoredProduction = { kind: entry[0], fields };
  if (entry[0] !== 'NonTerminal' && entry[0] !== 'Terminal') out.definition = (prod as unknown as { definition: IProduction[] }).definition.map(storeProduction);
  return out;
}

/**
 * The production `stored` describes, as recording builds it: an object of Chevrotain's own class
 * with the same own fields in the same order (its constructor only assigns them, through lodash
 * helpers whose first, cold run cost as much as the recording saved). Undefined when the table
 * names a kind or a token this Chevrotain or grammar does not have.
 */
export function buildProduction(stored: StoredProduction, tokens: ReadonlyMap<string, TokenType>): Production | undefined {
  const kind = KINDS.find(([name]) => name === stored.kind)?.[1];
  if (!kind) return undefined;
  const prod = Object.create(kind.prototype) as Production;
  // Every production but a terminal starts with its children (a rule reference: none of its own).
  if (stored.kind !== 'Terminal') {
    const definition: Production[] = [];
    for (const child of stored.definition ?? []) {
      const built = buildProduction(child, tokens);
      if (!built) return undefined;
      definition.push(built);
    }
    prod._definition = definition;
  }
  for (const key in stored.fields) {
    const value = stored.fields[key]!;
    if (typeof value === 'object') {
      const type = tokens.get(value.token);
      if (!type) return undefined;
      prod[key] = type;
    } else prod[key] = value;
  }
  return prod;
}
