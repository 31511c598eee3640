/**
 * The paragraphs of a `.draft` as the tests compare them: label, words (the current view, markup
 * dropped) and the words of the footnotes each refers to. Shared by the importer's golden tests.
 */
import { inlineView, parse } from '../../grammar/src/index';
import { collectAmendments } from '../../server/src/engine/amendments/collect';

export interface Unit {
  label: string;
  text: string;
  notes: string[];
}

export function draftUnits(draft: string): Unit[] {
  const { document } = parse(draft);
  const notes = new Map(document.footnotes.map((f) => [f.id, inlineView(f.content, draft).text]));
  const refsIn = (content: { type: string; id?: string }[]): string[] =>
    content.filter((n) => n.type === 'footnoteReference').map((n) => notes.get(n.id!) ?? `(undefined ${n.id})`);
  const out: Unit[] = [];
  for (const p of document.paragraphs) {
    const label = p.label?.text ?? '(unnumbered)';
    out.push({ label, text: inlineView(p.content, draft).text, notes: refsIn(p.content) });
    const walk = (subs: typeof p.subparagraphs): void => {
      for (const s of subs) {
        out.push({ label: `${label} ${s.label.text}`, text: inlineView(s.content, draft).text, notes: refsIn(s.content) });
        walk(s.children);
      }
    };
    walk(p.subparagraphs);
  }
  return out;
}

/** What the engine sees in a draft: each proposal with its proposer and rationale. */
export function proposals(text: string): Array<Record<string, string | undefined>> {
  return collectAmendments(text, parse(text).document).map((e) => ({
    kind: e.kind,
    proposer: e.proposer,
    old: e.oldText,
    new: e.newText,
    rationale: e.rationale,
  }));
}
