/**
 * The word-level redline of an aligned pair or group: diff-match-patch over tokens (words and runs
 * of punctuation, compared exactly as written, so that a spelling, a capital or a comma that
 * changed shows), with semantic cleanup, read back as runs of equal, inserted and deleted text.
 *
 * In a split or a merge the paragraphs of the side with several are read one after the other, with
 * a break between them that names the paragraph starting there; the break is a run of its own
 * (`break: true`), inserted for a split and deleted for a merge.
 */
import { diffWords } from '../match/word-diff.js';
import type { RedlineRun, RunOp } from './model.js';
import type { RevisionParagraph, Token } from './revision.js';

interface RedToken extends Token {
  /** The label of the paragraph this break starts. */
  breakLabel?: string;
}

/** The tokens of paragraphs read one after the other, with a break token before each but the first. */
function joined(paragraphs: RevisionParagraph[]): RedToken[] {
  const out: RedToken[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) out.push({ text: p.label, space: true, breakLabel: p.label });
    p.tokens.forEach((t, k) => out.push(k === 0 ? { text: t.text, space: i > 0 } : t));
  });
  return out;
}

const keyOf = (t: RedToken): string => (t.breakLabel !== undefined ? `\u2029${t.breakLabel}` : t.text);

export function redlineRuns(olds: RevisionParagraph[], news: RevisionParagraph[]): RedlineRun[] {
  const a = joined(olds);
  const b = joined(news);
  const runs: RedlineRun[] = [];
  const push = (op: RunOp, tokens: RedToken[]): void => {
    let current: RedToken[] = [];
    const flush = (): void => {
      if (!current.length) return;
      const text = current.map((t, i) => (i > 0 && t.space ? ' ' : '') + t.text).join('');
      const last = runs[runs.length - 1];
      // Runs of one kind that meet (across a break) are kept apart only by the break.
      if (last && last.op === op && !last.break) {
        last.text += (current[0]!.space ? ' ' : '') + text;
      } else runs.push({ op, text, space: current[0]!.space });
      current = [];
    };
    for (const t of tokens) {
      if (t.breakLabel !== undefined) {
        flush();
        runs.push({ op, text: t.breakLabel, space: true, break: true });
      } else current.push(t);
    }
    flush();
  };
  if (!a.length || !b.length) {
    if (a.length) push('deleted', a);
    if (b.length) push('inserted', b);
    return runs;
  }
  for (const r of diffWords(a.map(keyOf), b.map(keyOf))) {
    if (r.op === 'equal') push('equal', b.slice(r.precedentStart, r.precedentEnd));
    else if (r.op === 'delete') push('deleted', a.slice(r.draftStart, r.draftEnd));
    else push('inserted', b.slice(r.precedentStart, r.precedentEnd));
  }
  return runs;
}

/** The old text a redline was made from (equal and deleted runs). */
export function oldText(runs: RedlineRun[]): string {
  return sideText(runs, 'deleted');
}

/** The new text a redline was made from (equal and inserted runs). */
export function newText(runs: RedlineRun[]): string {
  return sideText(runs, 'inserted');
}

function sideText(runs: RedlineRun[], op: RunOp): string {
  let out = '';
  for (const r of runs) {
    if (r.op !== 'equal' && r.op !== op) continue;
    if (r.break) {
      out += '\n';
      continue;
    }
    out += (out && !out.endsWith('\n') && r.space ? ' ' : '') + r.text;
  }
  return out;
}
