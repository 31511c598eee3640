;; Word reading: the WebAssembly kernel of server/src/engine/text/word-kernel.ts, which explains
;; it. The caller writes a text as UTF-8 at $INPUT and calls `scan`; the kernel finds the words
;; as the expression /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu does (letters and numbers, then apostrophes
;; each followed by letters), and writes for each its UTF-16 start and end and its spelling's id.
;;
;; Spellings are numbered in a hash table kept from call to call: a spelling met for the first
;; time is written as the complement of its new id (~id), so the caller folds it once.
;;
;; Memory:
;;   0 .. 256          one byte per block of 256 code points: 1 when its classes are known
;;   1024 .. 66560     the class of each code point of the Basic Multilingual Plane: 0 neither,
;;                     1 letter (\p{L}), 2 number (\p{N}); written by the caller a block at a time
;;   131072 ..         the spelling table: 32768 slots of 16 bytes (hash, place in the arena,
;;                     length in bytes, id + 1; 0 for an empty slot)
;;   655360 ..         the arena: the UTF-8 bytes of each spelling in the table
;;   917504 ..         the input, then the output (three arrays of `cap` i32: starts, ends, ids)
;;
;; `scan` answers the number of words, or: -1 for a character outside the Basic Multilingual
;; Plane (the caller reads that text itself), -2 when the table or the arena is full (the caller
;; calls `reset` and scans again), -3 - b when block b's classes are not known yet (the caller
;; writes them and scans again).
(module
  (memory (export "memory") 15)

  (global $CLASSES i32 (i32.const 1024))
  (global $TABLE i32 (i32.const 131072))
  (global $SLOT_MASK i32 (i32.const 32767))
  (global $MAX_IDS i32 (i32.const 16384))
  (global $ARENA i32 (i32.const 655360))
  (global $ARENA_END i32 (i32.const 917504))
  (global $INPUT i32 (i32.const 917504))

;; What `$idOf` answers when the table or the arena is full (no complement of an id).
  (global $FULL i32 (i32.const 0x80000000))

  (global $ids (mut i32) (i32.const 0))
  (global $arenaUsed (mut i32) (i32.const 655360))

  ;; Forget every spelling.
  (func (export "reset")
    (memory.fill (global.get $TABLE) (i32.const 0) (i32.sub (global.get $ARENA) (global.get $TABLE)))
    (global.set $ids (i32.const 0))
    (global.set $arenaUsed (global.get $ARENA)))

  ;; The character at $at: (its length in bytes << 8) | its class; -1 outside the Basic
  ;; Multilingual Plane, -3 - b when its block b is not known. Called for non-ASCII only.
  (func $wide (param $at i32) (result i32)
    (local $b i32) (local $cp i32) (local $length i32)
    (local.set $b (i32.load8_u (local.get $at)))
    (if (i32.ge_u (local.get $b) (i32.const 0xf0)) (then (return (i32.const -1))))
    (if (i32.lt_u (local.get $b) (i32.const 0xe0))
      (then
        (local.set $cp (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x1f)) (i32.const 6))
                               (i32.and (i32.load8_u offset=1 (local.get $at)) (i32.const 0x3f))))
        (local.set $length (i32.const 2)))
      (else
        (local.set $cp (i32.or (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x0f)) (i32.const 12))
                                       (i32.shl (i32.and (i32.load8_u offset=1 (local.get $at)) (i32.const 0x3f)) (i32.const 6)))
                               (i32.and (i32.load8_u offset=2 (local.get $at)) (i32.const 0x3f))))
        (local.set $length (i32.const 3))))
    (if (i32.eqz (i32.load8_u (i32.shr_u (local.get $cp) (i32.const 8))))
      (then (return (i32.sub (i32.const -3) (i32.shr_u (local.get $cp) (i32.const 8))))))
    (i32.or (i32.shl (local.get $length) (i32.const 8))
            (i32.load8_u (i32.add (global.get $CLASSES) (local.get $cp)))))

  ;; The character at $at as `$wide` answers, ASCII without the call.
  (func $classAt (param $at i32) (result i32)
    (local $b i32)
    (local.set $b (i32.load8_u (local.get $at)))
    (if (result i32) (i32.lt_u (local.get $b) (i32.const 0x80))
      (then (i32.or (i32.const 0x100) (i32.load8_u (i32.add (global.get $CLASSES) (local.get $b)))))
      (else (call $wide (local.get $at)))))

  ;; Whether the $length bytes at $a and at $b are equal.
  (func $same (param $a i32) (param $b i32) (param $length i32) (result i32)
    (block $bytes
      (loop $words
        (br_if $bytes (i32.lt_u (local.get $length) (i32.const 8)))
        (if (i64.ne (i64.load (local.get $a)) (i64.load (local.get $b))) (then (return (i32.const 0))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (local.set $length (i32.sub (local.get $length) (i32.const 8)))
        (br $words)))
    (block $done
      (loop $each
        (br_if $done (i32.eqz (local.get $length)))
        (if (i32.ne (i32.load8_u (local.get $a)) (i32.load8_u (local.get $b))) (then (return (i32.const 0))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (local.set $length (i32.sub (local.get $length) (i32.const 1)))
        (br $each)))
    (i32.const 1))

;; The id of the spelling of $length bytes at $at whose FNV-1a hash is $hash (~id when it is
  ;; new), or $FULL.
  (func $idOf (param $at i32) (param $length i32) (param $hash i32) (result i32)
    (local $slot i32) (local $entry i32) (local $stored i32)
    (local.set $slot (i32.and (local.get $hash) (global.get $SLOT_MASK)))
    (loop $probe
      (local.set $entry (i32.add (global.get $TABLE) (i32.shl (local.get $slot) (i32.const 4))))
      (local.set $stored (i32.load offset=12 (local.get $entry)))
      (if (i32.eqz (local.get $stored))
        (then
          (if (i32.or (i32.ge_u (global.get $ids) (global.get $MAX_IDS))
                      (i32.gt_u (i32.add (global.get $arenaUsed) (local.get $length)) (global.get $ARENA_END)))
            (then (return (global.get $FULL))))
          (memory.copy (global.get $arenaUsed) (local.get $at) (local.get $length))
          (i32.store (local.get $entry) (local.get $hash))
          (i32.store offset=4 (local.get $entry) (global.get $arenaUsed))
          (i32.store offset=8 (local.get $entry) (local.get $length))
          (global.set $ids (i32.add (global.get $ids) (i32.const 1)))
          (i32.store offset=12 (local.get $entry) (global.get $ids))
          (global.set $arenaUsed (i32.add (global.get $arenaUsed) (local.get $length)))
          (return (i32.xor (i32.sub (global.get $ids) (i32.const 1)) (i32.const -1)))))
      (if (i32.eq (i32.load (local.get $entry)) (local.get $hash))
        (then
          (if (i32.eq (i32.load offset=8 (local.get $entry)) (local.get $length))
            (then
              (if (call $same (i32.load offset=4 (local.get $entry)) (local.get $at) (local.get $length))
                (then (return (i32.sub (local.get $stored) (i32.const 1)))))))))
      (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $SLOT_MASK)))
      (br $probe))
    (unreachable))

  ;; The words of the $length bytes at $INPUT, written at $out (starts), $out + 4 $cap (ends) and
  ;; $out + 8 $cap (ids); the answer is their number, or an error code (see the top). ASCII is
  ;; read in line, other characters through `$wide`; a word's hash is made as it is read. A
  ;; character's UTF-16 offset is its byte offset less $extra, the bytes past the first of the
  ;; multi-byte characters before it (none outside the Basic Multilingual Plane reach here).
  (func (export "scan") (param $length i32) (param $out i32) (param $cap i32) (result i32)
    (local $at i32) (local $end i32) (local $extra i32) (local $n i32) (local $k i32) (local $b i32)
    (local $wordAt i32) (local $wordU i32) (local $next i32) (local $id i32) (local $hash i32) (local $i i32)
    (local.set $at (global.get $INPUT))
    (local.set $end (i32.add (global.get $INPUT) (local.get $length)))
    (block $finished
      (loop $scan
        (br_if $finished (i32.ge_u (local.get $at) (local.get $end)))
        ;; Skip what is neither a letter nor a number.
        (local.set $b (i32.load8_u (local.get $at)))
        (if (i32.lt_u (local.get $b) (i32.const 0x80))
          (then
            (if (i32.eqz (i32.load8_u offset=1024 (local.get $b)))
              (then
                (local.set $at (i32.add (local.get $at) (i32.const 1)))
                (br $scan)))
            (local.set $k (i32.const 0x100)))
          (else
            (local.set $k (call $wide (local.get $at)))
            (if (i32.lt_s (local.get $k) (i32.const 0)) (then (return (local.get $k))))
            (if (i32.eqz (i32.and (local.get $k) (i32.const 0xff)))
              (then
                (local.set $extra (i32.add (local.get $extra) (i32.sub (i32.shr_u (local.get $k) (i32.const 8)) (i32.const 1))))
                (local.set $at (i32.add (local.get $at) (i32.shr_u (local.get $k) (i32.const 8))))
                (br $scan)))))
        ;; A word: letters and numbers ($k: the first one's length << 8, as `$wide` answers).
        (local.set $wordAt (local.get $at))
        (local.set $wordU (i32.sub (i32.sub (local.get $at) (global.get $INPUT)) (local.get $extra)))
        (local.set $hash (i32.const 0x811c9dc5))
        (block $run
          (loop $more
            ;; Take the character at $at, $k >> 8 bytes, into the word and its hash.
            (local.set $next (i32.add (local.get $at) (i32.shr_u (local.get $k) (i32.const 8))))
            (local.set $extra (i32.add (local.get $extra) (i32.sub (i32.sub (local.get $next) (local.get $at)) (i32.const 1))))
            (loop $bytes
              (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u (local.get $at))) (i32.const 0x01000193)))
              (local.set $at (i32.add (local.get $at) (i32.const 1)))
              (br_if $bytes (i32.lt_u (local.get $at) (local.get $next))))
            (br_if $run (i32.ge_u (local.get $at) (local.get $end)))
            (local.set $b (i32.load8_u (local.get $at)))
            (if (i32.lt_u (local.get $b) (i32.const 0x80))
              (then
                (br_if $run (i32.eqz (i32.load8_u offset=1024 (local.get $b))))
                (local.set $k (i32.const 0x100)))
              (else
                (local.set $k (call $wide (local.get $at)))
                (if (i32.lt_s (local.get $k) (i32.const 0)) (then (return (local.get $k))))
                (br_if $run (i32.eqz (i32.and (local.get $k) (i32.const 0xff))))))
            (br $more)))
        ;; Then each apostrophe (' or ’, E2 80 99) that a letter follows, with the letters after it.
        (block $apostrophes
          (loop $apostrophe
            (br_if $apostrophes (i32.ge_u (local.get $at) (local.get $end)))
            (local.set $b (i32.load8_u (local.get $at)))
            (if (i32.eq (local.get $b) (i32.const 0x27))
              (then (local.set $next (i32.add (local.get $at) (i32.const 1))))
              (else
                (br_if $apostrophes
                  (i32.or (i32.ne (local.get $b) (i32.const 0xe2))
                          (i32.or (i32.gt_u (i32.add (local.get $at) (i32.const 3)) (local.get $end))
                                  (i32.ne (i32.load16_u offset=1 (local.get $at)) (i32.const 0x9980)))))
                (local.set $next (i32.add (local.get $at) (i32.const 3)))))
            (br_if $apostrophes (i32.ge_u (local.get $next) (local.get $end)))
            (local.set $k (call $classAt (local.get $next)))
            (if (i32.lt_s (local.get $k) (i32.const 0)) (then (return (local.get $k))))
            (br_if $apostrophes (i32.ne (i32.and (local.get $k) (i32.const 0xff)) (i32.const 1)))
            ;; The apostrophe, then letters only.
            (local.set $extra (i32.add (local.get $extra) (i32.sub (i32.sub (local.get $next) (local.get $at)) (i32.const 1))))
            (loop $bytes
              (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u (local.get $at))) (i32.const 0x01000193)))
              (local.set $at (i32.add (local.get $at) (i32.const 1)))
              (br_if $bytes (i32.lt_u (local.get $at) (local.get $next))))
            (block $letters
              (loop $letter
                (local.set $next (i32.add (local.get $at) (i32.shr_u (local.get $k) (i32.const 8))))
                (local.set $extra (i32.add (local.get $extra) (i32.sub (i32.sub (local.get $next) (local.get $at)) (i32.const 1))))
                (loop $bytes
                  (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.load8_u (local.get $at))) (i32.const 0x01000193)))
                  (local.set $at (i32.add (local.get $at) (i32.const 1)))
                  (br_if $bytes (i32.lt_u (local.get $at) (local.get $next))))
                (br_if $letters (i32.ge_u (local.get $at) (local.get $end)))
                (local.set $k (call $classAt (local.get $at)))
                (if (i32.lt_s (local.get $k) (i32.const 0)) (then (return (local.get $k))))
                (br_if $letter (i32.eq (i32.and (local.get $k) (i32.const 0xff)) (i32.const 1)))))
            (br $apostrophe)))
        (local.set $id (call $idOf (local.get $wordAt) (i32.sub (local.get $at) (local.get $wordAt)) (local.get $hash)))
        (if (i32.eq (local.get $id) (global.get $FULL)) (then (return (i32.const -2))))
        (if (i32.ge_u (local.get $n) (local.get $cap)) (then (unreachable)))
        (local.set $i (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2))))
        (i32.store (local.get $i) (local.get $wordU))
        (local.set $i (i32.add (local.get $i) (i32.shl (local.get $cap) (i32.const 2))))
        (i32.store (local.get $i) (i32.sub (i32.sub (local.get $at) (global.get $INPUT)) (local.get $extra)))
        (i32.store (i32.add (local.get $i) (i32.shl (local.get $cap) (i32.const 2))) (local.get $id))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $scan)))
    (local.get $n)))
