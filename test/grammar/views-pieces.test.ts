/**
 * Views merge runs separated by one source space into one piece: the view text and every offset
 * mapping (start, end, contiguity) must be what the one-piece-per-run views gave, in both modes,
 * on the samples, the acquis and fuzzed drafts (random markup and mutated samples).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/parse';
import { inlineView } from '../../grammar/src/views';
import type { Inline } from '../../grammar/src/ast';
import { inlineView as referenceView } from './views-reference';
import { mutatedInput, randomInput } from './fuzz-inputs';
import { mulberry32 } from './helpers';

/** Inline content of every paragraph, sub-paragraph, heading and footnote of a parsed text. */
function contents(text: string): Inline[][] {
  const out: Inline[][] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.content) && record.type !== 'amendment' && record.type !== 'quotation') out.push(record.content as Inline[]);
    for (const [key, value] of Object.entries(record)) if (key !== 'span' && typeof value === 'object') visit(value);
  };
  visit(parse(text).document);
  return out;
}

/** What both view classes answer (their private pieces differ). */
interface Mapped {
  text: string;
  toSourceStart(offset: number): number;
  toSourceEnd(offset: number): number;
  isContiguous(start: number, end: number): boolean;
}

/** The view's text and its mapping of every offset, as one comparable value. */
function mapping(view: Mapped): string[] {
  const n = view.text.length;
  const out = [view.text];
  for (let i = 0; i <= n; i++) out.push(`${i}:${view.toSourceStart(i)}-${view.toSourceEnd(i)}`);
  for (let i = 0; i < n; i += 7) {
    const j = Math.min(n, i + 1 + ((i * 13) % 40));
    out.push(`${i}-${j}:${view.isContiguous(i, j)}`);
  }
  return out;
}

function same(view: Mapped, reference: Mapped, label: string): void {
  const a = mapping(view);
  const b = mapping(reference);
  // One comparison per view: a failure still shows the first differing entry.
  if (a.join('\n') !== b.join('\n')) expect(a, label).toEqual(b);
}

function check(text: string, label: string): void {
  for (const content of contents(text)) {
    for (const mode of ['current', 'accepted'] as const) same(inlineView(content, text, mode), referenceView(content, text, mode), `${label} ${mode}`);
  }
}

describe('views with merged pieces', () => {
  it('map the samples and the acquis as before', () => {
    const files = [
      ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f)),
      ...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).map((f) => join('server/acquis', f)),
    ];
    for (const file of files) check(readFileSync(file, 'utf8'), file);
  });

  it('map prose of words, single spaces, punctuation, brackets and quotes as before (words joined at once)', () => {
    const random = mulberry32(2207);
    const parts = ['word', 'A/70/174', 'ICTs', '(', ')', '“', '”', '‘', '’', ',', '.', ';', ':', '!', '?', '[', ']', '{++x++}', '[^1]', '\\[', ' ', '  ', '\t', '\u00a0', '\n', 'é'];
    for (let k = 0; k < 400; k++) {
      let body = '';
      for (let n = 0; n < 60; n++) body += parts[Math.floor(random() * parts.length)]! + (random() < 0.6 ? ' ' : '');
      check(`1. ${body}\n`, `prose ${k}: ${JSON.stringify(body)}`);
    }
  });

  it('map single-spaced runs of text, read in one piece without a search, as before', () => {
    const random = mulberry32(3109);
    const parts = ['word', 'and', 'decides', 'States', 'resolution 70/1', 'para. 2', '(', ')', '‘', '’', ',', '.', ';', ':', '!', '?', 'x-y', 'a+b', 'é', '[x]', '{++x++}', '\\[', '(a)', '12.'];
    const spacing = [' ', ' ', ' ', '', '  ', '\n', '\r\n', '\r', '\t', '\u00a0', '\n\n'];
    for (let k = 0; k < 500; k++) {
      let body = '';
      for (let n = 0; n < 40; n++) body += parts[Math.floor(random() * parts.length)]! + spacing[Math.floor(random() * spacing.length)]!;
      check(`${k % 2 ? '# ' : '1. '}${body}\n`, `single-spaced ${k}: ${JSON.stringify(body)}`);
    }
  });

  it('map a source other than the last one parsed (no single-spaced stretches, no spaced copy) as before', () => {
    const random = mulberry32(5501);
    for (let k = 0; k < 200; k++) {
      const text = k % 2 ? randomInput(random) : mutatedInput(random);
      const contentsOfText = contents(text);
      parse(`${text} and another source`);
      for (const content of contentsOfText) {
        for (const mode of ['current', 'accepted'] as const) same(inlineView(content, text, mode), referenceView(content, text, mode), `case ${k} ${mode}`);
      }
    }
  });

  it('map fuzzed drafts as before', () => {
    const random = mulberry32(1103);
    for (let k = 0; k < 600; k++) {
      const text = k % 2 ? randomInput(random) : mutatedInput(random);
      check(text, `case ${k}`);
    }
  });
});
