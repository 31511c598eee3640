/**
 * Units: the stretches of a document that are compared as a whole, each with its view. A
 * paragraph's chapeau is one unit and each of its sub-paragraphs another, so that "(i) Further
 * dialogue among States..." can be cited and matched on its own.
 */
import { inlineView, type Amendment, type DraftDocument, type Paragraph, type Span, type Subparagraph, type TextView, type ViewMode } from '../../../../grammar/src/index.js';

export interface Unit {
  paragraph: Paragraph;
  subparagraph?: Subparagraph;
  /** How the unit is cited: `18`, `18 (i)`, `PP3`, `OP1.2`, or undefined for unnumbered text. */
  pinpoint?: string;
  contentSpan: Span;
  view: TextView;
}

/** `accept` reads the amendments it returns true for as accepted (see `inlineView`). */
export function unitsOf(document: DraftDocument, source: string, mode: ViewMode = 'current', accept?: (node: Amendment) => boolean): Unit[] {
  const units: Unit[] = [];
  for (const paragraph of document.paragraphs) {
    const base = paragraphPinpoint(paragraph);
    const unit: Unit = { paragraph, contentSpan: paragraph.contentSpan, view: inlineView(paragraph.content, source, mode, accept) };
    if (base) unit.pinpoint = base;
    units.push(unit);
    const walk = (subs: Subparagraph[], prefix: string | undefined): void => {
      for (const sub of subs) {
        const pinpoint = prefix ? `${prefix} ${sub.label.text}` : undefined;
        const subUnit: Unit = { paragraph, subparagraph: sub, contentSpan: sub.contentSpan, view: inlineView(sub.content, source, mode, accept) };
        if (pinpoint) subUnit.pinpoint = pinpoint;
        units.push(subUnit);
        walk(sub.children, pinpoint);
      }
    };
    walk(paragraph.subparagraphs, base);
  }
  return units;
}

/** `18`, `12bis`, `PP3`, `1.2` (operative paragraphs are cited by their number). */
export function paragraphPinpoint(paragraph: Paragraph): string | undefined {
  const label = paragraph.label;
  if (!label) return undefined;
  if (paragraph.kind === 'preambular') return label.text;
  return `${label.number}${label.suffix ?? ''}`;
}
