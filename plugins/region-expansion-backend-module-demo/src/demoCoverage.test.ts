import {
  createSyntheticOrganization,
  simulatedPartitionsOf,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { DEMO_REGIONS } from './syntheticEstate';

/**
 * The demo portal reads governance from the simulator as `scripts/portal`
 * starts it (seed 1, partitions aws and aws-eusc, 4 Regions per partition):
 * its finding aggregators must leave some demo Regions covered and at least
 * one not, so the Regions page shows both a judged security signal and an
 * `unknown` one with its reason.
 */
describe('the demo estate under the simulator finding aggregators', () => {
  const catalog = LocationCatalog.fromSnapshot();
  const org = createSyntheticOrganization(1, {
    partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']),
    accountsPerPartition: 5,
    regionsPerPartition: 4,
    findingsPerAccountRegion: 1,
  });

  it('links every demo Region of the simulated partitions but us-west-2', () => {
    const simulated = DEMO_REGIONS.filter(r =>
      org.partitions.some(p => p.id === r.partition),
    );
    const unlinked = simulated.filter(r =>
      org.unlinkedRegionsOf(r.partition).has(r.id),
    );
    expect(unlinked.map(r => r.id)).toEqual(['us-west-2']);
    expect(simulated.length - unlinked.length).toBeGreaterThan(1);
    expect(org.findingAggregatorOf('aws')).toMatchObject({
      region: 'us-east-1',
      linkingMode: 'ALL_REGIONS_EXCEPT_SPECIFIED',
      regions: ['us-west-2'],
    });
  });
});
