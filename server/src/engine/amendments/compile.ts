/**
 * The compilation of proposals: every amendment of a draft, grouped by proposer and by paragraph,
 * with its kind, the old and new text, where it goes, and the proposer's reason. This is what a
 * secretariat circulates between two revisions ("compilation of proposals received on the
 * zero draft"): part one by delegation, part two by paragraph.
 *
 * Two outputs: Markdown for people, and JSON (version 1, documented in docs/amendments.md).
 */
import { inlineView, type DraftDocument } from '../../../../grammar/src/index.js';
import { LineIndex } from '../text/line-index.js';
import { collectAmendments, foldName, placesOf, UNATTRIBUTED, type ProposalKind } from './collect.js';

export const COMPILATION_VERSION = 1;

export interface CompiledProposal {
  /** 1-based, in document order. */
  id: number;
  /** As written after `@` (the first spelling met), or `unattributed`. */
  proposer: string;
  kind: ProposalKind;
  /** The paragraph: its label as cited (`22`, `PP3`, `OP1`) or its name (`unnumbered paragraph 1 of section D`). */
  paragraph: string;
  /** The paragraph's label as written, or null when it has none. */
  label: string | null;
  /** The paragraph or sub-paragraph as cited: `68 (a) (i)`. */
  pinpoint: string;
  /** The heading of the section holding it, or null. */
  section: string | null;
  /** Deleted or replaced text (plain words), or null for an insertion. */
  old: string | null;
  /** Inserted or replacing text (plain words), or null for a deletion. */
  new: string | null;
  /** Up to six words just before the amendment in its (sub-)paragraph, as it stands; null at its start. */
  after: string | null;
  /** The proposer's reason (the comment attached to the amendment), or null. */
  rationale: string | null;
  /** UTF-16 offsets of the amendment and its rationale in the draft (end exclusive). */
  offsets: { start: number; end: number };
  /** 1-based line and column where the amendment starts. */
  line: number;
  column: number;
}

export interface CompiledParagraph {
  paragraph: string;
  label: string | null;
  section: string | null;
  /** The paragraph as it stands (every proposal pending), one line per chapeau and sub-paragraph. */
  text: string;
  /** Ids of its proposals, in document order. */
  proposals: number[];
}

export interface CompiledProposer {
  name: string;
  /** Ids of the proposer's proposals, by paragraph in document order. */
  paragraphs: { paragraph: string; proposals: number[] }[];
  count: number;
}

export interface Compilation {
  version: 1;
  /** From the front matter (null when absent). */
  document: { title: string | null; symbol: string | null; body: string | null; date: string | null; revision: string | null };
  /** Alphabetical, `unattributed` last. */
  proposers: CompiledProposer[];
  /** Paragraphs with at least one proposal, in document order. */
  paragraphs: CompiledParagraph[];
  proposals: CompiledProposal[];
}

/** Compile the proposals of a draft. */
export function compileProposals(text: string, document: DraftDocument): Compilation {
  const entries = collectAmendments(text, document);
  const lines = new LineIndex(text);
  const spelling = new Map<string, string>();
  for (const e of entries) {
    const key = e.proposer ? foldName(e.proposer) : UNATTRIBUTED;
    if (!spelling.has(key)) spelling.set(key, e.proposer ?? UNATTRIBUTED);
  }

  const proposals: CompiledProposal[] = entries.map((e) => {
    const at = lines.position(e.node.span.start);
    return {
      id: e.index,
      proposer: spelling.get(e.proposer ? foldName(e.proposer) : UNATTRIBUTED)!,
      kind: e.kind,
      paragraph: e.place.ref,
      label: e.place.label ?? null,
      pinpoint: e.place.pinpoint,
      section: e.place.section ?? null,
      old: e.oldText ?? null,
      new: e.newText ?? null,
      after: e.after ?? null,
      rationale: e.rationale ?? null,
      offsets: { start: e.span.start, end: e.span.end },
      line: at.line + 1,
      column: at.character + 1,
    };
  });

  // Paragraphs in document order, with their text as it stands.
  const texts = new Map<string, { label: string | null; section: string | null; lines: string[] }>();
  for (const stretch of placesOf(text, document)) {
    const words = inlineView(stretch.content, text, 'current').text.trim();
    const entry = texts.get(stretch.place.ref) ?? { label: stretch.place.label ?? null, section: stretch.place.section ?? null, lines: [] };
    entry.lines.push(stretch.subLabel ? `${stretch.subLabel} ${words}`.trim() : words);
    texts.set(stretch.place.ref, entry);
  }
  const paragraphs: CompiledParagraph[] = [];
  const byRef = new Map<string, CompiledParagraph>();
  for (const p of proposals) {
    let para = byRef.get(p.paragraph);
    if (!para) {
      const t = texts.get(p.paragraph);
      para = { paragraph: p.paragraph, label: p.label, section: p.section, text: t ? t.lines.filter(Boolean).join('\n') : '', proposals: [] };
      byRef.set(p.paragraph, para);
      paragraphs.push(para);
    }
    para.proposals.push(p.id);
  }

  const proposerMap = new Map<string, CompiledProposer>();
  for (const p of proposals) {
    let who = proposerMap.get(p.proposer);
    if (!who) {
      who = { name: p.proposer, paragraphs: [], count: 0 };
      proposerMap.set(p.proposer, who);
    }
    let group = who.paragraphs.find((g) => g.paragraph === p.paragraph);
    if (!group) {
      group = { paragraph: p.paragraph, proposals: [] };
      who.paragraphs.push(group);
    }
    group.proposals.push(p.id);
    who.count++;
  }
  const proposers = [...proposerMap.values()].sort((a, b) => {
    const ua = a.name === UNATTRIBUTED ? 1 : 0;
    const ub = b.name === UNATTRIBUTED ? 1 : 0;
    return ua - ub || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  });

  const fields = document.frontMatter?.fields ?? {};
  const field = (key: string): string | null => fields[key] ?? null;
  return {
    version: COMPILATION_VERSION,
    document: { title: field('title'), symbol: field('symbol'), body: field('body'), date: field('date') ?? field('year'), revision: field('revision') },
    proposers,
    paragraphs,
    proposals,
  };
}

