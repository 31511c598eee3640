/**
 * Word-level difference with diff-match-patch: each distinct word key becomes one character, the
 * character diff is cleaned up semantically, and the result is read back as runs of words.
 */
import DiffMatchPatch from 'diff-match-patch';

export type DiffOp = 'equal' | 'delete' | 'insert';

/** A run of words: `delete` runs are draft words, `insert` runs precedent words. */
export interface WordRun {
  op: DiffOp;
  draftStart: number;
  draftEnd: number;
  precedentStart: number;
  precedentEnd: number;
}

const dmp = new DiffMatchPatch();
/** For the efficiency cleanup: an equality of fewer than four words between changes is folded in. */
const efficient = new DiffMatchPatch();
efficient.Diff_EditCost = 4;

/**
 * `semantic` (the default) reads best for redlines and changes; `efficiency` keeps a long shared
 * stretch whole even inside much longer text (paragraph alignment in compare needs that).
 */
export function diffWords(draftKeys: string[], precedentKeys: string[], cleanup: 'semantic' | 'efficiency' | 'none' = 'semantic'): WordRun[] {
  const codes = new Map<string, string>();
  const encode = (keys: string[]): string => {
    let out = '';
    for (const key of keys) {
      let code = codes.get(key);
      if (code === undefined) {
        code = codeFor(codes.size);
        codes.set(key, code);
      }
      out += code;
    }
    return out;
  };
  return runsOf(encode(draftKeys), encode(precedentKeys), cleanup);
}

/** The character of the `n`th distinct word: the surrogate range is skipped, so every word is one UTF-16 unit. */
function codeFor(n: number): string {
  return String.fromCharCode(codeNumber(n));
}

function codeNumber(n: number): number {
  return n < 0xd800 - 0x100 ? 0x100 + n : 0xe000 + (n - (0xd800 - 0x100));
}

/** Per vocabulary id, the diff (generation) that last gave it a character, and that character's number. */
let codeStamp = new Int32Array(4096);
let codeOf = new Int32Array(4096);
let codeGeneration = 0;

/**
 * `diffWords` on vocabulary ids (equal ids are equal keys) rather than key strings: no array of
 * keys per diff, and a typed array instead of a map for the characters. Words the vocabulary
 * lacks (id -1, draft side only) are told apart by their keys (`draftWords`). The characters are
 * given in the same order as `diffWords` gives them, so the diff is the same.
 */
export function diffIds(draftIds: Int32Array, draftWords: readonly { key: string }[], precedentIds: Int32Array, cleanup: 'semantic' | 'efficiency' | 'none' = 'semantic'): WordRun[] {
  // The same words (agreed language quoted as it stands): diff-match-patch answers one equality
  // for equal texts, whatever the clean-up, so the encoding is not needed.
  if (sameIds(draftIds, precedentIds)) {
    const n = draftIds.length;
    return n ? [{ op: 'equal', draftStart: 0, draftEnd: n, precedentStart: 0, precedentEnd: n }] : [];
  }
  if (++codeGeneration > 0x3fffffff) {
    codeStamp.fill(0);
    codeGeneration = 1;
  }
  let unknown: Map<string, number> | undefined;
  let distinct = 0;
  const encode = (ids: Int32Array): string => {
    if (chars.length < ids.length) chars = new Uint16Array(ids.length * 2);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let n: number;
      if (id < 0) {
        const key = draftWords[i]!.key;
        const known = (unknown ??= new Map()).get(key);
        if (known === undefined) unknown.set(key, (n = distinct++));
        else n = known;
      } else {
        if (id >= codeStamp.length) growCodes(id);
        if (codeStamp[id] === codeGeneration) n = codeOf[id]!;
        else {
          codeStamp[id] = codeGeneration;
          codeOf[id] = n = distinct++;
        }
      }
      chars[i] = codeNumber(n);
    }
    // One string from the character codes, in chunks small enough to pass as arguments.
    let out = '';
    for (let from = 0; from < ids.length; from += CHUNK) {
      out += String.fromCharCode.apply(null, chars.subarray(from, Math.min(ids.length, from + CHUNK)) as unknown as number[]);
    }
    return out;
  };
  const a = encode(draftIds);
  return runsOf(a, encode(precedentIds), cleanup);
}

