/**
 * Project configuration, read identically by the CLI and the language server: which acquis to use,
 * rule severities and options, and the severity at which a run fails.
 * The file is `acquis.config.yaml` at the project root; see README, "Configuration".
 */
import Ajv from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Span } from '../../../grammar/src/index.js';
import schema from './data/config-schema.json';
import { RULE_OPTIONS, type OptionType } from './rules/options.js';
import { RULES } from './rules/registry.js';
import type { FixLevelSetting } from './fixes.js';
import type { Severity } from './rules/rule.js';
import { didYouMean } from './text/did-you-mean.js';

export const CONFIG_FILE_NAMES = ['acquis.config.yaml', 'acquis.config.yml', 'acquis.config.json'];

export type RuleSetting = Severity | 'off' | ({ severity?: Severity | 'off' } & Record<string, unknown>);

export interface AcquisConfig {
  /** Use the acquis shipped with Acquis (default true). */
  builtin: boolean;
  /** Extra folders of adopted `.draft` documents, relative to the config file. */
  acquis: string[];
  /** A shared acquis on PostgreSQL (`postgres://...`), read besides the local one (README, "Find agreed language"). */
  store?: string;
  /** A run fails (exit code 1) on a finding at or above this severity; `none` never fails. */
  failOn: Severity | 'none';
  rules: Record<string, RuleSetting>;
  /**
   * An acquis document of the project with the same symbol as a built-in one: `error` (the
   * default) stops with both files named; `project` or `builtin` says which one is used.
   */
  duplicates?: 'error' | 'project' | 'builtin';
  /** How far automatic fixing goes (fix-all, `--fix`, fix-on-save); default `editorial`. */
  fixLevel?: FixLevelSetting;
}

export const DEFAULT_CONFIG: AcquisConfig = { builtin: true, acquis: [], failOn: 'warning', rules: {} };

/** The top-level keys of the configuration, from its schema (so a key added there is known here). */
export const CONFIG_KEYS: string[] = Object.keys(schema.properties);

export interface ConfigProblem {
  message: string;
  span: Span;
}

let validator: ReturnType<Ajv['compile']> | undefined;
/** Compiled on first use: most runs have no configuration file, and start-up time counts. */
function validate(value: unknown): boolean {
  validator ??= new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
  return validator(value) as boolean;
}

