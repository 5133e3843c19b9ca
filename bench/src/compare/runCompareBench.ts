import {
  accessKeyIdFor,
  simulatedPartitionsOf,
  simulatorGovernanceConfig,
  startAwsSimulator,
  type RunningAwsSimulator,
} from '@region-expansion/aws-simulator';
import type { LocationComparison } from '@region-expansion/plugin-region-expansion-common';
import {
  AvailabilityIndex,
  createPriceListClient,
  LocationCatalog,
  PRICE_CATALOG,
  PRICE_CATALOG_KEYS,
  priceRegionOf,
  readRegionPrices,
  ServiceMapping,
} from '@region-expansion/plugin-region-expansion-node';
import { compareOptions, OptionsOf, withDefaults } from '../benchOptions';
import { callApi, startBenchBackend } from '../lib/benchBackend';
import type { BenchLog } from '../lib/log';
import { measuredRun } from '../lib/measuredRun';
import { sqliteDatabase } from '../lib/sqlite';
import { latencyFigures, round } from '../lib/stats';

/** Options of {@link runCompareBench}. */
export type CompareBenchOptions = OptionsOf<typeof compareOptions>;

const SEED = 20261206;
/** The goal for a warm comparison, API p95. */
export const COMPARE_GOAL_P95_MS = 300;
const PARTITION_ORDER = ['aws', 'aws-eusc', 'aws-us-gov', 'aws-cn'];

/** The first `n` locations: aws first, then the other partitions, by id. */
function candidatesOf(catalog: LocationCatalog, n: number): string[] {
  const rank = (p: string) =>
    PARTITION_ORDER.includes(p) ? PARTITION_ORDER.indexOf(p) : 99;
  const all = catalog
    .locations()
    .sort(
      (a, b) =>
        rank(a.partition) - rank(b.partition) || a.id.localeCompare(b.id),
    );
  if (all.length < n)
    throw new Error(`the catalog has ${all.length} locations`);
  return all.slice(0, n).map(l => l.id);
}

/** Three tenant classes: EU restricted, sovereign confidential, global internal. */
const TENANT_CLASSES = [
  {
    name: 'eu-restricted',
    residency: { jurisdictions: ['EU'] },
    classification: 'restricted',
    tier: 'silo',
    expectedTenants: 12,
    loadUnits: 20,
    countries: ['DE', 'FR', 'NL'],
  },
  {
    name: 'sovereign',
    residency: { partition: 'aws-eusc' },
    classification: 'confidential',
    tier: 'bridge',
    expectedTenants: 60,
    loadUnits: 5,
    countries: ['DE', 'AT'],
  },
  {
    name: 'global',
    classification: 'internal',
    tier: 'pool',
    expectedTenants: 800,
    loadUnits: 1,
    countries: ['US', 'GB', 'JP'],
  },
];

/**
 * A footprint of `n` services (at most every code the service mapping
 * knows: the API refuses unknown codes): those us-east-1 offers first,
 * then the mapping's other codes, which leave gaps, as a real one may.
 */
function footprintOf(n: number) {
  const offered = AvailabilityIndex.fromSnapshot().servicesIn('us-east-1');
  const codes = [
    ...new Set([
      ...offered,
      ...ServiceMapping.default()
        .entries()
        .map(e => e.code),
    ]),
  ];
  return {
    services: codes.slice(0, n).map(code => ({
      code,
      sources: ['iac'],
      actions: [],
    })),
    crossRegion: [],
    unknown: [],
  };
}

const getProducts = (simulator: RunningAwsSimulator) =>
  simulator.faults.requestCounts.get('GetProducts') ?? 0;

/**
 * `yarn bench compare`: `POST /comparisons` ranking 40 locations (every aws
 * Region, then aws-eusc, GovCloud, China) for 3 tenant classes and a
 * 200-service footprint, through a backend whose cost service reads the
 * simulator's Price List live (real SDK, paged GetProducts). Cold: the
 * first request, with the Price List calls it made (one paged read per
 * Region and bill-of-materials line). Warm: `requests` sequential requests
 * over the price cache, p50/p95 (goal p95 < 300 ms) and the calls they
 * made (none). Baseline, same run: pricing every candidate Region per
 * request without the cache (the same paged reads), its calls and time.
 */
