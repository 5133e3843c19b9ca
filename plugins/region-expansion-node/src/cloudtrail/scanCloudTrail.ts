import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CloudTrailSummary } from '@region-expansion/plugin-region-expansion-common';
import { FootprintInputError } from '../footprint/InputError';
import { fsProblem, realPath, realPathInside } from '../footprint/fileSystem';
import { MAX_INPUT_BYTES } from '../footprint/readInput';
import { cloudTrailScanOf } from './cloudTrailScanOf';
import { CLOUDTRAIL_SCANNER_WASM_BASE64 } from './cloudTrailScannerWasm';
import { CLOUDTRAIL_WORKER_SOURCE } from './workerSource';

/**
 * Filters and limits of a CloudTrail scan.
 *
 * @public
 */
export interface CloudTrailScanOptions {
  /** Keep only records whose recipientAccountId is this account. */
  account?: string;
  /** Keep only records whose awsRegion is this Region. */
  region?: string;
  /** Keep only records by this principal ARN (user, role or session issuer); a trailing `*` matches a prefix. */
  principal?: string;
  /** Files read in parallel (worker threads); default: available cores. */
  concurrency?: number;
  /**
   * Largest size of one input after decompression, in bytes (a `.json.gz`
   * as inflated, any other file as read); decompression stops as soon as it
   * passes. Default {@link MAX_INPUT_BYTES}; at most 4 GiB − 64 KiB, the
   * scanner's WebAssembly memory.
   */
  maxInflatedBytes?: number;
  /**
   * Folder every file read must resolve inside (symbolic links followed);
   * default: anywhere.
   */
  root?: string;
  /** Called after each file. */
  onProgress?: (progress: { filesDone: number; filesTotal: number }) => void;
}

/**
 * Count of one (eventType, eventSource, eventName) triple.
 *
 * @public
 */
export interface CloudTrailEventCount {
  /** Record `eventType`, e.g. `AwsApiCall`, `AwsServiceEvent` or `AwsConsoleSignIn`. */
  eventType: string;
  /** Record `eventSource`, the service the request went to, e.g. `s3.amazonaws.com`. */
  eventSource: string;
  /** Record `eventName`, the API operation, e.g. `PutObject`. */
  eventName: string;
  /** Records with this triple that passed the filters, over all files. */
  count: number;
}

/**
 * Result of a CloudTrail scan: counts per event, and the summary.
 *
 * @public
 */
export interface CloudTrailScan {
  /** One count per triple seen, sorted by eventSource, eventName, then eventType. */
  events: CloudTrailEventCount[];
  /**
   * Records (among `summary.records`) skipped because their eventType,
   * eventSource or eventName is absent or not a string.
   */
  recordsSkipped: number;
  /**
   * Totals: files, digest files skipped, records, API calls, service events,
   * console sign-ins, accounts and Regions.
   */
  summary: CloudTrailSummary;
}

/**
 * The CloudTrail log files (`.json.gz`, `.json`) under the given paths, in
 * sorted order, without digest files. Files laid out as
 * `AWSLogs/<account>/CloudTrail/<region>/...` are skipped early when they
 * cannot match the account or Region filter.
 *
 * @public
 */
export async function listCloudTrailFiles(
  paths: string[],
  filters: { account?: string; region?: string; root?: string } = {},
): Promise<{ files: string[]; digestFilesSkipped: number }> {
  const files: string[] = [];
  let digestFilesSkipped = 0;
  const root = filters.root ? await realPath(filters.root) : undefined;
  // Real paths of the folders being listed (a link back to one is a loop)
  // and of every folder listed (one reached twice is read once).
  const listed = new Set<string>();
  const visit = async (entry: string, active: Set<string>): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(entry);
    } catch (error) {
      throw new FootprintInputError({ file: entry, problem: fsProblem(error) });
    }
    if (root) {
      await realPathInside({ file: entry, root, rootName: 'workspace' });
    }
    if (stat.isDirectory()) {
      const real = await realPath(entry);
      if (active.has(real)) {
        throw new FootprintInputError({
          file: entry,
          problem: 'symbolic link loop (leads back to a folder it is in)',
        });
      }
      if (listed.has(real)) return;
      listed.add(real);
      let children: string[];
      try {
        children = await fs.readdir(entry);
      } catch (error) {
        throw new FootprintInputError({
          file: entry,
          problem: fsProblem(error),
        });
      }
      const inside = new Set(active).add(real);
      for (const child of children.sort()) {
        await visit(path.join(entry, child), inside);
      }
      return;
    }
    if (!/\.json(\.gz)?$/.test(entry)) return;
    if (/CloudTrail-Digest/.test(entry)) {
      digestFilesSkipped++;
      return;
    }
    const layout =
      /AWSLogs\/(?:o-[a-z0-9]+\/)?(\d{12})\/CloudTrail\/([a-z0-9-]+)\//.exec(
        entry.split(path.sep).join('/'),
      );
    if (layout && filters.account && layout[1] !== filters.account) return;
    if (layout && filters.region && layout[2] !== filters.region) return;
    files.push(entry);
  };
  for (const p of paths) await visit(p, new Set());
  return { files, digestFilesSkipped };
}

