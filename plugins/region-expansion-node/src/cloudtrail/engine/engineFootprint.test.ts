import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import { useCloudTrailEngineSimulator } from '../../__testUtils__/cloudTrailEngineSimulator';
import { buildFootprint } from '../../footprint/buildFootprint';
import { athenaFootprint } from './athenaFootprint';
import { cloudTrailLakeFootprint } from './cloudTrailLakeFootprint';

const sim = useCloudTrailEngineSimulator();

/**
 * A footprint without where its input was (a folder, a store, a table) and
 * the counts only a reader of files knows.
 */
const comparable = (footprint: Footprint) => ({
  ...footprint,
  unknown: footprint.unknown.map(({ file: _file, ...item }) => item),
  cloudTrail: {
    ...footprint.cloudTrail!,
    files: undefined,
    digestFilesSkipped: undefined,
    recordsSkipped: undefined,
  },
});

const lake = (filters?: { accounts?: string[]; regions?: string[] }) =>
  cloudTrailLakeFootprint({
    client: sim.lake(),
    eventDataStore: sim.eventDataStore,
    ...sim.window,
    filters,
    ...sim.wait,
  });
const athena = (filters?: { accounts?: string[]; regions?: string[] }) =>
  athenaFootprint({
    client: sim.athena(),
    database: sim.database,
    table: sim.table,
    workgroup: 'primary',
    outputLocation: 's3://query-results/footprint/',
    ...sim.window,
    filters,
    ...sim.wait,
  });

describe('engine-side footprints', () => {
  it('give the local reader’s footprint of the same trail: CloudTrail Lake, Athena and the gzip files agree', async () => {
    const local = await buildFootprint([sim.logs]);
    const [fromLake, fromAthena] = await Promise.all([lake(), athena()]);
    expect(local.services.length).toBeGreaterThan(5);
    expect(local.unknown.map(u => u.value)).toEqual([
      'synthetic-partner.amazonaws.com',
    ]);
    expect(comparable(fromLake.footprint)).toEqual(comparable(local));
    expect(comparable(fromAthena.footprint)).toEqual(comparable(local));
    expect(fromLake.query).toMatchObject({
      engine: 'cloudtrail-lake',
      polls: 3,
    });
    expect(fromAthena.query).toMatchObject({ engine: 'athena', polls: 3 });
  });

  it('filter by account and Region in the engine as the local reader does on files', async () => {
    const account = sim.org.accounts[1].id;
    const region = sim.org.regions[2].id;
    const local = await buildFootprint([sim.logs], { account, region });
    const filters = { accounts: [account], regions: [region] };
    const [fromLake, fromAthena] = await Promise.all([
      lake(filters),
      athena(filters),
    ]);
    for (const engine of [fromLake, fromAthena]) {
      expect(engine.footprint.services).toEqual(local.services);
      expect(engine.footprint.cloudTrail).toMatchObject({
        apiCalls: local.cloudTrail!.apiCalls,
        accounts: [account],
        regions: [region],
      });
      expect(engine.query.statement).toContain(`IN ('${account}')`);
    }
  });
});
