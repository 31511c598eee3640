/** Process entry of the language server (bundled to dist/server.js): stdio or Node IPC. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { StdioMessageReader } from './stdio-reader.js';
import { acceptRawJson, StdioMessageWriter } from './wire-json.js';

const args = process.argv.slice(2);
const transport = args.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));

if (transport) {
  // createConnection reads the transport from the command line: --node-ipc, --socket=N or --pipe.
  startServer(createConnection(ProposedFeatures.all));
} else {
  // stdio (the default). A framing error (a broken Content-Length, a header without one) is not
  // swallowed: it is logged and the process ends with code 1, so the client sees the server die
  // and can restart it, instead of a server stuck forever. The reader decodes a message as it
  // arrives (stdio-reader.ts).
  const reader = new StdioMessageReader(process.stdin);
  // The writer is ours too: it writes a huge document's JSON as the lint worker made it.
  const writer = new StdioMessageWriter(process.stdout);
  acceptRawJson();
  reader.onError((error) => {
    process.stderr.write(`acquis-lsp: framing error on stdin, exiting: ${error.message}\n`);
    process.exit(1);
  });
  // stdout carries the protocol: anything printed with console goes to stderr instead.
  console.log = console.info = console.debug = console.warn = (...parts: unknown[]) => process.stderr.write(`${parts.map(String).join(' ')}\n`);
  let shutdown = false;
  const end = (): void => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  startServer(createConnection(ProposedFeatures.all, reader, writer), {
    onShutdown: () => {
      shutdown = true;
    },
  });
}
