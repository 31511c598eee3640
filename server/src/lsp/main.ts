/** Process entry of the language server (bundled to dist/server.js): stdio or Node IPC. */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const args = process.argv.slice(2);
const transport = args.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));

if (transport) {
  // createConnection reads the transport from the command line: --node-ipc, --socket=N or --pipe.
  startServer(createConnection(ProposedFeatures.all));
} else {
  // stdio (the default). The reader is ours so that a framing error (a broken Content-Length, a
  // header without one) is not swallowed: it is logged and the process ends with code 1, so the
  // client sees the server die and can restart it, instead of a server stuck forever.
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
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
