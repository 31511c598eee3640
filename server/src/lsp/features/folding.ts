/**
 * Folding: the front matter, each section (heading to the end of the section), each paragraph
 * that runs over several lines, and each run of `//` note lines (as a comment).
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { BodyBlock, Section, Span } from '../../../../grammar/src/index.js';
import type { Analysis } from '../analyses.js';
import { clientFeatures } from './client-features.js';
import { trimEnd } from './definition.js';

export function foldingRanges(a: Analysis): FoldingRange[] {
  const text = a.draft.text;
  const document = a.draft.document;
  const out: FoldingRange[] = [];
  const lines = (span: Span): [number, number] => {
    const { start, end } = trimEnd(text, span);
    return [a.doc.positionAt(start).line, a.doc.positionAt(end).line];
  };
  const add = (span: Span, kind?: FoldingRangeKind): void => {
    const [startLine, endLine] = lines(span);
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  if (document.frontMatter) add(document.frontMatter.span);
  const walk = (nodes: Array<Section | BodyBlock>): void => {
    for (const node of nodes) {
      if (node.type === 'section') {
        add(node.span, FoldingRangeKind.Region);
        walk(node.children);
      } else if (node.type === 'paragraph' || node.type === 'blockQuote' || node.type === 'footnoteDefinition') {
        add(node.span);
      }
    }
  };
  walk(document.children);

  // Consecutive note lines fold together; a single note line has nothing to fold.
  let run: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const note of [...document.notes].sort((x, y) => x.span.start - y.span.start)) {
    const [startLine, endLine] = lines(note.span);
    if (run && startLine === run.end + 1) run.end = endLine;
    else {
      flush();
      run = { start: startLine, end: endLine };
    }
  }
  flush();
  return limited(out).sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

/**
 * At most the client's `rangeLimit` ranges (a huge draft has tens of thousands): the front matter
 * and sections first, then paragraphs and notes in document order.
 */
function limited(ranges: FoldingRange[]): FoldingRange[] {
  const limit = clientFeatures.foldingRangeLimit;
  if (limit === undefined || ranges.length <= limit) return ranges;
  const first = (r: FoldingRange): boolean => r.kind === FoldingRangeKind.Region || (r.kind === undefined && r.startLine === 0);
  const regions = ranges.filter(first);
  const rest = ranges.filter((r) => !first(r)).sort((x, y) => x.startLine - y.startLine);
  return [...regions, ...rest].slice(0, limit);
}
