/** `buildReport`: the figures of the report on the samples and on small drafts made for the purpose. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO, PRE_DRAFT, builtinEngine, reportOn, reportOnFile } from './helpers';
import { MANDATE_ITEMS } from '../../server/src/engine/rules/mandate-coverage';

describe('report on samples/demo.draft', () => {
  const { data } = reportOnFile(DEMO);

  it('has all six items of the mandate, each covered, with shares summing to 1', () => {
    expect(data.mandate.applies).toBe(true);
    expect(data.mandate.items.map((i) => i.id)).toEqual(MANDATE_ITEMS.map((i) => i.id));
    expect(data.mandate.items).toHaveLength(6);
    for (const item of data.mandate.items) {
      expect(item.coveredBy).not.toBe('none');
      expect(item.share).toBeGreaterThan(0);
    }
    expect(data.mandate.items.reduce((a, i) => a + i.share, 0)).toBeCloseTo(1, 6);
  });

  it('measures agreed language overall and per section', () => {
    expect(data.totals.words).toBeGreaterThan(0);
    expect(data.totals.agreedWords).toBeGreaterThan(0);
    expect(data.totals.agreedShare).toBeGreaterThan(0);
    expect(data.totals.agreedShare).toBeLessThan(1);
    expect(data.totals.agreedShare).toBeCloseTo(data.totals.agreedWords / data.totals.words, 10);
    // The sections add up to the whole.
    expect(data.sections.reduce((a, s) => a + s.words, 0)).toBe(data.totals.words);
    expect(data.sections.reduce((a, s) => a + s.agreedWords, 0)).toBe(data.totals.agreedWords);
    const cbm = data.sections.find((s) => s.heading === 'D. Confidence-building measures');
    expect(cbm?.share).toBeGreaterThan(0.5);
    for (const s of data.sections) expect(s.share).toBeCloseTo(s.agreedWords / s.words, 10);
  });

  it('counts findings by rule as the lint run reports them', () => {
    const result = builtinEngine().lint('samples/demo.draft', readFileSync(DEMO, 'utf8'));
    expect(data.totals.findings).toBe(result.findings.length);
    expect(data.rules.reduce((a, r) => a + r.count, 0)).toBe(result.findings.length);
    const agreed = data.rules.find((r) => r.ruleId === 'precedent.agreed')!;
    expect(agreed.count).toBe(result.findings.filter((f) => f.ruleId === 'precedent.agreed').length);
    expect(agreed.summary).toMatch(/Agreed language/);
    for (const r of data.rules) expect(Object.values(r.bySeverity).reduce((a, b) => a + b, 0)).toBe(r.count);
  });

  it('lists the open bracket and the placeholder with their paragraphs', () => {
    expect(data.brackets.map((b) => [b.ref, b.placeholder])).toEqual([
      ['6', false],
      ['16 (b)', true],
    ]);
    expect(data.brackets[1]!.text).toBe('[placeholder: the format, frequency and participation of the future process]');
  });

  it("counts Mexico's proposal", () => {
    expect(data.proposals).toEqual({ total: 1, proposers: [{ name: 'Mexico', count: 1, insert: 1, delete: 0, replace: 0 }] });
  });

  it('gives every paragraph a status (none here)', () => {
    expect(data.statuses.counts).toEqual([{ status: 'no status', count: data.totals.paragraphs }]);
  });
});

describe('report on samples/oewg-pre-draft.draft', () => {
  const { data } = reportOnFile(PRE_DRAFT);

  it("counts Japan's 24 proposals", () => {
    expect(data.proposals.total).toBe(24);
    expect(data.proposals.proposers).toHaveLength(1);
    const japan = data.proposals.proposers[0]!;
    expect(japan.name).toBe('Japan');
    expect(japan.count).toBe(24);
    expect(japan.insert + japan.delete + japan.replace).toBe(24);
  });

  it('finds agreed language', () => {
    expect(data.totals.agreedShare).toBeGreaterThan(0);
    expect(data.sections.some((s) => s.agreedWords > 0)).toBe(true);
  });

  it('has the six items, with confidence-building measures far behind', () => {
    expect(data.mandate.items).toHaveLength(6);
    const cbm = data.mandate.items.find((i) => i.id === 'confidence-building')!;
    expect(cbm.share).toBeLessThan(0.25 / 6);
  });

  it('lists its placeholders', () => {
    expect(data.brackets.length).toBeGreaterThan(0);
    expect(data.brackets.every((b) => b.ref.length > 0)).toBe(true);
    expect(data.brackets.some((b) => b.placeholder)).toBe(true);
  });
});

describe('statuses and suppressions', () => {
  const draft = [
    '---',
    'title: Status test',
    'kind: draft',
    'body: OEWG',
    '---',
    '',
    '# A. Threats',
    '',
    '1. States are concerned about malicious ICT activities. {status: agreed ad ref}',
    '',
    '2. States are concerned about ransomware. {status: agreed}',
    '',
    '3. States are concerned about threats to critical infrastructure. {status: pending}',
    '',
    '4. States discussed further threats. {status: pending}',
    '',
    '5. States discussed other things. {status: suggested for closure}',
    '',
    '6. States discussed [placeholder].',
    '',
  ].join('\n');

  it('counts and lists the statuses in a fixed order', () => {
    const { data } = reportOn('status.draft', draft);
    expect(data.statuses.counts).toEqual([
      { status: 'agreed ad ref', count: 1 },
      { status: 'agreed', count: 1 },
      { status: 'suggested for closure', count: 1 },
      { status: 'pending', count: 2 },
      { status: 'no status', count: 1 },
    ]);
    expect(data.statuses.paragraphs.map((p) => [p.ref, p.status])).toEqual([
      ['1', 'agreed ad ref'],
      ['2', 'agreed'],
      ['3', 'pending'],
      ['4', 'pending'],
      ['5', 'suggested for closure'],
      ['6', 'no status'],
    ]);
    expect(data.brackets).toEqual([{ ref: '6', placeholder: true, closed: true, text: '[placeholder]' }]);
  });

  it('lists suppressions with their reasons and the findings they suppressed', () => {
    // Suppress the first departure from agreed language in the demo, with a reason.
    const text = readFileSync(DEMO, 'utf8');
    const engine = builtinEngine();
    const first = engine.lint('demo.draft', text);
    const deviation = first.findings.find((f) => f.ruleId === 'precedent.deviation')!;
    const paragraph = first.draft.document.paragraphs.find((p) => deviation.span.start >= p.span.start && deviation.span.start < p.span.end)!;
    const inParagraph = first.findings.filter(
      (f) => f.ruleId === 'precedent.deviation' && f.span.start >= paragraph.span.start && f.span.start < paragraph.span.end,
    ).length;
    const reason = 'the Chair\'s wording on purpose, "see" <A/70/174>';
    const edited = `${text.slice(0, paragraph.span.start)}// acquis-disable precedent.deviation -- ${reason}\n${text.slice(paragraph.span.start)}`;
    const { data, html } = reportOn('demo.draft', edited);
    expect(data.suppressions).toHaveLength(1);
    const s = data.suppressions[0]!;
    expect(s.rules).toEqual(['precedent.deviation']);
    expect(s.reason).toBe(reason);
    expect(s.suppressed).toBe(inParagraph);
    expect(s.suppressed).toBeGreaterThan(0);
    expect(s.ref).toBe(paragraph.label!.text);
    expect(data.rules.find((r) => r.ruleId === 'precedent.deviation')!.count).toBe(
      first.findings.filter((f) => f.ruleId === 'precedent.deviation').length - inParagraph,
    );
    expect(html).toContain('the Chair&#39;s wording on purpose, &quot;see&quot; &lt;A/70/174&gt;');
  });

  it('shows a suppression without a reason as suppressing nothing', () => {
    const { data, html } = reportOn('s.draft', '// acquis-disable style.spelling\n1. The organization of work.\n');
    expect(data.suppressions).toEqual([{ ref: '1', rules: ['style.spelling'], suppressed: 0 }]);
    expect(html).toContain('no reason given');
  });
});
