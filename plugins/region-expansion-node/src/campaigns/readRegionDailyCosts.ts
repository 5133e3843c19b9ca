import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type CostExplorerClientConfig,
} from '@aws-sdk/client-cost-explorer';
import type { RegionDailyCosts } from './timeToRevenue';

/** Pages read at most; Cost Explorer holds at most 14 months of days. */
const MAX_PAGES = 50;

/**
 * Where Cost Explorer is read.
 *
 * @public
 */
export interface CostExplorerClientOptions {
  /** Endpoint URL; absent for AWS's own. */
  endpoint?: string;
  /** Region of the endpoint; default `us-east-1`. */
  region?: string;
  /** Credentials or a provider; absent for the SDK's default chain. */
  credentials?: CostExplorerClientConfig['credentials'];
  /** Attempts per request; default 3. */
  maxAttempts?: number;
}

/**
 * A real SDK Cost Explorer client.
 *
 * @public
 */
export function createCostExplorerClient(
  options: CostExplorerClientOptions = {},
): CostExplorerClient {
  return new CostExplorerClient({
    region: options.region ?? 'us-east-1',
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}

/** A fixed sentence per kind of failure: AWS's own message never leaves. */
function reasonOf(error: unknown): string {
  const name = (error as { name?: unknown })?.name;
  if (name === 'AccessDeniedException' || name === 'AccessDenied')
    return 'Cost Explorer denied access to the configured account.';
  if (name === 'DataUnavailableException')
    return 'Cost Explorer has no data for this period.';
  if (name === 'LimitExceededException' || name === 'ThrottlingException')
    return 'Cost Explorer throttled the request; try again later.';
  return 'Cost Explorer could not be read.';
}

/**
 * The daily UnblendedCost of one Region from `from` to `to` (days,
 * inclusive) through `GetCostAndUsage` (DAILY, grouped by the REGION
 * dimension, filtered to the Region, every NextPageToken followed). Any
 * error becomes a fixed reason, never AWS's text.
 *
 * @public
 */
export async function readRegionDailyCosts(
  client: Pick<CostExplorerClient, 'send'>,
  query: { region: string; from: string; to: string },
): Promise<RegionDailyCosts> {
  const end = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  const days: Array<{ date: string; amount: number }> = [];
  let currency = 'USD';
  let token: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await client.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: query.from, End: end },
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
          GroupBy: [{ Type: 'DIMENSION', Key: 'REGION' }],
          Filter: { Dimensions: { Key: 'REGION', Values: [query.region] } },
          NextPageToken: token,
        }),
      );
      for (const result of answer.ResultsByTime ?? []) {
        const group = result.Groups?.find(g => g.Keys?.[0] === query.region);
        const metric = group?.Metrics?.UnblendedCost;
        const amount = Number(metric?.Amount ?? 0);
        if (metric?.Unit) currency = metric.Unit;
        if (result.TimePeriod?.Start)
          days.push({
            date: result.TimePeriod.Start,
            amount: Number.isFinite(amount) ? amount : 0,
          });
      }
      token = answer.NextPageToken;
      if (!token) return { days, currency };
    }
    return { unreadable: 'Cost Explorer returned more pages than expected.' };
  } catch (error) {
    return { unreadable: reasonOf(error) };
  }
}
