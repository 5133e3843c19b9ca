import type { SimulatedPartition } from '../organization';

/**
 * Two partitions as partitions.json describes them (`implicitGlobalRegion` is
 * the home Region), trimmed to a few Regions for tests.
 */
export const testPartitions: SimulatedPartition[] = [
  {
    id: 'aws',
    dnsSuffix: 'amazonaws.com',
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'],
  },
  {
    id: 'aws-eusc',
    dnsSuffix: 'amazonaws.eu',
    homeRegion: 'eusc-de-east-1',
    regions: ['eusc-de-east-1'],
  },
];
