/* eslint-disable no-console */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SimulatedPartition } from './organization';
import type { GlobalInfrastructureSnapshot } from './globalInfrastructure';
import { startAwsSimulator } from './server';
import {
  SIMULATED_ATHENA_DATABASE,
  SIMULATED_ATHENA_TABLE,
} from './services/athena/handlers';
import { simulatedEventDataStores } from './services/cloudTrail/handlers';

/**
 * `aws-simulator --locations <locations-snapshot.json> [--availability <availability-snapshot.json>]
 *   [--port 4566] [--seed 1] [--accounts 5] [--regions 4] [--findings 50] [--partitions aws,aws-eusc]
 *   [--throttle 0] [--server-errors 0] [--latency 0] [--rate-limits]`
 */
async function main() {
  const { values } = parseArgs({
    options: {
      locations: { type: 'string' },
      availability: { type: 'string' },
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      accounts: { type: 'string', default: '5' },
      regions: { type: 'string', default: '4' },
      findings: { type: 'string', default: '50' },
      partitions: { type: 'string', default: 'aws,aws-eusc' },
      throttle: { type: 'string', default: '0' },
      'server-errors': { type: 'string', default: '0' },
      latency: { type: 'string', default: '0' },
      'rate-limits': { type: 'boolean', default: false },
    },
  });
  if (!values.locations) {
    throw new Error(
      '--locations <file> is required: a locations snapshot with partitions and regions',
    );
  }
  const locations = JSON.parse(fs.readFileSync(values.locations, 'utf8')) as {
    partitions: Array<{ id: string; dnsSuffix: string; homeRegion: string }>;
    regions: Array<{ id: string; partition: string; name?: string }>;
  };
  const wanted = values.partitions!.split(',');
  const partitions: SimulatedPartition[] = locations.partitions
    .filter(p => wanted.includes(p.id))
    .map(p => ({
      id: p.id,
      dnsSuffix: p.dnsSuffix,
      homeRegion: p.homeRegion,
      regions: locations.regions
        .filter(r => r.partition === p.id)
        .map(r => r.id),
    }));
  let globalInfrastructure: GlobalInfrastructureSnapshot = {
    regions: locations.regions.map(r => ({
      id: r.id,
      partition: r.partition,
      longName: r.name,
    })),
    services: [],
  };
  if (values.availability) {
    const availability = JSON.parse(
      fs.readFileSync(values.availability, 'utf8'),
    ) as {
      locations: Record<string, string[]>;
    };
    const byService = new Map<string, string[]>();
    for (const [region, services] of Object.entries(availability.locations)) {
      for (const code of services)
        byService.set(code, [...(byService.get(code) ?? []), region]);
    }
    globalInfrastructure = {
      ...globalInfrastructure,
      services: [...byService.entries()].map(([code, regions]) => ({
        code,
        regions,
      })),
    };
  }
  const simulator = await startAwsSimulator({
    port: Number(values.port),
    host: values.host,
    seed: Number(values.seed),
    size: {
      partitions,
      accountsPerPartition: Number(values.accounts),
      regionsPerPartition: Number(values.regions),
      findingsPerAccountRegion: Number(values.findings),
    },
    faults: {
      throttlePercent: Number(values.throttle),
      serverErrorPercent: Number(values['server-errors']),
      latencyMs: Number(values.latency),
      rateLimits: values['rate-limits'],
    },
    globalInfrastructure,
  });
  const org = simulator.organization;
  console.log(
    `AWS simulator listening on ${simulator.url}: ${org.partitions
      .map(p => p.id)
      .join(', ')}; ${org.accounts.length} accounts, ${
      org.findingCount
    } findings`,
  );
  // What `footprint --source cloudtrail-lake|athena --endpoint` needs to name.
  for (const store of simulatedEventDataStores(org)) {
    console.log(
      `CloudTrail Lake event data store (${store.partition}): ${store.arn}`,
    );
  }
  console.log(
    `Athena CloudTrail table: --database ${SIMULATED_ATHENA_DATABASE} --table ${SIMULATED_ATHENA_TABLE} (workgroup primary)`,
  );
  const stop = () => simulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
