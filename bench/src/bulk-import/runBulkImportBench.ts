import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createTenantSchema,
  DEFAULT_TENANT_PARTITION,
  type Location,
  type Residency,
  type Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import {
  DEMO_CONTROL_PLANES,
  demoCells,
  demoTenants,
} from '@region-expansion/plugin-region-expansion-backend-module-demo';
import type { Knex } from 'knex';
import { callApi, startBenchBackend } from '../lib/benchBackend';
import { OptionsOf, bulkImportOptions, withDefaults } from '../benchOptions';
import { BenchEngine, benchDatabases } from '../lib/benchDatabases';
import type { BenchLog } from '../lib/log';
import { measuredRun } from '../lib/measuredRun';

/** Options of {@link runBulkImportBench}. */
export type BulkImportBenchOptions = OptionsOf<typeof bulkImportOptions> & {
  /** Databases measured; default all three (`postgres` starts a throwaway cluster). */
  engines?: BenchEngine[];
};

const SEED = 20260701;
const GOAL_MS = 10_000;
const PG_PORT = 5441;
/** Rows of one POST /tenants/import: the most one import takes. */
const CHUNK = 10_000;

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
 * `count` deterministic tenants (the demo estate's generator with a fixed
 * seed), checked before timing: each passes the create schema and its
 * residency is satisfied by at least one demo cell's location. Bulk import
 * does not place, so no tenant names a cell.
 */
function generateTenants(count: number): Tenant[] {
  const catalog = LocationCatalog.fromSnapshot();
  const cellLocations = [...new Set(demoCells().map(c => c.locationId))].map(
    id => catalog.require(id),
  );
  const tenants = demoTenants(count, SEED);
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

/** A tenant as a row of POST /tenants/import (residency flattened; rows carry no quota usage). */
function importRow({ residency, quotaUsage: _quotas, ...tenant }: Tenant) {
  return {
    ...tenant,
    ...(residency.countries ? { residencyCountries: residency.countries } : {}),
    ...(residency.jurisdictions
      ? { residencyJurisdictions: residency.jurisdictions }
      : {}),
    ...(residency.partition ? { residencyPartition: residency.partition } : {}),
  };
}

/** The demo estate's control planes and cells, created through the API. */
async function seedDemoEstate(api: string): Promise<void> {
  for (const controlPlane of DEMO_CONTROL_PLANES)
    await callApi(api, 'POST', '/control-planes', controlPlane);
  for (const { partition: _p, usage: _u, ...cell } of demoCells())
    await callApi(api, 'POST', '/cells', cell);
}

interface BulkResult {
  ms: number;
  requests: number;
  tenantsPerSecond: number;
  goalMet: boolean;
}

interface BaselineResult {
  sampleTenants: number;
  sampleMs: number;
  extrapolatedMs: number;
  label: string;
}

async function tenantCount(api: string): Promise<number> {
  const page = await callApi(api, 'GET', '/tenants?offset=0&limit=1');
  return page.totalCount;
}

async function timeBulk(api: string, tenants: Tenant[]): Promise<BulkResult> {
  const rows = tenants.map(importRow);
  const started = performance.now();
  let requests = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await callApi(api, 'POST', '/tenants/import', rows.slice(i, i + CHUNK));
    requests += 1;
  }
  const ms = performance.now() - started;
  const stored = await tenantCount(api);
  if (stored !== rows.length)
    throw new Error(`stored ${stored} tenants, expected ${rows.length}`);
  return {
    ms: Math.round(ms),
    requests,
    tenantsPerSecond: Math.round((rows.length / ms) * 1000),
    goalMet: ms < GOAL_MS,
  };
}

