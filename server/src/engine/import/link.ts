/**
 * One adopted text, once: a folder often holds a committee report together with the resolutions
 * it became, printed on their own ("73/27. Developments in the field of ..."). The report's draft
 * resolution and the printed resolution are the same text; the printed one carries the adopted
 * symbol (A/RES/73/27), the report the adoption record (the recorded vote). Linked by their title
 * (or symbol), they make one document: the printed text with its symbol, and the report's record
 * (`adoption`, `adopted-by`, `adopted-on`, `draft`). The report's copy is not written.
 */
import { parse } from '../../../../grammar/src/index.js';

/** An output of `importAdopted`, as the host plans to write it. */
export interface LinkableDocument {
  input: string;
  /** `I`, `II` for a report's draft resolution; `` for a document on its own. */
  resolution: string;
  draft: string;
  problems: string[];
  symbol?: string;
  fileName?: string;
  /** Set when the document is replaced by the printed resolution it became. */
  linkedTo?: LinkableDocument;
}

const fieldsOf = (draft: string): Record<string, string> => parse(draft.slice(0, draft.indexOf('\n---\n', 3) + 5)).document.frontMatter?.fields ?? {};
const folded = (title: string | undefined): string => (title ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Replace (or add) front matter values of a draft written by the importer. */
export function setFrontMatter(draft: string, values: Record<string, string>): string {
  const end = draft.indexOf('\n---\n', 3);
  const lines = draft.slice(4, end).split('\n');
  for (const [key, value] of Object.entries(values)) {
    const line = `${key}: ${/^[\p{L}\p{N}(“‘]/u.test(value) && !/: |\s#|"|:$/.test(value) ? value : JSON.stringify(value)}`;
    const at = lines.findIndex((l) => l.startsWith(`${key}:`));
    const kind = lines.findIndex((l) => l.startsWith('kind:'));
    if (at >= 0) lines[at] = line;
    else if (key === 'adoption' && kind >= 0) lines.splice(kind + 1, 0, line);
    else lines.push(line);
  }
  return `---\n${lines.join('\n')}${draft.slice(end)}`;
}

/**
 * Link each report's draft resolution to the printed resolution it became, if the batch holds
 * it. Returns what was linked, one line each, for the user.
 */
export function linkPrintedResolutions(documents: LinkableDocument[]): string[] {
  const notes: string[] = [];
  const printed = documents.filter((d) => d.resolution === '' && /^A\/RES\//.test(fieldsOf(d.draft)['symbol'] ?? ''));
  for (const draftDoc of documents.filter((d) => d.resolution !== '')) {
    const f = fieldsOf(draftDoc.draft);
    const match = printed.find((p) => {
      const pf = fieldsOf(p.draft);
      return (pf['symbol'] !== undefined && pf['symbol'] === f['symbol']) || (folded(pf['title']) !== '' && folded(pf['title']) === folded(f['title']));
    });
    if (!match) continue;
    const pf = fieldsOf(match.draft);
    const record: Record<string, string> = {};
    for (const key of ['adoption', 'adopted-by', 'adopted-on', 'draft']) {
      if (f[key] !== undefined && (key !== 'adoption' || pf['adoption'] === undefined)) record[key] = f[key]!;
    }
    if (record['adoption'] !== undefined) {
      record['source'] = `${pf['source'] ?? match.input}; adoption as recorded in ${f['source'] ?? draftDoc.input}`;
      match.draft = setFrontMatter(match.draft, record);
      match.problems = match.problems.filter((p) => !/adoption/.test(p));
    }
    draftDoc.linkedTo = match;
    notes.push(`${draftDoc.input}: draft resolution ${draftDoc.resolution} is ${pf['symbol']} (${match.input}): written once, from the printed text${record['adoption'] ? `, with the adoption the report records (${record['adoption']})` : ''}`);
  }
  return notes;
}
