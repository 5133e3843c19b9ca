/**
 * Source of the worker that reads one CloudTrail file at a time: streams it
 * through gunzip with a decompressed-size cap and a compression-ratio bound
 * into the scanner's WebAssembly memory (reused for every file), checks
 * UTF-8, scans the JSON structure once without building objects
 * (cloudTrailScanner.wat, compiled once and passed in `workerData.scanner`)
 * and aggregates (eventType, eventSource, eventName) counts after the
 * account, Region and principal filters. Plain JavaScript evaluated by
 * `new Worker(source, { eval: true })`, so it runs the same from TypeScript
 * sources and from a bundled build.
 */
export const CLOUDTRAIL_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const { isUtf8 } = require('node:buffer');
const { account, region, principal, scanner } = workerData;
const principalPrefix = principal && principal.endsWith('*') ? principal.slice(0, -1) : undefined;
// REGION_EXPANSION_TIMING=1: the time the first log file is opened, on
// stderr, synchronously (a benchmark measures start-up up to it).
let timingMark = process.env.REGION_EXPANSION_TIMING === '1';

// The decompressed text goes straight into the scanner's memory, from
// INPUT_AT on (its tables and stacks lie below), grown as needed and reused
// for every file: no per-file allocation.
let onRecord = () => {};
const instance = new WebAssembly.Instance(scanner, { scan: { record: () => onRecord() } });
const memory = instance.exports.memory;
const INPUT_AT = instance.exports.inputAt.value;
const PAGE = 65536;
// A 32-bit WebAssembly memory holds at most 4 GiB (65536 pages), the
// scanner's own part included: a larger configured cap is refused per file
// at this size, with the usual message, instead of failing to grow.
const maxBytes = Math.min(workerData.maxBytes, 65536 * PAGE - INPUT_AT);
// The record's seven fields as (start, end, hash): see the .wat.
const FIELDS_AT = instance.exports.fieldsAt.value;
let heap = Buffer.from(memory.buffer);
let fields = new Int32Array(memory.buffer, FIELDS_AT, 21);
function reserve(bytes) {
  const needed = INPUT_AT + bytes;
  if (needed <= heap.length) return;
  const target = Math.min(Math.max(heap.length * 2, needed), INPUT_AT + maxBytes);
  memory.grow(Math.ceil((target - heap.length) / PAGE));
  // Growing detaches the old ArrayBuffer: view the new one.
  heap = Buffer.from(memory.buffer);
  fields = new Int32Array(memory.buffer, FIELDS_AT, 21);
}
reserve(Math.min(16 << 20, maxBytes));

// A gzip bomb is refused by its ratio as soon as it shows, not after
// inflating the whole cap (about 10 ms per MiB). Every real CloudTrail
// record carries a random eventID and requestID, so even one role calling
// one action all day compresses about 22:1 (typical logs about 10:1); past
// MAX_RATIO:1 once RATIO_AFTER_BYTES are inflated the file is no log.
const MAX_RATIO = 200;
const RATIO_AFTER_BYTES = 1 << 20;

function readFile(file) {
  return new Promise((resolve, reject) => {
    let size = 0;
    let failed = false;
    const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    const stream = file.endsWith('.gz') ? input.pipe(zlib.createGunzip({ chunkSize: 1 << 20 })) : input;
    const fail = message => {
      if (failed) return;
      failed = true;
      input.destroy();
      if (stream !== input) stream.destroy();
      reject(new Error(message));
    };
    input.on('error', e => fail('cannot read (' + (e.code || e.message) + ')'));
    if (timingMark) {
      timingMark = false;
      input.once('open', () => fs.writeSync(2, 'region-expansion timing: first file opened at ' + Date.now() + ' (ms since the epoch)\n'));
    }
    if (stream !== input) stream.on('error', e => fail('truncated or corrupt gzip (' + e.message + ')'));
    stream.on('data', chunk => {
      if (failed) return;
      if (size + chunk.length > maxBytes) {
        fail('decompressed size exceeds the ' + maxBytes + '-byte limit');
        return;
      }
      // bytesWritten: compressed bytes the inflater consumed so far (not
      // the read-ahead), counted before this chunk was pushed.
      const inflated = size + chunk.length;
      if (stream !== input && inflated >= RATIO_AFTER_BYTES && inflated > MAX_RATIO * stream.bytesWritten) {
        fail('compression ratio over ' + MAX_RATIO + ':1 after ' + inflated + ' decompressed bytes from ' + stream.bytesWritten + ' compressed (a gzip bomb, not a CloudTrail log file)');
        return;
      }
      reserve(size + chunk.length);
      chunk.copy(heap, INPUT_AT + size);
      size += chunk.length;
    });
    stream.on('end', () => { if (!failed) resolve(size); });
  });
}

