/**
 * `acquis export draft.draft -o draft.docx [--as <view>]`: the draft as a Word document
 * (docs/import.md, "Word out"). By default, or with `--as proposed`, every amendment is a tracked
 * change by its proposer and every rationale a comment; with `--as accepted`, `original` or a
 * delegation's name, the view of the text is exported clean (no tracked changes).
 *
 * Exit codes: 0 written, 2 input or usage error (nothing written).
 */
import type { Command } from 'commander';
import { extname, resolve } from 'node:path';
import { parse } from '../../../../grammar/src/index.js';
import { parseViewName, viewDraft } from '../../engine/amendments/index.js';
import { InputError, planWrite, writeFileBytes } from '../../host/text-file.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { exportDocx } from '../office/docx-export.js';
import { loadDraft, locate } from './draft-file.js';

interface ExportOptions {
  output: string;
  as?: string;
}

export function registerExport(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('export')
    .description('Export a draft to Word (.docx): amendments as tracked changes by their proposers, rationales as comments.')
    .argument('<file>', 'the .draft file')
    .requiredOption('-o, --output <file>', 'the .docx to write')
    .option('--as <view>', "'proposed' (tracked changes, the default), or a clean view: 'accepted', 'original', or a delegation's name")
    .addHelpText(
      'after',
      `
Examples:
  acquis export draft.draft -o draft.docx                 # amendments as tracked changes
  acquis export draft.draft --as accepted -o clean.docx   # every proposal accepted, no tracked changes
  acquis export draft.draft --as Japan -o japan.docx      # as Japan would have it`,
    )
    .action((file: string, options: ExportOptions) =>
      guarded(io, setExit, async () => {
        const out = resolve(io.cwd, options.output);
        if (extname(out).toLowerCase() !== '.docx') throw new InputError('the output must be a .docx file.', options.output);
        planWrite(out, { shown: options.output, inputs: [{ path: resolve(io.cwd, file) }] });
        const draft = loadDraft(io, file);
        const first = draft.problems[0];
        if (first) throw new InputError(`the draft has ${draft.problems.length} syntax problem(s); fix them first (${locate(draft, first.span.start)}${first.message})`, file);
        let text = draft.text;
        let document = draft.document;
        const view = options.as !== undefined ? parseViewName(options.as) : undefined;
        if (view && view.kind !== 'proposed') {
          const result = viewDraft(draft.text, draft.document, view);
          if (view.kind === 'delegation' && !result.known) {
            const known = result.proposers.length ? `proposers in this draft: ${result.proposers.join(', ')}` : 'this draft has no proposals';
            throw new InputError(`no proposal by '${view.name}' in this draft (${known}); other views: proposed, accepted, original.`, file);
          }
          text = result.text;
          document = parse(text).document;
        }
        const epoch = process.env['SOURCE_DATE_EPOCH'];
        const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().replace(/\.\d+Z$/, 'Z') : undefined;
        const clean = view !== undefined && view.kind !== 'proposed';
        const result = await exportDocx(text, document, { ...(date ? { date } : {}), clean });
        writeFileBytes(out, result.bytes, { shown: options.output, inputs: [{ path: draft.full }] });
        io.stdout(`${options.output}: ${result.changes} tracked change(s), ${result.comments} comment(s), ${result.footnotes} footnote(s)\n`);
        setExit(0);
      }),
    );
}