// Compiled once per process and shared with every worker (a compiled
// WebAssembly.Module is passed to a worker without compiling it again).
let scannerModule: WebAssembly.Module | undefined;
function cloudTrailScanner(): WebAssembly.Module {
  scannerModule ??= new WebAssembly.Module(
    Buffer.from(CLOUDTRAIL_SCANNER_WASM_BASE64, 'base64'),
  );
  return scannerModule;
}

interface FileResult {
  records: number;
  skipped: number;
  matched: number;
  counts: Array<[string, number]>;
  accounts: string[];
  regions: string[];
}

/**
 * Reads CloudTrail log files concurrently on worker threads, one file per
 * worker at a time (memory stays bounded by concurrency × file size), and
 * aggregates events. The first unreadable file fails the whole scan with a
 * {@link FootprintInputError} naming it: no partial result.
 *
 * @public
 */
export async function scanCloudTrail(
  paths: string[],
  options: CloudTrailScanOptions = {},
): Promise<CloudTrailScan> {
  const maxBytes = options.maxInflatedBytes ?? MAX_INPUT_BYTES;
  const totals = new Map<string, number>();
  const accounts = new Set<string>();
  const regions = new Set<string>();
  let records = 0;
  let recordsSkipped = 0;
  let done = 0;
  let files: string[] = [];
  let next = 0;
  const workers: Worker[] = [];
  // Each worker's part of the scan; it takes files once they are listed.
  const runs: Promise<void>[] = [];
  const takeFirstFiles: Array<() => void> = [];
  const startWorker = () => {
    const worker = new Worker(CLOUDTRAIL_WORKER_SOURCE, {
      eval: true,
      workerData: {
        account: options.account,
        region: options.region,
        principal: options.principal,
        maxBytes,
        scanner: cloudTrailScanner(),
      },
    });
    workers.push(worker);
    const run = new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= files.length) {
          resolve();
          return;
        }
        const id = next++;
        worker.postMessage({ id, file: files[id] });
      };
      // Listened to from the start: a worker failing while the files are
      // still listed must not be an uncaught error event.
      worker.on('error', reject);
      worker.on(
        'message',
        (message: { id: number; result?: FileResult; error?: string }) => {
          if (message.error !== undefined || !message.result) {
            next = files.length;
            reject(
              new FootprintInputError({
                file: files[message.id],
                problem: message.error ?? 'no result',
              }),
            );
            return;
          }
          const result = message.result;
          records += result.records;
          recordsSkipped += result.skipped;
          for (const [key, count] of result.counts) {
            totals.set(key, (totals.get(key) ?? 0) + count);
          }
          result.accounts.forEach(a => accounts.add(a));
          result.regions.forEach(r => regions.add(r));
          done++;
          options.onProgress?.({
            filesDone: done,
            filesTotal: files.length,
          });
          send();
        },
      );
      takeFirstFiles.push(send);
    });
    // Awaited below once files are handed out; until then a failure waits.
    run.catch(() => undefined);
    runs.push(run);
  };
  let digestFilesSkipped: number;
  try {
    // A worker thread takes about as long to start (Node's own start in a
    // new thread) as listing a folder of trails: the first one starts
    // before the listing, so that the first file is read without waiting
    // for both one after the other.
    startWorker();
    ({ files, digestFilesSkipped } = await listCloudTrailFiles(paths, options));
    const workerCount = Math.min(
      options.concurrency ?? os.availableParallelism(),
      files.length,
    );
    while (workers.length < workerCount) startWorker();
    if (files.length) {
      takeFirstFiles.forEach(send => send());
      await Promise.all(runs);
    }
  } finally {
    await Promise.all(workers.map(worker => worker.terminate()));
  }
  return cloudTrailScanOf(totals, {
    files: files.length,
    digestFilesSkipped,
    records,
    recordsSkipped,
    accounts,
    regions,
  });
}
