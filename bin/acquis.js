#!/usr/bin/env node
'use strict';
// The bundle is loaded with a V8 code cache when one can be kept (bin/load-bundle.js). `acquis
// lint`, the command run once per draft in CI, has a bundle of its own, half the size of the
// whole CLI's; it takes the command from the same place (the first word that is not an option).
const path = require('node:path');
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const bundle = command === 'lint' ? 'cli-lint.js' : 'cli.js';
require('./load-bundle.js').loadBundle(path.join(__dirname, '..', 'dist', bundle));
