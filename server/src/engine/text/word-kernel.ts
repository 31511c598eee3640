/**
 * Word reading as a WebAssembly kernel (words.wat, assembled into words-wasm.ts): the words that
 * the expression of words.ts finds, with their UTF-16 offsets, and for each an id of its
 * spelling, numbered by the kernel from one text to the next.
 *
 * Why: every paragraph of a draft is read into words once, half a million words for the 50 bench
 * drafts. With the expression, each word was a call of `exec` (a match array and a string) and a
 * look-up of that string in a Map (its hash): about 130 ms of a 0.9 s run. The kernel reads the
 * text's UTF-8 bytes (`TextEncoder.encodeInto`, native) and finds a spelling in its own table,
 * so the caller folds a spelling the first time it is met and never again.
 *
 * Letters and numbers are the runtime's own (`\p{L}`, `\p{N}`): the kernel learns the classes a
 * block of 256 code points at a time, when a text first uses that block, by asking the
 * runtime's expressions. A character outside the Basic Multilingual Plane (rare in a draft)
 * sends the text back to the expression (`null`), as does a missing WebAssembly.
 */
import { instantiate, reserve, type WasmMemory } from '../wasm/instantiate.js';
import { WORDS_WASM } from './words-wasm.js';

/** Where words.wat keeps its per-code-point classes, and its input (see its header). */
const CLASSES = 1024;
const INPUT = 917_504;
/** Longer texts are left to the expression: the kernel's memory would be ten times their size. */
const LONGEST = 1 << 22;
/**
 * Characters a process reads with the expression before it sets the kernel up (more than a
 * 10,000-word draft). Compiling it, its memory and its first block of classes, and its calls
 * before V8 has optimised their JavaScript side, cost more than they save on one draft: a
 * one-paragraph lint 2.5% more time (200 more page faults), a 10k-word draft 1.3% more
 * instructions. Over the 50 bench drafts the kernel saves 10%.
 */
const KERNEL_FROM_CHARS = 100_000;

interface Kernel {
  memory: WasmMemory;
  scan: (length: number, out: number, cap: number) => number;
  reset: () => void;
  /** Views of the memory, made again when growing replaces its buffer (then length 0). */
  heap: Int32Array;
  bytes: Uint8Array;
  input: Uint8Array;
}

/** What one scan found: `count` words, their starts, ends and spelling ids at these indices of `heap`. */
export interface WordScan {
  count: number;
  heap: Int32Array;
  starts: number;
  ends: number;
  ids: number;
  /**
   * Changes when the kernel forgets its spellings (its table is full): ids from an earlier
   * generation mean nothing any more. An id `~k` (negative) is a spelling met for the first time.
   */
  generation: number;
}

let kernel: Kernel | null | undefined;
/** `auto`: after KERNEL_FROM_CHARS; `on`: from the first text (tests); `off`: never. */
let mode: 'auto' | 'on' | 'off' = 'auto';
let offered = 0;
let generation = 0;
const encoder = new TextEncoder();
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

/** Use the kernel from now on, or never (tests compare it with the expression). */
export function setWordKernel(on: boolean): void {
  mode = on ? 'on' : 'off';
}

function load(): Kernel | null {
  const exports = instantiate(WORDS_WASM);
  if (!exports) return null;
  const memory = exports['memory'] as WasmMemory;
  const k: Kernel = {
    memory,
    scan: exports['scan'] as Kernel['scan'],
    reset: exports['reset'] as Kernel['reset'],
    heap: new Int32Array(0),
    bytes: new Uint8Array(0),
    input: new Uint8Array(0),
  };
  views(k);
  learnBlock(k, 0);
  return k;
}

function views(k: Kernel): void {
  const buffer = k.memory.buffer;
  k.heap = new Int32Array(buffer);
  k.bytes = new Uint8Array(buffer);
  k.input = new Uint8Array(buffer, INPUT);
}

/** Write the classes of the 256 code points of `block` (0 neither, 1 letter, 2 number). */
function learnBlock(k: Kernel, block: number): void {
  for (let c = block << 8, end = c + 256; c < end; c++) {
    // Surrogates never reach the kernel as such (the encoder writes U+FFFD for a lone one).
    const s = c >= 0xd800 && c <= 0xdfff ? '' : String.fromCharCode(c);
    k.bytes[CLASSES + c] = LETTER.test(s) ? 1 : NUMBER.test(s) ? 2 : 0;
  }
  k.bytes[block] = 1;
}

/** The words of the whole of `text` by the kernel, or null when it cannot read them. */
export function kernelScan(text: string): WordScan | null {
  if (mode === 'off' || text.length > LONGEST) return null;
  if (mode === 'auto' && kernel === undefined && (offered += text.length) <= KERNEL_FROM_CHARS) return null;
  if (kernel === undefined) kernel = load();
  if (!kernel) return null;
  const k = kernel;
  // At most one word per two UTF-16 units (and one more), at most three UTF-8 bytes per unit.
  const cap = (text.length >> 1) + 1;
  const out = (INPUT + text.length * 3 + 7) & ~7;
  if (k.heap.length === 0 || k.heap.byteLength < out + cap * 12) {
    if (!reserve(k.memory, out + cap * 12)) return null;
    views(k);
  }
  const { written } = encoder.encodeInto(text, k.input);
  for (;;) {
    const count = k.scan(written, out, cap);
    if (count >= 0) {
      const at = out >> 2;
      return { count, heap: k.heap, starts: at, ends: at + cap, ids: at + cap * 2, generation };
    }
    if (count === -1) return null;
    if (count === -2) {
      k.reset();
      generation++;
    } else learnBlock(k, -3 - count);
  }
}
