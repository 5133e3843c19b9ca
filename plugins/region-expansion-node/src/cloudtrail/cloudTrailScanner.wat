;; The CloudTrail record scanner, in WebAssembly text. Built into
;; cloudTrailScannerWasm.ts by `yarn workspace
;; @region-expansion/plugin-region-expansion-node build:cloudtrail-scanner`
;; (a test checks the two agree). It does what the JavaScript scanner it
;; replaces did, at about 2.4 times its speed: the footprint of a CloudTrail
;; corpus is gunzip plus this scan, and a byte loop in JavaScript cost as much
;; CPU as the gunzip (docs/benchmarks.md, cloudtrail).
;;
;; A structural JSON scanner: tracks nesting and keys, skips every value it
;; does not need (16 bytes at a time inside strings, with SIMD), and reports
;; per record only where its fields are: Records[].eventType, eventSource,
;; eventName, recipientAccountId, awsRegion, userIdentity.arn and
;; userIdentity.sessionContext.sessionIssuer.arn, with a hash of each, so
;; the worker decodes a text it has seen before without reading it again;
;; strings with escapes are flagged for JSON.parse.
;;
;; Memory: bytes 0-127 key names, 128-147 key table, 256-511 the key id per
;; depth, 768-1023 the kind per depth (1 object, 2 array), 1024-1107 the
;; record's fields (below); the input is written from 65536 on by the worker.
(module
  ;; Called at the end of each record. Its fields are at 1024 as seven
  ;; (start, end, hash) i32 triples: eventType, eventSource, eventName,
  ;; recipientAccountId, awsRegion, userIdentity.arn, the session issuer's
  ;; arn. start -1: absent (or not a string); bit 31 of end: holds escapes;
  ;; hash: FNV-1a of the bytes.
  (import "scan" "record" (func $record))
  (memory (export "memory") 1)
  ;; Key names at 0..127; key table (offset, length) bytes at 128..; stacks at 256 (keys) and 768 (kinds).
  (data (i32.const 0) "RecordseventTypeeventSourceeventNamerecipientAccountIdawsRegionuserIdentityarnsessionContextsessionIssuer")
  (data (i32.const 128) "\00\07\07\09\10\0b\1b\09\24\12\36\09\3f\0c\4b\03\4e\0e\5c\0d")
  (global $errorAt (export "errorAt") (mut i32) (i32.const 0))
  ;; The layout the worker needs, exported so it has one home: where the
  ;; record's fields are, and where the input may start.
  (global $fieldsAt (export "fieldsAt") i32 (i32.const 1024))
  (global $fieldsEnd i32 (i32.const 1108))
  (global (export "inputAt") i32 (i32.const 65536))

  ;; Id (1..10) of the key at [s, e), 0 when none.
  (func $keyId (param $s i32) (param $e i32) (result i32)
    (local $id i32) (local $off i32) (local $n i32) (local $k i32)
    (local.set $n (i32.sub (local.get $e) (local.get $s)))
    (local.set $id (i32.const 0))
    (block $none
      (loop $next
        (br_if $none (i32.ge_u (local.get $id) (i32.const 10)))
        (if (i32.eq (i32.load8_u offset=129 (i32.shl (local.get $id) (i32.const 1))) (local.get $n))
          (then
            (local.set $off (i32.load8_u offset=128 (i32.shl (local.get $id) (i32.const 1))))
            (local.set $k (i32.const 0))
            (block $differ
              (loop $cmp
                (if (i32.ge_u (local.get $k) (local.get $n)) (then (return (i32.add (local.get $id) (i32.const 1)))))
                (br_if $differ (i32.ne (i32.load8_u (i32.add (local.get $s) (local.get $k)))
                                       (i32.load8_u (i32.add (local.get $off) (local.get $k)))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $cmp)))))
        (local.set $id (i32.add (local.get $id) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; FNV-1a of the bytes [s, e).
  (func $fnv (param $s i32) (param $e i32) (result i32)
    (local $h i32)
    (local.set $h (i32.const 0x811c9dc5))
    (block $done
      (loop $byte
        (br_if $done (i32.ge_u (local.get $s) (local.get $e)))
        (local.set $h (i32.mul (i32.xor (local.get $h) (i32.load8_u (local.get $s))) (i32.const 0x01000193)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $byte)))
    (local.get $h))

  ;; Field slot n (0-6) := the string [s, e), escaped or not.
  (func $setField (param $n i32) (param $s i32) (param $e i32) (param $esc i32)
    (local $at i32)
    (local.set $at (i32.add (global.get $fieldsAt) (i32.mul (local.get $n) (i32.const 12))))
    (i32.store (local.get $at) (local.get $s))
    (i32.store offset=4 (local.get $at) (i32.or (local.get $e) (i32.shl (local.get $esc) (i32.const 31))))
    (i32.store offset=8 (local.get $at) (call $fnv (local.get $s) (local.get $e))))

  ;; 0: ok; -1 unterminated string; -2 nesting deeper than 255; -3 unexpected } (errorAt);
  ;; -4 unexpected ] (errorAt); -5 unexpected end of input; -6 no Records array.
  (func (export "scan") (param $p i32) (param $len i32) (result i32)
    (local $i i32) (local $end i32) (local $c i32) (local $j i32) (local $esc i32)
    (local $depth i32) (local $expectKey i32) (local $sawRecords i32) (local $interesting i32) (local $k3 i32)
    (local $m i32) (local $v v128) (local $n i32)
    (local.set $i (local.get $p))
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (memory.fill (i32.const 256) (i32.const 0) (i32.const 768))
    (block $done
      (loop $main
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $i)))
        (if (i32.eq (local.get $c) (i32.const 34))
          (then
            (local.set $j (i32.add (local.get $i) (i32.const 1)))
            (local.set $esc (i32.const 0))
            (block $closed
              (loop $str
                ;; 16 bytes at a time while no quote or backslash
                (block $found
                  (loop $wide
                    (br_if $found (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $end)))
                    (local.set $v (v128.load (local.get $j)))
                    (local.set $m (i8x16.bitmask (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 34)))
                                                          (i8x16.eq (local.get $v) (i8x16.splat (i32.const 92))))))
                    (if (local.get $m) (then (local.set $j (i32.add (local.get $j) (i32.ctz (local.get $m)))) (br $found)))
                    (local.set $j (i32.add (local.get $j) (i32.const 16)))
                    (br $wide)))
                (if (i32.ge_u (local.get $j) (local.get $end)) (then (return (i32.const -1))))
                (local.set $c (i32.load8_u (local.get $j)))
                (br_if $closed (i32.eq (local.get $c) (i32.const 34)))
                (if (i32.eq (local.get $c) (i32.const 92))
                  (then
                    (local.set $esc (i32.const 1))
                    (local.set $j (i32.add (local.get $j) (i32.const 2)))
                    (if (i32.ge_u (local.get $j) (local.get $end)) (then (return (i32.const -1)))))
                  (else (local.set $j (i32.add (local.get $j) (i32.const 1)))))
                (br $str)))
            ;; the string is [i+1, j)
            (if (local.get $expectKey)
              (then
                (local.set $expectKey (i32.const 0))
                (local.set $k3 (i32.load8_u offset=256 (i32.const 3)))
                (local.set $interesting
                  (i32.or (i32.or (i32.eq (local.get $depth) (i32.const 1)) (i32.eq (local.get $depth) (i32.const 3)))
                    (i32.and (i32.eq (local.get $k3) (i32.const 7))
                      (i32.or (i32.eq (local.get $depth) (i32.const 4))
                        (i32.or (i32.and (i32.eq (local.get $depth) (i32.const 5)) (i32.eq (i32.load8_u offset=256 (i32.const 4)) (i32.const 9)))
                                (i32.and (i32.eq (local.get $depth) (i32.const 6)) (i32.eq (i32.load8_u offset=256 (i32.const 5)) (i32.const 10))))))))
                (i32.store8 offset=256 (local.get $depth)
                  (if (result i32) (i32.and (local.get $interesting) (i32.eqz (local.get $esc)))
                    (then (call $keyId (i32.add (local.get $i) (i32.const 1)) (local.get $j)))
                    (else (i32.const 0)))))
              (else
                (if (i32.eq (local.get $depth) (i32.const 3))
                  (then
                    (local.set $k3 (i32.load8_u offset=256 (i32.const 3)))
                    ;; eventType .. awsRegion (key ids 2-6) go to slots 0-4
                    (if (i32.and (i32.ge_u (local.get $k3) (i32.const 2)) (i32.le_u (local.get $k3) (i32.const 6)))
                      (then (call $setField (i32.sub (local.get $k3) (i32.const 2)) (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $esc)))))
                  (else
                    (if (i32.and (i32.eq (local.get $depth) (i32.const 4))
                          (i32.and (i32.eq (i32.load8_u offset=256 (i32.const 4)) (i32.const 8)) (i32.eq (i32.load8_u offset=256 (i32.const 3)) (i32.const 7))))
                      (then (call $setField (i32.const 5) (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $esc)))
                      (else
                        (if (i32.and (i32.and (i32.eq (local.get $depth) (i32.const 6)) (i32.eq (i32.load8_u offset=256 (i32.const 6)) (i32.const 8)))
                              (i32.and (i32.eq (i32.load8_u offset=256 (i32.const 5)) (i32.const 10)) (i32.eq (i32.load8_u offset=256 (i32.const 3)) (i32.const 7))))
                          (then (call $setField (i32.const 6) (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $esc))))))))))
            (local.set $i (i32.add (local.get $j) (i32.const 1)))
            (br $main)))
        (block $next
          (if (i32.eq (local.get $c) (i32.const 123))
            (then
              (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
              (if (i32.gt_u (local.get $depth) (i32.const 255)) (then (return (i32.const -2))))
              (i32.store8 offset=768 (local.get $depth) (i32.const 1))
              (i32.store8 offset=256 (local.get $depth) (i32.const 0))
              (local.set $expectKey (i32.const 1))
              (if (i32.eq (local.get $depth) (i32.const 3))
                (then
                  (local.set $n (global.get $fieldsAt))
                  (loop $clear
                    (i32.store (local.get $n) (i32.const -1))
                    (local.set $n (i32.add (local.get $n) (i32.const 12)))
                    (br_if $clear (i32.lt_u (local.get $n) (global.get $fieldsEnd))))))
              (br $next)))
          (if (i32.eq (local.get $c) (i32.const 91))
            (then
              (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
              (if (i32.gt_u (local.get $depth) (i32.const 255)) (then (return (i32.const -2))))
              (i32.store8 offset=768 (local.get $depth) (i32.const 2))
              (if (i32.and (i32.eq (local.get $depth) (i32.const 2)) (i32.eq (i32.load8_u offset=256 (i32.const 1)) (i32.const 1)))
                (then (local.set $sawRecords (i32.const 1))))
              (br $next)))
          (if (i32.eq (local.get $c) (i32.const 125))
            (then
              (if (i32.or (i32.ne (i32.load8_u offset=768 (local.get $depth)) (i32.const 1)) (i32.eqz (local.get $depth)))
                (then (global.set $errorAt (i32.sub (local.get $i) (local.get $p))) (return (i32.const -3))))
              (if (i32.and (i32.eq (local.get $depth) (i32.const 3))
                    (i32.and (i32.eq (i32.load8_u offset=256 (i32.const 1)) (i32.const 1)) (i32.eq (i32.load8_u offset=768 (i32.const 2)) (i32.const 2))))
                (then (call $record)))
              (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
              (local.set $expectKey (i32.const 0))
              (br $next)))
          (if (i32.eq (local.get $c) (i32.const 93))
            (then
              (if (i32.or (i32.ne (i32.load8_u offset=768 (local.get $depth)) (i32.const 2)) (i32.eqz (local.get $depth)))
                (then (global.set $errorAt (i32.sub (local.get $i) (local.get $p))) (return (i32.const -4))))
              (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
              (br $next)))
          (if (i32.eq (local.get $c) (i32.const 44))
            (then (if (i32.eq (i32.load8_u offset=768 (local.get $depth)) (i32.const 1)) (then (local.set $expectKey (i32.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $main)))
    (if (local.get $depth) (then (return (i32.const -5))))
    (if (i32.eqz (local.get $sawRecords)) (then (return (i32.const -6))))
    (i32.const 0))
)
