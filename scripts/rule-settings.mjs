#!/usr/bin/env node
// Writes package.json's `acquis.rules` setting from the rule registry: one property per rule id,
// with the severities as an enum, so that the Settings UI edits each rule's severity.
// `node scripts/rule-settings.mjs` after adding or renaming a rule (test/lsp/editor.test.ts checks it).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'acquis-rules-'));
try {
  const outfile = join(dir, 'registry.mjs');
  await build({ entryPoints: [join(root, 'server/src/engine/rules/registry.ts')], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const { RULES } = await import(pathToFileURL(outfile).href);
  const file = join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const setting = pkg.contributes.configuration.properties['acquis.rules'];
  setting.properties = Object.fromEntries(
    RULES.map((r) => [r.id, { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'], markdownDescription: `${r.summary} Default: \`${r.defaultSeverity}\`.` }]),
  );
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`acquis.rules: ${RULES.length} rules`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
