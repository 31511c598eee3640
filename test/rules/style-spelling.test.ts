/** style.spelling through a lint: Oxford spelling, certain fixes, quotations and citations left alone. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../bench/draft-gen';
import { parse } from '../../grammar/src/index';
import { fixAll, readDraft } from '../../server/src/engine/index';
import { textUnits, type CompiledEntry, type RawHit, type TextUnit } from '../../server/src/engine/rules/lexicon';
import { iseToIze, styleSpelling, styleSpellingLexicon } from '../../server/src/engine/rules/style-spelling';
import { flagged, lint } from './helpers';

describe('style.spelling', () => {
  it('flags US and -ise spellings with safe fixes that fix-all applies', () => {
    const text = [
      '# D. Rules, Norms and Principles for Responsible State Behavior',
      '',
      '5. Regional organisations recognised the need for a program of action on the behavior of States.[^1]',
      '',
      '[^1]: On self-defense, see paragraph 5 above.',
      '',
    ].join('\n');
    const findings = lint(text, styleSpelling);
    expect(flagged(text, findings)).toEqual(['Behavior', 'organisations', 'recognised', 'program', 'behavior', 'defense']);
    expect(findings.every((f) => f.severity === 'info' && f.fixes.length === 1 && f.fixes[0]!.safe)).toBe(true);
    const { text: fixed } = fixAll(text, (t) => lint(t, styleSpelling));
    expect(fixed).toBe(
      [
        '# D. Rules, Norms and Principles for Responsible State Behaviour',
        '',
        '5. Regional organizations recognized the need for a programme of action on the behaviour of States.[^1]',
        '',
        '[^1]: On self-defence, see paragraph 5 above.',
        '',
      ].join('\n'),
    );
    expect(lint(fixed, styleSpelling)).toEqual([]);
    expect(parse(fixed).problems).toEqual([]);
  });

  it('does not flag quotations, citations, names, Oxford roots or computer programs', () => {
    const text = [
      '5. Germany recalled “the behavior of States in cyberspace” and the Stimson Center, as A/70/174, para. 33 notes.',
      '',
      '6. States advise caution, exercise restraint, analyse threats and revise a malicious computer program; the judgment of the International Court of Justice.',
      '',
    ].join('\n');
    expect(lint(text, styleSpelling)).toEqual([]);
  });

  it('offers but does not apply a fix inside a pending amendment', () => {
    const text = '5. Norms of responsible State {~~@Japan: behavior~>conduct~~}.\n';
    const findings = lint(text, styleSpelling);
    expect(flagged(text, findings)).toEqual(['behavior']);
    expect(findings[0]!.fixes[0]!.safe).toBe(false);
  });
});

/** The -ise finder read plainly: every word of the unit through the Unicode expression, no shortcut. */
function referenceIse(unit: TextUnit, entry: CompiledEntry): RawHit[] {
  const options = entry.data.options as { roots: string[]; endings: string[] };
  const text = unit.view.text;
  const hits: RawHit[] = [];
  for (const word of unit.words()) {
    const surface = text.slice(word.start, word.end);
    const m = /^(\p{L}{3,}?)(is)(e|es|ed|ing|ation|ations|er|ers)((?:['’]s)?)$/iu.exec(surface);
    if (!m) continue;
    const root = `${m[1]!}ise`.toLowerCase();
    if (options.roots.some((r) => r.toLowerCase() === root) || options.endings.some((e) => root.endsWith(e))) continue;
    const at = m[1]!.length;
    hits.push({ start: word.start, end: word.end, replacement: [`${surface.slice(0, at + 1)}${m[2]![1] === 'S' ? 'Z' : 'z'}${surface.slice(at + 2)}`] });
  }
  return hits;
}

describe('the -ise finder', () => {
  it('finds what reading every word finds, in the same order', () => {
    const entry = styleSpellingLexicon().entries.find((e) => e.finder)!;
    const traps = [
      '1. Organisation’s ORGANISED recognise Recognising organisers’ organiser\'s ORGANISATION’S organisations; advise, exercise, otherwise, revised, compromising.',
      '',
      '2. Réorganise naïvisation Ωrganise ORGANİSED organiſe ſtandardise, organiſation and 2organise x9organised organisationally organisational.',
      '',
      '3. The information and communications technologies organised; militarisation-free, re-organise, e-organise, is e, this edition, isation, raise, praised.',
      '',
      '4. Priſe aside: mobilise stabilising; CAPITALISE; Capitalisation’S; equalisers’s analyse.',
      '',
    ].join('\n');
    const drafts = [
      ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readDraft(f, readFileSync(`samples/${f}`, 'utf8'))),
      readDraft('bench.draft', generateDraft().draft),
      readDraft('traps.draft', traps),
    ];
    let hits = 0;
    for (const draft of drafts) {
      for (const unit of textUnits(draft)) {
        const expected = referenceIse(unit, entry);
        hits += expected.length;
        expect(iseToIze(unit, entry), unit.view.text.slice(0, 60)).toEqual(expected);
      }
    }
    expect(hits).toBeGreaterThan(15);
  });
});
