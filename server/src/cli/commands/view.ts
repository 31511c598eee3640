/**
 * `acquis view <file> --as proposed|accepted|original|<delegation> [-o <out>]`: the whole draft as
 * `.draft` text, as proposed (markup as it is), with every proposal accepted, with every proposal
 * rejected, or as one delegation would have it (its proposals accepted, everyone else's rejected).
 */
import type { Command } from 'commander';
import { parseViewName, viewDraft } from '../../engine/amendments/index.js';
import { InputError } from '../../host/text-file.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { openOutput } from '../output.js';
import { loadDraft } from './draft-file.js';

interface ViewOptions {
  as: string;
  output?: string;
}

export function registerView(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('view')
    .description('Print the draft as proposed, with every proposal accepted, or as one delegation would have it.')
    .argument('<file>', 'the .draft file')
    .requiredOption('--as <view>', "'proposed' (markup as is), 'accepted' (every proposal), 'original' (none), or a delegation's name")
    .option('-o, --output <file>', 'write the view to this file instead of standard output')
    .addHelpText(
      'after',
      `
Examples:
  acquis view draft.draft --as accepted
  acquis view draft.draft --as Japan            # Japan's proposals accepted, others rejected
  acquis view draft.draft --as "Iran (Islamic Republic of)" -o iran.draft`,
    )
    .action((file: string, options: ViewOptions) =>
      guarded(io, setExit, () => {
        const output = openOutput(io, options.output, [file]);
        const draft = loadDraft(io, file);
        const view = parseViewName(options.as);
        const result = viewDraft(draft.text, draft.document, view);
        if (view.kind === 'delegation' && !result.known) {
          const known = result.proposers.length ? `proposers in this draft: ${result.proposers.join(', ')}` : 'this draft has no proposals';
          throw new InputError(`no proposal by '${view.name}' in this draft (${known}); other views: proposed, accepted, original.`, file);
        }
        // A view is a draft: written in the encoding the draft was read in.
        output.write(result.text, draft.file.encoding);
        return 0;
      }),
    );
}