/** The compilation as JSON (version 1), two-space indented, with a final line break. */
export function formatCompilationJson(compilation: Compilation): string {
  return `${JSON.stringify(compilation, null, 2)}\n`;
}

// --- Markdown ----------------------------------------------------------------------------------

/** Escape the characters Markdown would read as markup inside running text. */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

const quote = (s: string): string => `“${escapeMarkdown(s)}”`;

/** `Paragraph 22`, `PP3`, `Unnumbered paragraph 1 of section D`, `Footnote 3`. */
export function paragraphTitle(ref: string, label: string | null): string {
  if (label !== null && /^\d/.test(ref)) return `Paragraph ${ref}`;
  if (label !== null) return ref;
  return ref.charAt(0).toUpperCase() + ref.slice(1);
}

/** One line describing what a proposal does: `Replace “respect for” with “adherence to”`. */
export function describeProposal(p: CompiledProposal): string {
  const where = p.pinpoint !== p.paragraph ? `${escapeMarkdown(p.pinpoint.slice(p.paragraph.length).trim())}: ` : '';
  switch (p.kind) {
    case 'insert': {
      const place = p.after ? ` after ${quote(p.after)}` : ' at the beginning';
      return `${where}Insert ${quote(p.new ?? '')}${place}`;
    }
    case 'delete':
      return `${where}Delete ${quote(p.old ?? '')}`;
    case 'replace':
      return `${where}Replace ${quote(p.old ?? '')} with ${quote(p.new ?? '')}`;
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The compilation as Markdown: part one by delegation, part two by paragraph. */
export function formatCompilationMarkdown(c: Compilation): string {
  const byId = new Map(c.proposals.map((p) => [p.id, p]));
  const out: string[] = [];
  out.push('# Compilation of proposals', '');
  const d = c.document;
  const about = [d.body, d.symbol, d.revision, d.date].filter((x): x is string => !!x);
  if (d.title) out.push(`**${escapeMarkdown(d.title)}**${about.length ? ` (${escapeMarkdown(about.join(', '))})` : ''}`, '');
  else if (about.length) out.push(escapeMarkdown(about.join(', ')), '');
  if (!c.proposals.length) {
    out.push('No proposals.', '');
    return `${out.join('\n').trimEnd()}\n`;
  }
  const delegations = c.proposers.filter((p) => p.name !== UNATTRIBUTED).length;
  const unattributed = c.proposers.find((p) => p.name === UNATTRIBUTED);
  const who = [delegations ? plural(delegations, 'delegation') : '', unattributed ? `${unattributed.count} unattributed` : '']
    .filter(Boolean)
    .join(' and ');
  out.push(
    `${plural(c.proposals.length, 'proposal')} by ${who}, on ${plural(c.paragraphs.length, 'paragraph')}. ` +
      'Numbers in square brackets identify each proposal in both parts. The text of each paragraph in part two is the text as it stands, before any proposal.',
    '',
  );

  out.push('## Part one: proposals by delegation', '');
  for (const proposer of c.proposers) {
    const name = proposer.name === UNATTRIBUTED ? 'Unattributed proposals' : escapeMarkdown(proposer.name);
    out.push(`### ${name}`, '', `${plural(proposer.count, 'proposal')} on ${plural(proposer.paragraphs.length, 'paragraph')}.`, '');
    for (const group of proposer.paragraphs) {
      const first = byId.get(group.proposals[0]!)!;
      out.push(`#### ${escapeMarkdown(paragraphTitle(group.paragraph, first.label))}`, '');
      for (const id of group.proposals) {
        const p = byId.get(id)!;
        out.push(`- **[${p.id}]** ${describeProposal(p)}.`);
        if (p.rationale) out.push(`  *Reason:* ${escapeMarkdown(p.rationale)}`);
      }
      out.push('');
    }
  }

  out.push('## Part two: proposals by paragraph', '');
  let section: string | null | undefined;
  for (const para of c.paragraphs) {
    if (para.section !== section && para.section) out.push(`### ${escapeMarkdown(para.section)}`, '');
    section = para.section;
    out.push(`#### ${escapeMarkdown(paragraphTitle(para.paragraph, para.label))}`, '');
    if (para.text) {
      out.push(
        para.text
          .split(/\r\n|\r|\n/)
          .map((line) => `> ${escapeMarkdown(line).replace(/^([#+-]|\d+[.)])/, '\\$1')}`)
          .join('\n>\n'),
        '',
      );
    }
    for (const id of para.proposals) {
      const p = byId.get(id)!;
      const name = p.proposer === UNATTRIBUTED ? '*Unattributed*' : `**${escapeMarkdown(p.proposer)}**`;
      out.push(`- ${name} [${p.id}]: ${describeProposal(p)}.`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
