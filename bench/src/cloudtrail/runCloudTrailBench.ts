import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { OptionsOf, cloudTrailOptions, withDefaults } from '../benchOptions';
import type { BenchLog } from '../lib/log';
import { measuredRun } from '../lib/measuredRun';
import { BENCH_DIR } from '../lib/paths';
import { installBuiltCli } from './builtCli';
import { ACCOUNTS, REGIONS, generateCorpus, record } from './cloudTrailCorpus';

/** Options of {@link runCloudTrailBench}. */
export type CloudTrailBenchOptions = OptionsOf<typeof cloudTrailOptions> & {
  /** Where corpora are generated and kept; default `bench/.corpus` (git-ignored). */
  corpusRoot?: string;
  /** Runs of the CLI's startup alone (the median is reported); default 3. */
  startupRuns?: number;
};

/** The CLI's executable in the repository (runs src/ through the node transform). */
function cliBin(): string {
  const manifest = require.resolve('@region-expansion/cli/package.json');
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin['region-expansion'];
  return path.join(path.dirname(manifest), relative);
}

function timed(
  command: string,
  env: Record<string, string> = {},
): {
  seconds: number;
  maxRssKb?: number;
  stdout: string;
  /** Spawn to the first log file opened, from the CLI's timing marks. */
  firstReadMs?: number;
  /** User + system CPU seconds of the command and its children. */
  cpuSeconds?: number;
} {
  const spawnedAt = Date.now();
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', command], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, REGION_EXPANSION_TIMING: '1', ...env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(
      `command failed (${result.status}): ${command}\n${result.stderr}`,
    );
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const cpu = ['User', 'System'].map(kind =>
    new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(result.stderr),
  );
  const opened = [
    ...result.stderr.matchAll(/timing: first file opened at (\d+)/g),
  ].map(m => Number(m[1]));
  return {
    seconds,
    maxRssKb: rss ? Number(rss[1]) : undefined,
    stdout: result.stdout,
    firstReadMs: opened.length ? Math.min(...opened) - spawnedAt : undefined,
    cpuSeconds: cpu.every(Boolean)
      ? cpu.reduce((sum, m) => sum + Number(m![1]), 0)
      : undefined,
  };
}

function hasCommand(name: string): boolean {
  return spawnSync('bash', ['-c', `command -v ${name}`]).status === 0;
}

const mb = (kb?: number) => (kb ? Math.round(kb / 1024) : null);
const round2 = (n: number) => Number(n.toFixed(2));

/**
 * `yarn bench cloudtrail`: generates (once, cached under the corpus root) a
 * CloudTrail corpus of gzipped files in the
 * `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD` layout, `varied` (as
 * real logs vary, the default) or `uniform` (one record shape), then
 * measures in the same run (the CLI as published by default: `--cli dist`
 * packs the built packages, see {@link installBuiltCli}):
 *   1. the CLI's startup alone: footprint of one tiny CloudTrail file
 *      (median of 3), and from spawn to the first log file opened (the
 *      CLI's `REGION_EXPANSION_TIMING` mark), with its compile cache warm
 *      (a cache of the bench's own, filled by one untimed run first, as
 *      every run but a user's first) and, interleaved, disabled;
 *   2. raw `zcat > /dev/null` (one decompressor);
 *   3. the CLI's footprint, spawned as a user runs it (peak RSS via
 *      `/usr/bin/time -v`), on the whole corpus and on one account's part;
 *   4. `zcat | jq -r '.Records[] | .eventSource + " " + .eventName' | sort -u`.
 * The load average before and after is recorded (the machine may be shared).
 */
