/**
 * The literal prefilter's automaton (literal-automaton.ts) must say exactly what `includes` says:
 * on the view text for case-sensitive literals, on `foldForLiterals(text)` for the others.
 */
import { describe, expect, it } from 'vitest';
import { LiteralAutomaton } from '../../server/src/engine/rules/literal-automaton';
import { foldForLiterals } from '../../server/src/engine/rules/regex-literals';
import { mulberry32 as random } from '../grammar/helpers';

function found(automaton: LiteralAutomaton, count: number, text: string): boolean[] {
  const present = new Uint8Array(count + 1);
  automaton.scan(text, present, 1);
  return [...present.slice(1)].map((x) => x === 1);
}

describe('LiteralAutomaton', () => {
  it('finds every literal, overlapping and nested ones too', () => {
    const literals = ['ember states', 'states', 'state', 'tat', ' to ', 'are', 'ICT', 'ICTs', 'on-', 'member’s'];
    const automaton = new LiteralAutomaton(literals, literals.map((_, i) => i), false);
    expect(found(automaton, literals.length, 'Member states are to ICTs')).toEqual(
      literals.map((l) => 'Member states are to ICTs'.includes(l)),
    );
    expect(found(automaton, literals.length, 'the member’s on-line ICT')).toEqual([false, false, false, false, false, false, true, false, true, true]);
  });

  it('agrees with includes on random texts, case-sensitive and folded', () => {
    const next = random(11);
    const alphabet = 'aAbBcCsStTiIkK -’\'ſİ\u212aé\u0307';
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const ignoreCase = round % 2 === 1;
      const literals = [...new Set(Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick(1 + Math.floor(next() * 4))))]
        .map((l) => (ignoreCase ? foldForLiterals(l) : l))
        .filter((l) => /^[ -~’]+$/.test(l));
      if (!literals.length) continue;
      const automaton = new LiteralAutomaton(literals, literals.map((_, i) => i), ignoreCase);
      for (let k = 0; k < 20; k++) {
        const text = pick(Math.floor(next() * 40));
        const seen = ignoreCase ? foldForLiterals(text) : text;
        expect(found(automaton, literals.length, text), `${JSON.stringify(literals)} in ${JSON.stringify(text)}`).toEqual(
          literals.map((l) => seen.includes(l)),
        );
      }
    }
  });

  it('finds case-sensitive literals exactly while reading the text folded', () => {
    // One folded automaton for both case modes: a literal with an exact spelling is found only
    // where the text reads so (includes on the text), the others wherever the folded text has them.
    const next = random(23);
    const alphabet = 'aAbBsStTiI -’\'ſİ\u212a';
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const spellings = [...new Set(Array.from({ length: 1 + Math.floor(next() * 10) }, () => pick(1 + Math.floor(next() * 4))))].filter((l) =>
        /^[ -~’]+$/.test(l),
      );
      if (!spellings.length) continue;
      const exact = spellings.map((l, i) => (i % 2 === 0 ? l : undefined));
      const literals = spellings.map((l, i) => (exact[i] === undefined ? foldForLiterals(l) : l.toLowerCase()));
      const automaton = new LiteralAutomaton(literals, literals.map((_, i) => i), true, exact);
      for (let k = 0; k < 20; k++) {
        const text = pick(Math.floor(next() * 40));
        expect(found(automaton, literals.length, text), `${JSON.stringify(spellings)} in ${JSON.stringify(text)}`).toEqual(
          literals.map((l, i) => (exact[i] === undefined ? foldForLiterals(text).includes(l) : text.includes(exact[i]!))),
        );
      }
    }
    const automaton = new LiteralAutomaton(['states', 'icts'], [0, 1], true, ['states', 'ICTS']);
    expect(found(automaton, 2, 'Member States and ICTs, member states')).toEqual([true, false]);
    expect(found(automaton, 2, 'the States’ ICTS')).toEqual([false, true]);
  });

  it('folds every character whose lower case holds an ASCII character or the right quotation mark', () => {
    // The automaton folds A-Z, İ, ſ and the Kelvin sign itself: no other UTF-16 code unit (nor a
    // character outside the BMP) lower-cases to anything a literal can hold.
    const literalChar = /[\x00-\x7f’]/;
    const special = new Set([0x130, 0x17f, 0x212a]);
    const missed: number[] = [];
    for (let c = 0x80; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (!special.has(c) && literalChar.test(foldForLiterals(String.fromCodePoint(c))) && String.fromCodePoint(c) !== '’') missed.push(c);
    }
    expect(missed).toEqual([]);
  });
});
