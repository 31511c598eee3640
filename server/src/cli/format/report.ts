/** What the formatters receive: findings per file, with what is needed to turn offsets into lines. */
import type { Finding, Rule } from '../../engine/index.js';
import type { LineIndex } from '../../engine/index.js';

export interface FileReport {
  /** The path as the user gave it (relative to the working folder). */
  path: string;
  text: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface RunInfo {
  version: string;
  rules: Rule[];
  acquis: { documents: number; precedents: number };
}
