/**
 * samples/oewg-pre-draft.draft: Japan's 24 proposals on the OEWG Chair's pre-draft (March 2020).
 * Accepting them all gives Japan's text, rejecting them all gives the Chair's, and every paragraph
 * resolved on its own leaves the rest of the file as it was.
 */
import { describe, expect, it } from 'vitest';
import { inlineView, parse, type DraftDocument, type Inline } from '../../grammar/src/index';
import { collectAmendments, foldRef, viewDraft } from '../../server/src/engine/amendments/index';
import { unitsOf } from '../../server/src/engine/index';
import { resolveChecked, sampleText, squash } from './helpers';

const text = sampleText();
const { document, problems } = parse(text);
const entries = collectAmendments(text, document);

/**
 * The plain words of every unit (chapeau, sub-paragraph) of a document, in a view. Units with no
 * words are left out: a sub-paragraph whose whole text is deleted goes when the deletion is accepted.
 */
const unitTexts = (source: string, mode: 'current' | 'accepted'): string[] =>
  unitsOf(parse(source).document, source, mode)
    .map((u) => u.view.text)
    .filter(Boolean);

/** Every comment and highlight in a document, as written. */
function marks(source: string, doc: DraftDocument, kind: 'comment' | 'highlight'): string[] {
  const out: string[] = [];
  const walk = (list: Inline[]): void => {
    for (const node of list) {
      if (node.type === 'amendment') {
        if (node.kind === kind) out.push(source.slice(node.span.start, node.span.end));
        walk(node.content);
        if (node.replacement) walk(node.replacement);
      } else if (node.type === 'bracket') node.options.forEach(walk);
      else if (node.type === 'quotation') walk(node.content);
    }
  };
  for (const p of doc.paragraphs) {
    walk(p.content);
    const subs = (list: typeof p.subparagraphs): void => list.forEach((s) => (walk(s.content), subs(s.children)));
    subs(p.subparagraphs);
  }
  return out;
}

