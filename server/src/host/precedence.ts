/**
 * The one precedence rule of configuration, for the CLI and the language server alike:
 *
 *   command-line option or editor setting  >  project file (acquis.config.yaml)  >  defaults
 *
 * A choice the user made for this run or this editor wins over the project's file, which wins
 * over the defaults. Per key: a single value is taken from the first layer that sets it; a map
 * (`rules`) is merged key by key, with the same order deciding each rule; a list (acquis folders)
 * adds up, since `--acquis` and `acquis.acquisPaths` name extra folders. A key that a layer does
 * not set (undefined or null, as an editor sends for an unset setting) leaves the next layer's.
 */
import { DEFAULT_CONFIG, type AcquisConfig } from '../engine/index.js';

/** What the user chose for this run (command line) or this resource (editor settings). */
export type ConfigChoices = { [K in keyof AcquisConfig]?: AcquisConfig[K] | null };

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The effective configuration: `choices` over `project` over the defaults. */
export function effectiveConfig(choices: ConfigChoices, project: Partial<AcquisConfig> | undefined): AcquisConfig {
  const layers = [DEFAULT_CONFIG, project ?? {}, choices] as Array<Record<string, unknown>>;
  // (choices is compared by identity below: it is the last layer.)
  const keys = new Set(layers.flatMap((layer) => Object.keys(layer)));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    let value: unknown;
    for (const layer of layers) {
      const v = layer[key];
      if (v === undefined || v === null) continue;
      // A list: the project's replaces the default; the user's adds to it.
      if (Array.isArray(v)) value = layer === choices && Array.isArray(value) ? [...value, ...v] : [...v];
      else if (isMap(v)) value = { ...(isMap(value) ? value : {}), ...v };
      else value = v;
    }
    if (value !== undefined) out[key] = value;
  }
  return out as unknown as AcquisConfig;
}
