/** mandate.coverage: the six items of the mandate, from headings then text, and their balance. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, lintDraft, readDraft, type RuleSetting } from '../../server/src/engine/index';
import data from '../../server/src/engine/data/mandate-items.json';
import { mandateCoverage, measureCoverage } from '../../server/src/engine/rules/mandate-coverage';
import { builtinEngine } from '../engine/helpers';

function lint(text: string, rules: Record<string, RuleSetting> = {}) {
  const engine = builtinEngine();
  return lintDraft(readDraft('test.draft', text), { acquis: engine.acquis, matcher: engine.matcher, config: { ...DEFAULT_CONFIG, rules } }, [mandateCoverage])
    .findings;
}

const FRONT = (fields = 'kind: draft\nbody: OEWG') => `---\ntitle: Draft report\n${fields}\n---\n\n`;
/** Twelve words that name no item of the mandate. */
const FILLER = 'Delegations exchanged views on this subject in the course of the session.';
const filler = (times: number): string => Array.from({ length: times }, () => FILLER).join(' ');

const SECTIONS: Array<[string, string]> = [
  ['A', 'Existing and potential threats'],
  ['B', 'International law'],
  ['C', 'Rules, norms and principles for responsible State behaviour'],
  ['D', 'Confidence-building measures'],
  ['E', 'Capacity-building'],
  ['F', 'Regular institutional dialogue'],
];

/** A report with one section per item, `sizes[i]` filler sentences in each. */
function report(sizes: number[] = [4, 4, 4, 4, 4, 4], front = FRONT(), skip: string[] = []): string {
  let n = 0;
  const parts = SECTIONS.filter(([letter]) => !skip.includes(letter)).map(([letter, title]) => {
    const i = SECTIONS.findIndex(([l]) => l === letter);
    return `## ${letter}. ${title}\n\n${++n}. ${filler(sizes[i]!)}\n`;
  });
  return `${front}# II. Substantive discussions\n\n${parts.join('\n')}`;
}

