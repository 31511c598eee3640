/** `acquis rules`: the rules with their default severity; `build-snapshot` (hidden, part of the build). */
import type { Command } from 'commander';
import { RULES } from '../../engine/index.js';
import type { Io, SetExit } from '../io.js';
import { guarded } from '../io.js';
import { writeBuiltinSnapshot } from '../node-host.js';

export function registerRules(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('rules')
    .description('List the rules with their default severity.')
    .action(() =>
      guarded(io, setExit, () => {
        for (const rule of RULES) io.stdout(`${rule.id.padEnd(22)} ${rule.defaultSeverity.padEnd(8)} ${rule.summary}\n`);
        io.stdout(`${'syntax'.padEnd(22)} ${'error'.padEnd(8)} The draft does not follow the .draft markup.\n`);
        return 0;
      }),
    );
}

export function registerBuildSnapshot(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('build-snapshot', { hidden: true })
    .description('Write the snapshot of the built-in acquis (part of the build).')
    .action(() =>
      guarded(io, setExit, () => {
        io.stdout(`${writeBuiltinSnapshot()}\n`);
        return 0;
      }),
    );
}
