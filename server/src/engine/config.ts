/**
 * Project configuration, read identically by the CLI and the language server: which acquis to use,
 * rule severities and options, and the severity at which a run fails.
 * The file is `acquis.config.yaml` at the project root; see README, "Configuration".
 */
import Ajv from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Span } from '../../../grammar/src/index.js';
import schema from './data/config-schema.json';
import type { FixLevelSetting } from './fixes.js';
import type { Severity } from './rules/rule.js';

export const CONFIG_FILE_NAMES = ['acquis.config.yaml', 'acquis.config.yml', 'acquis.config.json'];

export type RuleSetting = Severity | 'off' | ({ severity?: Severity | 'off' } & Record<string, unknown>);

export interface AcquisConfig {
  /** Use the acquis shipped with Acquis (default true). */
  builtin: boolean;
  /** Extra folders of adopted `.draft` documents, relative to the config file. */
  acquis: string[];
  /** A run fails (exit code 1) on a finding at or above this severity; `none` never fails. */
  failOn: Severity | 'none';
  rules: Record<string, RuleSetting>;
  /** How far automatic fixing goes (fix-all, `--fix`, fix-on-save); default `editorial`. */
  fixLevel?: FixLevelSetting;
}

export const DEFAULT_CONFIG: AcquisConfig = { builtin: true, acquis: [], failOn: 'warning', rules: {} };

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
    // An alias bomb (aliases of aliases) would expand beyond memory: refused past 100 aliases.
    value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Partial<AcquisConfig>;
  } catch (error) {
    return { config: { ...DEFAULT_CONFIG }, problems: [{ message: `The configuration cannot be read (${(error as Error).message.replace(/\.$/, '')}).`, span: { start: 0, end: 0 } }] };
  }
  if (!validate(value)) {
    for (const error of validator?.errors ?? []) {
      const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      // An unknown key is reported at the key itself, not at the object that holds it.
      if (error.params && 'additionalProperty' in error.params) path.push(String(error.params.additionalProperty));
      const node = nodeAt(doc.contents as Node | null, path, !!(error.params && 'additionalProperty' in error.params));
      const range = node?.range ?? [0, 0];
      const unknown = error.params && 'additionalProperty' in error.params;
      const where = unknown ? 'Unknown setting' : path.length ? `\`${path.join('.')}\`` : 'The configuration';
      const allowed = error.params && 'allowedValues' in error.params ? `: one of ${(error.params.allowedValues as string[]).join(', ')}` : '';
      const extra = error.params && 'additionalProperty' in error.params ? ` (\`${String(error.params.additionalProperty)}\`)` : '';
      const message = unknown ? `${where}${extra}: allowed keys are builtin, acquis, failOn, fixLevel and rules.` : `${where} ${error.message}${allowed}.`;
      problems.push({ message, span: { start: range[0], end: range[1] } });
    }
    return { config: { ...DEFAULT_CONFIG }, problems };
  }
  return { config: { ...DEFAULT_CONFIG, ...value, rules: { ...(value.rules ?? {}) } }, problems };
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
