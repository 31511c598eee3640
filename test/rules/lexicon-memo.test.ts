/**
 * The word keys and literal prefilters kept with the built-in lexicons
 * (server/src/engine/data/lexicon-memo.json) are exactly what compiling them computes: every
 * entry answers as the computation does, and the table holds every look-up compiling them makes.
 * ACQUIS_WRITE_LEXICON_MEMO=1 rewrites the table (after a change to a lexicon or to word folding).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { literalsOf, phraseWords, recordLexiconMemo, type LexiconMemo } from '../../server/src/engine/rules/lexicon-memo';
import { readWords } from '../../server/src/engine/text/words';
import { requiredLiterals } from '../../server/src/engine/rules/regex-literals';
import { wordKey } from '../../server/src/engine/rules/word-keys';

const TABLE = 'server/src/engine/data/lexicon-memo.json';

const sorted = (record: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

describe('the built-in lexicons compiled ahead', () => {
  const kept = JSON.parse(readFileSync(TABLE, 'utf8')) as LexiconMemo;

  it('answers as the computation does for every entry it holds', () => {
    expect(Object.keys(kept.words).length).toBeGreaterThan(100);
    expect(Object.keys(kept.literals).length).toBeGreaterThan(10);
    for (const [key, words] of Object.entries(kept.words)) {
      const colon = key.indexOf(':');
      const text = key.slice(colon + 1);
      const mode = key.slice(0, colon) as Parameters<typeof wordKey>[2];
      expect(phraseWords(text, mode), key).toEqual(words);
      expect(readWords(text).map((w) => wordKey(w, text, mode)), key).toEqual(words);
    }
    for (const [key, literals] of Object.entries(kept.literals)) {
      const slash = key.indexOf('/');
      expect(requiredLiterals(key.slice(slash + 1), key.slice(0, slash)) ?? null, key).toEqual(literals);
      expect(literalsOf(key.slice(slash + 1), key.slice(0, slash)) ?? null, key).toEqual(literals);
    }
  });

  it('holds everything compiling the built-in lexicons asks for', async () => {
    const recorded = recordLexiconMemo();
    const { joinBuiltinLexicons } = await import('../../server/src/engine/rules/builtin-lexicons');
    const { attributionData } = await import('../../server/src/engine/rules/attribution-consensus');
    joinBuiltinLexicons();
    attributionData();
    const computed = { words: sorted(recorded.words), literals: sorted(recorded.literals) };
    if (process.env.ACQUIS_WRITE_LEXICON_MEMO === '1') writeFileSync(TABLE, `${JSON.stringify(computed)}\n`);
    expect(kept, `${TABLE} is out of date: run ACQUIS_WRITE_LEXICON_MEMO=1 npx vitest run test/rules/lexicon-memo.test.ts`).toEqual(computed);
  });
});
