/* eslint-disable no-console */
// `yarn bench bulk-import`: imports 100k generated tenants through
// RegionExpansionStore.importTenants on SQLite (temporary file, plus an
// in-memory run) and on PostgreSQL, after seeding the synthetic estate's
// control planes and cells. Baseline: row-by-row inserts (one INSERT, one
// transaction per tenant, through RegionExpansionStore.addTenant) of a 5k
// sample, extrapolated to 100k and labelled as such. Prints a summary and one
// final JSON line.
//
// PostgreSQL: BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING when set;
// otherwise a throwaway cluster on 127.0.0.1:5441 (initdb/pg_ctl as user
// postgres when run as root), stopped and removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { knex as createKnex, Knex } from 'knex';
import {
  createTenantSchema,
  DEFAULT_TENANT_PARTITION,
  Location,
  Residency,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../../plugins/region-expansion-node/src/locations/LocationCatalog';
import { RegionExpansionStore } from '../../plugins/region-expansion-backend/src/database/RegionExpansionStore';
import { RegionExpansionService } from '../../plugins/region-expansion-backend/src/service/RegionExpansionService';
import {
  DEMO_CONTROL_PLANES,
  demoCells,
  demoTenants,
} from '../../plugins/region-expansion-backend/src/demo/syntheticEstate';
import { PgServer, startPostgres } from '../lib/postgres';

const TENANTS = 100_000;
const BASELINE_SAMPLE = 5_000;
const SEED = 20260701;
const GOAL_MS = 10_000;
const PG_PORT = 5441;
const MIGRATIONS_DIR = path.resolve(
  __dirname,
  '../../plugins/region-expansion-backend/migrations',
);

type Engine = 'sqlite' | 'sqlite-memory' | 'postgres';

// ------------------------------------------------------------------ dataset

/** Whether a location satisfies every stated dimension of a residency. */
function residencyAllows(residency: Residency, location: Location): boolean {
  const partition = residency.partition ?? DEFAULT_TENANT_PARTITION;
  return (
    location.partition === partition &&
    (!residency.countries || residency.countries.includes(location.country)) &&
    (!residency.jurisdictions ||
      residency.jurisdictions.some(j => location.jurisdictions.includes(j)))
  );
}

/**
 * 100k deterministic tenants (the demo generator with a fixed seed), checked
 * before timing: each row passes the create schema and its residency is
 * satisfied by at least one seeded cell's location. Bulk import does not
 * place, so no row names a cell.
 */
function generateTenants(): Tenant[] {
  const catalog = LocationCatalog.fromSnapshot();
  const cellLocations = [...new Set(demoCells().map(c => c.locationId))].map(
    id => catalog.require(id),
  );
  const tenants = demoTenants(TENANTS, SEED);
  const checked = new Map<string, boolean>();
  for (const tenant of tenants) {
    createTenantSchema.parse(tenant);
    const key = JSON.stringify(tenant.residency);
    if (!checked.has(key)) {
      checked.set(
        key,
        cellLocations.some(l => residencyAllows(tenant.residency, l)),
      );
    }
    if (!checked.get(key) || tenant.cellId) {
      throw new Error(`tenant ${tenant.id}: residency ${key} fits no cell`);
    }
  }
  return tenants;
}

// ---------------------------------------------------------------- databases

interface Target {
  engine: Engine;
  knex: Knex;
  drop(): Promise<void>;
}

async function migratedStore(
  knex: Knex,
): Promise<{ store: RegionExpansionStore; service: RegionExpansionService }> {
  await knex.migrate.latest({ directory: MIGRATIONS_DIR });
  const store = await RegionExpansionStore.create({
    database: { getClient: async () => knex, migrations: { skip: true } },
  });
  const service = RegionExpansionService.create({ store });
  for (const controlPlane of DEMO_CONTROL_PLANES) {
    await service.addControlPlane(controlPlane);
  }
  for (const { partition: _p, usage: _u, ...cell } of demoCells()) {
    await service.addCell(cell);
  }
  return { store, service };
}

function sqliteTarget(engine: 'sqlite' | 'sqlite-memory', dir: string): Target {
  const filename =
    engine === 'sqlite'
      ? path.join(dir, `bench-${Math.random().toString(36).slice(2)}.sqlite`)
      : ':memory:';
  const knex = createKnex({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  return {
    engine,
    knex,
    drop: async () => {
      await knex.destroy();
      if (filename !== ':memory:') rmSync(filename, { force: true });
    },
  };
}

async function postgresTarget(server: PgServer, name: string): Promise<Target> {
  const { knex, drop } = await server.database(name, 5);
  return { engine: 'postgres', knex, drop };
}

// --------------------------------------------------------------------- runs

interface BulkResult {
  ms: number;
  tenantsPerSecond: number;
  goalMet: boolean;
}

interface BaselineResult {
  sampleTenants: number;
  sampleMs: number;
  extrapolatedMs: number;
  label: string;
}

async function timeBulk(
  target: Target,
  tenants: Tenant[],
): Promise<BulkResult> {
  const { store } = await migratedStore(target.knex);
  const started = performance.now();
  const result = await store.importTenants(tenants, { actor: 'bench' });
  const ms = performance.now() - started;
  const counts = await store.counts();
  if (result.imported !== tenants.length || counts.tenants !== tenants.length) {
    throw new Error(
      `${target.engine}: imported ${result.imported}, stored ${counts.tenants}, expected ${tenants.length}`,
    );
  }
  return {
    ms: Math.round(ms),
    tenantsPerSecond: Math.round((tenants.length / ms) * 1000),
    goalMet: ms < GOAL_MS,
  };
}

async function timeRowByRow(
  target: Target,
  sample: Tenant[],
): Promise<BaselineResult> {
  const { store } = await migratedStore(target.knex);
  const started = performance.now();
  for (const tenant of sample) {
    await store.addTenant(tenant, { actor: 'bench', reason: 'Created' });
  }
  const ms = performance.now() - started;
  const counts = await store.counts();
  if (counts.tenants !== sample.length) {
    throw new Error(
      `${target.engine}: stored ${counts.tenants} of ${sample.length}`,
    );
  }
  return {
    sampleTenants: sample.length,
    sampleMs: Math.round(ms),
    extrapolatedMs: Math.round((ms / sample.length) * TENANTS),
    label: `extrapolated from ${sample.length} row-by-row inserts to ${TENANTS}`,
  };
}

async function pgSettings(knex: Knex): Promise<Record<string, string>> {
  const settings: Record<string, string> = {};
  for (const name of ['server_version', 'fsync', 'synchronous_commit']) {
    const { rows } = await knex.raw(`SHOW ${name}`);
    settings[name] = String(Object.values(rows[0])[0]);
  }
  return settings;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const loadBefore = os.loadavg();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-bulk-import-'));
  const tenants = generateTenants();
  const sample = tenants.slice(0, BASELINE_SAMPLE);
  console.log(
    `bulk-import: ${tenants.length} tenants (seed ${SEED}), ${
      demoCells().length
    } cells seeded, baseline sample ${sample.length}`,
  );

  const results: Partial<Record<Engine, BulkResult>> = {};
  const baseline: Partial<Record<'sqlite' | 'postgres', BaselineResult>> = {};
  let pg: PgServer | undefined;
  let pgInfo: Record<string, string> = {};
  const cleanup = () => pg?.stop();
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  try {
    for (const engine of ['sqlite', 'sqlite-memory'] as const) {
      const target = sqliteTarget(engine, tmp);
      try {
        results[engine] = await timeBulk(target, tenants);
      } finally {
        await target.drop();
      }
      console.log(`  ${engine.padEnd(14)} bulk   ${fmt(results[engine]!.ms)}`);
    }
    const sqliteRows = sqliteTarget('sqlite', tmp);
    try {
      baseline.sqlite = await timeRowByRow(sqliteRows, sample);
    } finally {
      await sqliteRows.drop();
    }
    console.log(
      `  ${'sqlite'.padEnd(14)} row-by-row ${fmt(
        baseline.sqlite.sampleMs,
      )} for ${sample.length} → ${fmt(
        baseline.sqlite.extrapolatedMs,
      )} for ${TENANTS} (extrapolated)`,
    );

    pg = startPostgres({
      port: PG_PORT,
      durability: 'default',
      name: 'bench-bulk-import',
    });
    console.log(`  postgres: ${pg.origin}`);
    const bulkDb = await postgresTarget(pg, `bench_bulk_${process.pid}`);
    try {
      pgInfo = await pgSettings(bulkDb.knex);
      results.postgres = await timeBulk(bulkDb, tenants);
    } finally {
      await bulkDb.drop();
    }
    console.log(
      `  ${'postgres'.padEnd(14)} bulk   ${fmt(results.postgres.ms)}`,
    );
    const rowsDb = await postgresTarget(pg, `bench_rows_${process.pid}`);
    try {
      baseline.postgres = await timeRowByRow(rowsDb, sample);
    } finally {
      await rowsDb.drop();
    }
    console.log(
      `  ${'postgres'.padEnd(14)} row-by-row ${fmt(
        baseline.postgres.sampleMs,
      )} for ${sample.length} → ${fmt(
        baseline.postgres.extrapolatedMs,
      )} for ${TENANTS} (extrapolated)`,
    );
  } finally {
    cleanup();
    rmSync(tmp, { recursive: true, force: true });
  }

  const loadAfter = os.loadavg();
  const speedup = (engine: 'sqlite' | 'postgres') =>
    Math.round((baseline[engine]!.extrapolatedMs / results[engine]!.ms) * 10) /
    10;
  console.log(
    `  goal < ${fmt(GOAL_MS)}: sqlite ${
      results.sqlite!.goalMet ? 'met' : 'MISSED'
    }, postgres ${
      results.postgres!.goalMet ? 'met' : 'MISSED'
    }; bulk is ${speedup('sqlite')}× (sqlite) and ${speedup(
      'postgres',
    )}× (postgres) faster than row-by-row`,
  );
  console.log(
    `  machine: ${os.cpus().length} × ${
      os.cpus()[0]?.model ?? 'cpu'
    }, load ${loadBefore.map(l => l.toFixed(2)).join('/')} before, ${loadAfter
      .map(l => l.toFixed(2))
      .join('/')} after (1/5/15 min)`,
  );
  console.log(
    JSON.stringify({
      bench: 'bulk-import',
      tenants: TENANTS,
      seed: SEED,
      cells: demoCells().length,
      goalMs: GOAL_MS,
      sqlite: results.sqlite,
      sqliteMemory: results['sqlite-memory'],
      postgres: { ...results.postgres, ...pgInfo },
      baseline: {
        ...baseline,
        speedup: { sqlite: speedup('sqlite'), postgres: speedup('postgres') },
      },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memGb: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        loadBefore,
        loadAfter,
      },
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
