/**
 * The parser ends Chevrotain's grammar recording by setting each recording method back to the
 * prototype's (grammar/src/parser.ts, `disableRecording`) instead of deleting it. This checks
 * that RECORDING_METHODS is exactly what Chevrotain's own `enableRecording` puts on a parser (so
 * a new Chevrotain that records more fails here), and that a built parser holds no recording
 * method: each of them is the one its prototype holds.
 */
import { CstParser } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { DraftParser, RECORDING_METHODS } from '../../grammar/src/parser';

describe('the end of grammar recording', () => {
  it('covers every method Chevrotain records with', () => {
    const recorder = Object.create(CstParser.prototype) as Record<string, unknown> & { enableRecording(): void };
    recorder.TRACE_INIT = (_name: string, run: () => unknown) => run();
    const before = new Set(Object.keys(recorder));
    recorder.enableRecording();
    const added = Object.keys(recorder).filter((key) => !before.has(key) && key !== 'RECORDING_PHASE');
    expect(added.length).toBe(89);
    expect([...added].sort()).toEqual([...RECORDING_METHODS].sort());
  });

  it('leaves the parser with the prototype methods only', () => {
    const parser = new DraftParser() as unknown as Record<string, unknown>;
    const proto = Object.getPrototypeOf(parser) as Record<string, unknown>;
    expect(parser.RECORDING_PHASE).toBe(false);
    // Set back (own properties), not deleted: the cheaper path of parser.ts ran.
    expect(Object.hasOwn(parser, 'CONSUME')).toBe(true);
    for (const name of RECORDING_METHODS) {
      expect(typeof proto[name], name).toBe('function');
      expect(parser[name], name).toBe(proto[name]);
    }
    // A recording method would return Chevrotain's placeholder end-of-file token, not the input's.
    const real = parser as unknown as { LA(n: number): { tokenType: { name: string } } };
    expect(real.LA(1).tokenType.name).toBe('EOF');
  });
});
