/** Shared by the report tests: the built-in acquis engine (built once), and reports on the samples. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinAcquisDir, readAcquisFolder } from '../../server/src/cli/node-host';
import { createEngine, type Engine } from '../../server/src/engine/index';
import { buildReport, reportHtml, type ReportData } from '../../server/src/engine/report/index';

export const ROOT = resolve(__dirname, '..', '..');
export const DEMO = join(ROOT, 'samples', 'demo.draft');
export const PRE_DRAFT = join(ROOT, 'samples', 'oewg-pre-draft.draft');
export const REVISED = join(ROOT, 'samples', 'revised-pre-draft.draft');

let engine: Engine | undefined;
export function builtinEngine(): Engine {
  engine ??= createEngine(readAcquisFolder(builtinAcquisDir()));
  return engine;
}

export function reportOn(uri: string, text: string): { data: ReportData; html: string } {
  const e = builtinEngine();
  const result = e.lint(uri, text);
  const data = buildReport(result.draft, result, e.acquis);
  return { data, html: reportHtml(data) };
}

export const reportOnFile = (path: string): { data: ReportData; html: string } =>
  reportOn(path.slice(ROOT.length + 1), readFileSync(path, 'utf8'));