export async function runCompareBench(
  options: Partial<CompareBenchOptions>,
  log: BenchLog,
) {
  const { locations, services, requests, baselineRequests } = withDefaults(
    compareOptions,
    options,
  );
  return measuredRun('compare', log, async cleanups => {
    const catalog = LocationCatalog.fromSnapshot();
    const simulator = await startAwsSimulator({
      seed: SEED,
      size: {
        partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']),
        accountsPerPartition: 1,
        findingsPerAccountRegion: 0,
      },
    });
    cleanups.add(() => simulator.stop());
    const account = simulator.organization.accounts.find(
      a => a.partition === 'aws',
    )!.id;
    const db = sqliteDatabase();
    cleanups.add(() => db.drop());
    const backend = await startBenchBackend({
      knex: db.knex,
      config: {
        ...simulatorGovernanceConfig(simulator.organization, {}),
        regionExpansion: {
          pricing: {
            live: { enabled: true, endpoint: simulator.url, account },
          },
        },
      } as any,
    });
    cleanups.add(() => backend.stop());

    const candidates = candidatesOf(catalog, locations);
    const footprint = footprintOf(services);
    const body = {
      footprint,
      tenantClasses: TENANT_CLASSES,
      candidates,
    };
    const priceRegions = [
      ...new Set(candidates.map(id => priceRegionOf(catalog.require(id)))),
    ];
    const compare = () =>
      callApi<LocationComparison>(backend.api, 'POST', '/comparisons', body);
    log(
      `${candidates.length} locations x ${
        TENANT_CLASSES.length
      } tenant classes, ${
        footprint.services.length
      }-service footprint (${services} asked; the service mapping knows ${
        footprint.services.length < services
          ? footprint.services.length
          : 'more'
      }), ${priceRegions.length} price Regions x ${
        PRICE_CATALOG_KEYS.length
      } bill-of-materials lines`,
    );

    // Cold: the first comparison reads every Region's prices live.
    let calls = getProducts(simulator);
    let started = performance.now();
    const first = await compare();
    const cold = {
      ms: round(performance.now() - started),
      priceListCalls: getProducts(simulator) - calls,
      regions: priceRegions.length,
      lines: PRICE_CATALOG_KEYS.length,
    };
    const qualifying = Object.fromEntries(
      first.classes.map(c => [c.name, c.qualifying]),
    );
    const priced = first.classes[0].ranked.filter(
      r => r.cost.status === 'priced',
    ).length;
    log(
      `cold: ${cold.ms} ms, ${cold.priceListCalls} GetProducts calls (${
        cold.regions
      } Regions x ${cold.lines} lines, paged); qualifying ${JSON.stringify(
        qualifying,
      )}; ${priced} of ${candidates.length} priced (synthetic: ${
        first.synthetic
      })`,
    );

    // Warm: the cost service answers from its cache.
    calls = getProducts(simulator);
    const latencies: number[] = [];
    for (let i = 0; i < requests; i++) {
      started = performance.now();
      await compare();
      latencies.push(performance.now() - started);
    }
    const warm = {
      requests,
      ...latencyFigures(latencies),
      priceListCalls: getProducts(simulator) - calls,
      goalP95Ms: COMPARE_GOAL_P95_MS,
    };
    log(
      `warm: ${requests} sequential requests p50 ${warm.p50Ms} ms, p95 ${warm.p95Ms} ms, max ${warm.maxMs} ms, ${warm.priceListCalls} GetProducts calls (goal p95 < ${COMPARE_GOAL_P95_MS} ms)`,
    );

    // Baseline: every candidate Region read per request, no cache.
    const client = createPriceListClient({
      endpoint: simulator.url,
      maxAttempts: 3,
      credentials: {
        accessKeyId: accessKeyIdFor(account),
        secretAccessKey: 'simulated',
      },
    });
    const lines = PRICE_CATALOG_KEYS.map(key => ({
      key,
      ...PRICE_CATALOG[key],
    }));
    const baseline: number[] = [];
    const counted = { calls: 0 };
    const onCall = () => {
      counted.calls += 1;
    };
    for (let i = 0; i < baselineRequests; i++) {
      started = performance.now();
      for (const region of priceRegions) {
        await readRegionPrices(client, region, lines, { onCall });
      }
      baseline.push(performance.now() - started);
    }
    const baselineCalls = counted.calls;
    client.destroy();
    const perRegion = {
      requests: baselineRequests,
      callsPerRequest: baselineCalls / Math.max(baselineRequests, 1),
      ...latencyFigures(baseline, 1),
    };
    log(
      `baseline, prices read per Region on every request (no cache): ${perRegion.callsPerRequest} GetProducts calls, p50 ${perRegion.p50Ms} ms per request (${baselineRequests} requests)`,
    );
    return {
      locations: candidates.length,
      tenantClasses: TENANT_CLASSES.length,
      services: footprint.services.length,
      servicesAsked: services,
      qualifying,
      synthetic: first.synthetic,
      cold,
      warm,
      baselinePerRegionNoCache: perRegion,
    };
  });
}
