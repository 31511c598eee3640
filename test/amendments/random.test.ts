/**
 * Random drafts (paragraphs and sub-paragraphs made of words, punctuation, line breaks,
 * amendments by several proposers with and without rationales, highlights and free comments),
 * resolved with random selections: every invariant of `resolveChecked` holds on each, and
 * resolving never throws.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/index';
import { resolveAmendments, type ResolveSelection } from '../../server/src/engine/amendments/index';
import { mulberry32 } from '../grammar/helpers';
import { resolveChecked } from './helpers';

const WORDS = ['States', 'norms', 'international', 'law', 'the', 'ICTs', 'capacity-building', 'cooperation', 'of', 'and'];
const PUNCT = [',', '.', ';', ':'];
const PROPOSERS = ['Japan', 'China', 'Iran (Islamic Republic of)', 'European Union', undefined];

function draft(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const who = (): string => {
    const p = pick(PROPOSERS);
    return p ? `@${p}: ` : random() < 0.5 ? ' ' : '';
  };
  const inline = (): string => {
    let out = '';
    const pieces = 2 + Math.floor(random() * 8);
    for (let i = 0; i < pieces; i++) {
      const r = random();
      const sep = random() < 0.15 ? '\n' : random() < 0.8 ? ' ' : '';
      if (r < 0.45) out += words(1 + Math.floor(random() * 4));
      else if (r < 0.55) out += pick(PUNCT);
      else if (r < 0.65) out += `{++${who()}${random() < 0.2 ? pick(PUNCT) + ' ' : ''}${words(1 + Math.floor(random() * 3))}++}`;
      else if (r < 0.75) out += `{--${who()}${words(1 + Math.floor(random() * 3))}--}`;
      else if (r < 0.85) out += `{~~${who()}${words(1 + Math.floor(random() * 2))}~>${words(1 + Math.floor(random() * 3))}~~}`;
      else if (r < 0.92) out += `{==${words(2)}==}`;
      else out += `{>>${who()}${words(3)}<<}`;
      // A rationale right after an amendment, now and then.
      if (r >= 0.55 && r < 0.85 && random() < 0.5) out += `${random() < 0.2 ? ' ' : ''}{>>${who()}${words(4)}<<}`;
      out += sep;
    }
    return out.trim() || words(2);
  };
  const blocks: string[] = [];
  const n = 1 + Math.floor(random() * 4);
  for (let i = 1; i <= n; i++) {
    let block = `${i}. ${inline()}`;
    if (random() < 0.4) block += `\n  (a) ${inline()}\n  (b) ${inline()}`;
    blocks.push(block);
  }
  return `${blocks.join('\n\n')}\n`;
}

function selection(random: () => number): ResolveSelection[] {
  const out: ResolveSelection[] = [];
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) {
    const s: ResolveSelection = { action: random() < 0.5 ? 'accept' : 'reject' };
    const r = random();
    if (r < 0.3) s.proposers = ['all'];
    else if (r < 0.9) s.proposers = [PROPOSERS[Math.floor(random() * PROPOSERS.length)] ?? 'unattributed'];
    if (random() < 0.3) s.paragraphs = [String(1 + Math.floor(random() * 3))];
    out.push(s);
  }
  return out;
}

describe('random drafts and selections', () => {
  const random = mulberry32(20200311);
  const cases = Array.from({ length: 1000 }, (_, i) => {
    const text = draft(random);
    // One draft in five with Windows line endings.
    return { i, text: random() < 0.2 ? text.replace(/\n/g, '\r\n') : text, sel: selection(random) };
  });
  const wellFormed = cases.filter(({ text }) => parse(text).problems.length === 0);

  it('most random drafts are well formed', () => {
    expect(wellFormed.length).toBeGreaterThan(750);
  });

  it('every invariant holds on each well-formed draft', () => {
    const labels = (t: string): string[] => parse(t).document.paragraphs.map((p) => p.label?.text ?? '');
    for (const { i, text, sel } of wellFormed) {
      try {
        const r = resolveChecked(text, sel);
        // Resolving everything that is left, one way or the other, leaves no proposal.
        const rest = resolveAmendments(r.text, parse(r.text).document, [{ action: 'accept' }]);
        expect(rest.text).not.toMatch(/\{\+\+|\{--|\{~~/);
        // The paragraphs are still there, with the same labels (unless one lost every word).
        const emptied = r.edits.some((e) => /^\s*\d+\./m.test(text.slice(e.start, e.end)));
        if (!emptied) expect(labels(r.text)).toEqual(labels(text));
        // Tidy spacing: no double space inside a line and no space before punctuation that the
        // draft did not already have.
        const count = (t: string, re: RegExp): number => t.match(re)?.length ?? 0;
        expect(count(r.text, /\S[ \t]{2,}\S/g)).toBeLessThanOrEqual(count(text, /\S[ \t]{2,}\S/g));
        // (A label keeps its space even when the text after it now starts with punctuation.)
        const punct = (t: string): number =>
          [...t.matchAll(/[ \t][,.;:]/g)].filter((m) => !/(?:^|[\r\n])[ \t]*(?:\d+\.|\([a-z]+\))$/.test(t.slice(0, m.index))).length;
        expect(punct(r.text)).toBeLessThanOrEqual(punct(text));
        // Line endings are not mixed.
        if (text.includes('\r\n')) expect(r.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      } catch (error) {
        throw new Error(`case ${i}: ${JSON.stringify(text)}\nselection: ${JSON.stringify(sel)}\n${(error as Error).message}`);
      }
    }
  });

  it('never throws, even on broken markup', () => {
    const broken = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      let text = draft(broken);
      const cut = Math.floor(broken() * text.length);
      text = text.slice(0, cut) + text.slice(cut + 1 + Math.floor(broken() * 5));
      expect(() => resolveAmendments(text, parse(text).document, [{ action: broken() < 0.5 ? 'accept' : 'reject' }])).not.toThrow();
    }
  });
});
