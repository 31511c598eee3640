/**
 * The literal prefilter of the lexicon engine: what it extracts, and that it never rules out a
 * text that the expression matches (every lexicon expression over every lexicon example and the
 * bench draft, plus case-folding traps).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../bench/draft-gen';
import { foldForLiterals, mayMatch, requiredLiterals } from '../../server/src/engine/rules/regex-literals';

const DIR = 'server/src/engine/data/lexicons';

describe('requiredLiterals', () => {
  it.each([
    ['\\bbound by (?:the )?norms?\\b', 'iu', ['bound by ']],
    ['(?<!\\bnot )\\b(?:legally )?bound by', 'iu', ['bound by']],
    ['\\b(?<hit>must)(?: not)? (?:comply with|adhere to)', 'iu', ['comply with', 'adhere to']],
    ['\\bICT[\'’]s\\b', 'gdu', ["ICT's", 'ICT’s']],
    ['\\b[Mm]ember [Ss]tates\\b', 'gdu', ['Member States', 'Member states', 'member States', 'member states']],
    ['\\b[Mm]ember [Ss]tates\\b', 'gdiu', ['member states']],
    ['[^Mm]ember|[M-N]ember|[Mm]?ember|[Mm\\w]ember', 'u', ['ember']],
    ['[ab][de][fg]xyz', 'u', ['adfxyz', 'adgxyz', 'aefxyz', 'aegxyz', 'bdfxyz', 'bdgxyz', 'befxyz', 'begxyz']],
    // Past eight spellings the run starts again at the class.
    ['[abc][de][fg]xyz', 'u', ['fxyz', 'gxyz']],
    ['foo|barbaz', 'u', ['foo', 'barbaz']],
    ['colou?r', 'u', ['colo']],
    ['a+bcd', 'u', ['bcd']],
  ])('%s -> %j', (source, flags, expected) => {
    const r = requiredLiterals(source, flags);
    expect(r?.anyOf.sort()).toEqual([...expected].map((s) => (flags.includes('i') ? s.toLowerCase() : s)).sort());
  });

  it.each([['[Mm]ember states|x', 'u'], ['(?:ab)?c', 'u'], ['\\w+', 'u'], ['(?=abc)', 'u'], ['a.b.c', 'u']])('no requirement for %s', (source, flags) => {
    expect(requiredLiterals(source, flags)).toBeUndefined();
  });

  it('keeps every set a match needs, the rarest as anyOf', () => {
    const r = requiredLiterals('\\bnorms?\\b[^.;]{0,60}?\\b(?<hit>must) (?:be )?(?:observed|implemented)\\b', 'giu')!;
    expect(r.anyOf.sort()).toEqual(['implemented', 'observed']);
    expect(r.allOf?.map((set) => set.join('|')).sort()).toEqual(['must', 'norm']);
    expect(mayMatch(r, 'the norms must be observed')).toBe(true);
    expect(mayMatch(r, 'the norms shall be observed')).toBe(false);
    expect(mayMatch(r, 'states must be observed')).toBe(false);
    // Across an alternation only one set is certain: the union of each branch's rarest.
    const alt = requiredLiterals('abc def|ghij', 'u')!;
    expect(alt.anyOf.sort()).toEqual(['abc def', 'ghij']);
    expect(alt.allOf).toBeUndefined();
  });

  it('folds the letters that Unicode case folding maps to ASCII', () => {
    const r = requiredLiterals('states', 'iu')!;
    for (const text of ['STATES', 'ſtates', 'States']) {
      expect(new RegExp('states', 'iu').test(text)).toBe(true);
      expect(mayMatch(r, foldForLiterals(text))).toBe(true);
    }
    expect(mayMatch(requiredLiterals('kinetic', 'iu')!, foldForLiterals('\u212Ainetic'))).toBe(true);
  });

  it('never rules out a text that a lexicon expression matches', () => {
    const texts: string[] = generateDraft().txt.split('\n');
    const expressions: RegExp[] = [];
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'lexicon.schema.json')) {
      const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as {
        defaults?: { caseSensitive?: boolean };
        entries: Array<{ regex?: string | string[]; caseSensitive?: boolean; tests?: { matches?: string[]; doesNotMatch?: string[] } }>;
      };
      for (const e of data.entries) {
        const flags = `gdu${e.caseSensitive ?? data.defaults?.caseSensitive ? '' : 'i'}`;
        for (const source of typeof e.regex === 'string' ? [e.regex] : (e.regex ?? [])) expressions.push(new RegExp(source, flags));
        texts.push(...(e.tests?.matches ?? []), ...(e.tests?.doesNotMatch ?? []));
      }
    }
    let bounded = 0;
    let matched = 0;
    for (const re of expressions) {
      const r = requiredLiterals(re.source, re.flags);
      if (!r) continue;
      bounded++;
      for (const text of texts) {
        re.lastIndex = 0;
        if (!re.test(text)) continue;
        matched++;
        expect(mayMatch(r, r.ignoreCase ? foldForLiterals(text) : text), `${re} on ${text}`).toBe(true);
      }
    }
    // Most expressions get a requirement, and the check above saw real matches.
    expect(bounded).toBeGreaterThan(expressions.length / 2);
    expect(matched).toBeGreaterThan(20);
  });
});
