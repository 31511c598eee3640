'use strict';
/**
 * The server's process, owned by a worker thread of the test client (see thread-transport.ts):
 * this thread writes what the client sends to the server's stdin, and cuts the server's stdout
 * into messages as they arrive, stamping each with its arrival time before the client's main
 * thread parses it. So a client busy parsing a 2 MB message does not delay the clock of the
 * answers queued behind it: the stamp says when the server's answer reached the client.
 */
const { spawn } = require('node:child_process');
const { parentPort, workerData } = require('node:worker_threads');

const { execPath, args, cwd } = workerData;
const child = spawn(execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
parentPort.postMessage({ kind: 'spawned', pid: child.pid });

const HEADER_END = Buffer.from('\r\n\r\n');
/** What has arrived and is not cut into messages yet: chunks, joined only when a message is whole. */
let chunks = [];
let buffered = 0;
/** The body length of the message being read (from its header), or -1 before its header. */
let expected = -1;

child.stdout.on('data', (chunk) => {
  const at = performance.timeOrigin + performance.now();
  chunks.push(chunk);
  buffered += chunk.length;
  for (;;) {
    if (expected < 0) {
      const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      chunks = [head];
      const end = head.indexOf(HEADER_END);
      if (end < 0) return;
      const length = /Content-Length: *(\d+)/i.exec(head.latin1Slice(0, end));
      if (!length) parentPort.postMessage({ kind: 'error', message: `bad header: ${head.latin1Slice(0, end)}` });
      expected = length ? Number(length[1]) : 0;
      chunks = [head.subarray(end + HEADER_END.length)];
      buffered = chunks[0].length;
    }
    if (buffered < expected) return;
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    // A copy of its own, so that its memory can be handed over without the rest of the chunk.
    const body = new Uint8Array(all.subarray(0, expected));
    chunks = [all.subarray(expected)];
    buffered = chunks[0].length;
    expected = -1;
    parentPort.postMessage({ kind: 'message', at, body }, [body.buffer]);
  }
});
child.stderr.on('data', (chunk) => parentPort.postMessage({ kind: 'stderr', text: String(chunk) }));
child.on('exit', (code, signal) => {
  parentPort.postMessage({ kind: 'exit', code, signal });
  parentPort.close();
});
child.stdin.on('error', () => {
  // the server is gone: its exit is reported above
});

parentPort.on('message', (message) => {
  if (message.kind === 'write') {
    // Acknowledged once the pipe has taken it all, as a stream writer's promise resolves.
    const body = Buffer.from(message.text, 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body, () => parentPort.postMessage({ kind: 'written', seq: message.seq }));
  } else if (message.kind === 'kill') {
    child.kill();
  }
});
