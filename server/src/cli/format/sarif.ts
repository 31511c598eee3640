/** SARIF 2.1.0 for code-scanning services; validated against the official schema in the tests. */
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../../engine/index.js';
import type { LineIndex } from '../../engine/index.js';
import type { FileReport, RunInfo } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(files: FileReport[], info: RunInfo): string {
  const ruleIds = [...new Set([...info.rules.map((r) => r.id), ...files.flatMap((f) => f.findings.map((x) => x.ruleId))])];
  const rules = ruleIds.map((id) => {
    const rule = info.rules.find((r) => r.id === id);
    return {
      id,
      shortDescription: { text: rule?.summary ?? ruleSummary(id) },
      ...(rule ? { fullDescription: { text: rule.docs }, help: { text: rule.docs } } : {}),
      defaultConfiguration: { level: LEVEL[rule?.defaultSeverity ?? 'error'] },
    };
  });
  const results = files.flatMap((file) => file.findings.map((f) => result(f, file, ruleIds)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'acquis', version: info.version, rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(`${process.cwd()}/`).href } },
        artifacts: files.map((f) => ({ location: { uri: toUri(f.path), uriBaseId: 'SRCROOT' }, length: f.text.length })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleSummary(id: string): string {
  if (id === 'syntax') return 'The draft does not follow the .draft markup.';
  if (id === 'internal.error') return 'A rule failed on this file.';
  return id;
}

const toUri = (path: string): string => path.split(/[\\/]/).map(encodeURIComponent).join('/');

/** 1 when the text starts with a byte order mark: SARIF offsets count characters of the text, not the BOM. */
const bomOf = (text: string): number => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

function region(lines: LineIndex, start: number, end: number, bom: number) {
  const s = lines.position(start);
  const e = lines.position(end);
  return {
    startLine: s.line + 1,
    startColumn: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    charOffset: Math.max(0, start - bom),
    charLength: Math.max(0, end - bom) - Math.max(0, start - bom),
  };
}

function result(f: Finding, file: FileReport, ruleIds: string[]) {
  const artifactLocation = { uri: toUri(file.path), uriBaseId: 'SRCROOT' };
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(file.lines, f.span.start, f.span.end, bomOf(file.text)) } }],
  };
  if (f.fixes.length) {
    out.fixes = f.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [
        {
          artifactLocation,
          replacements: fix.edits.map((e) => ({
            deletedRegion: { charOffset: Math.max(0, e.start - bomOf(file.text)), charLength: Math.max(0, e.end - bomOf(file.text)) - Math.max(0, e.start - bomOf(file.text)) },
            insertedContent: { text: e.text },
          })),
        },
      ],
    }));
  }
  if (f.precedent) {
    out.properties = {
      precedent: { symbol: f.precedent.symbol, paragraph: f.precedent.paragraph, adoption: f.precedent.adoption.kind, text: f.precedent.text },
    };
  }
  return out;
}
