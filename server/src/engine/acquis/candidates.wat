;; A sentence's candidate precedents from the 3-gram index: the WebAssembly kernel of
;; `PrecedentIndex.candidates` (server/src/engine/acquis/precedent-index.ts), which holds the same
;; steps in TypeScript and explains them; candidates-kernel.ts loads it and lays out its memory.
;;
;; The index's tables are copied in once (`configure` gives their places): bucket offsets and
;; postings, and for each precedent its range in one flat array of word ids and its `id` (the tie
;; break). Per sentence the caller writes its word ids at $sentence and calls `lookup`: the answer
;; is the number of candidates, written at $out as (precedent index, shared 3-grams) pairs, most
;; shared first; or -1 when more precedents than $roughLimit are worth a recount (the caller then
;; runs the TypeScript version, which sorts any number of them).
;;
;; Loads, stores and the 3-gram hash are written out where they are used, not called: V8 (Node 20)
;; does not inline one WebAssembly function into another, and the calls cost a third of a look-up.
(module
  (memory (export "memory") 1)

  (global $mask (mut i32) (i32.const 0))
  (global $maxPostings (mut i32) (i32.const 0))
  (global $bucketStarts (mut i32) (i32.const 0))
  (global $postings (mut i32) (i32.const 0))
  (global $ranges (mut i32) (i32.const 0)) ;; per precedent: start, end (in ids), id
  (global $flat (mut i32) (i32.const 0))
  (global $stamps (mut i32) (i32.const 0))
  (global $counts (mut i32) (i32.const 0))
  (global $touched (mut i32) (i32.const 0))
  (global $rough (mut i32) (i32.const 0)) ;; pairs: bucket count, precedent index
  (global $precedents (mut i32) (i32.const 0))
  (global $dynamic (mut i32) (i32.const 0))
  (global $generation (mut i32) (i32.const 0))
  ;; Per look-up: the sentence, the bucket set, the 3-gram set, the answer.
  (global $sentence (mut i32) (i32.const 0))
  (global $bucketSet (mut i32) (i32.const 0))
  (global $bucketMask (mut i32) (i32.const 0))
  (global $tripleSet (mut i32) (i32.const 0)) ;; entries of 4 i32: a + 1 (0: empty), b, c, found
  (global $tripleMask (mut i32) (i32.const 0))
  (global $tripleCount (mut i32) (i32.const 0))
  (global $countGeneration (mut i32) (i32.const 0))
  (global $out (mut i32) (i32.const 0))
  ;; Per word id below $vocabulary: the look-up ($generation) whose 3-grams start with it.
  (global $firsts (mut i32) (i32.const 0))
  (global $vocabulary (mut i32) (i32.const 0))

  (global $roughLimit i32 (i32.const 256))

  (func (export "configure")
    (param $mask i32) (param $maxPostings i32) (param $bucketStarts i32) (param $postings i32)
    (param $ranges i32) (param $flat i32) (param $stamps i32) (param $counts i32) (param $touched i32)
    (param $rough i32) (param $precedents i32) (param $dynamic i32) (param $firsts i32) (param $vocabulary i32)
    (global.set $mask (local.get $mask))
    (global.set $maxPostings (local.get $maxPostings))
    (global.set $bucketStarts (local.get $bucketStarts))
    (global.set $postings (local.get $postings))
    (global.set $ranges (local.get $ranges))
    (global.set $flat (local.get $flat))
    (global.set $stamps (local.get $stamps))
    (global.set $counts (local.get $counts))
    (global.set $touched (local.get $touched))
    (global.set $rough (local.get $rough))
    (global.set $precedents (local.get $precedents))
    (global.set $dynamic (local.get $dynamic))
    (global.set $firsts (local.get $firsts))
    (global.set $vocabulary (local.get $vocabulary))
    (memory.fill (local.get $firsts) (i32.const 0) (i32.shl (local.get $vocabulary) (i32.const 2)))
    (global.set $generation (i32.const 0)))

  ;; How many of the sentence's 3-grams precedent `$p`'s ids hold, each counted once. A position
  ;; whose word starts none of them ($firsts not stamped with this look-up) is passed over unhashed.
  (func $shared (param $p i32) (result i32)
    (local $i i32) (local $end i32) (local $a i32) (local $b i32) (local $c i32) (local $at i32)
    (local $entry i32) (local $n i32) (local $h i32)
    (if (i32.eqz (global.get $tripleCount)) (then (return (i32.const 0))))
    (global.set $countGeneration (i32.add (global.get $countGeneration) (i32.const 1)))
    (local.set $i (i32.load (i32.add (global.get $ranges) (i32.shl (i32.mul (local.get $p) (i32.const 3)) (i32.const 2)))))
    (local.set $end (i32.load (i32.add (global.get $ranges) (i32.shl (i32.add (i32.mul (local.get $p) (i32.const 3)) (i32.const 1)) (i32.const 2)))))
    (block $done
      (loop $each
        (br_if $done (i32.gt_s (i32.add (local.get $i) (i32.const 3)) (local.get $end)))
        (local.set $a (i32.load (i32.add (global.get $flat) (i32.shl (local.get $i) (i32.const 2)))))
        (block $counted
        (br_if $counted (i32.ge_u (local.get $a) (global.get $vocabulary)))
        (br_if $counted
          (i32.ne (i32.load (i32.add (global.get $firsts) (i32.shl (local.get $a) (i32.const 2)))) (global.get $generation)))
        (local.set $b (i32.load (i32.add (global.get $flat) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
        (local.set $c (i32.load (i32.add (global.get $flat) (i32.shl (i32.add (local.get $i) (i32.const 2)) (i32.const 2)))))
        ;; The 3-gram's hash (as `hash3` in precedent-index.ts).
        (local.set $h (i32.mul (i32.add (local.get $a) (i32.const 1)) (i32.const 0x9e3779b1)))
        (local.set $h (i32.mul (i32.xor (local.get $h) (i32.add (local.get $b) (i32.const 0x7f4a7c15))) (i32.const 0x85ebca77)))
        (local.set $h (i32.mul (i32.xor (local.get $h) (i32.add (local.get $c) (i32.const 0x165667b1))) (i32.const 0xc2b2ae3d)))
        (local.set $at (i32.and (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (global.get $tripleMask)))
        (block $found
          (loop $probe
            (local.set $entry (i32.add (global.get $tripleSet) (i32.shl (local.get $at) (i32.const 4))))
            (br_if $found (i32.eqz (i32.load (local.get $entry))))
            (if (i32.and
                  (i32.eq (i32.load (local.get $entry)) (i32.add (local.get $a) (i32.const 1)))
                  (i32.and
                    (i32.eq (i32.load offset=4 (local.get $entry)) (local.get $b))
                    (i32.eq (i32.load offset=8 (local.get $entry)) (local.get $c))))
              (then
                (if (i32.ne (i32.load offset=12 (local.get $entry)) (global.get $countGeneration))
                  (then
                    (i32.store offset=12 (local.get $entry) (global.get $countGeneration))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))))
                (br $found)))
            (local.set $at (i32.and (i32.add (local.get $at) (i32.const 1)) (global.get $tripleMask)))
            (br $probe))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (local.get $n))

  ;; Whether answer pair $x comes after pair $y: fewer shared 3-grams, or as many and a larger id.
  (func $after (param $x i32) (param $y i32) (result i32)
    (local $sx i32) (local $sy i32)
    (local.set $sx (i32.load offset=4 (local.get $x)))
    (local.set $sy (i32.load offset=4 (local.get $y)))
    (if (i32.ne (local.get $sx) (local.get $sy)) (then (return (i32.lt_s (local.get $sx) (local.get $sy)))))
    (i32.gt_s
      (i32.load (i32.add (global.get $ranges) (i32.shl (i32.add (i32.mul (i32.load (local.get $x)) (i32.const 3)) (i32.const 2)) (i32.const 2))))
      (i32.load (i32.add (global.get $ranges) (i32.shl (i32.add (i32.mul (i32.load (local.get $y)) (i32.const 3)) (i32.const 2)) (i32.const 2))))))

  ;; Insertion sort of the first $n answer pairs (8 bytes each), most shared first, then by id.
  (func $sortAnswer (param $n i32)
    (local $i i32) (local $j i32) (local $p i32) (local $s i32) (local $item i32)
    (local.set $item (i32.add (global.get $out) (i32.shl (local.get $n) (i32.const 3)))) ;; a spare slot
    (local.set $i (i32.const 1))
    (block $done
      (loop $each
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i64.store (local.get $item) (i64.load (i32.add (global.get $out) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $j (i32.sub (local.get $i) (i32.const 1)))
        (block $placed
          (loop $shift
            (br_if $placed (i32.lt_s (local.get $j) (i32.const 0)))
            (br_if $placed (i32.eqz (call $after (i32.add (global.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $item))))
            (i64.store (i32.add (global.get $out) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 3)))
                       (i64.load (i32.add (global.get $out) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $j (i32.sub (local.get $j) (i32.const 1)))
            (br $shift)))
        (i64.store (i32.add (global.get $out) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 3))) (i64.load (local.get $item)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each))))

  ;; The candidates of the $n word ids at $dynamic (see the module comment). The per-look-up sets
  ;; follow the ids; the caller has made the memory large enough (`lookupBytes`).
  (func (export "lookup") (param $n i32) (param $limit i32) (result i32)
    (local $size i32) (local $i i32) (local $a i32) (local $b i32) (local $c i32) (local $hash i32)
    (local $bucket i32) (local $start i32) (local $end i32) (local $readable i32) (local $k i32)
    (local $id i32) (local $previous i32) (local $touchedCount i32) (local $seen i32) (local $looked i32)
    (local $read i32) (local $minShared i32) (local $merged i32) (local $roughCount i32) (local $upper i32)
    (local $r i32) (local $j i32) (local $answered i32) (local $kth i32) (local $shared i32) (local $at i32)
    (local $gen i32) (local $h i32) (local $entry i32) (local $key i32)
    (global.set $sentence (global.get $dynamic))
    ;; Sets of at least twice as many entries as the sentence has 3-grams, emptied.
    (local.set $size (i32.const 16))
    (block $sized
      (loop $double
        (br_if $sized (i32.ge_u (local.get $size) (i32.shl (local.get $n) (i32.const 1))))
        (local.set $size (i32.shl (local.get $size) (i32.const 1)))
        (br $double)))
    (global.set $bucketSet (i32.add (global.get $sentence) (i32.shl (local.get $n) (i32.const 2))))
    (global.set $bucketMask (i32.sub (local.get $size) (i32.const 1)))
    (global.set $tripleSet (i32.add (global.get $bucketSet) (i32.shl (local.get $size) (i32.const 2))))
    (global.set $tripleMask (i32.sub (local.get $size) (i32.const 1)))
    (global.set $out (i32.add (global.get $tripleSet) (i32.shl (local.get $size) (i32.const 4))))
    (memory.fill (global.get $bucketSet) (i32.const 0) (i32.mul (local.get $size) (i32.const 20)))
    (global.set $tripleCount (i32.const 0))
    (global.set $countGeneration (i32.const 0))
    ;; Per-precedent counts are valid only when stamped with this look-up's generation.
    (local.set $gen (i32.add (global.get $generation) (i32.const 1)))
    (if (i32.ge_u (local.get $gen) (i32.const 0x7ffffff0))
      (then
        (memory.fill (global.get $stamps) (i32.const 0) (i32.shl (global.get $precedents) (i32.const 2)))
        (memory.fill (global.get $firsts) (i32.const 0) (i32.shl (global.get $vocabulary) (i32.const 2)))
        (local.set $gen (i32.const 1))))
    (global.set $generation (local.get $gen))

    (local.set $i (i32.const 0))
    (block $scanned
      (loop $each
        (br_if $scanned (i32.gt_s (i32.add (local.get $i) (i32.const 3)) (local.get $n)))
        (block $next
          (local.set $a (i32.load (i32.add (global.get $sentence) (i32.shl (local.get $i) (i32.const 2)))))
          (local.set $b (i32.load (i32.add (global.get $sentence) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
          (local.set $c (i32.load (i32.add (global.get $sentence) (i32.shl (i32.add (local.get $i) (i32.const 2)) (i32.const 2)))))
          (br_if $next (i32.lt_s (i32.or (i32.or (local.get $a) (local.get $b)) (local.get $c)) (i32.const 0)))
          ;; The 3-gram's hash (as `hash3` in precedent-index.ts).
          (local.set $h (i32.mul (i32.add (local.get $a) (i32.const 1)) (i32.const 0x9e3779b1)))
          (local.set $h (i32.mul (i32.xor (local.get $h) (i32.add (local.get $b) (i32.const 0x7f4a7c15))) (i32.const 0x85ebca77)))
          (local.set $h (i32.mul (i32.xor (local.get $h) (i32.add (local.get $c) (i32.const 0x165667b1))) (i32.const 0xc2b2ae3d)))
          (local.set $hash (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))))
          (local.set $bucket (i32.and (local.get $hash) (global.get $mask)))
          (local.set $start (i32.load (i32.add (global.get $bucketStarts) (i32.shl (local.get $bucket) (i32.const 2)))))
          (local.set $end (i32.load (i32.add (global.get $bucketStarts) (i32.shl (i32.add (local.get $bucket) (i32.const 1)) (i32.const 2)))))
          (local.set $readable (i32.le_u (i32.sub (local.get $end) (local.get $start)) (global.get $maxPostings)))
          ;; The 3-gram into the sentence's set (counted in $read when new), then its bucket: a bucket
          ;; already read for another 3-gram is not read again. Written out: a call costs as much.
          (if (local.get $readable)
            (then
              (local.set $at (i32.and (local.get $hash) (global.get $tripleMask)))
              (block $tripleKnown
                (loop $tripleProbe
                  (local.set $entry (i32.add (global.get $tripleSet) (i32.shl (local.get $at) (i32.const 4))))
                  (if (i32.eqz (i32.load (local.get $entry)))
                    (then
                      (i32.store (local.get $entry) (i32.add (local.get $a) (i32.const 1)))
                      (i32.store offset=4 (local.get $entry) (local.get $b))
                      (i32.store offset=8 (local.get $entry) (local.get $c))
                      (i32.store offset=12 (local.get $entry) (i32.const 0))
                      (global.set $tripleCount (i32.add (global.get $tripleCount) (i32.const 1)))
                      (if (i32.lt_u (local.get $a) (global.get $vocabulary))
                        (then (i32.store (i32.add (global.get $firsts) (i32.shl (local.get $a) (i32.const 2))) (local.get $gen))))
                      (local.set $read (i32.add (local.get $read) (i32.const 1)))
                      (br $tripleKnown)))
                  (br_if $tripleKnown
                    (i32.and
                      (i32.eq (i32.load (local.get $entry)) (i32.add (local.get $a) (i32.const 1)))
                      (i32.and
                        (i32.eq (i32.load offset=4 (local.get $entry)) (local.get $b))
                        (i32.eq (i32.load offset=8 (local.get $entry)) (local.get $c)))))
                  (local.set $at (i32.and (i32.add (local.get $at) (i32.const 1)) (global.get $tripleMask)))
                  (br $tripleProbe)))))
          (local.set $at (i32.and (i32.mul (local.get $bucket) (i32.const 0x9e3779b1)) (global.get $bucketMask)))
          (block $bucketNew
            (loop $bucketProbe
              (local.set $key (i32.load (i32.add (global.get $bucketSet) (i32.shl (local.get $at) (i32.const 2)))))
              (br_if $bucketNew (i32.eqz (local.get $key)))
              ;; A bucket read already for another 3-gram of the sentence.
              (br_if $next (i32.eq (local.get $key) (i32.add (local.get $bucket) (i32.const 1))))
              (local.set $at (i32.and (i32.add (local.get $at) (i32.const 1)) (global.get $bucketMask)))
              (br $bucketProbe)))
          (i32.store (i32.add (global.get $bucketSet) (i32.shl (local.get $at) (i32.const 2))) (i32.add (local.get $bucket) (i32.const 1)))
          (local.set $seen (i32.add (local.get $seen) (i32.const 1)))
          (br_if $next (i32.eqz (local.get $readable)))
          (local.set $looked (i32.add (local.get $looked) (i32.const 1)))
          (local.set $previous (i32.const -1))
          (local.set $k (local.get $start))
          (block $bucketRead
            (loop $posting
              (br_if $bucketRead (i32.ge_u (local.get $k) (local.get $end)))
              (local.set $id (i32.load (i32.add (global.get $postings) (i32.shl (local.get $k) (i32.const 2)))))
              (if (i32.ne (local.get $id) (local.get $previous))
                (then
                  (local.set $previous (local.get $id))
                  (if (i32.ne (i32.load (i32.add (global.get $stamps) (i32.shl (local.get $id) (i32.const 2)))) (local.get $gen))
                    (then
                      (i32.store (i32.add (global.get $stamps) (i32.shl (local.get $id) (i32.const 2))) (local.get $gen))
                      (i32.store (i32.add (global.get $counts) (i32.shl (local.get $id) (i32.const 2))) (i32.const 0))
                      (i32.store (i32.add (global.get $touched) (i32.shl (local.get $touchedCount) (i32.const 2))) (local.get $id))
                      (local.set $touchedCount (i32.add (local.get $touchedCount) (i32.const 1)))))
                  (i32.store (i32.add (global.get $counts) (i32.shl (local.get $id) (i32.const 2))) (i32.add (i32.load (i32.add (global.get $counts) (i32.shl (local.get $id) (i32.const 2)))) (i32.const 1)))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br $posting))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (if (i32.eqz (local.get $touchedCount)) (then (return (i32.const 0))))
    (local.set $minShared (select (i32.const 2) (i32.const 1) (i32.ge_s (local.get $seen) (i32.const 4))))
    (local.set $merged (select (i32.sub (local.get $read) (local.get $looked)) (i32.const 0) (i32.gt_s (local.get $read) (local.get $looked))))

    ;; The precedents worth a recount, by bucket count (most first), then index: insertion sort.
    (local.set $i (i32.const 0))
    (block $filtered
      (loop $each
        (br_if $filtered (i32.ge_s (local.get $i) (local.get $touchedCount)))
        (local.set $id (i32.load (i32.add (global.get $touched) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $upper (i32.load (i32.add (global.get $counts) (i32.shl (local.get $id) (i32.const 2)))))
        (if (i32.ge_s (i32.add (local.get $upper) (local.get $merged)) (local.get $minShared))
          (then
            (if (i32.ge_s (local.get $roughCount) (global.get $roughLimit)) (then (return (i32.const -1))))
            (local.set $j (i32.sub (local.get $roughCount) (i32.const 1)))
            (block $placed
              (loop $shift
                (br_if $placed (i32.lt_s (local.get $j) (i32.const 0)))
                (local.set $at (i32.add (global.get $rough) (i32.shl (local.get $j) (i32.const 3))))
                ;; stop at an entry that comes first: a larger count, or the same and a smaller index
                (br_if $placed
                  (i32.or
                    (i32.gt_s (i32.load (local.get $at)) (local.get $upper))
                    (i32.and (i32.eq (i32.load (local.get $at)) (local.get $upper)) (i32.lt_u (i32.load offset=4 (local.get $at)) (local.get $id)))))
                (i64.store offset=8 (local.get $at) (i64.load (local.get $at)))
                (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                (br $shift)))
            (local.set $at (i32.add (global.get $rough) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 3))))
            (i32.store (local.get $at) (local.get $upper))
            (i32.store offset=4 (local.get $at) (local.get $id))
            (local.set $roughCount (i32.add (local.get $roughCount) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))

    ;; Exact counts, in that order, keeping the best $limit; stop once no bucket count can beat them.
    (local.set $kth (i32.const -1))
    (local.set $r (i32.const 0))
    (block $counted
      (loop $each
        (br_if $counted (i32.ge_s (local.get $r) (local.get $roughCount)))
        (local.set $at (i32.add (global.get $rough) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $upper (i32.load (local.get $at)))
        (local.set $id (i32.load offset=4 (local.get $at)))
        (br_if $counted
          (i32.and (i32.ge_s (local.get $answered) (local.get $limit))
                   (i32.lt_s (i32.add (local.get $upper) (local.get $merged)) (local.get $kth))))
        (local.set $shared (call $shared (local.get $id)))
        (if (i32.ge_s (local.get $shared) (local.get $minShared))
          (then
            (local.set $at (i32.add (global.get $out) (i32.shl (local.get $answered) (i32.const 3))))
            (i32.store (local.get $at) (local.get $id))
            (i32.store offset=4 (local.get $at) (local.get $shared))
            (local.set $answered (i32.add (local.get $answered) (i32.const 1)))
            (if (i32.ge_s (local.get $answered) (local.get $limit))
              (then
                (call $sortAnswer (local.get $answered))
                (local.set $answered (local.get $limit))
                (local.set $kth (i32.load offset=4 (i32.add (global.get $out) (i32.shl (i32.sub (local.get $limit) (i32.const 1)) (i32.const 3)))))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $each)))
    (call $sortAnswer (local.get $answered))
    (local.get $answered))
)
