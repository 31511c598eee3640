/**
 * Each WebAssembly kernel kept as base64 in the engine is its .wat source assembled (with wabt's
 * wat2wasm): a change to a source without its bytes, or the reverse, fails here.
 * ACQUIS_WRITE_WASM=1 rewrites the generated modules (after a change to a .wat file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import initWabt from 'wabt';
import { describe, expect, it } from 'vitest';
import { ALIGN_WASM } from '../../server/src/engine/match/align-wasm';
import { CANDIDATES_WASM } from '../../server/src/engine/acquis/candidates-wasm';
import { WORDS_WASM } from '../../server/src/engine/text/words-wasm';

const KERNELS = [
  { source: 'server/src/engine/match/align.wat', module: 'server/src/engine/match/align-wasm.ts', name: 'ALIGN_WASM', what: 'The alignment kernel (align.wat)', bytes: ALIGN_WASM },
  {
    source: 'server/src/engine/acquis/candidates.wat',
    module: 'server/src/engine/acquis/candidates-wasm.ts',
    name: 'CANDIDATES_WASM',
    what: 'The candidate look-up kernel (candidates.wat)',
    bytes: CANDIDATES_WASM,
  },
  { source: 'server/src/engine/text/words.wat', module: 'server/src/engine/text/words-wasm.ts', name: 'WORDS_WASM', what: 'The word reading kernel (words.wat)', bytes: WORDS_WASM },
];

/** The generated module's text for `bytes`. */
function moduleText(kernel: (typeof KERNELS)[number], bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 96) lines.push(`  '${base64.slice(at, at + 96)}'`);
  const file = kernel.source.split('/').pop();
  return [
    `// Generated from ${file} by test/wasm/kernels.test.ts (ACQUIS_WRITE_WASM=1): do not edit.`,
    `/** ${kernel.what} as a WebAssembly binary, in base64. */`,
    `export const ${kernel.name} =`,
    `${lines.join(' +\n')};`,
    '',
  ].join('\n');
}

describe('the WebAssembly kernels', () => {
  for (const kernel of KERNELS) {
    it(`${kernel.module} is ${kernel.source} assembled`, async () => {
      const wabt = await initWabt();
      const parsed = wabt.parseWat(kernel.source, readFileSync(kernel.source, 'utf8'));
      parsed.validate();
      const { buffer } = parsed.toBinary({});
      parsed.destroy();
      const text = moduleText(kernel, buffer);
      if (process.env.ACQUIS_WRITE_WASM === '1') writeFileSync(kernel.module, text);
      expect(readFileSync(kernel.module, 'utf8'), `${kernel.module} is out of date: run ACQUIS_WRITE_WASM=1 npx vitest run test/wasm/kernels.test.ts`).toBe(text);
      expect(Buffer.from(kernel.bytes, 'base64').equals(Buffer.from(buffer))).toBe(true);
    });
  }
});
