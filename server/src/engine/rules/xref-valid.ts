/**
 * `xref.valid`: "paragraph 12 above" names a paragraph of this document that exists, on the side
 * the reference says (above: earlier in the document; below: later).
 *
 * A reference in a footnote is read from where the footnote is called in the text, not from the
 * footnote's own line at the end. References inside quotations of other texts name that text's
 * paragraphs and are left alone. Operative paragraphs are named by their number (`OP3` is
 * "paragraph 3"); preambular paragraphs are not numbered in the printed text and are never named.
 * In an excerpt (`excerpt: true`) a paragraph that is not there may just not be transcribed: that
 * is information. There is no fix: when the number exists only on the other side, which one the
 * drafter meant is not certain; the message says where it is.
 */
import type { DraftDocument, Paragraph, Span, Subparagraph } from '../../../../grammar/src/index.js';
import type { Rule, RuleContext, Severity } from './rule.js';
import { crossReferenceKey, crossReferencePins, isExcerpt, placedInlines, reportAs, sectionAt } from './structure-common.js';

const DEFAULT: Severity = 'warning';

function where(document: DraftDocument, p: Paragraph): string {
  const heading = sectionAt(document, p.span.start)?.heading.title;
  return heading ? ` (under "${heading}")` : '';
}

/** The sub-paragraph named by `(a) (ii)`, or the first label that is not there. */
function findSub(subs: Subparagraph[], labels: string[]): { missing?: string; found?: Subparagraph } {
  let found: Subparagraph | undefined;
  let list = subs;
  for (const label of labels) {
    const sub = list.find((s) => s.label.text === label);
    if (!sub) return { missing: label };
    found = sub;
    list = sub.children;
  }
  return found ? { found } : {};
}

export const xrefValid: Rule = {
  id: 'xref.valid',
  defaultSeverity: DEFAULT,
  summary: 'A cross-reference ("paragraph 12 above") must name an existing paragraph on the side it says.',
  docs:
    '"Paragraph 12 above" must name a paragraph 12 that comes before the reference, "paragraphs 3 and 4 below" ' +
    'paragraphs after it, and "paragraph 16 (a) above" a paragraph 16 with a sub-paragraph (a). A reference in a ' +
    'footnote counts from where the footnote is called. Operative paragraphs are named by their number; references ' +
    'inside quotations of other texts are not checked. When the number exists only on the other side, the message ' +
    'says so and where the paragraph is; there is no fix, because which was meant is not certain. In an excerpt ' +
    '(`excerpt: true`) a paragraph that is not there is information. Kinds (each can be given a severity or `off` ' +
    'as an option): `missing`, `wrongSide`, `self`, `missingSubparagraph`, `notInExcerpt`.',
  fixable: false,
  check(ctx: RuleContext) {
    const { document, text } = ctx.draft;
    const excerpt = isExcerpt(document);
    // Where each footnote is first called: its references count from there.
    const calls = new Map<string, { at: number; paragraph?: Paragraph }>();
    const placed = [...placedInlines(document)];
    for (const { node, paragraph } of placed) {
      if (node.type === 'footnoteReference' && !calls.has(node.id)) calls.set(node.id, { at: node.span.start, ...(paragraph ? { paragraph } : {}) });
    }
    for (const { node, paragraph, footnote, quoted } of placed) {
      if (node.type !== 'crossReference' || quoted) continue;
      const call = footnote !== undefined ? calls.get(footnote) : undefined;
      const at = call?.at ?? node.span.start;
      const home = footnote !== undefined ? call?.paragraph : paragraph;
      for (const pin of crossReferencePins(text, node)) {
        const span: Span = pin.span;
        const named = `paragraph ${[pin.key, ...pin.subparagraphs].join(' ')}`;
        const candidates = document.paragraphs.filter((p) => crossReferenceKey(p) === pin.key);
        const others = candidates.filter((p) => p !== home);
        const above = others.filter((p) => p.span.start < at);
        const below = others.filter((p) => p.span.start > at);
        const right = node.direction === 'above' ? above[above.length - 1] : below[0];
        const wrong = node.direction === 'above' ? below[0] : above[above.length - 1];
        const data = { paragraph: pin.key, direction: node.direction };
        if (right) {
          if (pin.subparagraphs.length) {
            const sub = findSub(right.subparagraphs, pin.subparagraphs);
            if (sub.missing) {
              reportAs(ctx, DEFAULT, excerpt ? 'info' : DEFAULT, excerpt ? 'notInExcerpt' : 'missingSubparagraph', {
                message: `Paragraph ${pin.key}${where(document, right)} has no sub-paragraph ${sub.missing}${excerpt ? ' in this excerpt' : ''}.`,
                span,
                data,
              });
            }
          }
          continue;
        }
        if (wrong) {
          const side = node.direction === 'above' ? 'below' : 'above';
          reportAs(ctx, DEFAULT, DEFAULT, 'wrongSide', {
            message: `"${named} ${node.direction}": paragraph ${pin.key} is ${side} this reference, not ${node.direction}${where(document, wrong)}.`,
            span,
            data: { ...data, actual: side },
          });
          continue;
        }
        if (home && candidates.includes(home)) {
          reportAs(ctx, DEFAULT, DEFAULT, 'self', {
            message: `"${named} ${node.direction}" names the paragraph it is in.`,
            span,
            data,
          });
          continue;
        }
        reportAs(ctx, DEFAULT, excerpt ? 'info' : DEFAULT, excerpt ? 'notInExcerpt' : 'missing', {
          message: excerpt
            ? `There is no paragraph ${pin.key} in this excerpt (\`excerpt: true\`): it may be one that is not transcribed.`
            : `There is no paragraph ${pin.key} in this document ("${named} ${node.direction}").`,
          span,
          data,
        });
      }
    }
  },
};
