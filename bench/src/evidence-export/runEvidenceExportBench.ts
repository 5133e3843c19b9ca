import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  evidenceExportOptions,
  OptionsOf,
  withDefaults,
} from '../benchOptions';
import { LOADER, loaderModule } from '../dashboard-api/runDashboardApiBench';
import { awsOrganization } from '../lib/awsOrganization';
import type { Knex } from 'knex';
import { startBenchBackend } from '../lib/benchBackend';
import type { Cleanups } from '../lib/Cleanups';
import {
  BenchDatabaseOption,
  benchDatabases,
  engineOf,
} from '../lib/benchDatabases';
import { syncThroughApi } from '../lib/governanceApi';
import type { BenchLog } from '../lib/log';
import { measuredRun } from '../lib/measuredRun';
import { findingsThroughput, round } from '../lib/stats';
import {
  EvidenceServerFrom,
  evidenceServerProgram,
  startEvidenceServer,
} from './evidenceServer';

/** Options of {@link runEvidenceExportBench}. */
export type EvidenceExportBenchOptions = BenchDatabaseOption &
  OptionsOf<typeof evidenceExportOptions>;

const SEED = 20261206;
const PG_PORT = 5450;
const GOAL_SECONDS = 60;
const GOAL_RSS_MB = 300;
const MB = 1024 * 1024;

/** Runs a command to its end; rejects with its stderr when it fails. */
function run(
  command: string,
  args: string[],
  cwd: string,
  stdout?: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd });
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => stdout?.(c));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')}: ${code} ${stderr}`)),
    );
  });
}

/**
 * The peak of `rssMb`, sampled every 50 ms from now until `stop`.
 */
function rssPeak(rssMb: () => Promise<number>) {
  let peak = 0;
  let sampling: Promise<void> = Promise.resolve();
  const sample = () => {
    sampling = rssMb().then(mb => {
      peak = Math.max(peak, mb);
    });
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    async stop(): Promise<number> {
      clearInterval(timer);
      await sampling;
      sample();
      await sampling;
      return peak;
    },
  };
}

const ownRssMb = async () => Math.round(process.memoryUsage().rss / MB);

/**
 * Where the export is served: on PostgreSQL a backend in a child process
 * over the loaded database (its RSS is the server's alone), on SQLite in
 * memory (the smoke tests) the loading backend in this process.
 */
async function exportServer(
  engine: string,
  knex: Knex,
  loading: { api: string; stop(): Promise<void> },
  cleanups: Cleanups,
  heapMb: number,
  from: EvidenceServerFrom,
  program: string,
): Promise<{
  api: string;
  process: string;
  rssMb: () => Promise<number>;
  lifetimePeakRssMb?: () => Promise<number>;
}> {
  if (engine !== 'postgres')
    return { api: loading.api, process: 'this process', rssMb: ownRssMb };
  await loading.stop();
  const server = await startEvidenceServer(
    knex.client.connectionSettings,
    program,
    heapMb,
  );
  cleanups.add(() => server.stop());
  return {
    api: server.api,
    process: `a child process of its own (${
      from === 'dist'
        ? 'the packages as published, dist/'
        : 'TypeScript sources through the node transform'
    })`,
    rssMb: server.rssMb,
    lifetimePeakRssMb: server.peakRssMb,
  };
}

/**
 * Checks the downloaded bundle as an auditor would, without holding it in
 * memory: every file of its manifest is inflated by `unzip -p` and hashed
 * as a stream, and must have the manifest's SHA-256 and size.
 */
async function verifyBundle(zip: string, dir: string) {
  const manifest = JSON.parse(
    (await readFileOf(zip, 'manifest.json', dir)).toString(),
  );
  for (const file of manifest.files as Array<{
    path: string;
    sha256: string;
    bytes: number;
  }>) {
    const hash = createHash('sha256');
    let bytes = 0;
    await run('unzip', ['-p', zip, file.path], dir, c => {
      hash.update(c);
      bytes += c.length;
    });
    const sha256 = hash.digest('hex');
    if (sha256 !== file.sha256 || bytes !== file.bytes)
      throw new Error(
        `${file.path}: ${bytes} bytes sha256 ${sha256}, the manifest says ${file.bytes} bytes ${file.sha256}`,
      );
  }
  return manifest;
}

async function readFileOf(zip: string, path: string, dir: string) {
  const chunks: Buffer[] = [];
  await run('unzip', ['-p', zip, path], dir, c => chunks.push(c));
  return Buffer.concat(chunks);
}

/**
 * `yarn bench evidence-export`: loads a synthetic organization's findings
 * (default 1,000,000 / 100 accounts / 10 Regions of partition aws) into
 * PostgreSQL through a governance sync of the region-expansion backend (the
 * dashboard-api bench's loader: the plugin's write path), then downloads
 * `GET /governance/evidence-bundle` to a file and reports the time to the
 * first byte and to the last, the bytes and the peak RSS of the server
 * while the export runs (on PostgreSQL a child process of its own, by
 * default from the packages' dist/ as published, see `--server`). The bundle is verified:
 * every file against the manifest's SHA-256 and size, and the manifest's
 * findings count against what was loaded. Baseline, same run: `zip -1 -r`
 * of the bundle's own files extracted to disk (the compression alone,
 * by the standard tool at the bundle's level, with no database read). Goal: < 60 s, RSS < 300 MB.
 */
