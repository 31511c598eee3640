/** Human output: `file:line:col severity rule-id message`, one finding a line, then a summary. */
import type { FileReport } from './report.js';

export function formatText(files: FileReport[]): string {
  const stream = textReportStream();
  let out = '';
  for (const file of files) out += stream.file(file);
  return out + stream.end();
}

/**
 * The text report written a file at a time (`lint` writes each file's lines once it is linted):
 * `file` gives a file's lines, `end` the summary of every file given to `file`.
 */
export function textReportStream(): { file(report: FileReport): string; end(): string } {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let files = 0;
  return {
    file(file) {
      files++;
      let out = '';
      for (const f of file.findings) {
        const at = file.lines.position(f.span.start);
        out += `${file.path}:${at.line + 1}:${at.character + 1} ${f.severity} ${f.ruleId} ${f.message}\n`;
        counts[f.severity]++;
      }
      return out;
    },
    end() {
      const parts = (['error', 'warning', 'info', 'hint'] as const)
        .filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s === 'info' || s === 'hint' ? s : `${s}${counts[s] === 1 ? '' : 's'}`}`);
      const fileWord = `${files} file${files === 1 ? '' : 's'}`;
      return `${parts.length ? `${parts.join(', ')} in ${fileWord}.` : `No findings in ${fileWord}.`}\n`;
    },
  };
}
