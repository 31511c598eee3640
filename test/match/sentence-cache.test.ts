/**
 * The matcher remembers each sentence's matches by its text (matcher.ts, `rememberSentence`): a
 * sentence met again, in another paragraph or at another place, must get exactly what a matcher
 * that never saw it finds, as new objects.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinAcquisDir, readAcquisFolder } from '../../server/src/cli/node-host';
import { buildAcquis, readDraft, Matcher, type PrecedentMatch } from '../../server/src/engine/index';
import { fingerprint } from '../../server/src/engine/match/matcher';
import { splitSentences } from '../../server/src/engine/text/sentences';

const { acquis } = buildAcquis(readAcquisFolder(builtinAcquisDir()));
const paragraphs = readdirSync('samples')
  .filter((f) => f.endsWith('.draft'))
  .flatMap((f) => readDraft(f, readFileSync(join('samples', f), 'utf8')).units.map((u) => u.view.text));

/** A match as plain data (the precedent by its id), for comparison. */
function plain(m: PrecedentMatch): unknown {
  return {
    ...m,
    precedent: m.precedent.id,
    draftWords: m.draftWords.map((w) => [w.start, w.end, w.key]),
    precedentWords: m.precedentWords.map((w) => [w.start, w.end, w.key]),
    lineage: m.lineage.map(plain),
  };
}

/** What a matcher that has seen nothing else finds in `text`. */
const fresh = (text: string): unknown[] => new Matcher(acquis).match(text).map(plain);

afterEach(() => vi.restoreAllMocks());

describe('sentences remembered by the matcher', () => {
  it('finds the same matches, moved, for sentences met again elsewhere', () => {
    const matcher = new Matcher(acquis);
    const quoted = paragraphs.filter((p) => fresh(p).length > 0);
    expect(quoted.length).toBeGreaterThan(10);
    for (const p of quoted) matcher.match(p);
    const computed = vi.spyOn(matcher as unknown as { matchSentence: () => PrecedentMatch[] }, 'matchSentence');
    let compared = 0;
    for (const p of quoted) {
      // The same sentences after a new first sentence (too short to have candidates): all met before.
      const moved = `The Group met twice. ${p}`;
      const again = matcher.match(moved);
      expect(again.map(plain)).toEqual(fresh(moved));
      compared += again.length;
    }
    expect(compared).toBeGreaterThan(20);
    expect(computed.mock.calls.length).toBe(0);
    // Each sentence twice in a row: the second is met again in the same paragraph.
    for (const p of quoted) {
      const doubled = splitSentences(p)
        .map((s) => p.slice(s.start, s.end))
        .map((s) => `${s} ${s}`)
        .join(' ');
      expect(matcher.match(doubled).map(plain)).toEqual(fresh(doubled));
    }
  });

  it('gives every paragraph its own match objects', () => {
    const matcher = new Matcher(acquis);
    const p = paragraphs.find((text) => matcher.match(text).some((m) => m.changes.length > 0))!;
    const first = matcher.match(p);
    const second = matcher.match(`Members agreed. ${p}`);
    expect(second.length).toBe(first.length);
    for (let i = 0; i < first.length; i++) {
      expect(second[i]).not.toBe(first[i]);
      expect(second[i]!.start - first[i]!.start).toBe('Members agreed. '.length);
      expect(second[i]!.changes).not.toBe(first[i]!.changes);
      expect(second[i]!.runs).not.toBe(first[i]!.runs);
      for (let c = 0; c < first[i]!.changes.length; c++) expect(second[i]!.changes[c]).not.toBe(first[i]!.changes[c]);
    }
  });

  it('tells apart texts with the same fingerprint (one letter changed where it does not look)', () => {
    /** `text` with the letter at `at` changed, when the change keeps its fingerprint over [from, to). */
    const twin = (text: string, at: number, from: number, to: number): string | undefined => {
      if (!/[a-z]/.test(text[at]!)) return undefined;
      const changed = text.slice(0, at) + (text[at] === 'q' ? 'z' : 'q') + text.slice(at + 1);
      return fingerprint(changed, from, to) === fingerprint(text, from, to) ? changed : undefined;
    };
    const quoted = paragraphs.filter((p) => fresh(p).length > 0);
    let paragraphTwins = 0;
    let sentenceTwins = 0;
    let differing = 0;
    for (const p of quoted) {
      // Paragraphs: the twin is matched after the original, by the same matcher.
      for (let at = 1; at < p.length; at += 7) {
        const other = twin(p, at, 0, p.length);
        if (!other) continue;
        const matcher = new Matcher(acquis);
        matcher.match(p);
        const expected = fresh(other);
        expect(matcher.match(other).map(plain), `${p} at ${at}`).toEqual(expected);
        if (JSON.stringify(expected) !== JSON.stringify(fresh(p))) differing++;
        paragraphTwins++;
        break;
      }
      // Sentences: each sentence followed by its twin, in one paragraph.
      for (const s of splitSentences(p)) {
        const sentence = p.slice(s.start, s.end);
        for (let at = 1; at < sentence.length; at += 5) {
          const other = twin(sentence, at, 0, sentence.length);
          if (!other) continue;
          const doubled = `${sentence} ${other}`;
          expect(new Matcher(acquis).match(doubled).map(plain), doubled).toEqual(fresh(doubled));
          const separate = new Matcher(acquis);
          separate.match(sentence);
          const expected = fresh(other);
          expect(separate.match(other).map(plain), other).toEqual(expected);
          if (JSON.stringify(expected) !== JSON.stringify(fresh(sentence))) differing++;
          sentenceTwins++;
          break;
        }
      }
    }
    expect(paragraphTwins).toBeGreaterThan(10);
    expect(sentenceTwins).toBeGreaterThan(20);
    // Twins whose matches differ: a cache that confused them would have answered wrongly.
    expect(differing).toBeGreaterThan(10);
  });
});
