/**
 * The structural rules over the samples and the built-in acquis: nothing at warning or above, and
 * the information they give is about documents the acquis does not hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, lintDraft, readDraft } from '../../server/src/engine/index';
import { citationValid } from '../../server/src/engine/rules/citation-valid';
import { mandateCoverage, measureCoverage } from '../../server/src/engine/rules/mandate-coverage';
import { numberingSequence } from '../../server/src/engine/rules/numbering-sequence';
import { xrefValid } from '../../server/src/engine/rules/xref-valid';
import { builtinEngine } from '../engine/helpers';

const STRUCTURAL = [mandateCoverage, citationValid, numberingSequence, xrefValid];
const files = [
  ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => `samples/${f}`),
  ...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).map((f) => `server/acquis/${f}`),
];

function lint(file: string) {
  const engine = builtinEngine();
  const text = readFileSync(file, 'utf8');
  const { findings } = lintDraft(readDraft(file, text), { acquis: engine.acquis, matcher: engine.matcher, config: DEFAULT_CONFIG }, STRUCTURAL);
  return findings.map((f) => `${f.ruleId} ${f.severity} ${String(f.data?.kind)} ${text.slice(f.span.start, f.span.end)}`);
}

describe('structural rules on the samples and the acquis', () => {
  it.each(files)('%s: only information about documents outside the acquis', (file) => {
    for (const finding of lint(file)) expect(finding).toMatch(/^citation\.valid info notInAcquis /);
  });

  it('the demo draft: every citation valid, every mandate item with its section (samples/README.md)', () => {
    expect(lint('samples/demo.draft')).toEqual([]);
    const draft = readDraft('samples/demo.draft', readFileSync('samples/demo.draft', 'utf8'));
    const coverage = measureCoverage(draft.document, draft.units);
    expect(coverage.items.map((c) => [c.item.id, c.coveredBy, c.sections.map((s) => s.heading.number)])).toEqual([
      ['threats', 'heading', ['A']],
      ['international-law', 'heading', ['C']],
      ['norms', 'heading', ['B']],
      ['confidence-building', 'heading', ['D']],
      ['capacity-building', 'heading', ['E']],
      ['regular-institutional-dialogue', 'heading', ['F']],
    ]);
  });

  it('the pre-draft: resolution 70/237 is not in the acquis, and nothing else', () => {
    expect(lint('samples/oewg-pre-draft.draft')).toEqual(['citation.valid info notInAcquis 70/237']);
  });
});