// Record fields repeat (event names and sources, accounts, Regions): each
// distinct text is decoded once, found again by the hash of its bytes the
// scanner computed, and confirmed byte by byte. Cleared when it holds
// MAX_INTERNED texts, so a file of all-different names costs decoding, not
// memory.
const MAX_INTERNED = 65536;
let interned = new Map();
function intern(start, end, hash) {
  const length = end - start;
  for (let entry = interned.get(hash); entry !== undefined; entry = entry.next) {
    const bytes = entry.bytes;
    if (bytes.length !== length) continue;
    let k = 0;
    while (k < length && bytes[k] === heap[start + k]) k++;
    if (k === length) return entry.text;
  }
  if (interned.size >= MAX_INTERNED) interned = new Map();
  const text = heap.toString('utf8', start, end);
  interned.set(hash, { bytes: Uint8Array.prototype.slice.call(heap, start, end), text, next: interned.get(hash) });
  return text;
}

// Field n (0-6) of the record the scanner just finished: undefined when the
// record has none (or not as a string).
function field(n) {
  const start = fields[n * 3];
  if (start < 0) return undefined;
  const end = fields[n * 3 + 1];
  if (end >= 0) return intern(start, end, fields[n * 3 + 2]);
  try {
    return JSON.parse(heap.toString('utf8', start - 1, (end & 0x7fffffff) + 1));
  } catch {
    // Our own words: the parser's message may quote the file.
    throw new Error('malformed JSON: bad escape in a string at byte ' + (start - INPUT_AT));
  }
}

const SCAN_ERRORS = {
  '-1': () => 'malformed JSON: unterminated string (truncated file?)',
  '-2': () => 'malformed JSON: nesting deeper than 255',
  '-3': () => 'malformed JSON: unexpected } at byte ' + instance.exports.errorAt.value,
  '-4': () => 'malformed JSON: unexpected ] at byte ' + instance.exports.errorAt.value,
  '-5': () => 'malformed JSON: unexpected end of input (truncated file?)',
  '-6': () => 'not a CloudTrail log file (no Records array)',
};

// Scans the size bytes at INPUT_AT, calling handle once per record with its
// fields decoded; the principal's ARNs only when a principal filter needs them.
function scanRecords(size, handle) {
  onRecord = () => handle(
    field(0), field(1), field(2), field(3), field(4),
    principal ? field(5) : undefined, principal ? field(6) : undefined,
  );
  const code = instance.exports.scan(INPUT_AT, size);
  if (code !== 0) throw new Error(SCAN_ERRORS[code]());
}

function matchesPrincipal(arn, issuerArn) {
  for (const candidate of [arn, issuerArn]) {
    if (typeof candidate !== 'string') continue;
    if (principalPrefix !== undefined ? candidate.startsWith(principalPrefix) : candidate === principal) return true;
  }
  return false;
}

async function processFile(file) {
  const size = await readFile(file);
  if (size === 0) throw new Error('empty file (nothing after decompression)');
  if (!isUtf8(heap.subarray(INPUT_AT, INPUT_AT + size))) throw new Error('not valid UTF-8 text');
  // counts: eventSource -> eventName -> eventType -> count
  const counts = new Map();
  const accounts = new Set();
  const regions = new Set();
  let records = 0;
  let skipped = 0;
  let matched = 0;
  scanRecords(size, (eventType, eventSource, eventName, recipient, awsRegion, arn, issuerArn) => {
    records++;
    // A record that does not name its event (absent or not a string) is
    // skipped and counted, never filed under the text "undefined".
    if (eventType === undefined || eventSource === undefined || eventName === undefined) {
      skipped++;
      return;
    }
    if (account && recipient !== account) return;
    if (region && awsRegion !== region) return;
    if (principal && !matchesPrincipal(arn, issuerArn)) return;
    matched++;
    accounts.add(recipient);
    regions.add(awsRegion);
    let byName = counts.get(eventSource);
    if (!byName) counts.set(eventSource, (byName = new Map()));
    let byType = byName.get(eventName);
    if (!byType) byName.set(eventName, (byType = new Map()));
    byType.set(eventType, (byType.get(eventType) || 0) + 1);
  });
  const flat = [];
  for (const [eventSource, byName] of counts) {
    for (const [eventName, byType] of byName) {
      for (const [eventType, count] of byType) flat.push([eventType + '\t' + eventSource + '\t' + eventName, count]);
    }
  }
  return {
    records,
    skipped,
    matched,
    counts: flat,
    accounts: [...accounts].filter(Boolean),
    regions: [...regions].filter(Boolean),
  };
}

parentPort.on('message', ({ id, file }) => {
  processFile(file).then(
    result => parentPort.postMessage({ id, result }),
    error => parentPort.postMessage({ id, error: error.message }),
  );
});
`;
