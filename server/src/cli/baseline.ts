/**
 * Baselines: adopting the linter on an old draft. `acquis lint --write-baseline <file>` records
 * the current findings; `acquis lint --baseline <file>` then reports (and fails on) only findings
 * that are not in it. A finding is recognised by its file, rule, precedent, the words it covers
 * and its message, never by its line, so inserting text above a finding does not make it new.
 * Findings are counted: if the baseline holds a finding twice and the draft now has it three
 * times, one is new. The file format is documented in README, "Baselines".
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { InputError, readTextFile } from '../host/text-file.js';
import type { Finding } from '../engine/index.js';
import type { FileReport } from './format/report.js';

export const BASELINE_VERSION = 1;

/** One recorded finding: everything that identifies it, and nothing that moves with the text. */
export interface BaselineEntry {
  /** The draft, relative to the baseline file's folder, with `/` separators; empty: any draft. */
  path: string;
  ruleId: string;
  /** `symbol, para. N` of the precedent, when the finding has one. */
  precedent?: string;
  /** The words the finding covers, white space folded. */
  text: string;
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

function entryOf(report: FileReport, finding: Finding, base: string, cwd: string): BaselineEntry {
  const path = relative(base, resolve(cwd, report.path)).split(sep).join('/');
  return {
    path,
    ruleId: finding.ruleId,
    ...(finding.precedent ? { precedent: `${finding.precedent.symbol}, para. ${finding.precedent.paragraph}` } : {}),
    text: fold(report.text.slice(finding.span.start, finding.span.end)),
    message: finding.message,
  };
}

const keyOf = (e: BaselineEntry): string => JSON.stringify([e.path, e.ruleId, e.precedent ?? null, e.text, e.message]);

/** The baseline of a run: every finding of every file, in a stable order. */
export function makeBaseline(reports: FileReport[], baselineFile: string, cwd: string): Baseline {
  const base = dirname(resolve(cwd, baselineFile));
  const findings = reports.flatMap((r) => r.findings.map((f) => entryOf(r, f, base, cwd)));
  findings.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return { version: BASELINE_VERSION, findings };
}

export function formatBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((f) => `    ${JSON.stringify(f)}`);
  return `{\n  "version": ${baseline.version},\n  "findings": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/**
 * The baseline of an earlier revision of a draft (`--baseline rev1.draft`): its findings, for
 * whichever draft is linted against it.
 */
export function baselineOfDraft(report: FileReport): Baseline {
  return { version: BASELINE_VERSION, findings: report.findings.map((f) => ({ ...entryOf(report, f, '', ''), path: '' })) };
}

/** Read and check a baseline file; a wrong one stops the run with exit code 2. */
export function readBaseline(file: string, cwd: string): Baseline {
  const { text } = readTextFile(resolve(cwd, file), file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not a baseline: ${(error as Error).message}.`, file);
  }
  const v = value as Partial<Baseline> | null;
  if (!v || typeof v !== 'object' || v.version !== BASELINE_VERSION || !Array.isArray(v.findings)) {
    throw new InputError(`not a baseline of version ${BASELINE_VERSION} (write one with \`acquis lint --write-baseline ${file}\`).`, file);
  }
  v.findings.forEach((f, i) => {
    const ok = f && typeof f === 'object' && ['path', 'ruleId', 'text', 'message'].every((k) => typeof (f as unknown as Record<string, unknown>)[k] === 'string');
    if (!ok || (f.precedent !== undefined && typeof f.precedent !== 'string')) {
      throw new InputError(`finding ${i + 1} of the baseline lacks path, ruleId, text or message.`, file);
    }
  });
  return v as Baseline;
}

/**
 * Drop from each report the findings the baseline holds. Returns how many were known, and how
 * many of the baseline's were not seen again (fixed, or in files not linted this time).
 */
export function applyBaseline(reports: FileReport[], baseline: Baseline, baselineFile: string, cwd: string): { known: number; gone: number } {
  const base = dirname(resolve(cwd, baselineFile));
  const left = new Map<string, number>();
  for (const entry of baseline.findings) left.set(keyOf(entry), (left.get(keyOf(entry)) ?? 0) + 1);
  let known = 0;
  for (const report of reports) {
    report.findings = report.findings.filter((finding) => {
      const entry = entryOf(report, finding, base, cwd);
      // This file's own entry first, then one recorded for any draft.
      for (const key of [keyOf(entry), keyOf({ ...entry, path: '' })]) {
        const n = left.get(key) ?? 0;
        if (n === 0) continue;
        left.set(key, n - 1);
        known++;
        return false;
      }
      return true;
    });
  }
  let gone = 0;
  for (const n of left.values()) gone += n;
  return { known, gone };
}