export async function runCloudTrailBench(
  options: CloudTrailBenchOptions,
  log: BenchLog,
) {
  const {
    sizeGb,
    fileMb,
    corpus,
    cli: cliFrom,
  } = withDefaults(cloudTrailOptions, options);
  const startupRuns = options.startupRuns ?? 3;
  for (const [name, value] of Object.entries({ sizeGb, fileMb, startupRuns }))
    if (!(Number.isFinite(value) && value > 0))
      throw new Error(`${name} must be a positive number, got ${value}`);
  return measuredRun('cloudtrail', log, async () => {
    const corpusRoot = options.corpusRoot ?? path.join(BENCH_DIR, '.corpus');
    // The uniform corpus keeps its earlier name: a cached one stays valid.
    const directory = path.join(
      corpusRoot,
      `cloudtrail-${
        corpus === 'uniform' ? '' : `${corpus}-`
      }${sizeGb}gb-${fileMb}mb`,
    );
    const generated = await generateCorpus(
      corpus,
      corpusRoot,
      directory,
      sizeGb,
      fileMb,
      log,
    );
    const gzFiles = `find ${directory}/AWSLogs -name '*.json.gz' ! -name '*Digest*' -print0`;
    const half = path.join(directory, 'AWSLogs', ACCOUNTS[0]);
    const time = fs.existsSync('/usr/bin/time') ? '/usr/bin/time -v ' : '';
    const bin = cliFrom === 'dist' ? installBuiltCli() : cliBin();
    const cli = (input: string) =>
      `${time}${process.execPath} ${bin} footprint ${input} --json > /dev/null`;
    // Every timed run but the one with the cache disabled uses this cache.
    const compileCache = path.join(corpusRoot, 'cli-compile-cache');
    const warm = { NODE_COMPILE_CACHE: compileCache };
    const noCache = { NODE_DISABLE_COMPILE_CACHE: '1' };

    const tiny = path.join(corpusRoot, 'cloudtrail-startup.json');
    fs.writeFileSync(
      tiny,
      JSON.stringify({ Records: [record(0, ACCOUNTS[0], REGIONS[0], 1)] }),
    );
    timed(cli(tiny), warm);
    const startupRunsOf = Array.from({ length: startupRuns }, () => [
      timed(cli(tiny), warm),
      timed(cli(tiny), noCache),
    ]);
    const median = (runs: Array<ReturnType<typeof timed>>) =>
      [...runs].sort((a, b) => a.seconds - b.seconds)[
        Math.floor(runs.length / 2)
      ];
    const startup = median(startupRunsOf.map(([withCache]) => withCache));
    const startupNoCache = median(startupRunsOf.map(([, without]) => without));
    // Under /usr/bin/time too, for its CPU seconds (zcat's and find's).
    const zcat = timed(
      `${time}bash -o pipefail -c "${gzFiles} | xargs -0 zcat > /dev/null"`,
    );
    const footprint = timed(cli(directory), warm);
    const footprintQuarter = timed(cli(half), warm);
    let jq: { seconds: number } | undefined;
    if (hasCommand('jq')) {
      jq = timed(
        `${gzFiles} | xargs -0 zcat | jq -r '.Records[] | .eventSource + " " + .eventName' | sort -u > /dev/null`,
      );
    } else {
      log(
        'jq is missing: install it with `apt-get install -y jq` to measure the jq pipeline',
      );
    }
    const gb = generated.bytes / 1024 ** 3;
    const workers = Math.min(os.availableParallelism(), generated.files);
    return {
      /** Which CLI ran: the packed dist/ packages, or the repo's sources. */
      cli: { from: cliFrom, bin: path.relative(BENCH_DIR, bin) },
      corpus: {
        kind: corpus,
        files: generated.files,
        uncompressedGb: Number(gb.toFixed(3)),
        compressedGb: generated.gzBytes
          ? Number((generated.gzBytes / 1024 ** 3).toFixed(3))
          : null,
        compressionRatio: generated.gzBytes
          ? Number((generated.bytes / generated.gzBytes).toFixed(1))
          : null,
        meanRecordBytes: generated.records
          ? Math.round(generated.bytes / generated.records)
          : null,
        accounts: ACCOUNTS.length,
        regions: REGIONS.length,
      },
      /** The compile cache of every CLI run but the `withoutCompileCache` ones. */
      compileCache: `warm: ${path.relative(
        BENCH_DIR,
        compileCache,
      )}, filled by one untimed run first`,
      startup: {
        seconds: round2(startup.seconds),
        firstReadMs: startup.firstReadMs ?? null,
        peakRssMb: mb(startup.maxRssKb),
        /** The same runs, interleaved, with NODE_DISABLE_COMPILE_CACHE=1. */
        withoutCompileCache: {
          seconds: round2(startupNoCache.seconds),
          firstReadMs: startupNoCache.firstReadMs ?? null,
          cpuSeconds: startupNoCache.cpuSeconds
            ? round2(startupNoCache.cpuSeconds)
            : null,
        },
      },
      /** Spawn of the CLI over the whole corpus to its first log file opened. */
      firstReadMs: footprint.firstReadMs ?? null,
      seconds: {
        cliFootprint: round2(footprint.seconds),
        zcatJqSortU: jq ? round2(jq.seconds) : null,
        rawZcat: round2(zcat.seconds),
      },
      /**
       * User + system CPU seconds: the work done, whatever the load (wall
       * time on a shared machine is also waiting for a core).
       */
      cpuSeconds: {
        cliFootprint: footprint.cpuSeconds
          ? round2(footprint.cpuSeconds)
          : null,
        rawZcat: zcat.cpuSeconds ? round2(zcat.cpuSeconds) : null,
        cliStartup: startup.cpuSeconds ? round2(startup.cpuSeconds) : null,
      },
      throughputMBps: {
        cliFootprint: Number(
          (generated.bytes / 1024 ** 2 / footprint.seconds).toFixed(1),
        ),
      },
      speedupVsJq: jq ? round2(jq.seconds / footprint.seconds) : null,
      ratioToRawZcat: round2(footprint.seconds / zcat.seconds),
      targets: {
        speedupVsJqAtLeast: 10,
        ratioToRawZcatAtMost: 1,
        firstReadMsBelow: 300,
        peakRssMbPerWorkerBelow: 256,
      },
      /** Worker threads of the scan: one per core, at most one per file. */
      workers,
      /** The CLI's peak RSS (from /usr/bin/time), not this process's. */
      cliPeakRssMb: {
        [`1/${ACCOUNTS.length} corpus (${path.basename(half)})`]: mb(
          footprintQuarter.maxRssKb,
        ),
        'full corpus': mb(footprint.maxRssKb),
        'full corpus per worker': footprint.maxRssKb
          ? Math.round(footprint.maxRssKb / 1024 / workers)
          : null,
      },
    };
  });
}