async function timeRowByRow(
  api: string,
  sample: Tenant[],
  tenants: number,
): Promise<BaselineResult> {
  const started = performance.now();
  for (const tenant of sample) {
    await callApi(api, 'POST', '/tenants', tenant);
  }
  const ms = performance.now() - started;
  const stored = await tenantCount(api);
  if (stored !== sample.length)
    throw new Error(`stored ${stored} of ${sample.length} tenants`);
  return {
    sampleTenants: sample.length,
    sampleMs: Math.round(ms),
    extrapolatedMs: Math.round((ms / sample.length) * tenants),
    label: `extrapolated from ${sample.length} POST /tenants to ${tenants}`,
  };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * `yarn bench bulk-import`: imports the demo estate's generated tenants
 * through `POST /tenants/import` (10,000 rows a request, the most one
 * takes) into a backend holding the demo estate's control planes and 53
 * cells (created through the API first), on SQLite (temporary file, plus an
 * in-memory run) and on PostgreSQL.
 * Baseline: one `POST /tenants` per tenant (one statement and transaction
 * each) for a sample, extrapolated and labelled as such.
 *
 * PostgreSQL: BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING when
 * set; otherwise a throwaway cluster on 127.0.0.1:5441 with PostgreSQL's
 * durability settings, stopped and removed at the end.
 */
export async function runBulkImportBench(
  options: BulkImportBenchOptions,
  log: BenchLog,
) {
  const { tenants, baselineSample } = withDefaults(bulkImportOptions, options);
  const sampleSize = Math.min(baselineSample, tenants);
  const engines = options.engines ?? ['sqlite', 'sqlite-memory', 'postgres'];
  return measuredRun('bulk-import', log, async cleanups => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-bulk-import-'));
    cleanups.add(() => rmSync(tmp, { recursive: true, force: true }));
    const databases = benchDatabases(
      cleanups,
      { port: PG_PORT, durability: 'default', name: 'bench-bulk-import' },
      log,
    );
    const pgInfo: Record<string, string> = {};

    /** A fresh database with the demo estate, behind a started backend. */
    const withBackend = async <T>(
      engine: BenchEngine,
      name: string,
      fn: (api: string, knex: Knex) => Promise<T>,
    ): Promise<T> => {
      const db = await databases.create(engine, name, {
        poolMax: 5,
        sqliteDir: tmp,
      });
      const backend = await startBenchBackend({
        knex: db.knex,
        config: { regionExpansion: { import: { maxBodySize: '64mb' } } },
      });
      const stopBackend = cleanups.add(() => backend.stop());
      try {
        await seedDemoEstate(backend.api);
        return await fn(backend.api, db.knex);
      } finally {
        await stopBackend();
        await db.drop();
      }
    };

    const results: Partial<Record<BenchEngine, BulkResult>> = {};
    const baseline: Partial<Record<'sqlite' | 'postgres', BaselineResult>> = {};
    const rows = generateTenants(tenants);
    const sample = rows.slice(0, sampleSize);
    const cells = demoCells().length;
    log(
      `bulk-import: ${rows.length} tenants (seed ${SEED}), ${cells} cells seeded, baseline sample ${sampleSize}`,
    );
    for (const engine of engines) {
      results[engine] = await withBackend(
        engine,
        'bench_bulk',
        async (api, knex) => {
          if (engine === 'postgres') {
            for (const setting of [
              'server_version',
              'fsync',
              'synchronous_commit',
            ]) {
              const { rows: shown } = await knex.raw(`SHOW ${setting}`);
              pgInfo[setting] = String(Object.values(shown[0])[0]);
            }
          }
          return timeBulk(api, rows);
        },
      );
      log(
        `  ${engine.padEnd(14)} bulk   ${fmt(results[engine]!.ms)} (${
          results[engine]!.requests
        } requests)`,
      );
      if (engine === 'sqlite' || engine === 'postgres') {
        baseline[engine] = await withBackend(engine, 'bench_rows', api =>
          timeRowByRow(api, sample, tenants),
        );
        log(
          `  ${engine.padEnd(14)} row-by-row ${fmt(
            baseline[engine]!.sampleMs,
          )} for ${sampleSize} → ${fmt(
            baseline[engine]!.extrapolatedMs,
          )} for ${tenants} (extrapolated)`,
        );
      }
    }

    const speedup = (engine: 'sqlite' | 'postgres') =>
      results[engine] && baseline[engine]
        ? Math.round(
            (baseline[engine]!.extrapolatedMs / results[engine]!.ms) * 10,
          ) / 10
        : undefined;
    log(
      `  goal < ${fmt(GOAL_MS)}: ${(['sqlite', 'postgres'] as const)
        .filter(e => results[e])
        .map(
          e =>
            `${e} ${results[e]!.goalMet ? 'met' : 'MISSED'}, ${speedup(
              e,
            )}× faster than row-by-row`,
        )
        .join('; ')}`,
    );
    return {
      tenants,
      seed: SEED,
      cells,
      goalMs: GOAL_MS,
      requestRows: CHUNK,
      sqlite: results.sqlite,
      sqliteMemory: results['sqlite-memory'],
      postgres: results.postgres
        ? { ...results.postgres, ...pgInfo }
        : undefined,
      baseline: {
        ...baseline,
        speedup: { sqlite: speedup('sqlite'), postgres: speedup('postgres') },
      },
    };
  });
}
