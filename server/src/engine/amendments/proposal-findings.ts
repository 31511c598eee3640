/**
 * Amendments are deliberate: each proposer's text is linted as that proposer would have it (its
 * own amendments accepted, everyone else's left pending) and what it changes is reported as its
 * proposal ("Japan's proposal in para. 22 adds "in its entirety" ..."). Text inside a pending
 * deletion is not the Chair's text to judge: it is reported only through what the deletion
 * removes. No fix ever rewrites amendment text: proposal findings carry none, and a fix of the
 * Chair's text that would touch an amendment is never automatic.
 */
import { unitsOf } from '../acquis/units.js';
import type { DraftFile } from '../draft.js';
import type { Finding, Severity } from '../rules/rule.js';
import { languageOf } from '../rules/precedent-weight.js';
import { collectAmendments, proposerKey, UNATTRIBUTED, type AmendmentEntry } from './collect.js';

/** Rules about words, run again over each proposer's text. */
export const PROPOSAL_RULES = new Set([
  'precedent.deviation',
  'precedent.voted',
  'precedent.agreed',
  'term.contested',
  'term.unclear',
  'attribution.consensus',
  'norms.obligation',
  'style.spelling',
  'style.capitals',
]);

/** A proposer's text: the draft with its units read as the proposer has them. */
export interface ProposerDraft {
  /** As first written (`Japan`), or `unattributed`. */
  proposer: string;
  entries: AmendmentEntry[];
  /** The draft whose units are only those holding this proposer's amendments, in its view. */
  draft: DraftFile;
}

