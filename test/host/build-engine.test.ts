/**
 * `buildEngineAsync`, the server's way to build an engine, in-process: the built-in acquis comes
 * from the build's snapshot (nothing of it is parsed), URIs are the host's, and a project folder
 * is parsed with progress.
 */
import { mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { buildEngineAsync } from '../../server/src/host/build-engine';
import { builtinAcquisDir } from '../../server/src/host/install';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('takes the built-in acquis from the snapshot: no built-in document is parsed', async () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'acquis-build-')));
  made.push(dir);
  mkdirSync(join(dir, 'mine'));
  writeFileSync(join(dir, 'mine', 'x.draft'), '---\nsymbol: A/99/1\nadoption: consensus\n---\n\n1. States should light every lighthouse on the coast at night.\n');
  let toParse = -1;
  const built = await buildEngineAsync(
    { searchFrom: dir, choices: { acquis: ['mine'] }, choicesBase: () => dir, uriOf: (p) => pathToFileURL(p).href },
    async (documents) => {
      toParse = documents;
      return undefined;
    },
  );
  expect(built.problems).toEqual([]);
  expect(toParse).toBe(1); // the project's one document; the built-in ones come ready-made
  const builtin = readdirSync(builtinAcquisDir()).filter((f) => f.endsWith('.draft')).length;
  expect(built.engine.acquis.documents).toHaveLength(builtin + 1);
  expect(built.engine.acquis.documents.every((d) => d.uri.startsWith('file:///'))).toBe(true);
  expect(built.acquisDirs).toEqual([builtinAcquisDir(), join(dir, 'mine')]);
});
