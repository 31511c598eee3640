;; Word-level local alignment (Smith-Waterman) of a draft sentence against a precedent: the
;; WebAssembly kernel of server/src/engine/match/align.ts, which holds the same algorithm in
;; TypeScript and explains it. The caller writes the draft's word ids (n of them) at byte 64 and
;; the precedent's (m) right after, and calls `align`; the answer is 0 (no alignment, or fewer
;; equal words than `min` can give), 1 (the result is at byte 0: score, draft start and end,
;; precedent start and end, equal words) or -1 (memory could not grow: the caller falls back).
;;
;; Past the ids, `align` lays out its working memory: a hash table from word id to slot, each
;; slot's position mask (one bit per precedent position holding that word, $words i32 each), the
;; columns of the common-subsequence bound, each draft word's slot, how far right each row can
;; matter, and the score matrix, (n + 1) rows of m + 1 cells.
(module
  (memory (export "memory") 1)

  (global $words (mut i32) (i32.const 0))
  (global $tableMask (mut i32) (i32.const 0))
  (global $table (mut i32) (i32.const 0))
  (global $masks (mut i32) (i32.const 0))

  (func (export "align") (param $n i32) (param $m i32) (param $min i32) (result i32)
    (local $draft i32) (local $precedent i32) (local $tableSize i32) (local $columns i32) (local $scores i32)
    (local $needed i32) (local $have i32)
    (local $i i32) (local $j i32) (local $w i32) (local $id i32) (local $slot i32) (local $slots i32)
    (local $at i32) (local $key i32) (local $entry i32) (local $address i32)
    (local $vw i64) (local $mw i64) (local $sum i64) (local $carry i64) (local $length i32) (local $bits i32) (local $zeros i32)
    (local $width i32) (local $best i32) (local $bestAt i32) (local $previousLow i32) (local $previousHigh i32)
    (local $previousEmpty i32) (local $low i32) (local $high i32) (local $d i32) (local $base i32)
    (local $row i32) (local $up i32) (local $diagonal i32) (local $left i32) (local $rowLow i32) (local $rowHigh i32)
    (local $above i32) (local $s i32) (local $next i32) (local $draftEnd i32) (local $precedentEnd i32)
    (local $matches i32) (local $equal i32) (local $reach i32) (local $stop i32) (local $rowSlots i32)
    (if (i32.or (i32.eqz (local.get $n)) (i32.eqz (local.get $m))) (then (return (i32.const 0))))
    (local.set $draft (i32.const 64))
    (local.set $precedent (i32.add (local.get $draft) (i32.shl (local.get $n) (i32.const 2))))
    (global.set $words (i32.shr_u (i32.add (local.get $m) (i32.const 31)) (i32.const 5)))
    ;; A table of at least twice as many entries as precedent words, 8 bytes each.
    (local.set $tableSize (i32.const 16))
    (block $sized
      (loop $double
        (br_if $sized (i32.ge_u (local.get $tableSize) (i32.shl (local.get $m) (i32.const 1))))
        (local.set $tableSize (i32.shl (local.get $tableSize) (i32.const 1)))
        (br $double)))
    (global.set $tableMask (i32.sub (local.get $tableSize) (i32.const 1)))
    (global.set $table (i32.and (i32.add (i32.add (local.get $precedent) (i32.shl (local.get $m) (i32.const 2))) (i32.const 7)) (i32.const -8)))
    (global.set $masks (i32.add (global.get $table) (i32.shl (local.get $tableSize) (i32.const 3))))
    (local.set $columns (i32.add (global.get $masks) (i32.shl (i32.mul (local.get $m) (global.get $words)) (i32.const 2))))
    (local.set $rowSlots (i32.add (local.get $columns) (i32.shl (global.get $words) (i32.const 2))))
    (local.set $reach (i32.add (local.get $rowSlots) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $scores (i32.add (local.get $reach) (i32.shl (i32.add (local.get $n) (i32.const 2)) (i32.const 2))))
    (local.set $width (i32.add (local.get $m) (i32.const 1)))
    ;; Bytes needed, in 64-bit arithmetic: a matrix past 4 GB cannot be had.
    (if (i64.gt_u
          (i64.add (i64.extend_i32_u (local.get $scores))
                   (i64.shl (i64.mul (i64.extend_i32_u (i32.add (local.get $n) (i32.const 1))) (i64.extend_i32_u (local.get $width))) (i64.const 2)))
          (i64.const 0xffff0000))
      (then (return (i32.const -1))))
    (local.set $needed (i32.add (local.get $scores) (i32.shl (i32.mul (i32.add (local.get $n) (i32.const 1)) (local.get $width)) (i32.const 2))))
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $needed) (local.get $have))
      (then
        (if (i32.eq
              (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $needed) (local.get $have)) (i32.const 0xffff)) (i32.const 16)))
              (i32.const -1))
          (then (return (i32.const -1))))))

    ;; Index the precedent: each distinct word id gets a slot and a cleared mask.
    ;; The table and every mask a slot may take, cleared at once (a fill per slot costs a call each).
    (memory.fill (global.get $table) (i32.const 0)
      (i32.add (i32.shl (local.get $tableSize) (i32.const 3)) (i32.shl (i32.mul (local.get $m) (global.get $words)) (i32.const 2))))
    (local.set $slots (i32.const 0))
    (local.set $j (i32.const 0))
    (block $indexed
      (loop $index
        (br_if $indexed (i32.ge_u (local.get $j) (local.get $m)))
        (local.set $id (i32.load (i32.add (local.get $precedent) (i32.shl (local.get $j) (i32.const 2)))))
        (if (i32.ge_s (local.get $id) (i32.const 0))
          (then
            (local.set $at (i32.and (i32.mul (local.get $id) (i32.const 0x9e3779b1)) (global.get $tableMask)))
            (local.set $slot (i32.const -1))
            (block $placed
              (loop $probe
                (local.set $entry (i32.add (global.get $table) (i32.shl (local.get $at) (i32.const 3))))
                (local.set $key (i32.load (local.get $entry)))
                (if (i32.eqz (local.get $key))
                  (then
                    (local.set $slot (local.get $slots))
                    (local.set $slots (i32.add (local.get $slots) (i32.const 1)))
                    (i32.store (local.get $entry) (i32.add (local.get $id) (i32.const 1)))
                    (i32.store offset=4 (local.get $entry) (local.get $slot))
                    (br $placed)))
                (if (i32.eq (local.get $key) (i32.add (local.get $id) (i32.const 1)))
                  (then
                    (local.set $slot (i32.load offset=4 (local.get $entry)))
                    (br $placed)))
                (local.set $at (i32.and (i32.add (local.get $at) (i32.const 1)) (global.get $tableMask)))
                (br $probe)))
            (local.set $address
              (i32.add (global.get $masks)
                (i32.shl (i32.add (i32.mul (local.get $slot) (global.get $words)) (i32.shr_u (local.get $j) (i32.const 5))) (i32.const 2))))
            (i32.store (local.get $address)
              (i32.or (i32.load (local.get $address)) (i32.shl (i32.const 1) (i32.and (local.get $j) (i32.const 31)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $index)))

    ;; Each draft word's slot, looked up once ($rowSlots, one i32 a draft word): the bound, the
    ;; rows' reach and the matrix all read it. Written out, not called: V8 (Node 20) does not
    ;; inline one WebAssembly function into another, and a call costs more than the look-up.
    (local.set $i (i32.const 0))
    (block $slotted
      (loop $eachSlot
        (br_if $slotted (i32.ge_u (local.get $i) (local.get $n)))
        ;; The slot of the word's id in the table, or -1 (absent, or an unknown word).
        (local.set $id (i32.load (i32.add (local.get $draft) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $slot (i32.const -1))
        (if (i32.ge_s (local.get $id) (i32.const 0))
          (then
            (local.set $at (i32.and (i32.mul (local.get $id) (i32.const 0x9e3779b1)) (global.get $tableMask)))
            (block $known
              (loop $probe
                (local.set $entry (i32.add (global.get $table) (i32.shl (local.get $at) (i32.const 3))))
                (local.set $key (i32.load (local.get $entry)))
                (br_if $known (i32.eqz (local.get $key)))
                (if (i32.eq (local.get $key) (i32.add (local.get $id) (i32.const 1)))
                  (then
                    (local.set $slot (i32.load offset=4 (local.get $entry)))
                    (br $known)))
                (local.set $at (i32.and (i32.add (local.get $at) (i32.const 1)) (global.get $tableMask)))
                (br $probe)))))
        (i32.store (i32.add (local.get $rowSlots) (i32.shl (local.get $i) (i32.const 2))) (local.get $slot))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $eachSlot)))

    ;; The bound: the longest common subsequence (bit-parallel, after Allison and Dix).
    (if (i32.gt_s (local.get $min) (i32.const 0))
      (then
        (local.set $w (i32.const 0))
        (block $filled
          (loop $fill
            (br_if $filled (i32.ge_u (local.get $w) (global.get $words)))
            (i32.store (i32.add (local.get $columns) (i32.shl (local.get $w) (i32.const 2))) (i32.const -1))
            (local.set $w (i32.add (local.get $w) (i32.const 1)))
            (br $fill)))
        (local.set $i (i32.const 0))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $slot (i32.load (i32.add (local.get $rowSlots) (i32.shl (local.get $i) (i32.const 2)))))
            (if (i32.ge_s (local.get $slot) (i32.const 0))
              (then
                (local.set $base (i32.add (global.get $masks) (i32.shl (i32.mul (local.get $slot) (global.get $words)) (i32.const 2))))
                (local.set $carry (i64.const 0))
                (local.set $w (i32.const 0))
                (block $wordsDone
                  (loop $eachWord
                    (br_if $wordsDone (i32.ge_u (local.get $w) (global.get $words)))
                    (local.set $address (i32.add (local.get $columns) (i32.shl (local.get $w) (i32.const 2))))
                    (local.set $vw (i64.load32_u (local.get $address)))
                    (local.set $mw (i64.load32_u (i32.add (local.get $base) (i32.shl (local.get $w) (i32.const 2)))))
                    (local.set $sum (i64.add (i64.add (local.get $vw) (i64.and (local.get $vw) (local.get $mw))) (local.get $carry)))
                    (local.set $carry (i64.shr_u (local.get $sum) (i64.const 32)))
                    (i64.store32 (local.get $address)
                      (i64.or (local.get $sum) (i64.and (local.get $vw) (i64.xor (local.get $mw) (i64.const -1)))))
                    (local.set $w (i32.add (local.get $w) (i32.const 1)))
                    (br $eachWord)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))
        (local.set $length (i32.const 0))
        (local.set $w (i32.const 0))
        (block $counted
          (loop $count
            (br_if $counted (i32.ge_u (local.get $w) (global.get $words)))
            (local.set $zeros (i32.xor (i32.load (i32.add (local.get $columns) (i32.shl (local.get $w) (i32.const 2)))) (i32.const -1)))
            (local.set $bits (i32.and (local.get $m) (i32.const 31)))
            (if (i32.and
                  (i32.eq (local.get $w) (i32.sub (global.get $words) (i32.const 1)))
                  (i32.ne (local.get $bits) (i32.const 0)))
              (then (local.set $zeros (i32.and (local.get $zeros) (i32.sub (i32.shl (i32.const 1) (local.get $bits)) (i32.const 1))))))
            (local.set $length (i32.add (local.get $length) (i32.popcnt (local.get $zeros))))
            (local.set $w (i32.add (local.get $w) (i32.const 1)))
            (br $count)))
        (if (i32.lt_s (local.get $length) (local.get $min)) (then (return (i32.const 0))))))

    ;; How far right each row's cells can matter ($reach, one i32 a row from row 0): the last column
    ;; of an equal word in this row or any row below, 0 for none. Cells past it are never read.
    (i32.store (i32.add (local.get $reach) (i32.shl (i32.add (local.get $n) (i32.const 1)) (i32.const 2))) (i32.const 0))
    (local.set $i (local.get $n))
    (block $reached
      (loop $eachReach
        (br_if $reached (i32.eqz (local.get $i)))
        (local.set $stop (i32.load (i32.add (local.get $reach) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
        (local.set $slot (i32.load (i32.add (local.get $rowSlots) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2)))))
        (if (i32.ge_s (local.get $slot) (i32.const 0))
          (then
            (local.set $base (i32.mul (local.get $slot) (global.get $words)))
            (local.set $w (global.get $words))
            (block $lastFound
              (loop $lastWord
                (br_if $lastFound (i32.eqz (local.get $w)))
                (local.set $w (i32.sub (local.get $w) (i32.const 1)))
                (local.set $bits (i32.load (i32.add (global.get $masks) (i32.shl (i32.add (local.get $base) (local.get $w)) (i32.const 2)))))
                (if (local.get $bits)
                  (then
                    (local.set $next (i32.add (i32.add (i32.shl (local.get $w) (i32.const 5)) (i32.sub (i32.const 31) (i32.clz (local.get $bits)))) (i32.const 1)))
                    (if (i32.gt_s (local.get $next) (local.get $stop)) (then (local.set $stop (local.get $next))))
                    (br $lastFound)))
                (br $lastWord)))))
        (i32.store (i32.add (local.get $reach) (i32.shl (local.get $i) (i32.const 2))) (local.get $stop))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $eachReach)))

    ;; The score matrix, computed row by row over the stretch where cells can be positive.
    (memory.fill (local.get $scores) (i32.const 0) (i32.shl (i32.mul (i32.add (local.get $n) (i32.const 1)) (local.get $width)) (i32.const 2)))
    (local.set $best (i32.const 0))
    (local.set $bestAt (i32.const 0))
    (local.set $previousLow (i32.const 1))
    (local.set $previousHigh (i32.const 0))
    (local.set $i (i32.const 1))
    (block $matrixDone
      (loop $eachRow
        (br_if $matrixDone (i32.gt_u (local.get $i) (local.get $n)))
        (local.set $stop (i32.load (i32.add (local.get $reach) (i32.shl (local.get $i) (i32.const 2)))))
        ;; No equal word in this row or below: no cell left matters.
        (br_if $matrixDone (i32.eqz (local.get $stop)))
        (block $rowDone
          (local.set $slot (i32.load (i32.add (local.get $rowSlots) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2)))))
          (local.set $previousEmpty (i32.lt_s (local.get $previousHigh) (local.get $previousLow)))
          (br_if $rowDone (i32.and (i32.lt_s (local.get $slot) (i32.const 0)) (local.get $previousEmpty)))
          (local.set $low (select (i32.add (local.get $m) (i32.const 1)) (local.get $previousLow) (local.get $previousEmpty)))
          (local.set $high (select (i32.const 0) (i32.add (local.get $previousHigh) (i32.const 1)) (local.get $previousEmpty)))
          (if (i32.ge_s (local.get $slot) (i32.const 0))
            (then
              (local.set $base (i32.mul (local.get $slot) (global.get $words)))
              (local.set $w (i32.const 0))
              (block $firstDone
                (loop $first
                  (br_if $firstDone (i32.ge_u (local.get $w) (global.get $words)))
                  (local.set $bits (i32.load (i32.add (global.get $masks) (i32.shl (i32.add (local.get $base) (local.get $w)) (i32.const 2)))))
                  (if (local.get $bits)
                    (then
                      (local.set $next (i32.add (i32.add (i32.shl (local.get $w) (i32.const 5)) (i32.ctz (local.get $bits))) (i32.const 1)))
                      (if (i32.lt_s (local.get $next) (local.get $low)) (then (local.set $low (local.get $next))))
                      (br $firstDone)))
                  (local.set $w (i32.add (local.get $w) (i32.const 1)))
                  (br $first)))
              (local.set $w (global.get $words))
              (block $lastDone
                (loop $last
                  (br_if $lastDone (i32.eqz (local.get $w)))
                  (local.set $w (i32.sub (local.get $w) (i32.const 1)))
                  (local.set $bits (i32.load (i32.add (global.get $masks) (i32.shl (i32.add (local.get $base) (local.get $w)) (i32.const 2)))))
                  (if (local.get $bits)
                    (then
                      (local.set $next (i32.add (i32.add (i32.shl (local.get $w) (i32.const 5)) (i32.sub (i32.const 31) (i32.clz (local.get $bits)))) (i32.const 1)))
                      (if (i32.gt_s (local.get $next) (local.get $high)) (then (local.set $high (local.get $next))))
                      (br $lastDone)))
                  (br $last)))))
          (local.set $d (select (i32.load (i32.add (local.get $draft) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2)))) (i32.const -1) (i32.ge_s (local.get $slot) (i32.const 0))))
          (local.set $base (select (i32.mul (local.get $slot) (global.get $words)) (i32.const -1) (i32.ge_s (local.get $slot) (i32.const 0))))
          (local.set $row (i32.mul (local.get $i) (local.get $width)))
          (local.set $up (i32.sub (local.get $row) (local.get $width)))
          (local.set $diagonal (i32.load (i32.add (local.get $scores) (i32.shl (i32.sub (i32.add (local.get $up) (local.get $low)) (i32.const 1)) (i32.const 2)))))
          (local.set $left (i32.const 0))
          (local.set $rowLow (i32.add (local.get $m) (i32.const 1)))
          (local.set $rowHigh (i32.const 0))
          (local.set $j (local.get $low))
          (block $cellsDone
            (loop $eachCell
              (br_if $cellsDone (i32.gt_s (local.get $j) (local.get $stop)))
              (block $nextCell
                (local.set $above (i32.load (i32.add (local.get $scores) (i32.shl (i32.add (local.get $up) (local.get $j)) (i32.const 2)))))
                (local.set $s
                  (i32.add (local.get $diagonal)
                    (select (i32.const 2) (i32.const -1)
                      (i32.eq (local.get $d) (i32.load (i32.add (local.get $precedent) (i32.shl (i32.sub (local.get $j) (i32.const 1)) (i32.const 2))))))))
                (if (i32.gt_s (i32.sub (local.get $above) (i32.const 1)) (local.get $s)) (then (local.set $s (i32.sub (local.get $above) (i32.const 1)))))
                (if (i32.gt_s (i32.sub (local.get $left) (i32.const 1)) (local.get $s)) (then (local.set $s (i32.sub (local.get $left) (i32.const 1)))))
                (if (i32.gt_s (local.get $s) (i32.const 0))
                  (then
                    (i32.store (i32.add (local.get $scores) (i32.shl (i32.add (local.get $row) (local.get $j)) (i32.const 2))) (local.get $s))
                    (if (i32.lt_s (local.get $j) (local.get $rowLow)) (then (local.set $rowLow (local.get $j))))
                    (local.set $rowHigh (local.get $j))
                    (if (i32.gt_s (local.get $s) (local.get $best))
                      (then
                        (local.set $best (local.get $s))
                        (local.set $bestAt (i32.add (local.get $row) (local.get $j))))))
                  (else
                    (local.set $s (i32.const 0))
                    ;; Past the last equal word and the previous row's positive cells, zeros stay zeros.
                    (br_if $cellsDone (i32.ge_s (local.get $j) (local.get $high)))
                    (if (i32.and (i32.gt_s (local.get $j) (local.get $previousHigh)) (i32.ge_s (local.get $base) (i32.const 0)))
                      (then
                        ;; Only an equal word makes a positive cell here: skip to the next one.
                        ;; (The scan of its mask is written out: a call costs as much.)
                        (local.set $next (i32.const 0x40000000))
                        (local.set $w (i32.shr_u (local.get $j) (i32.const 5)))
                        (block $found
                          (br_if $found (i32.ge_u (local.get $w) (global.get $words)))
                          (local.set $bits
                            (i32.and
                              (i32.load (i32.add (global.get $masks) (i32.shl (i32.add (local.get $base) (local.get $w)) (i32.const 2))))
                              (i32.shl (i32.const -1) (i32.and (local.get $j) (i32.const 31)))))
                          (loop $scan
                            (if (local.get $bits)
                              (then
                                (local.set $next (i32.add (i32.add (i32.shl (local.get $w) (i32.const 5)) (i32.ctz (local.get $bits))) (i32.const 1)))
                                (br $found)))
                            (local.set $w (i32.add (local.get $w) (i32.const 1)))
                            (br_if $found (i32.ge_u (local.get $w) (global.get $words)))
                            (local.set $bits (i32.load (i32.add (global.get $masks) (i32.shl (i32.add (local.get $base) (local.get $w)) (i32.const 2)))))
                            (br $scan)))
                        (br_if $cellsDone (i32.gt_s (local.get $next) (local.get $m)))
                        (local.set $j (local.get $next))
                        (local.set $diagonal (i32.const 0))
                        (local.set $left (i32.const 0))
                        (br $eachCell)))))
                (local.set $diagonal (local.get $above))
                (local.set $left (local.get $s)))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br $eachCell)))
          (local.set $previousLow (local.get $rowLow))
          (local.set $previousHigh (local.get $rowHigh)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $eachRow)))
    (if (i32.eqz (local.get $best)) (then (return (i32.const 0))))

    ;; Trace back from the best cell to where the score falls to zero.
    (local.set $i (i32.div_u (local.get $bestAt) (local.get $width)))
    (local.set $j (i32.rem_u (local.get $bestAt) (local.get $width)))
    (local.set $draftEnd (local.get $i))
    (local.set $precedentEnd (local.get $j))
    (local.set $matches (i32.const 0))
    (block $traced
      (loop $back
        (br_if $traced (i32.or (i32.eqz (local.get $i)) (i32.eqz (local.get $j))))
        (local.set $s (i32.load (i32.add (local.get $scores) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $width)) (local.get $j)) (i32.const 2)))))
        (br_if $traced (i32.le_s (local.get $s) (i32.const 0)))
        (local.set $d (i32.load (i32.add (local.get $draft) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2)))))
        (local.set $equal
          (i32.and (i32.ge_s (local.get $d) (i32.const 0))
                   (i32.eq (local.get $d) (i32.load (i32.add (local.get $precedent) (i32.shl (i32.sub (local.get $j) (i32.const 1)) (i32.const 2)))))))
        (if (i32.eq (local.get $s)
              (i32.add
                (i32.load (i32.add (local.get $scores) (i32.shl (i32.add (i32.mul (i32.sub (local.get $i) (i32.const 1)) (local.get $width)) (i32.sub (local.get $j) (i32.const 1))) (i32.const 2))))
                (select (i32.const 2) (i32.const -1) (local.get $equal))))
          (then
            (local.set $matches (i32.add (local.get $matches) (local.get $equal)))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (local.set $j (i32.sub (local.get $j) (i32.const 1))))
          (else
            (if (i32.eq (local.get $s)
                  (i32.sub (i32.load (i32.add (local.get $scores) (i32.shl (i32.add (i32.mul (i32.sub (local.get $i) (i32.const 1)) (local.get $width)) (local.get $j)) (i32.const 2)))) (i32.const 1)))
              (then (local.set $i (i32.sub (local.get $i) (i32.const 1))))
              (else (local.set $j (i32.sub (local.get $j) (i32.const 1)))))))
        (br $back)))
    (i32.store (i32.const 0) (local.get $best))
    (i32.store (i32.const 4) (local.get $i))
    (i32.store (i32.const 8) (local.get $draftEnd))
    (i32.store (i32.const 12) (local.get $j))
    (i32.store (i32.const 16) (local.get $precedentEnd))
    (i32.store (i32.const 20) (local.get $matches))
    (i32.const 1))
)
