/**
 * Helpers shared by the structural rules (citations, cross-references, numbering, mandate
 * coverage): walking the inline nodes of a draft with their context, reading the pinpoints of a
 * citation or a cross-reference with their offsets, finding a cited paragraph in an adopted
 * document, and choosing a finding's severity under the project's configuration.
 *
 * The language server's go-to-definition reads cross-references and citations the same way
 * (`lsp/features/definition.ts`); these are the engine's own copies, so the engine depends on no
 * shell.
 */
import type { CrossReference, DraftDocument, FrontMatter, Inline, Paragraph, Section, Span, Subparagraph } from '../../../../grammar/src/index.js';
import type { AdoptedDocument } from '../acquis/model.js';
import { unitsOf } from '../acquis/units.js';
import type { Fix, RuleContext, Severity } from './rule.js';

/** An inline node and where it stands. */
export interface PlacedInline {
  node: Inline;
  /** The paragraph it is in (none for a footnote's text). */
  paragraph?: Paragraph;
  /** The id of the footnote whose text it is in. */
  footnote?: string;
  /** Inside a quotation of another text. */
  quoted: boolean;
}

/**
 * Every inline node of the document, nested ones included, in source order within each block.
 * A plain list (not a generator): nested generators pass each node up through every level, which
 * cost a second on a paragraph of a few thousand quotations.
 */
export function placedInlines(document: DraftDocument): PlacedInline[] {
  const cached = placedCache.get(document);
  if (cached) return cached;
  const out: PlacedInline[] = [];
  const walk = (nodes: Inline[], paragraph: Paragraph | undefined, footnote: string | undefined, quoted: boolean): void => {
    for (const node of nodes) {
      const item: PlacedInline = { node, quoted };
      if (paragraph) item.paragraph = paragraph;
      if (footnote !== undefined) item.footnote = footnote;
      out.push(item);
      if (node.type === 'bracket') for (const option of node.options) walk(option, paragraph, footnote, quoted);
      else if (node.type === 'amendment') {
        walk(node.content, paragraph, footnote, quoted);
        if (node.replacement) walk(node.replacement, paragraph, footnote, quoted);
        if (node.rationale) walk(node.rationale.content, paragraph, footnote, quoted);
      } else if (node.type === 'quotation') walk(node.content, paragraph, footnote, true);
    }
  };
  for (const paragraph of document.paragraphs) {
    walk(paragraph.content, paragraph, undefined, false);
    for (const sub of allSubparagraphs(paragraph.subparagraphs)) walk(sub.content, paragraph, undefined, false);
  }
  for (const f of document.footnotes) walk(f.content, undefined, f.id, false);
  placedCache.set(document, out);
  return out;
}

/** The citation and cross-reference rules both read every inline node: walked once per document (read-only). */
const placedCache = new WeakMap<DraftDocument, PlacedInline[]>();

/** Sub-paragraphs at every level, in source order. */
export function allSubparagraphs(subs: Subparagraph[]): Subparagraph[] {
  const out: Subparagraph[] = [];
  if (subs.length) pushSubparagraphs(subs, out);
  return out;
}

function pushSubparagraphs(subs: Subparagraph[], out: Subparagraph[]): void {
  for (let i = 0; i < subs.length; i++) {
    const s = subs[i]!;
    out.push(s);
    if (s.children.length) pushSubparagraphs(s.children, out);
  }
}

/**
 * Every section of the document, nested ones included, in source order. One list filled by a
 * walk (several rules ask for it for every draft): no list per block, paragraphs included.
 */
export function allSections(children: DraftDocument['children']): Section[] {
  const out: Section[] = [];
  pushSections(children, out);
  return out;
}

function pushSections(children: DraftDocument['children'], out: Section[]): void {
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === 'section') {
      out.push(c);
      pushSections(c.children, out);
    }
  }
}

/** The innermost section that holds `offset`. */
export function sectionAt(document: DraftDocument, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of allSections(document.children)) if (offset >= s.span.start && offset < s.span.end) found = s;
  return found;
}

/** True when the front matter says `key: true` (`excerpt: true`). */
export function flag(frontMatter: FrontMatter | undefined, key: string): boolean {
  return /^(?:true|yes)$/i.test((frontMatter?.fields[key] ?? '').trim());
}

/** A document that transcribes only some paragraphs of its source (`excerpt: true`). */
export function isExcerpt(document: DraftDocument): boolean {
  return flag(document.frontMatter, 'excerpt');
}

// --- Pinpoints ---------------------------------------------------------------------------------

/** A pinpoint read from the source: `13 (f)`, with where it is. */
export interface SourcePin {
  /** As the grammar reads it: `13 (f)`, `12bis`. */
  text: string;
  /** `13`, `12bis`: the paragraph, without sub-paragraphs. */
  key: string;
  /** `(f)`, `(i)`: the sub-paragraphs named after the number, outermost first. */
  subparagraphs: string[];
  span: Span;
  /** Where the digits of the number are (renumbering replaces just them). */
  numberSpan: Span;
}

