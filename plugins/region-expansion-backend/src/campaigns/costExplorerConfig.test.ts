import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  costExplorerDailyCosts,
  readCostExplorerConfig,
} from './costExplorerConfig';

const config = (costExplorer: JsonObject) =>
  new ConfigReader({ regionExpansion: { campaigns: { costExplorer } } });

describe('readCostExplorerConfig', () => {
  it('reads each partition, defaulting the Region to us-east-1 in aws', () => {
    expect(
      readCostExplorerConfig(
        config({
          aws: { accountId: '111122223333' },
          'aws-eusc': { region: 'eusc-de-east-1', endpoint: 'http://sim' },
        }),
      ),
    ).toEqual({
      aws: { region: 'us-east-1', accountId: '111122223333' },
      'aws-eusc': { region: 'eusc-de-east-1', endpoint: 'http://sim' },
    });
  });

  it.each([
    [
      { aws: { accountId: '1234' } },
      'Invalid config at regionExpansion.campaigns.costExplorer.aws.accountId: must be a 12-digit account id',
    ],
    [
      { 'aws-eusc': {} },
      'Invalid config at regionExpansion.campaigns.costExplorer.aws-eusc.region: is required outside the aws partition',
    ],
  ])('refuses %j naming the key', (section, message) => {
    expect(() => readCostExplorerConfig(config(section))).toThrow(message);
  });
});

describe('costExplorerDailyCosts', () => {
  it('says which key to set for a partition without Cost Explorer', async () => {
    const read = costExplorerDailyCosts(config({}));
    await expect(
      read({
        partition: 'aws',
        region: 'eu-west-1',
        from: '2026-01-01',
        to: '2026-01-31',
      }),
    ).resolves.toEqual({
      unreadable:
        'Cost Explorer is not configured for partition aws (regionExpansion.campaigns.costExplorer.aws).',
    });
  });
});
