/**
 * server/src/cli/format/json.ts: the report written in parts (`formatJsonParts`, what `lint
 * --format json` writes) parses to exactly the report object (`jsonReport`, as JSON.stringify
 * keeps it), with each finding on a line of its own, on seeded random reports: any number of files
 * and findings (batch edges included), strings that JSON must escape (quotes, backslashes,
 * control characters, lone surrogates, characters beyond the BMP), optional fields present or
 * absent, and rule data of any shape.
 */
import { describe, expect, it } from 'vitest';
import { LineIndex, type Finding } from '../../server/src/engine/index';
import { formatJson, formatJsonParts, jsonReport } from '../../server/src/cli/format/json';
import type { FileReport, RunInfo } from '../../server/src/cli/format/report';
import { mixSeed, mulberry32 } from '../grammar/helpers';

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number): number => Math.floor(random() * (max + 1));

/** Characters JSON escapes or that need more than one UTF-16 unit, among plain ones. */
const CHARS = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '“', 'é', '\u2028', '\ud800', '\udfff', '\u{1F30D}', '\u{1D11E}'];

function text(random: Random, max = 12): string {
  let out = '';
  for (let n = int(random, max); n > 0; n--) out += random() < 0.6 ? 'word ' : pick(random, CHARS);
  return out;
}

/** Rule data: nested objects and arrays, numbers of every kind, and values JSON leaves out or turns into null. */
function data(random: Random, depth = 0): unknown {
  const kind = int(random, depth > 2 ? 5 : 8);
  switch (kind) {
    case 0:
      return text(random);
    case 1:
      return pick(random, [0, -1, 2.5, 1e21, -0, Number.NaN, Number.POSITIVE_INFINITY, 123456789]);
    case 2:
      return random() < 0.5;
    case 3:
      return null;
    case 4:
      return undefined;
    case 5:
      return () => 1;
    case 6:
    case 7: {
      const out: Record<string, unknown> = {};
      for (let n = int(random, 4); n > 0; n--) out[text(random, 3)] = data(random, depth + 1);
      return out;
    }
    default:
      return Array.from({ length: int(random, 4) }, () => data(random, depth + 1));
  }
}

function finding(random: Random, length: number): Finding {
  const span = (): { start: number; end: number } => {
    const start = int(random, length + 2);
    return { start, end: start + int(random, 20) };
  };
  const adoption = random() < 0.5 ? { kind: 'consensus' as const } : { kind: 'vote' as const, inFavour: int(random, 190), against: int(random, 10), abstaining: int(random, 30) };
  const f: Finding = {
    ruleId: pick(random, ['precedent.deviation', 'precedent.voted', 'style.spelling', 'syntax']),
    severity: pick(random, ['error', 'warning', 'info', 'hint'] as const),
    message: text(random, 30),
    span: span(),
    fixes: Array.from({ length: int(random, 2) }, () => ({
      title: text(random),
      safe: random() < 0.5,
      ...(random() < 0.5 ? { level: pick(random, ['editorial', 'wording', 'substantive'] as const) } : {}),
      edits: Array.from({ length: int(random, 2) }, () => ({ ...span(), text: text(random) })),
    })),
  };
  if (random() < 0.6) {
    f.precedent = {
      symbol: `A/${int(random, 99)}/${int(random, 999)}`,
      paragraph: pick(random, ['7', '18 (i)', 'PP3', '1.2']),
      adoption,
      text: text(random, 60),
      uri: 'acquis:a',
      span: { start: 0, end: 1 },
      ...(random() < 0.7 ? { year: pick(random, [0, 2015, 2030]) } : {}),
      ...(random() < 0.7 ? { title: pick(random, ['', text(random)]) } : {}),
      ...(random() < 0.3 ? { adoptedBy: text(random) } : {}),
      lineage: Array.from({ length: int(random, 2) }, () => ({
        symbol: text(random, 3),
        paragraph: '3',
        adoption,
        ...(random() < 0.5 ? { year: 2001 } : {}),
        kind: pick(random, ['agreed', 'deviation'] as const),
      })),
    };
  }
  if (random() < 0.7) f.data = data(random) as Record<string, unknown>;
  return f;
}

function report(random: Random): { files: FileReport[]; info: RunInfo } {
  const files = Array.from({ length: int(random, 4) }, (_, i) => {
    const source = Array.from({ length: int(random, 8) }, () => text(random, 20)).join(pick(random, ['\n', '\r\n', '\r']));
    // Batch edges: none, one, a few, and several batches' worth of findings.
    const count = pick(random, [0, 1, 7, 8, 9, 16, 17, int(random, 40)]);
    return { path: `${text(random, 4)}-${i}.draft`, text: source, lines: new LineIndex(source), findings: Array.from({ length: count }, () => finding(random, source.length)) };
  });
  const info: RunInfo = { version: pick(random, ['0.1.0', text(random, 3)]), rules: [], acquis: { documents: int(random, 9), precedents: int(random, 99) } };
  return { files, info };
}

/** The report as JSON keeps it (undefined members dropped, NaN as null...). */
const asJson = (files: FileReport[], info: RunInfo): unknown => JSON.parse(JSON.stringify(jsonReport(files, info)));

describe('JSON report in parts', () => {
  it('parses to exactly the report, one finding a line, on seeded random reports', () => {
    const seed = 0x5eed_0b1;
    for (let index = 0; index < 400; index++) {
      const { files, info } = report(mulberry32(mixSeed(seed, index)));
      const text = [...formatJsonParts(files, info)].join('');
      expect(text, `case ${index} of seed ${seed}`).toBe(formatJson(files, info));
      expect(text.endsWith('\n')).toBe(true);
      const expected = asJson(files, info) as { files: Array<{ findings: unknown[] }> };
      expect(JSON.parse(text), `case ${index} of seed ${seed}`).toEqual(expected);
      // Line by line: the header, then per file its opening, its findings one a line, its closing.
      const lines = text.slice(0, -1).split('\n');
      const findingLines = lines.filter((l) => l.startsWith('{"ruleId":'));
      expect(findingLines.map((l) => JSON.parse(l.replace(/,$/, '')))).toEqual(expected.files.flatMap((f) => f.findings));
    }
  });

  it('is one report for no file at all, and for files without findings', () => {
    const info: RunInfo = { version: '1.0.0', rules: [], acquis: { documents: 1, precedents: 2 } };
    const empty = (path: string): FileReport => ({ path, text: '', lines: new LineIndex(''), findings: [] });
    for (const files of [[], [empty('a.draft')], [empty('a.draft'), empty('b.draft')]]) {
      const text = [...formatJsonParts(files, info)].join('');
      expect(JSON.parse(text)).toEqual(asJson(files, info));
      // The header, a line per file, the closing, and the final newline's empty rest (the header alone without files).
      expect(text.split('\n').length).toBe(files.length ? files.length + 3 : 2);
    }
  });

  it('keeps each part short, whatever the number of findings', () => {
    const random = mulberry32(7);
    const source = 'x'.repeat(100);
    const findings = Array.from({ length: 500 }, () => finding(random, source.length));
    const parts = [...formatJsonParts([{ path: 'long.draft', text: source, lines: new LineIndex(source), findings }], { version: '1', rules: [], acquis: { documents: 0, precedents: 0 } })];
    expect(parts.length).toBeGreaterThan(50);
  });
});
