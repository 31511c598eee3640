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
});
