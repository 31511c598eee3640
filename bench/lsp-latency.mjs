#!/usr/bin/env node
// Bundles bench/lsp-latency.ts with esbuild and runs it (the language server must be built:
// `npm run build`). Prints figures; see bench/README.md.
import { runBench } from './bundle.mjs';

await runBench('lsp-latency.ts');
