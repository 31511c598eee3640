#!/usr/bin/env node
'use strict';
// The Acquis language server; speaks LSP over stdio unless --node-ipc or --socket is given.
require('../dist/server.js');
