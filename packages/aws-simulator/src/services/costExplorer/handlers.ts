import { AwsFault } from '../../AwsFault';
import type { SyntheticOrganization } from '../../organization';
import { pageOf, tokenField } from '../../protocol';
import { defineService } from '../defineService';
import {
  COST_EXPLORER_UNBILLED_PARTITIONS,
  dayOf,
  simulatedDailyCost,
} from './data';

const DAY_MS = 86_400_000;
/** Days of ResultsByTime per page, so a quarter takes several pages. */
const DAYS_PER_PAGE = 31;
/** Cost Explorer reads at most 14 months back; a longer range is refused. */
const MAX_DAYS = 14 * 31;
const GROUP_DIMENSIONS = ['REGION', 'LINKED_ACCOUNT'];

const invalid = (message: string) =>
  new AwsFault(400, 'ValidationException', message);

function dayTime(value: unknown, field: string): number {
  const time =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? Date.parse(`${value}T00:00:00Z`)
      : NaN;
  if (Number.isNaN(time)) throw invalid(`${field} must be a date YYYY-MM-DD`);
  return time;
}

/** The dimension keys of GroupBy, each `{ Type: 'DIMENSION', Key }`. */
function groupKeysOf(groupBy: unknown): string[] {
  const groups = Array.isArray(groupBy) ? groupBy : [];
  if (groups.length > 2) throw invalid('GroupBy takes at most 2 groups');
  return groups.map(g => {
    if (g?.Type !== 'DIMENSION' || !GROUP_DIMENSIONS.includes(g?.Key))
      throw invalid(
        `GroupBy supports Type DIMENSION with Key ${GROUP_DIMENSIONS.join(
          ' or ',
        )}`,
      );
    return g.Key as string;
  });
}

/** Values a `Filter: { Dimensions: { Key, Values } }` allows, per key. */
function filterOf(filter: any): Record<string, string[]> {
  if (filter === undefined) return {};
  const d = filter?.Dimensions;
  if (!d || !GROUP_DIMENSIONS.includes(d.Key) || !Array.isArray(d.Values))
    throw invalid('Filter supports Dimensions on REGION or LINKED_ACCOUNT');
  return { [d.Key]: d.Values.map(String) };
}

/** Cost rows `[account, region]` of the partition a request is sent in. */
function costRows(org: SyntheticOrganization, partition: string) {
  if (COST_EXPLORER_UNBILLED_PARTITIONS.includes(partition)) return [];
  return org.accounts
    .filter(a => a.partition === partition)
    .flatMap(a => org.regionsOf(partition).map(r => [a.id, r.id] as const));
}

/**
 * AWS Cost Explorer (awsJson1_1, `AWSInsightsIndexService.GetCostAndUsage`):
 * DAILY UnblendedCost of every account of the caller's partition per
 * Region, from each account's seeded first-spend day to today, grouped by
 * REGION and/or LINKED_ACCOUNT, paged with NextPageToken. Nothing for
 * aws-eusc.
 */
export const costExplorerService = defineService({
  signingName: 'ce',
  hostPrefix: 'ce.',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSInsightsIndexService',
  throttle: [400, 'LimitExceededException'],
  serverError: 'InternalServerErrorException',
  anyRegion: true,
  operations: [
    {
      name: 'GetCostAndUsage',
      respond: ({ org, input, req }) => {
        if (input.Granularity !== 'DAILY')
          throw invalid('Granularity must be DAILY in this simulator');
        const metrics: unknown[] = input.Metrics ?? [];
        if (!metrics.includes('UnblendedCost'))
          throw invalid('Metrics must include UnblendedCost');
        const start = dayTime(input.TimePeriod?.Start, 'TimePeriod.Start');
        const end = dayTime(input.TimePeriod?.End, 'TimePeriod.End');
        if (end <= start)
          throw invalid('TimePeriod.End must be after TimePeriod.Start');
        if ((end - start) / DAY_MS > MAX_DAYS)
          throw invalid(`TimePeriod spans more than ${MAX_DAYS} days`);
        const keys = groupKeysOf(input.GroupBy);
        const filter = filterOf(input.Filter);
        // Billing data exists up to today; later days come back empty.
        const today = dayOf(Math.max(org.clock, Date.now()));
        const rows = costRows(org, req.partition.id).filter(
          ([account, region]) =>
            (filter.REGION?.includes(region) ?? true) &&
            (filter.LINKED_ACCOUNT?.includes(account) ?? true),
        );
        const days: string[] = [];
        for (let t = start; t < end; t += DAY_MS) days.push(dayOf(t));
        const page = pageOf(
          days,
          input.NextPageToken,
          DAYS_PER_PAGE,
          `ce/${JSON.stringify([input.TimePeriod, keys, filter])}`,
          invalid('NextPageToken is not valid'),
        );
        return {
          GroupDefinitions: keys.map(Key => ({ Type: 'DIMENSION', Key })),
          ResultsByTime: page.slice.map(day => {
            const sums = new Map<string, number>();
            for (const [account, region] of day <= today ? rows : []) {
              const amount = simulatedDailyCost(org, account, region, day);
              if (amount <= 0) continue;
              const groupKey = JSON.stringify(
                keys.map(k => (k === 'REGION' ? region : account)),
              );
              sums.set(groupKey, (sums.get(groupKey) ?? 0) + amount);
            }
            const cost = (amount: number) => ({
              UnblendedCost: { Amount: amount.toFixed(2), Unit: 'USD' },
            });
            const total = [...sums.values()].reduce((a, b) => a + b, 0);
            return {
              TimePeriod: { Start: day, End: dayOf(Date.parse(day) + DAY_MS) },
              Total: keys.length ? {} : cost(total),
              Groups: keys.length
                ? [...sums].map(([k, amount]) => ({
                    Keys: JSON.parse(k),
                    Metrics: cost(amount),
                  }))
                : [],
              Estimated: day === today,
            };
          }),
          DimensionValueAttributes: [],
          ...tokenField('NextPageToken', page.next),
        };
      },
    },
  ],
});
