/** Which of two revisions is the older, from their front matter (date, then revision). */
import { describe, expect, it } from 'vitest';
import { orderRevisions, revisionStamp } from '../../server/src/engine/compare/index';

const draft = (fields: Record<string, string>, name: string) => ({
  name,
  text: `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n1. Text.\n`,
});
const order = (a: ReturnType<typeof draft>, b: ReturnType<typeof draft>) => {
  const r = orderRevisions(a, b, (x) => revisionStamp(x.text));
  return { older: r.older.name, newer: r.newer.name, decided: r.decided, reason: r.reason };
};

describe('revision order', () => {
  it('puts the earlier date first, whichever is given first', () => {
    const pre = draft({ date: '2020-03-11', revision: 'pre-draft' }, 'pre');
    const revised = draft({ date: '2020-05-27', revision: 'revised pre-draft' }, 'revised');
    expect(order(revised, pre)).toEqual({ older: 'pre', newer: 'revised', decided: true, reason: 'by date: 2020-03-11 before 2020-05-27' });
    expect(order(pre, revised)).toMatchObject({ older: 'pre', newer: 'revised' });
  });

  it('reads dates written out in words', () => {
    expect(order(draft({ date: '27 May 2020' }, 'may'), draft({ date: '11 March 2020' }, 'march'))).toMatchObject({ older: 'march', decided: true });
  });

  it('on the same date, or without dates, goes by the revision: its number, else its stage', () => {
    expect(order(draft({ date: '2021-01-01', revision: 'Rev.2' }, 'two'), draft({ date: '2021-01-01', revision: 'Rev.1' }, 'one'))).toEqual({
      older: 'one',
      newer: 'two',
      decided: true,
      reason: 'by revision (same date, 2021-01-01): "Rev.1" before "Rev.2"',
    });
    expect(order(draft({ revision: 'first draft' }, 'first'), draft({ revision: 'zero draft' }, 'zero'))).toMatchObject({ older: 'zero' });
    expect(order(draft({ revision: 'revised pre-draft' }, 'revised'), draft({ revision: 'pre-draft' }, 'pre'))).toMatchObject({ older: 'pre' });
    expect(order(draft({ revision: 'final draft' }, 'final'), draft({ revision: 'second draft' }, 'second'))).toMatchObject({ older: 'second' });
  });

  it('keeps the order given, and says so, when the front matter cannot tell', () => {
    const r = order(draft({ title: 'A' }, 'a'), draft({ title: 'B', revision: 'informal' }, 'b'));
    expect(r).toEqual({ older: 'a', newer: 'b', decided: false, reason: 'the front matter does not tell which is older (no date or revision that differs)' });
  });
});