describe('mandate.coverage', () => {
  it('says nothing when every item has a section of comparable size', () => {
    expect(lint(report())).toEqual([]);
  });

  it('flags a missing item on the front matter, quoting the mandate', () => {
    const text = report(undefined, undefined, ['E']);
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.severity).toBe('warning');
    expect(f!.message).toContain('"Capacity-building"');
    expect(f!.message).toContain('resolution 73/27, para. 5');
    expect(text.slice(f!.span.start, f!.span.end)).toBe('title: Draft report');
    expect(f!.data).toMatchObject({ kind: 'missing', item: 'capacity-building' });
  });

  it('counts an item covered by a paragraph about it outside the sections of other items', () => {
    const text = `${report(undefined, undefined, ['E'])}\n# III. Conclusions\n\n6. The OEWG recommends that capacity-building be demand-driven. ${filler(2)}\n`;
    expect(lint(text)).toEqual([]);
    const draft = readDraft('x.draft', text);
    const cb = measureCoverage(draft.document, draft.units).items.find((c) => c.item.id === 'capacity-building')!;
    expect(cb).toMatchObject({ coveredBy: 'text', sections: [] });
    expect(Math.round(cb.words)).toBe(33);
  });

  it('does not count a mention in passing: a list of the six items, or a remark in another section', () => {
    const intro =
      '# I. Introduction\n\n1. This report covers threats, international law, norms, confidence-building measures, capacity-building and regular institutional dialogue.\n\n';
    const text = report(undefined, undefined, ['E'])
      .replace(/^(\d+)\. /gm, (_, n: string) => `${Number(n) + 1}. `)
      .replace('2. Delegations', '2. Several States stressed capacity-building. Delegations')
      .replace('# II.', `${intro}# II.`);
    const findings = lint(text);
    expect(findings.map((f) => f.data?.kind)).toEqual(['missing']);
    expect(findings[0]!.message).toContain('it is mentioned in passing in paragraphs 1 and 2');
  });

  it('flags an unbalanced item on its heading, as information', () => {
    const text = report([6, 6, 6, 6, 6, 1]);
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', data: { kind: 'unbalanced', item: 'regular-institutional-dialogue' } });
    expect(text.slice(findings[0]!.span.start, findings[0]!.span.end)).toContain('F. Regular institutional dialogue');
    expect(findings[0]!.message).toMatch(/has 3% of the words .* under 0\.25 of the average share \(17%\)/);
  });

  it('takes the threshold from the minShare option', () => {
    const text = report([6, 6, 6, 6, 6, 3]); // F has about half the average share
    expect(lint(text)).toEqual([]);
    const findings = lint(text, { 'mandate.coverage': { minShare: 0.75 } });
    expect(findings.map((f) => f.data?.item)).toEqual(['regular-institutional-dialogue']);
  });

  it('lets the project set the severity of the rule and of each kind', () => {
    const missing = report(undefined, undefined, ['E']);
    expect(lint(missing, { 'mandate.coverage': 'error' }).map((f) => f.severity)).toEqual(['error']);
    expect(lint(missing, { 'mandate.coverage': { missing: 'off' } })).toEqual([]);
    expect(lint(missing, { 'mandate.coverage': 'off' })).toEqual([]);
    // A rule severity replaces the main one and leaves information alone.
    const unbalanced = report([6, 6, 6, 6, 6, 1]);
    expect(lint(unbalanced, { 'mandate.coverage': 'error' }).map((f) => f.severity)).toEqual(['info']);
    expect(lint(unbalanced, { 'mandate.coverage': { unbalanced: 'warning' } }).map((f) => f.severity)).toEqual(['warning']);
  });

  it('only looks at reports and drafts of the OEWG or a GGE, unless told to always', () => {
    const missing = (front: string) => report(undefined, FRONT(front), ['E']);
    expect(lint(missing('kind: report\nbody: GGE'))).toHaveLength(1);
    expect(lint(missing('kind: draft\nbody: Open-ended Working Group'))).toHaveLength(1);
    expect(lint(missing('kind: resolution\nbody: GA'))).toEqual([]);
    expect(lint(missing('kind: report\nbody: Human Rights Council'))).toEqual([]);
    expect(lint(missing('kind: compilation\nbody: OEWG'))).toEqual([]);
    const bare = report(undefined, '', ['E']);
    expect(lint(bare)).toEqual([]);
    const always = lint(bare, { 'mandate.coverage': { always: true } });
    expect(always).toHaveLength(1);
    // With no front matter, the finding goes on the first heading.
    expect(bare.slice(always[0]!.span.start, always[0]!.span.end)).toContain('II. Substantive discussions');
  });

  it('skips excerpts: the paragraphs left out may cover any item', () => {
    expect(lint(report([6, 6, 6, 6, 6, 1], FRONT('kind: draft\nbody: OEWG\nexcerpt: true'), ['E']))).toEqual([]);
  });

  it('reads US spelling and abbreviations in headings (Behavior, CBMs)', () => {
    const text = report()
      .replace('Rules, norms and principles for responsible State behaviour', 'Responsible State Behavior')
      .replace('D. Confidence-building measures', 'D. CBMs');
    expect(lint(text)).toEqual([]);
  });

  it('splits an introduction among the items it mentions', () => {
    const text = report().replace(
      '# II.',
      '# I. Introduction\n\n0. This report covers threats and international law.\n\n# II.',
    );
    const doc = readDraft('x.draft', text);
    const coverage = measureCoverage(doc.document, doc.units);
    const words = Object.fromEntries(coverage.items.map((c) => [c.item.id, Math.round(c.words)]));
    // Eight words shared by the two items named, 48 in each section.
    expect(words).toMatchObject({ threats: 52, 'international-law': 52, norms: 48 });
    expect(coverage.items.every((c) => c.coveredBy === 'heading')).toBe(true);
  });

  it('keeps its word lists with their sources', () => {
    expect(data.items.map((i) => i.id)).toEqual([
      'threats',
      'international-law',
      'norms',
      'confidence-building',
      'capacity-building',
      'regular-institutional-dialogue',
    ]);
    expect(data.sources.map((s) => s.document)).toContain('A/RES/73/27');
    for (const item of data.items) expect(data.sources[0]!.quote).toContain(item.mandate);
  });
  it('measures the same coverage without mentions in passing, and reads them only when asked', () => {
    // The rule measures without them first (they only fill the message about a missing item).
    const texts = [
      ...['oewg-pre-draft.draft', 'revised-pre-draft.draft', 'demo.draft'].map((f) => readFileSync(`samples/${f}`, 'utf8')),
      report([4, 4, 4, 4, 4, 4], FRONT(), ['C']),
      `${FRONT()}1. The six items: threats, international law, norms, confidence-building measures, capacity-building and regular institutional dialogue.\n\n2. Norms of responsible State behaviour. ${filler(2)}\n`,
    ];
    let passingSeen = 0;
    for (const text of texts) {
      const draft = readDraft('t.draft', text);
      const full = measureCoverage(draft.document, draft.units);
      const lean = measureCoverage(draft.document, draft.units, false);
      expect(lean.itemWords).toBe(full.itemWords);
      expect(lean.totalWords).toBe(full.totalWords);
      expect(lean.items.map((c) => [c.item.id, c.coveredBy, c.words, c.share, c.sections])).toEqual(
        full.items.map((c) => [c.item.id, c.coveredBy, c.words, c.share, c.sections]),
      );
      expect(lean.items.every((c) => c.passing.length === 0)).toBe(true);
      passingSeen += full.items.reduce((n, c) => n + c.passing.length, 0);
    }
    expect(passingSeen).toBeGreaterThan(0);
  });
});
