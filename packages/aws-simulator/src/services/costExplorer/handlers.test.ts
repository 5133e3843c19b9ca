import {
  CostExplorerClient,
  GetCostAndUsageCommand,
} from '@aws-sdk/client-cost-explorer';
import {
  allPages,
  aws,
  awsAccount,
  euscAccount,
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';
import { simulatedDailyCost, simulatedFirstSpendDay } from './data';

useSimulatorTestServer();

const client = sdkClient(CostExplorerClient, 'us-east-1', awsAccount.id);
const region = org.regionsOf(aws.id)[1].id;
const accounts = org.accounts.filter(a => a.partition === aws.id);
const firstSpend = accounts
  .map(a => simulatedFirstSpendDay(org, a.id, region))
  .sort()[0];

const byRegion = (Start: string, End: string) => ({
  TimePeriod: { Start, End },
  Granularity: 'DAILY' as const,
  Metrics: ['UnblendedCost'],
  GroupBy: [{ Type: 'DIMENSION' as const, Key: 'REGION' }],
});

async function regionCosts(c: CostExplorerClient, start: string, end: string) {
  const costs: Record<string, number> = {};
  const pages = await allPages(
    token =>
      c.send(
        new GetCostAndUsageCommand({
          ...byRegion(start, end),
          NextPageToken: token,
        }),
      ),
    page => page.NextPageToken,
  );
  for (const result of pages.flatMap(page => page.ResultsByTime ?? [])) {
    const group = result.Groups?.find(g => g.Keys?.[0] === region);
    costs[result.TimePeriod!.Start!] = Number(
      group?.Metrics?.UnblendedCost?.Amount ?? 0,
    );
  }
  return { costs, pages: pages.length };
}

describe('Cost Explorer (awsJson1_1 GetCostAndUsage)', () => {
  it('answers daily UnblendedCost per Region from the seeded first-spend day, paged with NextPageToken', async () => {
    const { costs, pages } = await regionCosts(
      client,
      '2026-05-01',
      '2026-10-01',
    );
    expect(Object.keys(costs)).toHaveLength(153);
    expect(pages).toBe(5);
    const spendDays = Object.keys(costs).filter(day => costs[day] > 0);
    expect(spendDays[0]).toBe(firstSpend);
    const lastDay = '2026-09-30';
    const expected = accounts
      .map(a => simulatedDailyCost(org, a.id, region, lastDay))
      .reduce((x, y) => x + y, 0);
    expect(costs[lastDay]).toBeCloseTo(expected, 2);
  });

  it('answers the same costs for the same request (seeded, deterministic)', async () => {
    const a = await regionCosts(client, '2026-08-01', '2026-08-11');
    const b = await regionCosts(client, '2026-08-01', '2026-08-11');
    expect(a.costs).toEqual(b.costs);
  });

  it('answers no cost for the European Sovereign Cloud', async () => {
    const eusc = sdkClient(
      CostExplorerClient,
      'eusc-de-east-1',
      euscAccount.id,
    );
    const page = await eusc.send(
      new GetCostAndUsageCommand(byRegion('2026-05-01', '2026-06-01')),
    );
    expect(page.ResultsByTime?.flatMap(r => r.Groups ?? [])).toEqual([]);
  });

  it.each([
    [
      'an End before the Start',
      byRegion('2026-06-01', '2026-05-01'),
      'TimePeriod.End must be after TimePeriod.Start',
    ],
    [
      'an unsupported grouping',
      {
        ...byRegion('2026-05-01', '2026-06-01'),
        GroupBy: [{ Type: 'DIMENSION' as const, Key: 'SERVICE' }],
      },
      'GroupBy supports Type DIMENSION with Key REGION or LINKED_ACCOUNT',
    ],
  ])('refuses %s with a ValidationException', async (_, input, message) => {
    await expect(
      client.send(new GetCostAndUsageCommand(input)),
    ).rejects.toMatchObject({ name: 'ValidationException', message });
  });
});
