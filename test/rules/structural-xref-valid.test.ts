/** xref.valid: "paragraph N above/below" names an existing paragraph on the right side. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, lintDraft, readDraft, type RuleSetting } from '../../server/src/engine/index';
import { xrefValid } from '../../server/src/engine/rules/xref-valid';
import { builtinEngine } from '../engine/helpers';

function lint(text: string, rules: Record<string, RuleSetting> = {}) {
  const engine = builtinEngine();
  return lintDraft(readDraft('test.draft', text), { acquis: engine.acquis, matcher: engine.matcher, config: { ...DEFAULT_CONFIG, rules } }, [xrefValid])
    .findings;
}
const doc = (...blocks: string[]): string => `${blocks.join('\n\n')}\n`;
const flagged = (text: string, findings = lint(text)) => findings.map((f) => [f.data?.kind, text.slice(f.span.start, f.span.end)]);

describe('xref.valid', () => {
  it('accepts references to existing paragraphs on the right side, sub-paragraphs included', () => {
    const text = doc(
      '1. States agreed:\n  (a) one;\n  (b) two.',
      '2. As noted in paragraph 1 (b) above and paragraphs 3 and 4 below.',
      '3. Three.',
      '4. Four, see paragraphs 1 to 3 above.',
    );
    expect(lint(text)).toEqual([]);
  });

  it('names operative paragraphs by their number, as resolutions do', () => {
    const text = doc('OP1. Welcomes.', 'OP2. Recalls the concepts.', 'OP3. Invites views on the concepts mentioned in paragraph 2 above.');
    expect(lint(text)).toEqual([]);
  });

  it('flags a paragraph on the wrong side, saying where it is, with no fix', () => {
    const text = doc('## A. Threats', '1. See paragraph 2 above.', '## B. Law', '2. Two.');
    const findings = lint(text);
    expect(flagged(text, findings)).toEqual([['wrongSide', '2']]);
    expect(findings[0]!.message).toBe('"paragraph 2 above": paragraph 2 is below this reference, not above (under "B. Law").');
    expect(findings[0]!.severity).toBe('warning');
    expect(findings[0]!.fixes).toEqual([]);
  });

  it('flags a paragraph that does not exist, and a missing sub-paragraph', () => {
    const text = doc('1. States agreed:\n  (a) one.', '2. See paragraph 7 below and paragraph 1 (c) above.');
    const findings = lint(text);
    expect(flagged(text, findings)).toEqual([
      ['missing', '7'],
      ['missingSubparagraph', '1 (c)'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'There is no paragraph 7 in this document ("paragraph 7 below").',
      'Paragraph 1 has no sub-paragraph (c).',
    ]);
  });

  it('flags a reference to the paragraph it is in', () => {
    const text = doc('1. One.', '2. As set out in paragraph 2 above.');
    expect(flagged(text)).toEqual([['self', '2']]);
  });

  it('reads a footnote from where it is called', () => {
    const ok = doc('1. One.[^1]', '2. Two.', '[^1]: See paragraph 2 below.');
    expect(lint(ok)).toEqual([]);
    const wrong = doc('1. One.', '2. Two.[^1]', '[^1]: See paragraph 3 above.', '3. Three.');
    expect(flagged(wrong)).toEqual([['wrongSide', '3']]);
  });

  it('leaves references inside quotations of other texts alone', () => {
    const text = doc('1. States recalled “the concepts mentioned in paragraph 3 above” of resolution 73/27.');
    expect(lint(text)).toEqual([]);
  });

  it('treats a paragraph missing from an excerpt as information', () => {
    const text = doc('---\nexcerpt: true\n---', '22. See paragraph 40 below and paragraph 5 above.', '23. Text.');
    const findings = lint(text);
    expect(flagged(text, findings)).toEqual([
      ['notInExcerpt', '40'],
      ['notInExcerpt', '5'],
    ]);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('takes severities per kind from its options', () => {
    const text = doc('1. See paragraph 2 above.', '2. Two.');
    expect(lint(text, { 'xref.valid': 'error' }).map((f) => f.severity)).toEqual(['error']);
    expect(lint(text, { 'xref.valid': { wrongSide: 'off' } })).toEqual([]);
  });

  it('finds nothing in the demo draft and the resolutions of the acquis', () => {
    for (const file of ['samples/demo.draft', 'server/acquis/A-RES-73-27.draft', 'server/acquis/A-RES-73-266.draft']) {
      expect(lint(readFileSync(file, 'utf8')), file).toEqual([]);
    }
  });
});