const MARKS = /\{(?:\+\+|--|~~)/;

/** Every amendment of the draft that can be resolved (insertions, deletions, replacements). */
export function proposalsOf(draft: DraftFile): AmendmentEntry[] {
  if (!MARKS.test(draft.text)) return [];
  return collectAmendments(draft.text, draft.document).filter((e) => e.resolvable);
}

/** One draft per proposer, with only the units its amendments touch. */
export function proposerDrafts(draft: DraftFile, entries: AmendmentEntry[]): ProposerDraft[] {
  const groups = new Map<string, AmendmentEntry[]>();
  for (const e of entries) {
    const key = proposerKey(e);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  const out: ProposerDraft[] = [];
  for (const list of groups.values()) {
    const nodes = new Set(list.map((e) => e.node));
    // Only the paragraphs that hold this proposer's amendments are read again (a compilation has many proposers).
    const inside = (p: { span: { start: number; end: number } }): boolean => list.some((e) => e.node.span.start >= p.span.start && e.node.span.end <= p.span.end);
    const document = { ...draft.document, paragraphs: draft.document.paragraphs.filter(inside) };
    const units = unitsOf(document, draft.text, 'current', (node) => nodes.has(node)).filter((u) =>
      list.some((e) => e.node.span.start >= u.contentSpan.start && e.node.span.end <= u.contentSpan.end),
    );
    if (!units.length) continue;
    out.push({ proposer: list[0]!.proposer ?? UNATTRIBUTED, entries: list, draft: { ...draft, units } });
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

interface ChangeData {
  grade: string;
  reason: string;
  description: string;
}

const changesOf = (f: Finding): ChangeData[] => (Array.isArray(f.data?.['changes']) ? (f.data!['changes'] as ChangeData[]) : []);

const GRADE_RANK = ['editorial', 'structural', 'wording', 'substantive'];
const GRADE_PHRASE: Record<string, string> = {
  substantive: 'a substantive departure',
  wording: 'a departure',
  structural: 'a word-order departure',
  editorial: 'an editorial departure',
};

/**
 * The findings of a proposer's text that are its doing: they touch its amendments and the draft
 * as it stands does not already have them. Reworded as its proposal, capped at warning (a
 * proposal is not yet the text), and without fixes.
 */
export function proposalFindings(p: ProposerDraft, found: Finding[], main: Finding[]): Finding[] {
  const who = p.proposer === UNATTRIBUTED ? 'An unattributed proposal' : `${p.proposer}'s proposal`;
  const out: Finding[] = [];
  for (const f of found) {
    const entry = p.entries.find((e) => overlaps(f.span, e.node.span));
    if (!entry) continue;
    const where = placeName(entry);
    let message: string;
    let severity: Severity = f.severity === 'error' ? 'warning' : f.severity;
    if (f.ruleId === 'precedent.deviation' && f.precedent) {
      // Only the changes the proposal makes: those the draft as it stands has are the Chair's.
      const before = main.filter((m) => m.ruleId === f.ruleId && overlaps(m.span, f.span)).flatMap(changesOf);
      const own = changesOf(f).filter((c) => !before.some((b) => b.description === c.description));
      if (!own.length) continue;
      const grade = own.map((c) => c.grade).sort((a, b) => GRADE_RANK.indexOf(b) - GRADE_RANK.indexOf(a))[0]!;
      if (grade === 'editorial') severity = severity === 'warning' ? 'info' : severity;
      message = `${who} in ${where} ${own.map((c) => c.description).join('; ')}: ${GRADE_PHRASE[grade] ?? 'a departure'} from ${languageOf(f.precedent)}.`;
    } else {
      if (main.some((m) => m.ruleId === f.ruleId && m.message === f.message && overlaps(m.span, f.span))) continue;
      message = `${who} in ${where}: ${f.message}`;
    }
    out.push({
      ...f,
      // A departure the proposal makes is the proposal's own text: point at its amendment.
      span: f.ruleId === 'precedent.deviation' ? { ...entry.node.span } : f.span,
      severity,
      message,
      fixes: [],
      data: { ...f.data, proposal: { proposer: p.proposer, kind: entry.kind, amendment: entry.index } },
    });
  }
  return out;
}

/**
 * A finding of the Chair's text that lies wholly inside a pending deletion (or a replacement's old
 * text) is about what that proposal removes, and says so: "Japan's proposal in para. 15 would
 * remove this: ...". Other findings come back unchanged.
 */
export function aboutRemovedText(f: Finding, entries: AmendmentEntry[]): Finding {
  const entry = entries.find(
    (e) => (e.kind === 'delete' || e.kind === 'replace') && f.span.start >= e.node.contentSpan.start && f.span.end <= e.node.contentSpan.end,
  );
  if (!entry) return f;
  const who = !entry.proposer ? 'An unattributed proposal' : `${entry.proposer}'s proposal`;
  const message = `${who} in ${placeName(entry)} would remove this text: ${f.message}`;
  return { ...f, message, data: { ...f.data, removedBy: { proposer: entry.proposer ?? UNATTRIBUTED, kind: entry.kind, amendment: entry.index } } };
}

/** `para. 22`, `para. 68 (a) (ii)`, `PP3`, or the place's own name (`heading C`). */
function placeName(entry: AmendmentEntry): string {
  const pin = entry.place.cited ? entry.place.pinpoint.replace(entry.place.ref, entry.place.cited) : entry.place.pinpoint;
  return /^\d/.test(pin) ? `para. ${pin}` : pin;
}

/** The same finding, its fixes that would touch amendment markup or text made manual only. */
export function protectAmendments(f: Finding, entries: AmendmentEntry[]): Finding {
  if (!f.fixes.some((x) => x.safe)) return f;
  const touches = (start: number, end: number): boolean =>
    entries.some((e) => (end > start ? overlaps({ start, end }, e.node.span) : start > e.node.span.start && start < e.node.span.end));
  let changed = false;
  const fixes = f.fixes.map((x) => {
    if (!x.safe || !x.edits.some((e) => touches(e.start, e.end))) return x;
    changed = true;
    return { ...x, safe: false };
  });
  return changed ? { ...f, fixes } : f;
}
