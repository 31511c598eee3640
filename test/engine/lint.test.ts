/** The lint runner: failing rules are isolated, suppressions need reasons, severities follow config. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, lintDraft, readDraft, RULES, type Rule } from '../../server/src/engine/index';
import { builtinEngine } from './helpers';

const DRIFT =
  'In this regard, the Group recommends regular institutional dialogue under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.';

describe('lint runner', () => {
  it('turns a throwing rule into one internal.error finding and runs the others', () => {
    const engine = builtinEngine();
    const broken: Rule = {
      id: 'test.broken',
      defaultSeverity: 'warning',
      summary: 'always throws',
      docs: '',
      fixable: false,
      check() {
        throw new Error('boom');
      },
    };
    const draft = readDraft('x.draft', `1. ${DRIFT}\n`);
    const result = lintDraft(draft, { acquis: engine.acquis, matcher: engine.matcher, config: DEFAULT_CONFIG }, [broken, ...RULES]);
    const internal = result.findings.filter((f) => f.ruleId === 'internal.error');
    expect(internal).toHaveLength(1);
    expect(internal[0]!.message).toContain('test.broken');
    expect(result.findings.some((f) => f.ruleId === 'precedent.deviation')).toBe(true);
  });

  it('honours a suppression with a reason, and reports one without', () => {
    const engine = builtinEngine();
    const withReason = engine.lint('x.draft', `// acquis-disable precedent.deviation -- the Chair's wording on purpose\n1. ${DRIFT}\n`);
    expect(withReason.findings.map((f) => f.ruleId)).not.toContain('precedent.deviation');
    expect(withReason.suppressed.map((s) => s.finding.ruleId)).toEqual(['precedent.deviation']);
    expect(withReason.suppressed[0]!.suppression.reason).toBe("the Chair's wording on purpose");

    for (const header of ['// acquis-disable precedent.deviation', '// acquis-disable precedent.deviation -- [reason]']) {
      const result = engine.lint('x.draft', `${header}\n1. ${DRIFT}\n`);
      expect(result.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['precedent.deviation', 'suppression.reason']));
      expect(result.suppressed).toEqual([]);
    }
  });

  it('reports syntax problems as findings and keeps linting the rest', () => {
    const result = builtinEngine().lint('x.draft', `1. An [unclosed bracket.\n\n2. ${DRIFT}\n`);
    expect(result.findings[0]).toMatchObject({ ruleId: 'syntax', severity: 'error' });
    expect(result.findings.some((f) => f.ruleId === 'precedent.deviation')).toBe(true);
  });
});
