/**
 * `acquis search "<words or a sentence>"`: the agreed language on a subject, most relevant first,
 * consensus before vote, then the most recent; each with its adoption, the words found marked, and
 * its lineage. Searches the built-in acquis, the configured folders and, when one is configured,
 * the shared store.
 */
import { Option, type Command } from 'commander';
import { formatSearchText, searchJson, type SearchOptions, type SearchResult } from '../../engine/search/index.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { InputError } from '../node-host.js';
import { sourcesFor, type AcquisSourceOptions } from './acquis-sources.js';

interface SearchCommandOptions extends AcquisSourceOptions {
  format: 'text' | 'json';
  consensusOnly?: boolean;
  body?: string;
  since?: string;
  limit: string;
}

export function registerSearch(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('search')
    .description('Find agreed language: precedents ranked by relevance, consensus first, then the most recent.')
    .argument('<words...>', 'words or a sentence (quote it)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--consensus-only', 'only precedents adopted by consensus')
    .option('--body <body>', 'only documents of this body (GGE, GA, OEWG...)')
    .option('--since <year>', 'only documents adopted in this year or later')
    .option('--limit <n>', 'at most this many results', '10')
    .option('--acquis <dir>', 'add a folder of adopted .draft documents (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--no-builtin', 'do not use the built-in acquis')
    .option('-c, --config <file>', 'configuration file (default: acquis.config.yaml here or above)')
    .option('--store <url>', 'also search a shared store (postgres://...); default: `store:` in the configuration or ACQUIS_STORE')
    .addHelpText(
      'after',
      `
Examples:
  acquis search "critical infrastructure"
  acquis search "capacity-building" --consensus-only --since 2015
  acquis search "States should not conduct or knowingly support ICT activity" --format json`,
    )
    .action((words: string[], options: SearchCommandOptions) =>
      guarded(io, setExit, async () => {
        const text = words.join(' ');
        if (!/[\p{L}\p{N}]/u.test(text)) throw new InputError('give some words to search for.');
        const search: SearchOptions = { limit: positiveInteger(options.limit, '--limit') };
        if (options.consensusOnly) search.consensusOnly = true;
        if (options.body) search.body = options.body;
        if (options.since !== undefined) search.since = positiveInteger(options.since, '--since');
        const sources = await sourcesFor(options, io.cwd);
        let result: SearchResult;
        try {
          result = await sources.search(text, search);
        } finally {
          await sources.close();
        }
        if (options.format === 'json') io.stdout(`${JSON.stringify(searchJson(result), null, 2)}\n`);
        else io.stdout(formatSearchText(result, { colour: colourWanted() }));
        setExit(0);
      }),
    );
}

function positiveInteger(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InputError(`${name} needs a whole number above 0, not '${value}'.`);
  return Number(value);
}

function colourWanted(): boolean {
  return !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0';
}
