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
  // Indexed loops: a for-of allocates an iterator and its results while not optimised.
  const paragraphs = document.paragraphs;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    const base = paragraphPinpoint(paragraph);
    const unit: Unit = { paragraph, contentSpan: paragraph.contentSpan, view: inlineView(paragraph.content, source, mode, accept) };
    if (base) unit.pinpoint = base;
    units.push(unit);
    if (paragraph.subparagraphs.length) addSubunits(units, paragraph, paragraph.subparagraphs, base, source, mode, accept);
  }
  return units;
}

/** The units of `subs` and of their own sub-paragraphs, in order (a function, not a closure made for every paragraph). */
function addSubunits(
  units: Unit[],
  paragraph: Paragraph,
  subs: Subparagraph[],
  prefix: string | undefined,
  source: string,
  mode: ViewMode,
  accept: ((node: Amendment) => boolean) | undefined,
): void {
  for (let k = 0; k < subs.length; k++) {
    const sub = subs[k]!;
    const pinpoint = prefix ? `${prefix} ${sub.label.text}` : undefined;
    const subUnit: Unit = { paragraph, subparagraph: sub, contentSpan: sub.contentSpan, view: inlineView(sub.content, source, mode, accept) };
    if (pinpoint) subUnit.pinpoint = pinpoint;
    units.push(subUnit);
    addSubunits(units, paragraph, sub.children, pinpoint, source, mode, accept);
  }
}

/** `18`, `12bis`, `PP3`, `1.2` (operative paragraphs are cited by their number). */
export function paragraphPinpoint(paragraph: Paragraph): string | undefined {
  const label = paragraph.label;
  if (!label) return undefined;
  if (paragraph.kind === 'preambular') return label.text;
  return `${label.number}${label.suffix ?? ''}`;
}