export async function runEvidenceExportBench(
  options: EvidenceExportBenchOptions,
  log: BenchLog,
) {
  const {
    findings,
    accounts,
    regions,
    serverHeapMb,
    server: serverFrom,
  } = withDefaults(evidenceExportOptions, options);
  const engine = engineOf(options);
  // Packed before loading: a stale build fails the run now, not after
  // the load, and the server runs the code as it was when the run started.
  const program =
    engine === 'postgres' ? evidenceServerProgram(serverFrom) : '';
  return measuredRun('evidence-export', log, async cleanups => {
    const { org, summary } = awsOrganization(SEED, {
      findings,
      accounts,
      regions,
    });
    const total = org.findingCount;
    log(`organization: ${summary}`);
    const work = await mkdtemp(join(tmpdir(), 'bench-evidence-export-'));
    cleanups.add(() => rm(work, { recursive: true, force: true }));
    const databases = benchDatabases(
      cleanups,
      { port: PG_PORT, durability: 'off', name: 'bench-evidence-export' },
      log,
    );
    const db = await databases.create(engine, 'bench_evidence_export', {
      poolMax: 10,
    });
    const backend = await startBenchBackend({
      knex: db.knex,
      features: [loaderModule(org)],
    });
    // Stopped early when a child process serves the export.
    const stopLoading = cleanups.add(() => backend.stop());

    const load = await syncThroughApi(backend.api, LOADER);
    if (load.rows !== total)
      throw new Error(`loaded ${load.rows} of ${total} findings`);
    if (engine === 'postgres') await db.knex.raw('ANALYZE');
    const loaded = findingsThroughput(load.rows, load.ms);
    log(
      `load: ${loaded.findings} findings through a governance sync in ${loaded.seconds} s`,
    );

    const server = await exportServer(
      engine,
      db.knex,
      { api: backend.api, stop: stopLoading },
      cleanups,
      serverHeapMb,
      serverFrom,
      program,
    );
    const zip = join(work, 'bundle.zip');
    const rssBeforeMb = await server.rssMb();
    const memory = rssPeak(server.rssMb);
    const started = performance.now();
    const res = await fetch(`${server.api}/governance/evidence-bundle`);
    const firstByteMs = performance.now() - started;
    if (!res.ok || !res.body)
      throw new Error(
        `GET /governance/evidence-bundle: ${res.status} ${await res.text()}`,
      );
    await pipeline(
      Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
      createWriteStream(zip),
    );
    const exportMs = performance.now() - started;
    const peakRssMb = await memory.stop();
    const lifetimePeakRssMb = await server.lifetimePeakRssMb?.();
    const bytes = (await stat(zip)).size;
    const contentLength = Number(res.headers.get('content-length'));
    if (contentLength !== bytes)
      throw new Error(
        `Content-Length ${contentLength}, but ${bytes} bytes arrived`,
      );
    const seconds = round(exportMs / 1000, 2);
    log(
      `export: ${round(
        bytes / MB,
      )} MB in ${seconds} s (first byte after ${round(
        firstByteMs / 1000,
        2,
      )} s); server in ${
        server.process
      }: RSS ${rssBeforeMb} MB before, peak ${peakRssMb} MB during${
        lifetimePeakRssMb === undefined
          ? ''
          : ` (kernel's peak over its life ${lifetimePeakRssMb} MB)`
      } (goal < ${GOAL_SECONDS} s, < ${GOAL_RSS_MB} MB)`,
    );

    const manifest = await verifyBundle(zip, work);
    if (manifest.counts.findings !== total)
      throw new Error(
        `the manifest counts ${manifest.counts.findings} findings of ${total}`,
      );
    log(
      `verified: ${manifest.files.length} files match manifest.json; ${manifest.counts.findings} findings`,
    );

    // Baseline: the same files compressed by `zip` from disk.
    const files = join(work, 'files');
    await run('unzip', ['-q', zip, '-d', files], work);
    const inflated = (manifest.files as Array<{ bytes: number }>).reduce(
      (n, f) => n + f.bytes,
      0,
    );
    const baselineStarted = performance.now();
    await run(
      'zip',
      // At the bundle's deflate level.
      ['-1', '-q', '-r', join(work, 'baseline.zip'), '.'],
      files,
    );
    const baselineSeconds = round(
      (performance.now() - baselineStarted) / 1000,
      2,
    );
    const baselineBytes = (await stat(join(work, 'baseline.zip'))).size;
    log(
      `baseline: zip -1 -r of the same ${round(
        inflated / MB,
      )} MB of files from disk: ${baselineSeconds} s, ${round(
        baselineBytes / MB,
      )} MB`,
    );
    return {
      database: databases.postgresOrigin() ?? 'SQLite in memory',
      organization: {
        findings: total,
        requestedFindings: findings,
        accounts,
        regions,
      },
      load: loaded,
      export: {
        seconds,
        firstByteSeconds: round(firstByteMs / 1000, 2),
        bytes,
        inflatedBytes: inflated,
        serverProcess: server.process,
        serverFrom: engine === 'postgres' ? serverFrom : 'source',
        serverHeapMb,
        rssBeforeMb,
        rssPeakMb: peakRssMb,
        ...(lifetimePeakRssMb === undefined ? {} : { lifetimePeakRssMb }),
        filesVerified: manifest.files.length,
        goalSeconds: GOAL_SECONDS,
        goalRssMb: GOAL_RSS_MB,
        goalMet: seconds < GOAL_SECONDS && peakRssMb < GOAL_RSS_MB,
      },
      baselineZip: {
        label:
          "zip -1 -r (the bundle's deflate level) of the bundle's files extracted to disk",
        seconds: baselineSeconds,
        bytes: baselineBytes,
      },
    };
  });
}
