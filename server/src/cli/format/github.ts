/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
import type { Severity } from '../../engine/index.js';
import type { FileReport } from './report.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Workflow command values escape %, CR and LF; properties also escape : and ,. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(files: FileReport[]): string {
  return files.map(githubAnnotations).join('');
}

/** One file's annotations, a line each (`lint` writes them once the file is linted). */
export function githubAnnotations(file: FileReport): string {
  let out = '';
  for (const f of file.findings) {
    const start = file.lines.position(f.span.start);
    const end = file.lines.position(f.span.end);
    const props = [
      `file=${escapeProperty(file.path)}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      ...(end.line === start.line ? [`endColumn=${end.character + 1}`] : []),
      `title=${escapeProperty(f.ruleId)}`,
    ];
    out += `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
  }
  return out;
}