/** Whether two id lists are equal word for word (an unknown word, id -1, equals nothing). */
function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || a[i]! < 0) return false;
  return true;
}

/** Character codes of one encoding, reused. */
let chars = new Uint16Array(256);
/** Characters made per `String.fromCharCode` call. */
const CHUNK = 4096;

function growCodes(id: number): void {
  let size = codeStamp.length * 2;
  while (size <= id) size *= 2;
  const stamps = new Int32Array(size);
  stamps.set(codeStamp);
  codeStamp = stamps;
  const codes = new Int32Array(size);
  codes.set(codeOf);
  codeOf = codes;
}

/**
 * Diffs already made, by their encoded texts: the encoding numbers words by first appearance, so
 * one pattern of change (a word replaced in a stretch of distinct words, a phrase dropped) is one
 * key whatever the words. Over the 50 bench drafts 919 diffs reach diff-match-patch, with 226
 * distinct keys. Only short texts are kept (diff-match-patch's time limit, one second, cannot be
 * reached there, so its answer is a function of the texts); past the limit the cache starts over.
 */
const runsCache = new Map<string, readonly WordRun[]>();
const RUNS_CACHE_LIMIT = 4_000;
/** Longest pair of encoded texts (characters, both together) whose diff is remembered. */
const RUNS_CACHE_CHARS = 400;

/** Fresh copies of remembered runs (callers adjust their runs' indices in place). */
function copyRuns(runs: readonly WordRun[]): WordRun[] {
  const out: WordRun[] = new Array(runs.length);
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    out[r] = { op: run.op, draftStart: run.draftStart, draftEnd: run.draftEnd, precedentStart: run.precedentStart, precedentEnd: run.precedentEnd };
  }
  return out;
}

/** The character diff of two encoded word lists, cleaned up and read back as runs of words. */
function runsOf(a: string, b: string, cleanup: 'semantic' | 'efficiency' | 'none'): WordRun[] {
  if (a.length + b.length > RUNS_CACHE_CHARS) return diffRuns(a, b, cleanup);
  // The two texts never hold a NUL (word characters start at U+0100): it separates them.
  const key = `${cleanup}\u0000${a}\u0000${b}`;
  const known = runsCache.get(key);
  if (known) return copyRuns(known);
  const runs = diffRuns(a, b, cleanup);
  if (runsCache.size >= RUNS_CACHE_LIMIT) runsCache.clear();
  runsCache.set(key, copyRuns(runs));
  return runs;
}

/** `runsOf` without the cache: diff-match-patch's diff of the two texts. */
function diffRuns(a: string, b: string, cleanup: 'semantic' | 'efficiency' | 'none'): WordRun[] {
  const diffs = (cleanup === 'semantic' ? dmp : efficient).diff_main(a, b, false);
  if (cleanup === 'semantic') dmp.diff_cleanupSemantic(diffs);
  else if (cleanup === 'efficiency') efficient.diff_cleanupEfficiency(diffs);
  const runs: WordRun[] = [];
  let d = 0;
  let p = 0;
  for (const [op, text] of diffs) {
    const len = text.length;
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      runs.push({ op: 'equal', draftStart: d, draftEnd: d + len, precedentStart: p, precedentEnd: p + len });
      d += len;
      p += len;
    } else if (op === DiffMatchPatch.DIFF_DELETE) {
      runs.push({ op: 'delete', draftStart: d, draftEnd: d + len, precedentStart: p, precedentEnd: p });
      d += len;
    } else {
      runs.push({ op: 'insert', draftStart: d, draftEnd: d, precedentStart: p, precedentEnd: p + len });
      p += len;
    }
  }
  return runs;
}
