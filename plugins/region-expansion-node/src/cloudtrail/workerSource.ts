/**
 * Source of the worker that reads one CloudTrail file at a time: streams it
 * through gunzip with a decompressed-size cap and a compression-ratio bound
 * into a reused buffer, checks
 * UTF-8, scans the JSON structure once without building objects and
 * aggregates (eventType, eventSource, eventName) counts after the
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
const { account, region, principal, maxBytes } = workerData;
const principalPrefix = principal && principal.endsWith('*') ? principal.slice(0, -1) : undefined;
// REGION_EXPANSION_TIMING=1: the time the first log file is opened, on
// stderr, synchronously (a benchmark measures start-up up to it).
let timingMark = process.env.REGION_EXPANSION_TIMING === '1';

// One growable buffer per worker, reused for every file: no per-file
// allocation of the decompressed text.
let pool = Buffer.allocUnsafe(Math.min(16 << 20, maxBytes));

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
      if (size + chunk.length > pool.length) {
        const grown = Buffer.allocUnsafe(Math.min(Math.max(pool.length * 2, size + chunk.length), maxBytes));
        pool.copy(grown, 0, 0, size);
        pool = grown;
      }
      chunk.copy(pool, size);
      size += chunk.length;
    });
    stream.on('end', () => { if (!failed) resolve(pool.subarray(0, size)); });
  });
}

function decode(buf, start, end, escaped) {
  if (!escaped) return buf.toString('utf8', start, end);
  try {
    return JSON.parse(buf.toString('utf8', start - 1, end + 1));
  } catch {
    // Our own words: the parser's message may quote the file.
    throw new Error('malformed JSON: bad escape in a string at byte ' + start);
  }
}

// Keys the scanner recognises, as numeric ids (0: any other key).
const KEY_NAMES = ['', 'Records', 'eventType', 'eventSource', 'eventName', 'recipientAccountId', 'awsRegion', 'userIdentity', 'arn', 'sessionContext', 'sessionIssuer'];
const KEY_BYTES = KEY_NAMES.map(k => Buffer.from(k, 'latin1'));
const K = { Records: 1, eventType: 2, eventSource: 3, eventName: 4, recipientAccountId: 5, awsRegion: 6, userIdentity: 7, arn: 8, sessionContext: 9, sessionIssuer: 10 };

function keyId(buf, start, end) {
  const length = end - start;
  for (let id = 1; id < KEY_BYTES.length; id++) {
    const key = KEY_BYTES[id];
    if (key.length !== length) continue;
    let same = true;
    for (let k = 0; k < length; k++) {
      if (buf[start + k] !== key[k]) { same = false; break; }
    }
    if (same) return id;
  }
  return 0;
}

// A structural JSON scanner: tracks nesting and keys, skips every value it
// does not need, and reads only the record fields used for the footprint and
// the filters (Records[].eventType, eventSource, eventName,
// recipientAccountId, awsRegion, userIdentity.arn,
// userIdentity.sessionContext.sessionIssuer.arn). No objects per record.
function scanRecords(buf, onRecord) {
  const len = buf.length;
  // Position of the next backslash (len: none), found natively (memchr).
  let backslash = buf.indexOf(0x5c);
  if (backslash === -1) backslash = len;
  const keys = new Uint8Array(257);
  const kinds = new Uint8Array(257);
  let depth = 0;
  let expectKey = false;
  let sawRecords = false;
  let eventType, eventSource, eventName, account, awsRegion, arn, issuerArn;
  for (let i = 0; i < len; i++) {
    const c = buf[i];
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        // Before the next backslash only a quote can end the string: one
        // comparison per byte.
        const stop = backslash < len ? backslash : len;
        while (j < stop && buf[j] !== 0x22) j++;
        if (j < stop) break;
        if (j >= len) throw new Error('malformed JSON: unterminated string (truncated file?)');
        // j is the next backslash: skip the escaped byte, find the next one.
        escaped = true;
        j += 2;
        backslash = j < len ? buf.indexOf(0x5c, j) : -1;
        if (backslash === -1) backslash = len;
        if (j >= len) throw new Error('malformed JSON: unterminated string (truncated file?)');
      }
      if (expectKey) {
        expectKey = false;
        let interesting = depth === 1 || depth === 3;
        if (!interesting && keys[3] === K.userIdentity) {
          interesting = depth === 4 || (depth === 5 && keys[4] === K.sessionContext) || (depth === 6 && keys[5] === K.sessionIssuer);
        }
        keys[depth] = interesting && !escaped ? keyId(buf, i + 1, j) : 0;
      } else if (depth === 3) {
        switch (keys[3]) {
          case K.eventType: eventType = decode(buf, i + 1, j, escaped); break;
          case K.eventSource: eventSource = decode(buf, i + 1, j, escaped); break;
          case K.eventName: eventName = decode(buf, i + 1, j, escaped); break;
          case K.recipientAccountId: account = decode(buf, i + 1, j, escaped); break;
          case K.awsRegion: awsRegion = decode(buf, i + 1, j, escaped); break;
          default:
        }
      } else if (depth === 4 && keys[4] === K.arn && keys[3] === K.userIdentity) {
        arn = decode(buf, i + 1, j, escaped);
      } else if (depth === 6 && keys[6] === K.arn && keys[5] === K.sessionIssuer && keys[3] === K.userIdentity) {
        issuerArn = decode(buf, i + 1, j, escaped);
      }
      i = j;
      continue;
    }
    switch (c) {
      case 0x7b:
        depth++;
        if (depth > 255) throw new Error('malformed JSON: nesting deeper than 255');
        kinds[depth] = 1;
        keys[depth] = 0;
        expectKey = true;
        if (depth === 3) {
          eventType = eventSource = eventName = account = awsRegion = arn = issuerArn = undefined;
        }
        break;
      case 0x5b:
        depth++;
        if (depth > 255) throw new Error('malformed JSON: nesting deeper than 255');
        kinds[depth] = 2;
        if (depth === 2 && keys[1] === K.Records) sawRecords = true;
        break;
      case 0x7d:
        if (kinds[depth] !== 1 || depth === 0) throw new Error('malformed JSON: unexpected } at byte ' + i);
        if (depth === 3 && keys[1] === K.Records && kinds[2] === 2) {
          onRecord(eventType, eventSource, eventName, account, awsRegion, arn, issuerArn);
        }
        depth--;
        expectKey = false;
        break;
      case 0x5d:
        if (kinds[depth] !== 2 || depth === 0) throw new Error('malformed JSON: unexpected ] at byte ' + i);
        depth--;
        break;
      case 0x2c:
        if (kinds[depth] === 1) expectKey = true;
        break;
      default:
    }
  }
  if (depth !== 0) throw new Error('malformed JSON: unexpected end of input (truncated file?)');
  if (!sawRecords) throw new Error('not a CloudTrail log file (no Records array)');
}

function matchesPrincipal(arn, issuerArn) {
  for (const candidate of [arn, issuerArn]) {
    if (typeof candidate !== 'string') continue;
    if (principalPrefix !== undefined ? candidate.startsWith(principalPrefix) : candidate === principal) return true;
  }
  return false;
}

async function processFile(file) {
  const buffer = await readFile(file);
  if (buffer.length === 0) throw new Error('empty file (nothing after decompression)');
  if (!isUtf8(buffer)) throw new Error('not valid UTF-8 text');
  // counts: eventSource -> eventName -> eventType -> count
  const counts = new Map();
  const accounts = new Set();
  const regions = new Set();
  let records = 0;
  let skipped = 0;
  let matched = 0;
  scanRecords(buffer, (eventType, eventSource, eventName, recipient, awsRegion, arn, issuerArn) => {
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
