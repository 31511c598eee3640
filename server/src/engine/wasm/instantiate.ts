/**
 * WebAssembly kernels of the engine (match/align.wat, acquis/candidates.wat): each is kept as a
 * base64 string generated from its source (test/wasm/kernels.test.ts) and instantiated here.
 * WebAssembly is compiled before its first call, so a kernel is fast from the first sentence of a
 * one-file lint, when V8 has not yet optimised the TypeScript it replaces.
 */

/** What the engine needs of the WebAssembly API (not in the ES library types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export const WASM_PAGE = 65536;

const modules = new Map<string, object | null>();

/**
 * A new instance of the module whose binary is `base64`, or null where WebAssembly is missing
 * (`node --jitless`) or refuses it. The module is compiled once per binary.
 */
export function instantiate(base64: string): Record<string, unknown> | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wasm) return null;
  try {
    let module = modules.get(base64);
    if (module === undefined) {
      module = new wasm.Module(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      modules.set(base64, module);
    }
    return module ? new wasm.Instance(module, {}).exports : null;
  } catch {
    modules.set(base64, null);
    return null;
  }
}

/** Grow `memory` to hold `bytes`; false when it cannot (the caller falls back to TypeScript). */
export function reserve(memory: WasmMemory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return true;
  try {
    memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
    return true;
  } catch {
    return false;
  }
}
