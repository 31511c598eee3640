/**
 * The editor's Word/PDF commands (client/src/office.ts) are contributed in package.json and
 * registered by the client, and they call command lines that exist (`acquis import ... -o`,
 * `acquis export ... --as ... -o`). Their behaviour is the CLI's, tested in this folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { acquis, requireBuild, ROOT } from '../cli/helpers';

requireBuild();

const COMMANDS = ['acquis.importDocument', 'acquis.importIntoAcquis', 'acquis.exportToWord'];

it('contributes and registers the import and export commands', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command);
  const client = readFileSync(join(ROOT, 'client', 'src', 'office.ts'), 'utf8');
  for (const id of COMMANDS) {
    expect(contributed).toContain(id);
    expect(client).toContain(`registerCommand('${id}'`);
  }
  expect(readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8')).toContain('registerOfficeCommands(context, activeDraft)');
});

it('calls command lines the CLI has', () => {
  expect(acquis(['import', '--help']).stdout).toMatch(/-o, --output <file\|folder>/);
  const exportHelp = acquis(['export', '--help']).stdout;
  expect(exportHelp).toMatch(/--as <view>/);
  expect(exportHelp).toMatch(/-o, --output <file>/);
});
