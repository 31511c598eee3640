/**
 * docs/judgement.md is a legal adviser's review of every warning and error `acquis lint` gives on
 * the two real samples. This test keeps it true: the review's table must list exactly the live
 * findings (by a stable key: file, paragraph, rule, quoted words), say what fix each one has, and
 * its summary counts must add up. When the findings change, the review must change with them.
 *
 * To see the rows to add or drop: the failure message prints them in the table's format
 * (JUDGEMENT_PRINT=1 prints every live row).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDraft } from '../server/src/engine/index';
import { acquis, requireBuild, ROOT } from './cli/helpers';

requireBuild();

const SAMPLES = ['samples/oewg-pre-draft.draft', 'samples/revised-pre-draft.draft'];
const VERDICTS = ['useful', 'wrong', 'noise', 'harmful fix'] as const;
type Verdict = (typeof VERDICTS)[number];

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  offsets: { start: number; end: number };
  fixes: Array<{ title: string; safe: boolean; level?: string }>;
  data?: Record<string, unknown>;
}

interface Row {
  key: string;
  fix: string;
  severity: string;
  verdict: string;
}

/** The paragraph a finding is in: the deepest unit holding its start, else the heading above it. */
function paragraphOf(path: string, text: string, at: number): string {
  const draft = readDraft(path, text);
  const units = draft.units.filter((u) => at >= u.contentSpan.start && at < u.contentSpan.end);
  const unit = units[units.length - 1];
  if (unit) return unit.pinpoint ?? 'unnumbered';
  const heading = text.lastIndexOf('\n#', at);
  return heading < 0 ? 'front matter' : `heading ${text.slice(heading + 1, text.indexOf('\n', heading + 1)).replace(/^#+\s*/, '').split('.')[0]}`;
}

/** The quoted words: the finding's text, spaces collapsed, long stretches shortened in the middle. */
export function quotedWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').replace(/\|/g, '/').trim();
  return words.length <= 70 ? words : `${words.slice(0, 35).trimEnd()} … ${words.slice(-30).trimStart()}`;
}

/** `precedent.deviation`, or `precedent.deviation (Japan)` for a proposal's finding. */
function ruleOf(f: JsonFinding): string {
  const proposal = f.data?.['proposal'] as { proposer?: string } | undefined;
  const removed = f.data?.['removedBy'] as { proposer?: string } | undefined;
  if (proposal) return `${f.ruleId} (${proposal.proposer})`;
  if (removed) return `${f.ruleId} (removed by ${removed.proposer})`;
  return f.ruleId;
}

/** What a drafter gets as a fix: applied by fix-all at the default level, a quick fix only, or none. */
function fixOf(f: JsonFinding): string {
  const first = f.fixes[0];
  if (!first) return 'none';
  const editorial = first.level ? first.level === 'editorial' : f.ruleId.startsWith('style.') || f.data?.['grade'] === 'editorial';
  return first.safe && editorial ? 'fix-all' : 'quick fix';
}

function liveRows(): Row[] {
  const rows: Row[] = [];
  for (const path of SAMPLES) {
    const run = acquis(['lint', path, '--format', 'json', '--max-severity', 'none']);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(ROOT, path), 'utf8');
    const report = JSON.parse(run.stdout) as { files: Array<{ findings: JsonFinding[] }> };
    for (const f of report.files[0]!.findings) {
      if (f.severity !== 'error' && f.severity !== 'warning') continue;
      const file = path.replace(/^samples\//, '');
      const key = [file, paragraphOf(path, text, f.offsets.start), ruleOf(f), quotedWords(text.slice(f.offsets.start, f.offsets.end))].join(' | ');
      rows.push({ key, fix: fixOf(f), severity: f.severity, verdict: '' });
    }
  }
  return rows;
}

/** The review's rows: `| file | paragraph | rule | words | severity | fix | verdict | why |`. */
function reviewRows(doc: string): Row[] {
  const section = doc.slice(doc.indexOf('## Findings'));
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    if (!/^\| \S/.test(line) || /^\| (?:file|---) \|/.test(line)) continue;
    const cells = line.split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, '').trim());
    if (cells.length < 8) continue;
    rows.push({ key: cells.slice(0, 4).join(' | '), severity: cells[4]!, fix: cells[5]!, verdict: cells[6]! });
  }
  return rows;
}

const doc = readFileSync(join(ROOT, 'docs', 'judgement.md'), 'utf8');

describe('docs/judgement.md', () => {
  const live = liveRows();
  const review = reviewRows(doc);
  // JUDGEMENT_PRINT=1 prints the live rows in the table's format, to start a review from.
  if (process.env['JUDGEMENT_PRINT']) console.log('\n' + live.map((r) => `| ${r.key} | ${r.severity} | ${r.fix} | ? | ? |`).join('\n'));

  it('reviews exactly the warnings and errors acquis lint gives on the two samples', () => {
    const reviewed = review.map((r) => r.key).sort();
    const found = live.map((r) => r.key).sort();
    const missing = found.filter((k) => !reviewed.includes(k) || found.filter((x) => x === k).length > reviewed.filter((x) => x === k).length);
    const stale = reviewed.filter((k) => !found.includes(k) || reviewed.filter((x) => x === k).length > found.filter((x) => x === k).length);
    const show = (keys: string[]) => [...new Set(keys)].map((k) => `| ${k} | ? | ? | ? | ? |`).join('\n');
    expect({ missing: show(missing), stale: show(stale) }).toEqual({ missing: '', stale: '' });
  });

  it('says the severity and the fix of each finding as they are', () => {
    const byKey = new Map<string, Row[]>();
    for (const r of live) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    for (const r of review) {
      const options = byKey.get(r.key) ?? [];
      expect(options.map((o) => `${o.severity} ${o.fix}`), r.key).toContain(`${r.severity} ${r.fix}`);
    }
  });

  it('gives every finding a verdict and a reason', () => {
    for (const r of review) expect(VERDICTS as readonly string[], r.key).toContain(r.verdict);
  });

  it('has summary counts that add up to the table', () => {
    const summary = doc.slice(doc.indexOf('## Counts'), doc.indexOf('## Findings'));
    for (const path of SAMPLES) {
      const file = path.replace(/^samples\//, '');
      const rows = review.filter((r) => r.key.startsWith(`${file} | `));
      const count = (v: Verdict): number => rows.filter((r) => r.verdict === v).length;
      const expected = `| ${file} | ${rows.length} | ${count('useful')} | ${count('wrong')} | ${count('noise')} | ${count('harmful fix')} |`;
      expect(summary, `summary row for ${file}`).toContain(expected);
    }
  });
});
