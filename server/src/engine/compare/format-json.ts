/**
 * JSON, version 1 (docs/compare.md, "JSON output"): the comparison as it is, plus `oldToNew`,
 * the new labels of each old paragraph (an empty list for a removed one), for scripts that only
 * want the renumbering. Fields are only ever added within a version.
 */
import type { Comparison } from './model.js';

export const COMPARE_JSON_VERSION = 1;

export interface CompareJson extends Comparison {
  version: 1;
  tool: 'acquis compare';
  /** Old label -> new labels (an empty list for a removed paragraph); `old.labels` gives the order. */
  oldToNew: Record<string, string[]>;
}

export function toCompareJson(c: Comparison): CompareJson {
  const newOf = new Map<string, string[]>();
  for (const r of c.redlines) for (const o of r.old) newOf.set(o, [...r.new]);
  const oldToNew: Record<string, string[]> = {};
  for (const label of c.old.labels) oldToNew[label] = newOf.get(label) ?? [];
  return { version: 1, tool: 'acquis compare', ...c, oldToNew };
}

export function formatCompareJson(c: Comparison): string {
  return `${JSON.stringify(toCompareJson(c), null, 2)}\n`;
}
