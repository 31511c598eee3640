/**
 * The local alignment as a WebAssembly kernel (align.wat, assembled into align-wasm.ts): the same
 * algorithm as align.ts, step for step, with the same answers (test/match/align.test.ts holds both
 * to the plain Smith-Waterman).
 *
 * Why: a one-file lint ends before V8 has optimised the alignment's loops, so in a CLI run it ran
 * as interpreted and baseline code, about a tenth of the whole process on the 10k-word bench
 * draft. The kernel (a 2 KB module, compiled in well under a millisecond) is fast from the first
 * sentence. In a long run the two are about as fast.
 *
 * Where WebAssembly is missing (`node --jitless`) or its memory cannot grow, `kernelAlign`
 * answers `null` and the caller runs the TypeScript version.
 */
import { instantiate, reserve, type WasmMemory } from '../wasm/instantiate.js';
import { ALIGN_WASM } from './align-wasm.js';
import type { LocalAlignment } from './align.js';

interface Kernel {
  memory: WasmMemory;
  align: (n: number, m: number, min: number) => number;
  /** A view of the memory, made again when growing replaces the buffer. */
  heap: Int32Array;
}

/** Where the kernel reads the draft's ids (the precedent's follow them); the answer is at 0. */
const INPUT_AT = 16; // in 32-bit words: byte 64

let kernel: Kernel | null | undefined;

function load(): Kernel | null {
  const exports = instantiate(ALIGN_WASM);
  if (!exports) return null;
  const memory = exports['memory'] as WasmMemory;
  return { memory, align: exports['align'] as Kernel['align'], heap: new Int32Array(memory.buffer) };
}

/** Whether the kernel is used (tests and benchmarks compare it with the TypeScript version). */
let enabled = true;

export function setAlignKernel(on: boolean): void {
  enabled = on;
}

/**
 * The alignment of `draft` against `precedent` by the kernel: undefined for none (or fewer than
 * `minMatches` equal words possible), null when the kernel cannot answer.
 */
export function kernelAlign(draft: Int32Array, precedent: Int32Array, minMatches: number): LocalAlignment | undefined | null {
  if (!enabled) return null;
  if (kernel === undefined) kernel = load();
  if (!kernel) return null;
  const k = kernel;
  const n = draft.length;
  const m = precedent.length;
  if (!ensure(k, (INPUT_AT + n + m) * 4)) return null;
  k.heap.set(draft, INPUT_AT);
  k.heap.set(precedent, INPUT_AT + n);
  const found = k.align(n, m, minMatches);
  if (found === 0) return undefined;
  if (found < 0) return null;
  // The kernel may have grown its memory for the score matrix: the old view is then detached.
  if (k.heap.length === 0) k.heap = new Int32Array(k.memory.buffer);
  const h = k.heap;
  return { score: h[0]!, draftStart: h[1]!, draftEnd: h[2]!, precedentStart: h[3]!, precedentEnd: h[4]!, matches: h[5]! };
}

/**
 * Makes the memory hold `bytes`. The view spans the whole memory, and is detached (length 0) once
 * the memory grows, so its length answers without asking the memory for its buffer (a call into
 * the runtime, twice per candidate before).
 */
function ensure(k: Kernel, bytes: number): boolean {
  if (k.heap.byteLength >= bytes) return true;
  if (!reserve(k.memory, bytes)) return false;
  k.heap = new Int32Array(k.memory.buffer);
  return true;
}
