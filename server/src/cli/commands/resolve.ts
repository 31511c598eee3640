/**
 * `acquis resolve <file> [--accept <who>]... [--reject <who>]... [--paragraph <label>]...
 * [-o <out>] [--dry-run]`: accept or reject proposals, by delegation and by paragraph, and write
 * the draft back atomically (or to `-o`, or as a unified diff with `--dry-run`).
 */
import type { Command } from 'commander';
import { parse } from '../../../../grammar/src/index.js';
import { foldName, proposersIn, resolveAmendments, type ResolveSelection } from '../../engine/amendments/index.js';
import { InputError } from '../../host/text-file.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { openOutput, writeBack } from '../output.js';
import { unifiedDiff } from '../unified-diff.js';
import { collect, listNames, loadDraft, locate, plural } from './draft-file.js';

interface ResolveOptions {
  accept?: string[];
  reject?: string[];
  paragraph?: string[];
  output?: string;
  dryRun?: boolean;
}

export function registerResolve(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('resolve')
    .description('Accept or reject proposed amendments, by delegation and by paragraph.')
    .argument('<file>', 'the .draft file')
    .option('--accept <who>', "accept this delegation's proposals (repeatable; 'all' for every delegation, 'unattributed' for unsigned ones)", collect)
    .option('--reject <who>', "reject this delegation's proposals (repeatable; 'all', 'unattributed')", collect)
    .option('--paragraph <label>', "only in this paragraph: '22', 'PP3', '68 (a) (i)' (repeatable)", collect)
    .option('-o, --output <file>', 'write the result to this file instead of rewriting <file>')
    .option('--dry-run', 'print the changes as a unified diff and write nothing')
    .addHelpText(
      'after',
      `
A named delegation wins over 'all': --accept Japan --reject all accepts Japan's proposals and
rejects everyone else's. Accepting keeps inserted and replacing text, rejecting keeps the text as
it was; a resolved amendment's comment (its rationale) goes with it.

Examples:
  acquis resolve draft.draft --accept Japan
  acquis resolve draft.draft --reject all --dry-run
  acquis resolve draft.draft --accept all --paragraph 22 -o rev1.draft`,
    )
    .action((file: string, options: ResolveOptions) =>
      guarded(io, setExit, () =>
        runResolve(io, file, { ...options, accept: options.accept ?? [], reject: options.reject ?? [], paragraph: options.paragraph ?? [] }),
      ),
    );
}

function runResolve(io: Io, file: string, options: Required<Pick<ResolveOptions, 'accept' | 'reject' | 'paragraph'>> & ResolveOptions): number {
  const output = options.output !== undefined ? openOutput(io, options.output, [file]) : undefined;
  const draft = loadDraft(io, file);
  if (!options.accept.length && !options.reject.length) {
    throw new InputError("nothing selected: say whose proposals to resolve with --accept <who> or --reject <who> ('all' for every delegation).", file);
  }
  const accepted = new Set(options.accept.map(foldName));
  const both = options.reject.filter((name) => accepted.has(foldName(name)));
  if (both.length) throw new InputError(`${listNames(both.map((n) => `'${n}'`))} both accepted and rejected: choose one.`, file);

  const paragraphs = options.paragraph.length ? options.paragraph : undefined;
  const selection: ResolveSelection[] = [];
  if (options.accept.length) selection.push({ action: 'accept', proposers: options.accept, ...(paragraphs ? { paragraphs } : {}) });
  if (options.reject.length) selection.push({ action: 'reject', proposers: options.reject, ...(paragraphs ? { paragraphs } : {}) });
  const result = resolveAmendments(draft.text, draft.document, selection);

  if (result.unknownParagraphs.length) {
    const list = listNames(result.unknownParagraphs.map((p) => `'${p}'`));
    throw new InputError(`no paragraph ${list} in this draft (use a label such as '22', 'PP3' or '68 (a) (i)').`, file);
  }
  if (result.unknownProposers.length) {
    const list = listNames(result.unknownProposers.map((p) => `'${p}'`));
    const proposers = proposersIn(draft.text, draft.document);
    const known = proposers.length ? `proposers in this draft: ${proposers.join(', ')}` : 'this draft has no proposals';
    throw new InputError(`no proposal by ${list} in this draft (${known}).`, file);
  }
  for (const entry of result.skipped) {
    io.stderr(`${locate(draft, entry.node.span.start)}warning: amendment left as it is: its marks are not complete.\n`);
  }
  const after = parse(result.text).problems;
  if (after.length > draft.problems.length) {
    const first = after.find((p) => !draft.problems.some((q) => q.code === p.code && q.message === p.message)) ?? after[0]!;
    throw new InputError(`resolving would break the markup (${first.message}); nothing written.`, file);
  }

  if (options.dryRun) {
    io.stdout(result.resolved ? unifiedDiff(file, draft.text, result.text) : 'No amendments to resolve.\n');
    return 0;
  }
  const summary = `${file}: ${plural(result.resolved, 'amendment')} resolved (${result.accepted} accepted, ${result.rejected} rejected)`;
  if (output) {
    output.write(result.text, draft.file.encoding);
    io.stdout(`${summary}; written to ${options.output}.\n`);
  } else {
    if (result.text !== draft.text) writeBack(draft.file, result.text);
    io.stdout(`${summary}.\n`);
  }
  return 0;
}
