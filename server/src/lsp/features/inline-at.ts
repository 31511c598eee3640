/** Finding the markup under the cursor: which paragraph, and which inline node. */
import type { Citation, CrossReference, DraftDocument, Inline, Paragraph } from '../../../../grammar/src/index.js';

export function paragraphAt(document: DraftDocument, offset: number): Paragraph | undefined {
  return document.paragraphs.find((p) => offset >= p.span.start && offset <= p.span.end);
}

/** Every inline node of the document, nested ones included, in source order. */
export function* allInlines(document: DraftDocument): Generator<Inline> {
  const walk = function* (nodes: Inline[]): Generator<Inline> {
    for (const node of nodes) {
      yield node;
      if (node.type === 'bracket') for (const option of node.options) yield* walk(option);
      else if (node.type === 'amendment') {
        yield* walk(node.content);
        if (node.replacement) yield* walk(node.replacement);
      } else if (node.type === 'quotation') yield* walk(node.content);
    }
  };
  for (const p of document.paragraphs) {
    yield* walk(p.content);
    const subs = [...p.subparagraphs];
    while (subs.length) {
      const sub = subs.shift()!;
      yield* walk(sub.content);
      subs.unshift(...sub.children);
    }
  }
  for (const f of document.footnotes) yield* walk(f.content);
}

export function citationAt(document: DraftDocument, offset: number): Citation | CrossReference | undefined {
  for (const node of allInlines(document)) {
    if ((node.type === 'citation' || node.type === 'crossReference') && offset >= node.span.start && offset <= node.span.end) {
      return node;
    }
  }
  return undefined;
}