/** As the grammar's `pin`: digits, letters, then sub-paragraphs in parentheses. */
const PIN = /(\d{1,4}(?:\.\d{1,3})*)([a-z]*)((?:[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?\([a-z0-9]{1,6}\))*)/g;

/**
 * The pinpoints written in `span` after `from` (a regular expression that must match first:
 * `paras.` in a citation, `paragraphs` in a cross-reference), each with its offsets.
 */
export function pinsIn(text: string, span: Span, lead: RegExp): SourcePin[] {
  const image = text.slice(span.start, span.end);
  const m = lead.exec(image);
  if (!m) return [];
  const re = new RegExp(PIN.source, 'g');
  re.lastIndex = m.index + m[0].length;
  const pins: SourcePin[] = [];
  for (let p = re.exec(image); p; p = re.exec(image)) {
    const subparagraphs = [...p[3]!.matchAll(/\([a-z0-9]+\)/g)].map((x) => x[0]);
    const key = `${p[1]}${p[2]}`;
    pins.push({
      text: [key, ...subparagraphs].join(' '),
      key,
      subparagraphs,
      span: { start: span.start + p.index, end: span.start + p.index + p[0].length },
      numberSpan: { start: span.start + p.index, end: span.start + p.index + p[1]!.length },
    });
  }
  return pins;
}

/** The paragraphs named by `paragraphs 3 and 4 below`, read from the source with their offsets. */
export function crossReferencePins(text: string, ref: CrossReference): SourcePin[] {
  return pinsIn(text, ref.span, /^[Pp]aragraphs?/);
}

/** How a cross-reference names a paragraph: `12`, `12bis` (operative `OP3` is `3`); none for PP. */
export function crossReferenceKey(p: Paragraph): string | undefined {
  if (!p.label || p.kind === 'preambular') return undefined;
  return `${p.label.number}${p.label.suffix ?? ''}`;
}

/** `13 (f)` and `13(f)` are the same pinpoint; so are `OP5` and `5` (operative paragraphs are cited by number). */
export function normalisePin(pin: string): string {
  return pin.replace(/\s+/g, '').replace(/^OP(?=\d)/, '').toLowerCase();
}

const pinCache = new WeakMap<AdoptedDocument, Set<string>>();

/** The pinpoints of an adopted document (`18`, `18(i)`, `pp3`, `1.2`), normalised. */
export function pinpointsOf(doc: AdoptedDocument): Set<string> {
  let pins = pinCache.get(doc);
  if (!pins) {
    pins = new Set(unitsOf(doc.document, doc.text).flatMap((u) => (u.pinpoint ? [normalisePin(u.pinpoint)] : [])));
    pinCache.set(doc, pins);
  }
  return pins;
}

/** Whether an adopted document transcribes only some of its paragraphs. */
export function adoptedIsExcerpt(doc: AdoptedDocument): boolean {
  return isExcerpt(doc.document);
}

/**
 * Where a pinpoint stands in an adopted document: `found`; `no-subparagraph` when the paragraph is
 * there but not the sub-paragraph (the deepest one found is `deepest`); `no-paragraph`.
 */
export function lookUpPin(doc: AdoptedDocument, pin: string): { state: 'found' } | { state: 'no-paragraph' } | { state: 'no-subparagraph'; deepest: string } {
  const pins = pinpointsOf(doc);
  const parts = pin.match(/[^\s()]+|\([^)]*\)/g) ?? [];
  const wanted = normalisePin(pin);
  if (pins.has(wanted)) return { state: 'found' };
  let deepest: string | undefined;
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join(' ');
    if (pins.has(normalisePin(prefix))) deepest = prefix;
  }
  return deepest ? { state: 'no-subparagraph', deepest } : { state: 'no-paragraph' };
}

// --- Severities --------------------------------------------------------------------------------

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * The severity of one finding of a rule whose findings come in several kinds. Unconfigured, each
 * finding keeps its own (`natural`) severity. When the project sets the rule's severity, that
 * setting replaces the rule's main severity (the default one), and caps the lesser ones: so
 * `warning` turns errors into warnings and leaves information alone, and `hint` makes every
 * finding a hint. A per-kind option (`{ notInAcquis: 'off' }`) wins over both.
 */
export function severityFor(ctx: RuleContext, defaultSeverity: Severity, natural: Severity, kind?: string): Severity | 'off' {
  const own = kind ? ctx.options[kind] : undefined;
  if (own === 'off' || (typeof own === 'string' && own in RANK)) return own as Severity | 'off';
  if (ctx.severity === defaultSeverity) return natural;
  if (natural === defaultSeverity) return ctx.severity;
  return RANK[natural] <= RANK[ctx.severity] ? natural : ctx.severity;
}

/** Report with `severityFor`, dropping findings whose kind is switched off; the kind goes in `data.kind`. */
export function reportAs(
  ctx: RuleContext,
  defaultSeverity: Severity,
  natural: Severity,
  kind: string,
  finding: { message: string; span: Span; data?: Record<string, unknown>; fixes?: Fix[] },
): void {
  const severity = severityFor(ctx, defaultSeverity, natural, kind);
  if (severity === 'off') return;
  ctx.report({ ...finding, severity, data: { kind, ...(finding.data ?? {}) } });
}

/** A numeric option, or its default when absent or not a number. */
export function numberOption(options: Record<string, unknown>, key: string, fallback: number): number {
  const v = options[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A boolean option, or its default. */
export function booleanOption(options: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const v = options[key];
  return typeof v === 'boolean' ? v : fallback;
}
