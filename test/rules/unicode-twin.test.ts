/**
 * The lexicon expressions' twins without the `u` flag (rules/unicode-twin.ts) match exactly as the
 * expressions do on every text `twinReads` accepts, and the texts it refuses are those on which
 * they may not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../bench/draft-gen';
import { joinBuiltinLexicons } from '../../server/src/engine/rules/builtin-lexicons';
import { twinReads, unicodeTwin } from '../../server/src/engine/rules/unicode-twin';
import { mulberry32 as random } from '../grammar/helpers';

/** Every match with its indices, as the lexicon pass reads them. */
function matches(re: RegExp, text: string): unknown[] {
  const out: unknown[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m[0], m.indices?.groups?.['hit'] ?? m.indices?.[0]]);
  }
  return out;
}

describe('expressions without the u flag', () => {
  const expressions = joinBuiltinLexicons().flatMap((l) => l.entries.flatMap((e) => e.regexes));

  it('every built-in expression has a twin that matches as it does wherever twinReads says so', () => {
    expect(expressions.length).toBeGreaterThan(15);
    const texts = [
      ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readFileSync(`samples/${f}`, 'utf8')),
      generateDraft().draft,
      ...readdirSync('server/src/engine/data/lexicons')
        .filter((f) => f.endsWith('.json') && f !== 'lexicon.schema.json')
        .flatMap((f) => (JSON.parse(readFileSync(`server/src/engine/data/lexicons/${f}`, 'utf8')) as { entries: Array<{ tests?: { matches?: string[]; doesNotMatch?: string[] } }> }).entries)
        .flatMap((e) => [...(e.tests?.matches ?? []), ...(e.tests?.doesNotMatch ?? [])]),
    ];
    // Random texts made of the expressions' words, case changed, with typographic and non-ASCII letters.
    const next = random(7);
    const pieces = ['norms', 'NORMS', 'Norm', ' ', ' ', ', ', '. ', 'must', 'be', 'bound by', 'legally', 'not', 'States', 'states', 'Member', 'member', 'ICT', 'ICTs', "ICT's", 'ICT’s', 'Icts', 'state', 'behaviour', 'international law', 'is', 'voluntary', 'non-', 'cyber', 'security', 'Security', 'é', 'İ', 'ß', '“', '’', '(', '-', 'the', 'its', 'EU', 'obligations under', 'comply with', 'expressed'];
    for (let i = 0; i < 400; i++) texts.push(Array.from({ length: 1 + Math.floor(next() * 30) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
    let compared = 0;
    for (const re of expressions) {
      const twin = unicodeTwin(re);
      expect(twin, re.source).not.toBeNull();
      expect(twin!.flags).toBe(re.flags.replace('u', ''));
      for (const text of texts) {
        if (!twinReads(text)) continue;
        expect(matches(twin!, text), `${re.source} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(matches(re, text));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  it('refuses the texts on which a twin may read otherwise, and sources that need the u flag', () => {
    // Unicode case folding reads the long s as s and the Kelvin sign as k; a surrogate pair is one character.
    expect(matches(/norms\b/giu, 'the normſ')).not.toEqual(matches(unicodeTwin(/norms\b/giu)!, 'the normſ'));
    expect(matches(/\bkinetic/giu, 'a \u212Ainetic')).not.toEqual(matches(unicodeTwin(/\bkinetic/giu)!, 'a \u212Ainetic'));
    expect(matches(/a[^.]b/gu, 'a😀b')).not.toEqual(matches(unicodeTwin(/a[^.]b/gu)!, 'a😀b'));
    for (const text of ['the normſ', 'a \u212Ainetic', 'a😀b']) expect(twinReads(text)).toBe(false);
    expect(twinReads('Member States’ “norms” – İstanbul, Straße, é')).toBe(true);
    for (const re of [/\p{L}+/gu, /\u{1F600}/gu, /caf\u00e9/giu, /café/giu, /x/g]) expect(unicodeTwin(re), re.source).toBeNull();
  });
});
