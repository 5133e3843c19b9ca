// PostgreSQL for the benchmarks: the server named by
// BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, or a throwaway
// cluster on loopback (initdb/pg_ctl, as user postgres when run as root),
// stopped and removed by `stop`.
import { spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { knex as createKnex, Knex } from 'knex';

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
  /** Where the server comes from and its durability settings, for the results. */
  origin: string;
  /** A fresh database on the server, dropped by `drop`. */
  database(
    name: string,
    poolMax?: number,
  ): Promise<{ knex: Knex; drop(): Promise<void> }>;
  stop(): void;
}

/** Options of {@link startPostgres}. */
export interface StartPostgresOptions {
  /** Loopback port of the throwaway cluster. */
  port: number;
  /**
   * `default`: PostgreSQL's durability settings (what a bulk write costs on a
   * real server); `off`: fsync, full_page_writes and synchronous_commit off,
   * as scripts/lib/postgres.sh runs the store tests.
   */
  durability: 'default' | 'off';
  /** Prefix of the cluster's folder under /tmp. */
  name: string;
}

/**
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` when set; otherwise
 * a throwaway cluster under /tmp on 127.0.0.1:`port`.
 */
export function startPostgres(options: StartPostgresOptions): PgServer {
  const configured =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  let stop = () => {};
  let connection: string;
  let origin: string;
  if (configured) {
    connection = configured;
    origin = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
  } else {
    const { port } = options;
    const initdb = pgBinary('initdb');
    const pgCtl = pgBinary('pg_ctl');
    const dir = mkdtempSync(`/tmp/${options.name}-pg-`);
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
    const durability =
      options.durability === 'off'
        ? ' -c fsync=off -c full_page_writes=off -c synchronous_commit=off'
        : '';
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
      `-h 127.0.0.1 -p ${port} -k ${dir}${durability} -c max_connections=100`,
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
    origin = `throwaway cluster on 127.0.0.1:${port} (${
      options.durability === 'off'
        ? 'fsync/full_page_writes/synchronous_commit off, as scripts/lib/postgres.sh'
        : 'default durability settings'
    })`;
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
