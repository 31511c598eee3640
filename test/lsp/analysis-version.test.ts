/**
 * An analysis is of the version it was asked for. The server's documents are changed in place by
 * each edit, so an analysis that read the document's version when it finished labelled an older
 * text's findings with the newer version. Here the edit lands deterministically inside the
 * analysis: the matcher applies it the first time it is called, then takes long enough that the
 * analysis yields. (test/lsp/mid-analysis.test.ts is the same over stdio, with real timing.)
 */
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { createEngine } from '../../server/src/engine/index';
import { builtinAcquisDir, readAcquisFolder } from '../../server/src/cli/node-host';
import { Analyses, SLICE_MS } from '../../server/src/lsp/analyses';
import type { EngineEntry, EngineStore } from '../../server/src/lsp/engines';
import { PieceDocument } from '../../server/src/lsp/piece-document';

const P18 =
  '1. In this regard, the Group recommends regular institutional dialogue with broad participation under the auspices of the United Nations.\n';

it('gives up an analysis whose document was edited while it ran, and never labels old findings with the new version', async () => {
  const engine = createEngine(readAcquisFolder(builtinAcquisDir()).map((f) => ({ ...f, uri: pathToFileURL(f.uri).href })));
  const doc = new PieceDocument('file:///edited.draft', 'draft', 1, P18);
  let edited = false;
  const match = engine.matcher.match.bind(engine.matcher);
  engine.matcher.match = (text: string) => {
    if (!edited) {
      edited = true;
      // The editor's next keystroke: three lines more at the top, so every offset moves.
      doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n\n' }], 2);
      const until = Date.now() + SLICE_MS + 5;
      while (Date.now() < until);
    }
    return match(text);
  };
  const entry: EngineEntry = { engine, acquisDirs: [], settings: {} };
  const store = { engineFor: async () => entry } as unknown as EngineStore;
  const analyses = new Analyses(store, (uri) => (uri === doc.uri ? doc : undefined));

  const first = await analyses.get(doc.uri);
  expect(edited).toBe(true);
  // Asked at version 1, the document is at version 2 by the end: nothing, not version 1's findings as 2.
  expect(first).toBeUndefined();
  const second = await analyses.get(doc.uri);
  expect(second?.version).toBe(2);
  expect(second?.draft.text).toBe(doc.getText());
  const deviation = second!.result.findings.find((f) => f.ruleId === 'precedent.deviation' || f.ruleId === 'precedent.agreed');
  expect(deviation, 'the paragraph is linted').toBeDefined();
  expect(doc.getText().slice(deviation!.span.start, deviation!.span.end)).toContain('regular institutional dialogue');
});
