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
;; userIdentity.sessionContext.sessionIssuer.arn. The worker decodes them;
;; strings with escapes are flagged for JSON.parse.
;;
;; Memory: bytes 0-127 key names, 128-147 key table, 256-511 the key id per
;; depth, 768-1023 the kind per depth (1 object, 2 array); the input is
;; written from 65536 on by the worker.
(module
  ;; record(typeStart, typeEnd, sourceStart, sourceEnd, nameStart, nameEnd,
  ;;        accountStart, accountEnd, regionStart, regionEnd, arnStart, arnEnd,
  ;;        issuerStart, issuerEnd): start -1 = absent; end's bit 31 = escaped.
  (import "scan" "record" (func $record (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  ;; Key names at 0..127; key table (offset, length) bytes at 128..; stacks at 256 (keys) and 768 (kinds).
  (data (i32.const 0) "RecordseventTypeeventSourceeventNamerecipientAccountIdawsRegionuserIdentityarnsessionContextsessionIssuer")
  (data (i32.const 128) "\00\07\07\09\10\0b\1b\09\24\12\36\09\3f\0c\4b\03\4e\0e\5c\0d")
  (global $errorAt (export "errorAt") (mut i32) (i32.const 0))

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

  ;; 0: ok; -1 unterminated string; -2 nesting deeper than 255; -3 unexpected } (errorAt);
  ;; -4 unexpected ] (errorAt); -5 unexpected end of input; -6 no Records array.
  (func (export "scan") (param $p i32) (param $len i32) (result i32)
    (local $i i32) (local $end i32) (local $c i32) (local $j i32) (local $esc i32)
    (local $depth i32) (local $expectKey i32) (local $sawRecords i32) (local $interesting i32) (local $k3 i32)
    (local $m i32) (local $v v128)
    (local $ts i32) (local $te i32) (local $ss i32) (local $se i32) (local $ns i32) (local $ne i32)
    (local $as i32) (local $ae i32) (local $rs i32) (local $re i32) (local $us i32) (local $ue i32) (local $is i32) (local $ie i32)
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
                    (local.set $m (i32.or (local.get $j) (i32.shl (local.get $esc) (i32.const 31))))
                    (if (i32.eq (local.get $k3) (i32.const 2)) (then (local.set $ts (i32.add (local.get $i) (i32.const 1))) (local.set $te (local.get $m))))
                    (if (i32.eq (local.get $k3) (i32.const 3)) (then (local.set $ss (i32.add (local.get $i) (i32.const 1))) (local.set $se (local.get $m))))
                    (if (i32.eq (local.get $k3) (i32.const 4)) (then (local.set $ns (i32.add (local.get $i) (i32.const 1))) (local.set $ne (local.get $m))))
                    (if (i32.eq (local.get $k3) (i32.const 5)) (then (local.set $as (i32.add (local.get $i) (i32.const 1))) (local.set $ae (local.get $m))))
                    (if (i32.eq (local.get $k3) (i32.const 6)) (then (local.set $rs (i32.add (local.get $i) (i32.const 1))) (local.set $re (local.get $m)))))
                  (else
                    (if (i32.and (i32.eq (local.get $depth) (i32.const 4))
                          (i32.and (i32.eq (i32.load8_u offset=256 (i32.const 4)) (i32.const 8)) (i32.eq (i32.load8_u offset=256 (i32.const 3)) (i32.const 7))))
                      (then (local.set $us (i32.add (local.get $i) (i32.const 1))) (local.set $ue (i32.or (local.get $j) (i32.shl (local.get $esc) (i32.const 31)))))
                      (else
                        (if (i32.and (i32.and (i32.eq (local.get $depth) (i32.const 6)) (i32.eq (i32.load8_u offset=256 (i32.const 6)) (i32.const 8)))
                              (i32.and (i32.eq (i32.load8_u offset=256 (i32.const 5)) (i32.const 10)) (i32.eq (i32.load8_u offset=256 (i32.const 3)) (i32.const 7))))
                          (then (local.set $is (i32.add (local.get $i) (i32.const 1))) (local.set $ie (i32.or (local.get $j) (i32.shl (local.get $esc) (i32.const 31))))))))))))
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
                  (local.set $ts (i32.const -1)) (local.set $ss (i32.const -1)) (local.set $ns (i32.const -1))
                  (local.set $as (i32.const -1)) (local.set $rs (i32.const -1)) (local.set $us (i32.const -1)) (local.set $is (i32.const -1))))
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
                (then (call $record (local.get $ts) (local.get $te) (local.get $ss) (local.get $se) (local.get $ns) (local.get $ne)
                                    (local.get $as) (local.get $ae) (local.get $rs) (local.get $re) (local.get $us) (local.get $ue)
                                    (local.get $is) (local.get $ie))))
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
