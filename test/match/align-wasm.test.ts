/**
 * The alignment kernel kept in server/src/engine/match/align-wasm.ts is align.wat assembled (with
 * wabt's wat2wasm): a change to the source without the bytes, or the reverse, fails here.
 * ACQUIS_WRITE_ALIGN_WASM=1 rewrites the module (after a change to align.wat).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import initWabt from 'wabt';
import { describe, expect, it } from 'vitest';
import { ALIGN_WASM } from '../../server/src/engine/match/align-wasm';

const SOURCE = 'server/src/engine/match/align.wat';
const MODULE = 'server/src/engine/match/align-wasm.ts';

/** The generated module's text for `bytes`. */
function moduleText(bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 96) lines.push(`  '${base64.slice(at, at + 96)}'`);
  return [
    '// Generated from align.wat by test/match/align-wasm.test.ts (ACQUIS_WRITE_ALIGN_WASM=1): do not edit.',
    '/** The alignment kernel (align.wat) as a WebAssembly binary, in base64. */',
    'export const ALIGN_WASM =',
    `${lines.join(' +\n')};`,
    '',
  ].join('\n');
}

describe('the alignment kernel', () => {
  it('is align.wat assembled', async () => {
    const wabt = await initWabt();
    const parsed = wabt.parseWat(SOURCE, readFileSync(SOURCE, 'utf8'));
    parsed.validate();
    const { buffer } = parsed.toBinary({});
    parsed.destroy();
    const text = moduleText(buffer);
    if (process.env.ACQUIS_WRITE_ALIGN_WASM === '1') writeFileSync(MODULE, text);
    expect(readFileSync(MODULE, 'utf8'), `${MODULE} is out of date: run ACQUIS_WRITE_ALIGN_WASM=1 npx vitest run test/match/align-wasm.test.ts`).toBe(text);
    expect(Buffer.from(ALIGN_WASM, 'base64').equals(Buffer.from(buffer))).toBe(true);
  });
});