describe('the OEWG pre-draft sample', () => {
  it('has 24 proposals, all by Japan, and parses cleanly', () => {
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(24);
    expect(new Set(entries.map((e) => e.proposer))).toEqual(new Set(['Japan']));
    expect(entries.map((e) => e.kind).filter((k) => k === 'insert')).toHaveLength(6);
    expect(entries.map((e) => e.kind).filter((k) => k === 'delete')).toHaveLength(3);
    expect(entries.map((e) => e.kind).filter((k) => k === 'replace')).toHaveLength(15);
  });

  it("accepting all Japan's proposals gives Japan's text", () => {
    const r = resolveChecked(text, [{ action: 'accept', proposers: ['Japan'] }]);
    expect(r).toMatchObject({ resolved: 24, accepted: 24, rejected: 0 });
    const plain = squash(r.text);
    expect(plain).toContain('international law, and in particular the Charter of the United Nations in its entirety, is applicable');
    expect(plain).toContain('reinforce adherence to international law');
    expect(plain).toContain('a number of States are developing ICT capabilities for military purposes');
    expect(plain).not.toContain('militarization of the digital space~>');
    // Word for word, each unit now reads as the accepted view of the draft did.
    expect(unitTexts(r.text, 'current')).toEqual(unitTexts(text, 'accepted'));
    expect(collectAmendments(r.text, parse(r.text).document)).toEqual([]);
  });

  it("rejecting all restores the Chair's text", () => {
    const r = resolveChecked(text, [{ action: 'reject', proposers: ['all'] }]);
    expect(r).toMatchObject({ resolved: 24, accepted: 0, rejected: 24 });
    expect(unitTexts(r.text, 'current')).toEqual(unitTexts(text, 'current'));
    const plain = squash(r.text);
    expect(plain).toContain('reinforce respect for international law');
    expect(plain).toContain('the Charter of the United Nations, is applicable');
    expect(plain).not.toContain('in its entirety, is applicable');
    expect(plain).not.toContain('self-defense is recognized');
  });

  it('removes the rationales with their amendments, and keeps highlights and free comments', () => {
    const withReason = entries.filter((e) => e.rationale).length;
    expect(withReason).toBe(23);
    const before = { comments: marks(text, document, 'comment'), highlights: marks(text, document, 'highlight') };
    for (const action of ['accept', 'reject'] as const) {
      const out = resolveChecked(text, [{ action, proposers: ['all'] }]).text;
      const doc = parse(out).document;
      expect(marks(out, doc, 'highlight')).toEqual(before.highlights);
      const rationales = new Set(entries.flatMap((e) => (e.node.rationale ? [text.slice(e.node.rationale.span.start, e.node.rationale.span.end)] : [])));
      expect(marks(out, doc, 'comment')).toEqual(before.comments.filter((c) => !rationales.has(c)));
      expect(marks(out, doc, 'comment')).toHaveLength(before.comments.length - 23);
    }
  });

  describe('each paragraph on its own', () => {
    const refs = [...new Set(entries.map((e) => e.place.ref))];
    it('covers 16 paragraphs', () => expect(refs).toHaveLength(16));
    it.each(refs)('paragraph %s: only its amendments are resolved, every other byte is kept', (ref) => {
      for (const action of ['accept', 'reject'] as const) {
        const r = resolveChecked(text, [{ action, proposers: ['all'], paragraphs: [ref] }]);
        const here = entries.filter((e) => foldRef(e.place.ref) === foldRef(ref));
        expect(r.resolved).toBe(here.length);
        const left = collectAmendments(r.text, parse(r.text).document);
        expect(left).toHaveLength(24 - here.length);
        expect(left.every((e) => e.place.ref !== ref)).toBe(true);
      }
    });
  });

  it('paragraph 68 by sub-paragraph pinpoint', () => {
    const r = resolveChecked(text, [{ action: 'accept', proposers: ['Japan'], paragraphs: ['68 (a)'] }]);
    expect(r.resolved).toBe(3);
    // (i) and (iii) were deleted whole: they go, labels and all (renumbering is left to the drafter).
    expect(r.text).toContain('68. …\n  (a) …\n    (ii) Member States be invited to submit, on a voluntary basis, national views and practice on\n    the voluntary, non-binding norms of');
    expect(r.text).toContain('of the United Nations Institute for Disarmament Research.\n  (b) …\n');
    const p68 = parse(r.text).document.paragraphs.find((p) => p.label?.text === '68')!;
    expect(p68.subparagraphs[0]!.children.map((c) => c.label.text)).toEqual(['(ii)']);
  });

  it('the views: proposed, accepted, original, and as Japan would have it', () => {
    expect(viewDraft(text, document, { kind: 'proposed' }).text).toBe(text);
    const accepted = viewDraft(text, document, { kind: 'accepted' });
    const japan = viewDraft(text, document, { kind: 'delegation', name: 'japan' });
    expect(japan).toMatchObject({ known: true, resolved: 24, proposers: ['Japan'] });
    expect(japan.text).toBe(accepted.text);
    const original = viewDraft(text, document, { kind: 'original' });
    expect(unitTexts(original.text, 'current')).toEqual(unitTexts(text, 'current'));
    const china = viewDraft(text, document, { kind: 'delegation', name: 'China' });
    expect(china.known).toBe(false);
    expect(china.text).toBe(original.text);
  });

  it('the view words of a paragraph match inlineView on the original', () => {
    const p22 = document.paragraphs.find((p) => p.label?.text === '22')!;
    const accepted = viewDraft(text, document, { kind: 'accepted' }).text;
    const p22After = parse(accepted).document.paragraphs.find((p) => p.label?.text === '22')!;
    expect(inlineView(p22After.content, accepted, 'current').text).toBe(inlineView(p22.content, text, 'accepted').text);
  });
});
