#!/usr/bin/env node
'use strict';
// The Acquis language server; speaks LSP over stdio unless --node-ipc or --socket is given.
// The bundle is loaded with a V8 code cache when one can be kept (bin/load-bundle.js).
require('./load-bundle.js').loadBundle(require('node:path').join(__dirname, '..', 'dist', 'server.js'));
