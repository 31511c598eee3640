/** docs/rules.md prints the grade table the engine follows: the two must not drift apart. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRADE_OF } from '../../server/src/engine/match/grade';

describe('the grade table', () => {
  it('docs/rules.md lists every change with the grade the engine gives it', () => {
    const docs = readFileSync('docs/rules.md', 'utf8');
    const section = docs.slice(docs.indexOf('### Grades of a change'), docs.indexOf('### Quote and frame'));
    const rows = [...section.matchAll(/^\| `([^`]+)` \| (\w+) \|/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(Object.fromEntries(rows)).toEqual(GRADE_OF);
  });
});
