/** A unified diff of two versions of a file, for `--fix-dry-run`. */
import DiffMatchPatch from 'diff-match-patch';

const dmp = new DiffMatchPatch();
const CONTEXT = 2;

type Line = { op: ' ' | '-' | '+'; text: string };

export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  // diff-match-patch's line mode: each line becomes one character, then the diff reads as lines.
  const { chars1, chars2, lineArray } = (dmp as unknown as {
    diff_linesToChars_(a: string, b: string): { chars1: string; chars2: string; lineArray: string[] };
  }).diff_linesToChars_(before, after);
  const diffs = dmp.diff_main(chars1, chars2, false);
  const lines: Line[] = [];
  for (const [op, chars] of diffs) {
    for (const ch of chars) {
      const text = lineArray[ch.charCodeAt(0)]!;
      lines.push({ op: op === 0 ? ' ' : op < 0 ? '-' : '+', text });
    }
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.op === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - CONTEXT);
    let end = i;
    // Extend the hunk while changes are within 2 * CONTEXT lines of each other.
    for (let j = i; j < lines.length; j++) {
      if (lines[j]!.op !== ' ') end = j;
      else if (j - end > CONTEXT * 2) break;
    }
    end = Math.min(lines.length - 1, end + CONTEXT);
    let oldStart = 1;
    let newStart = 1;
    for (let k = 0; k < start; k++) {
      if (lines[k]!.op !== '+') oldStart++;
      if (lines[k]!.op !== '-') newStart++;
    }
    const hunk = lines.slice(start, end + 1);
    const oldCount = hunk.filter((l) => l.op !== '+').length;
    const newCount = hunk.filter((l) => l.op !== '-').length;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const l of hunk) out.push(`${l.op}${l.text.replace(/\r?\n$/, '').replace(/\r$/, '')}`);
    i = end + 1;
    start = i;
  }
  return `${out.join('\n')}\n`;
}
