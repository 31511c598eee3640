/** The demonstration draft (samples/demo.draft): of the domain rules, only the UN spelling rule has something to say. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DOMAIN_RULES, flagged, lint } from './helpers';

it('the domain rules flag only "behavior" in paragraph 5 of the demo draft', () => {
  const text = readFileSync('samples/demo.draft', 'utf8');
  const findings = lint(text, DOMAIN_RULES);
  expect(findings.map((f) => f.ruleId)).toEqual(['style.spelling']);
  expect(flagged(text, findings)).toEqual(['behavior']);
  expect(text.slice(text.lastIndexOf('\n5. ', findings[0]!.span.start) + 1).startsWith('5. Several States recalled')).toBe(true);
});
