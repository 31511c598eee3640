/** Shared by the engine tests: one engine over the built-in acquis, built once per test file. */
import { readAcquisFolder, builtinAcquisDir } from '../../server/src/cli/node-host';
import { createEngine, type Engine } from '../../server/src/engine/index';

let engine: Engine | undefined;

export function builtinEngine(): Engine {
  engine ??= createEngine(readAcquisFolder(builtinAcquisDir()));
  return engine;
}
