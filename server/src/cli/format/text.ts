/** Human output: `file:line:col severity rule-id message`, one finding a line, then a summary. */
import type { FileReport } from './report.js';

export function formatText(files: FileReport[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) {
    for (const f of file.findings) {
      const at = file.lines.position(f.span.start);
      lines.push(`${file.path}:${at.line + 1}:${at.character + 1} ${f.severity} ${f.ruleId} ${f.message}`);
      counts[f.severity]++;
    }
  }
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'info' || s === 'hint' ? s : `${s}${counts[s] === 1 ? '' : 's'}`}`);
  const fileWord = `${files.length} file${files.length === 1 ? '' : 's'}`;
  lines.push(parts.length ? `${parts.join(', ')} in ${fileWord}.` : `No findings in ${fileWord}.`);
  return `${lines.join('\n')}\n`;
}
