'use strict';
/**
 * Loads a bundle from dist/ with a V8 code cache, so that a short run does not spend a fifth of
 * its time compiling the same JavaScript again.
 *
 * - Node 22.1 and later: `module.enableCompileCache()`, Node's own cache.
 * - Older Node (20): the bundle is compiled with `vm.Script` and V8's cached data, written after
 *   the first run next to the bundle (dist/.cache/, made if need be) or, when dist/ is read-only,
 *   under $XDG_CACHE_HOME/acquis (~/.cache/acquis). The cache file's name carries the Node
 *   version, the architecture and the bundle's size and time, so a new build or a new Node never
 *   reads a stale one; V8 checks the source again and rejects data that does not fit. In the
 *   shared folder the name also carries the bundle's folder, so that two installations (or two
 *   checkouts) do not remove each other's cache on every run.
 * Any failure (no writable folder, rejected data) falls back silently to a plain `require`.
 * ACQUIS_COMPILE_CACHE=0 turns the cache off; ACQUIS_COMPILE_CACHE=<dir> puts it in <dir>.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

/** The event a bundle emits on `process` to have its code cache written now (a lint worker does). */
const WRITE_NOW = 'acquis:write-code-cache';
/**
 * Emitted before a code cache is made: a bundle that changed V8's flags (server/src/cli/tiering.ts)
 * puts them back, since V8 ties a cache to the flags and the next run starts with V8's own.
 */
const RESTORE_FLAGS = 'acquis:restore-v8-flags';

function cacheDirs(bundle) {
  const setting = process.env.ACQUIS_COMPILE_CACHE;
  if (setting === '0' || setting === 'off') return [];
  if (setting) return [setting];
  const dirs = [path.join(path.dirname(bundle), '.cache')];
  const home = process.env.XDG_CACHE_HOME || (process.env.HOME ? path.join(process.env.HOME, '.cache') : '');
  if (home) dirs.push(path.join(home, 'acquis'));
  return dirs;
}

function writableDir(dirs) {
  for (const dir of dirs) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
      return dir;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/**
 * The bundle's text wrapped as a CommonJS module (what `Module.wrap` gives), and its code cache,
 * read through one buffer. The build makes the bundle all ASCII (scripts/build.mjs), which decodes
 * as Latin-1 three times faster than as UTF-8, and the wrapper is written around it in the buffer,
 * so that V8 gets one flat string instead of a concatenation it would copy flat again. The cache
 * file is then read into the same buffer. Each fresh page is costly on virtual machines (about
 * 11 us at first touch on this project's): a buffer each and the copy cost some 480 pages more
 * (3 MB) of a run that lints one paragraph. A bundle that is not ASCII is decoded as UTF-8.
 */
function readBundle(file, size, cacheFile) {
  const [head, tail] = Module.wrapper;
  const sourceEnd = head.length + size;
  let cacheSize = -1;
  try {
    if (cacheFile) cacheSize = fs.statSync(cacheFile).size;
  } catch {
    // first run: no cache yet
  }
  const buffer = Buffer.allocUnsafeSlow(Math.max(sourceEnd + tail.length, cacheSize));
  buffer.write(head, 0, 'latin1');
  // A bundle that changed size meanwhile (a build running): the caller falls back to `require`.
  if (readFully(file, buffer, head.length, size) !== size) throw new Error(`${file} changed while read`);
  const { isAscii } = require('node:buffer');
  let source;
  if (typeof isAscii === 'function' && isAscii(buffer.subarray(head.length, sourceEnd))) {
    buffer.write(tail, sourceEnd, 'latin1');
    source = buffer.latin1Slice(0, sourceEnd + tail.length);
  } else {
    source = Module.wrap(buffer.toString('utf8', head.length, sourceEnd));
  }
  let cached;
  if (cacheSize > 0) {
    try {
      cached = buffer.subarray(0, readFully(cacheFile, buffer, 0, cacheSize));
    } catch {
      // unreadable: compiled without it
    }
  }
  return { source, cached };
}

/** Read `size` bytes of `file` into `buffer` at `at`; the count read (fewer if the file shrank). */
function readFully(file, buffer, at, size) {
  const fd = fs.openSync(file, 'r');
  try {
    let done = 0;
    for (let n = -1; n !== 0 && done < size; done += n) n = fs.readSync(fd, buffer, at + done, size - done, done);
    return done;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The start of the names of `file`'s cache files in `dir`: the bundle's name, and in a folder
 * other than its own (the shared one) a hash of its folder too.
 */
function cachePrefix(file, dir) {
  const base = path.basename(file);
  if (path.dirname(dir) === path.dirname(file)) return `${base}-`;
  // FNV-1a: loading node:crypto for this would cost more than the cache saves.
  let h = 0x811c9dc5;
  const where = path.dirname(file);
  for (let i = 0; i < where.length; i++) h = Math.imul(h ^ where.charCodeAt(i), 0x01000193) >>> 0;
  return `${base}-${h.toString(16).padStart(8, '0')}-`;
}

/** Run the CommonJS bundle `file` (absolute) as if required, with a code cache when possible. */
function loadBundle(file) {
  const dirs = cacheDirs(file);
  if (!dirs.length) return require(file);
  if (typeof Module.enableCompileCache === 'function') {
    try {
      const dir = writableDir(dirs);
      if (dir) Module.enableCompileCache(dir);
      // A worker thread may be ended with its process: it asks for the cache to be written early.
      if (typeof Module.flushCompileCache === 'function') {
        process.once(WRITE_NOW, () => {
          process.emit(RESTORE_FLAGS);
          Module.flushCompileCache();
        });
      }
      // Node writes its cache as the process ends, after this.
      process.once('exit', () => process.emit(RESTORE_FLAGS));
    } catch {
      // no cache: same behaviour, slower start
    }
    return require(file);
  }
  let source;
  let cacheFile;
  let cached;
  try {
    const stat = fs.statSync(file);
    // The bundle's own folder when it exists or can be made (the usual case), else the shared one.
    const own = dirs.length > 1 && writableDir([dirs[0]]);
    const dir = own || dirs.find((d) => fs.existsSync(d)) || dirs[0];
    const name = `${cachePrefix(file, dir)}${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}.v8cache`;
    cacheFile = path.join(dir, name);
    ({ source, cached } = readBundle(file, stat.size, cacheFile));
  } catch {
    return require(file);
  }
  const vm = require('node:vm');
  let script;
  try {
    script = new vm.Script(source, { filename: file, cachedData: cached });
  } catch {
    return require(file);
  }
  if (!cached || script.cachedDataRejected) {
    // Written when the process ends, so that the functions this run compiled lazily are in it
    // (or earlier, when a worker thread asks: it may be ended with its process).
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      try {
        const dir = writableDir([path.dirname(cacheFile), ...dirs]);
        if (!dir) return;
        const target = path.join(dir, path.basename(cacheFile));
        const temp = `${target}.${process.pid}.tmp`;
        process.emit(RESTORE_FLAGS);
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, target);
        // Caches of earlier builds of this bundle are of no use any more.
        const prefix = cachePrefix(file, dir);
        for (const old of fs.readdirSync(dir)) {
          if (old.startsWith(prefix) && old !== path.basename(target) && old.endsWith('.v8cache')) fs.rmSync(path.join(dir, old), { force: true });
        }
      } catch {
        // a cache is an optimisation: never fail a run for it
      }
    };
    process.once('exit', write);
    process.once(WRITE_NOW, write);
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const fn = script.runInThisContext();
  mod.loaded = false;
  fn.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

module.exports = { loadBundle };
