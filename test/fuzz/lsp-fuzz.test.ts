/**
 * Random edit sequences against the language server over stdio, as an editor sends them:
 * open a draft (a mutated sample or acquis file), then a burst of incremental changes. The server
 * must not crash; every diagnostics notification for the document carries a version that was
 * sent, never going back; the last one describes the last version; and it equals what the server
 * publishes for the final text opened fresh. 2,000 sequences by default, 25 at a time.
 *
 * Reproducible: FUZZ_SEED=<n>, FUZZ_CASE=<i> replays one sequence, LSP_FUZZ_SEQUENCES=<n> scales.
 * The longer run: `node scripts/fuzz-long.mjs` (see its header).
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { int, mutatedInput, pick, piece, readSeed, type Random } from '../grammar/fuzz-inputs';
import { mixSeed, mulberry32, preview } from '../grammar/helpers';
import { LspClient, ROOT } from '../lsp/lsp-client';

const SEED = readSeed(process.env.FUZZ_SEED, 20_261_205);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
const SEQUENCES = Number(process.env.LSP_FUZZ_SEQUENCES ?? 2_000);
const PARALLEL = 25;
const CHUNK = 500;

let client: LspClient;
beforeAll(async () => {
  client = new LspClient({ settings: { lintDelay: 0 } });
  await client.initialize(ROOT);
});
afterAll(async () => {
  await client?.stop();
});

/** One random change, applied to `doc`; returns the LSP change event. */
function change(random: Random, doc: TextDocument): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const text = doc.getText();
  const start = int(random, text.length + 1);
  const r = random();
  const end = r < 0.4 ? start : Math.min(text.length, start + 1 + int(random, r < 0.8 ? 6 : 60));
  const inserted = r < 0.15 ? '' : pick(random, [piece(random), piece(random) + piece(random), '\n', '\r\n', ' ', 'x', mutatedInput(random).slice(0, 40)]);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: inserted };
}

const shape = (d: Diagnostic) => [d.code, d.severity, d.message, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];

/** One sequence: what went wrong, or undefined. */
async function sequence(index: number): Promise<string | undefined> {
  const random = mulberry32(mixSeed(SEED, index));
  const uri = pathToFileURL(join(ROOT, `fuzz-${SEED}-${index}.draft`)).href;
  const fresh = pathToFileURL(join(ROOT, `fuzz-${SEED}-${index}-fresh.draft`)).href;
  let doc = TextDocument.create(uri, 'draft', 1, mutatedInput(random).slice(0, 1500));
  const start = client.published.length;
  await client.open(uri, doc.getText(), 1);
  const edits = 1 + int(random, 12);
  for (let v = 2; v <= edits + 1; v++) {
    const c = change(random, doc);
    doc = TextDocument.update(doc, [c], v);
    await client.change(uri, v, [c]);
  }
  const last = edits + 1;
  const final = await client.diagnostics(uri, (p) => p.version === last, 30_000);
  const mine = client.published.slice(start).filter((p) => p.uri === uri);
  let previous = 0;
  for (const p of mine) {
    if (typeof p.version !== 'number' || p.version < 1 || p.version > last) return `diagnostics with version ${p.version} (sent 1..${last})`;
    if (p.version < previous) return `diagnostics went back from version ${previous} to ${p.version}`;
    previous = p.version;
  }
  await client.open(fresh, doc.getText(), 1);
  const reference: PublishDiagnosticsParams = await client.diagnostics(fresh, (p) => p.version === 1, 30_000);
  await client.close(uri);
  await client.close(fresh);
  const a = JSON.stringify(final.diagnostics.map(shape));
  const b = JSON.stringify(reference.diagnostics.map(shape));
  if (a !== b) return `after ${edits} edits the diagnostics differ from a fresh lint:\n  edited: ${a}\n  fresh:  ${b}\n  text: ${preview(doc.getText())}`;
  return undefined;
}

const chunks = Array.from({ length: Math.ceil(SEQUENCES / CHUNK) }, (_, i) => [i * CHUNK, Math.min(SEQUENCES, (i + 1) * CHUNK)] as const);

it.each(chunks)('edit sequences %i to %i: no crash, versioned diagnostics, final equals a fresh lint', async (first, last) => {
  const started = performance.now();
  const failures: string[] = [];
  const indices = Array.from({ length: last - first }, (_, i) => first + i).filter((i) => ONLY_CASE === undefined || i === ONLY_CASE);
  for (let i = 0; i < indices.length && failures.length < 5; i += PARALLEL) {
    const batch = indices.slice(i, i + PARALLEL);
    const results = await Promise.all(batch.map((index) => sequence(index).catch((error: Error) => `the sequence failed: ${error.message}`)));
    results.forEach((reason, k) => {
      if (reason) failures.push(`FUZZ_SEED=${SEED} FUZZ_CASE=${batch[k]}: ${reason}`);
    });
    if (client.process.exitCode !== null) failures.push(`the server exited with code ${client.process.exitCode}: ${client.messages.join('\n').slice(-2000)}`);
  }
  console.log(`lsp fuzz: ${indices.length} sequences, ${((performance.now() - started) / 1000).toFixed(1)} s, FUZZ_SEED=${SEED}`);
  expect(failures, `language server fuzz failures; replay with the FUZZ_SEED and FUZZ_CASE shown:\n\n${failures.join('\n\n')}\n`).toEqual([]);
}, 300_000);