/** Read a configuration file's text; problems carry spans into that text. */
export function parseConfig(text: string): { config: AcquisConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: ConfigProblem[] = doc.errors.map((e) => ({
    message: e.message.split('\n')[0]!,
    span: { start: e.pos[0], end: e.pos[1] },
  }));
  if (problems.length) return { config: { ...DEFAULT_CONFIG }, problems };
  let value: Partial<AcquisConfig>;
  try {
    // A bounded alias count: a "billion laughs" file is refused instead of filling the memory.
    value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Partial<AcquisConfig>;
  } catch (error) {
    return { config: { ...DEFAULT_CONFIG }, problems: [{ message: `The configuration cannot be read (${(error as Error).message.replace(/\.$/, '')}).`, span: { start: 0, end: 0 } }] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { config: { ...DEFAULT_CONFIG }, problems: [{ message: 'The configuration must be a map of settings (`key: value` lines).', span: { start: 0, end: text.length } }] };
  }
  const at = (path: string[], atKey = false): Span => {
    const range = nodeAt(doc.contents as Node | null, path, atKey)?.range ?? [0, 0];
    return { start: range[0], end: range[1] };
  };
  if (!validate(value)) {
    for (const error of validator?.errors ?? []) {
      const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const unknown = error.params && 'additionalProperty' in error.params ? String(error.params.additionalProperty) : undefined;
      if (unknown !== undefined) {
        // An unknown key is reported at the key itself, not at the object that holds it.
        const message = `Unknown setting (\`${unknown}\`).${didYouMean(unknown, CONFIG_KEYS)} Allowed keys: ${CONFIG_KEYS.join(', ')}.`;
        problems.push({ message, span: at([...path, unknown], true) });
        continue;
      }
      const where = path.length ? `\`${path.join('.')}\`` : 'The configuration';
      const allowed = error.params && 'allowedValues' in error.params ? `: one of ${(error.params.allowedValues as string[]).join(', ')}` : '';
      problems.push({ message: `${where} ${error.message}${allowed}.`, span: at(path) });
    }
  }
  if (!problems.length && value.rules) problems.push(...checkRules(value.rules as Record<string, unknown>, at));
  if (problems.length) return { config: { ...DEFAULT_CONFIG }, problems };
  return { config: { ...DEFAULT_CONFIG, ...value, rules: { ...(value.rules ?? {}) } }, problems };
}

const SEVERITY_VALUES = ['error', 'warning', 'info', 'hint', 'off'];

/** `rules:` against the registry: known rule ids, a severity, and each rule's own options with their types. */
function checkRules(rules: Record<string, unknown>, at: (path: string[], atKey?: boolean) => Span): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const ids = RULES.map((r) => r.id);
  for (const [id, setting] of Object.entries(rules)) {
    if (!ids.includes(id)) {
      problems.push({ message: `Unknown rule \`${id}\`.${didYouMean(id, ids)} See \`acquis rules\` or docs/rules.md for the rules.`, span: at(['rules', id], true) });
      continue;
    }
    if (typeof setting === 'string') {
      if (!SEVERITY_VALUES.includes(setting)) {
        problems.push({ message: `\`rules.${id}\` must be equal to one of the allowed values: one of ${SEVERITY_VALUES.join(', ')} (not ${JSON.stringify(setting)}).`, span: at(['rules', id]) });
      }
      continue;
    }
    if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) {
      problems.push({ message: `\`rules.${id}\` must be a severity (${SEVERITY_VALUES.join(', ')}) or a map of options, not ${describeValue(setting)}.`, span: at(['rules', id]) });
      continue;
    }
    const options: Record<string, OptionType> = { severity: { type: 'severity' }, ...(RULE_OPTIONS[id] ?? {}) };
    for (const [key, optionValue] of Object.entries(setting)) {
      const type = options[key];
      if (!type) {
        const names = Object.keys(options);
        problems.push({
          message: `Rule \`${id}\` has no option \`${key}\`.${didYouMean(key, names)} Its options: ${names.join(', ')}.`,
          span: at(['rules', id, key], true),
        });
        continue;
      }
      const wrong = typeMismatch(optionValue, type);
      if (wrong) problems.push({ message: `\`rules.${id}.${key}\` must be ${wrong}, not ${describeValue(optionValue)}.`, span: at(['rules', id, key]) });
    }
  }
  return problems;
}

/** What `value` should have been, or undefined when it is of `type`. */
function typeMismatch(value: unknown, type: OptionType): string | undefined {
  switch (type.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'a number';
      return type.minimum !== undefined && value < type.minimum ? `a number of at least ${type.minimum}` : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'a list of strings';
    case 'severity':
      return typeof value === 'string' && SEVERITY_VALUES.includes(value) ? undefined : `one of ${SEVERITY_VALUES.join(', ')}`;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${String(value)}`;
}

function nodeAt(node: Node | null, path: string[], atKey: boolean): Node | null {
  let current: Node | null = node;
  for (const key of path) {
    if (isMap(current)) {
      // Point at the key of the pair: for an unknown key, that is the mistake.
      const pair = current.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === key);
      const keyNode = pair?.key as Node | undefined;
      const valueNode = pair?.value as Node | undefined;
      const last = key === path[path.length - 1];
      current = (last && atKey ? keyNode : (valueNode ?? keyNode)) ?? current;
      continue;
    }
    else if (isSeq(current)) current = (current.get(Number(key), true) as Node | undefined) ?? current;
    else break;
  }
  return current;
}

/** The effective severity and options of a rule under `config`. */
export function ruleSetting(
  config: AcquisConfig,
  ruleId: string,
  defaultSeverity: Severity,
): { severity: Severity | 'off'; options: Record<string, unknown> } {
  const setting = config.rules[ruleId];
  if (setting === undefined) return { severity: defaultSeverity, options: {} };
  if (typeof setting === 'string') return { severity: setting, options: {} };
  const { severity, ...options } = setting;
  return { severity: severity ?? defaultSeverity, options };
}
