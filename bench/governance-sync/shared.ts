/* eslint-disable no-console */
// Shared by `yarn bench governance-sync` and `yarn bench dashboard-api`:
// PostgreSQL (configured or a throwaway cluster), the simulated organization,
// argument parsing, memory sampling and a quiet logger.
import { spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { knex as createKnex, Knex } from 'knex';
import type { SimulatedPartition } from '@region-expansion/aws-simulator';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';

export const MIGRATIONS_DIR = path.resolve(
  __dirname,
  '../../plugins/region-expansion-backend/migrations',
);

/** `--name value` / `--name=value` flags as numbers, with defaults. */
export function numberFlag(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let raw: string | undefined;
    if (arg === `--${name}`) raw = argv[i + 1];
    else if (arg.startsWith(`--${name}=`)) raw = arg.slice(name.length + 3);
    if (raw !== undefined) {
      const value = Number(raw.replace(/_/g, ''));
      if (!Number.isFinite(value) || value < 0)
        throw new Error(`--${name} must be a non-negative number, got ${raw}`);
      return value;
    }
  }
  return fallback;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

/** Partition `aws` from the location catalog, first `regions` Regions (home first). */
export function awsPartition(regions: number): SimulatedPartition {
  const catalog = LocationCatalog.fromSnapshot();
  const p = catalog.partition('aws')!;
  const all = catalog
    .regions()
    .filter(r => r.partition === 'aws')
    .map(r => r.id);
  const ordered = [p.homeRegion, ...all.filter(r => r !== p.homeRegion)];
  if (ordered.length < regions)
    throw new Error(`partition aws has only ${ordered.length} Regions`);
  return {
    id: 'aws',
    dnsSuffix: p.dnsSuffix,
    homeRegion: p.homeRegion,
    regions: ordered.slice(0, regions),
  };
}

/** Samples RSS every 100 ms; `peakMb` also takes the kernel's maxRSS into account. */
export function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  timer.unref();
  return {
    peakMb(): number {
      const maxRssBytes = process.resourceUsage().maxRSS * 1024;
      return Math.round(Math.max(peak, maxRssBytes) / 1024 / 1024);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

export function quietLogger(): LoggerService {
  const logger: LoggerService = {
    info: () => {},
    debug: () => {},
    warn: (message: string) => console.warn(`  warn: ${message}`),
    error: (message: string) => console.error(`  error: ${message}`),
    child: () => logger,
  };
  return logger;
}

function pgBinary(name: string): string {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], {
    encoding: 'utf8',
  }).stdout.trim();
  if (onPath) return onPath;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort().reverse() : [];
  for (const version of versions) {
    const candidate = path.join(base, version, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `PostgreSQL binary '${name}' not found: install postgresql or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING`,
  );
}

/** A PostgreSQL server: the configured one, or a throwaway cluster. */
export interface PgServer {
  connection: string;
  origin: string;
  /** A fresh database on the server, dropped by `drop`. */
  database(
    name: string,
    poolMax?: number,
  ): Promise<{ knex: Knex; drop(): Promise<void> }>;
  stop(): void;
}

/**
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` when set; otherwise
 * a throwaway cluster under /tmp on 127.0.0.1:`port` with the settings of
 * scripts/lib/postgres.sh (fsync, full_page_writes and synchronous_commit
 * off), run as user postgres when we are root.
 */
export function startPostgres(port: number): PgServer {
  const configured =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  let stop = () => {};
  let connection: string;
  let origin: string;
  if (configured) {
    connection = configured;
    origin = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
  } else {
    const initdb = pgBinary('initdb');
    const pgCtl = pgBinary('pg_ctl');
    const dir = mkdtempSync('/tmp/bench-governance-pg-');
    const asRoot = process.getuid?.() === 0;
    const run = (cmd: string, args: string[]) => {
      const [file, argv] = asRoot
        ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]]
        : [cmd, args];
      const result = spawnSync(file, argv, { encoding: 'utf8' });
      if (result.status !== 0) {
        throw new Error(
          `${cmd} ${args.join(' ')} failed: ${result.stderr || result.stdout}`,
        );
      }
    };
    if (asRoot) {
      const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      chownSync(dir, Number(uid.stdout.trim()), Number(gid.stdout.trim()));
    }
    const data = path.join(dir, 'data');
    run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    run(pgCtl, [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=100`,
      'start',
    ]);
    let stopped = false;
    stop = () => {
      if (stopped) return;
      stopped = true;
      try {
        run(pgCtl, ['-D', data, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    connection = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    origin = `throwaway cluster on 127.0.0.1:${port} (fsync/full_page_writes/synchronous_commit off, as scripts/lib/postgres.sh)`;
  }
  return {
    connection,
    origin,
    stop,
    async database(name, poolMax = 10) {
      const admin = createKnex({ client: 'pg', connection });
      await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
      await admin.raw('CREATE DATABASE ??', [name]);
      const url = new URL(connection);
      url.pathname = `/${name}`;
      const knex = createKnex({
        client: 'pg',
        connection: url.toString(),
        pool: { min: 1, max: poolMax },
      });
      return {
        knex,
        drop: async () => {
          await knex.destroy();
          await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
          await admin.destroy();
        },
      };
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

export const round = (n: number, digits = 1) =>
  Math.round(n * 10 ** digits) / 10 ** digits;
