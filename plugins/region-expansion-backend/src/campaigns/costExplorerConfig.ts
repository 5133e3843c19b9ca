import type { Config } from '@backstage/config';
import { ConfigReader } from '@backstage/config';
import {
  createCostExplorerClient,
  GovernanceAwsContext,
  readRegionDailyCosts,
  type RegionDailyCosts,
} from '@region-expansion/plugin-region-expansion-node';

const PREFIX = 'regionExpansion.campaigns.costExplorer';
const COST_CACHE_MS = 60 * 60 * 1000;

/**
 * Where Cost Explorer is read for one partition.
 *
 * @public
 */
export interface CostExplorerPartitionConfig {
  endpoint?: string;
  region: string;
  /** Account whose credentials (`aws.accounts`) read it; absent: the default chain. */
  accountId?: string;
}

/**
 * Reads `regionExpansion.campaigns.costExplorer`: settings per partition
 * id. Invalid values stop the start with the key named.
 *
 * @public
 */
export function readCostExplorerConfig(
  config: Config,
): Record<string, CostExplorerPartitionConfig> {
  const section = config.getOptionalConfig(PREFIX);
  const result: Record<string, CostExplorerPartitionConfig> = {};
  for (const partition of section?.keys() ?? []) {
    const c = section!.getConfig(partition);
    const accountId = c.getOptionalString('accountId');
    if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
      throw new Error(
        `Invalid config at ${PREFIX}.${partition}.accountId: must be a 12-digit account id`,
      );
    }
    const region =
      c.getOptionalString('region') ??
      (partition === 'aws' ? 'us-east-1' : undefined);
    if (!region) {
      throw new Error(
        `Invalid config at ${PREFIX}.${partition}.region: is required outside the aws partition`,
      );
    }
    result[partition] = {
      region,
      ...(c.getOptionalString('endpoint')
        ? { endpoint: c.getString('endpoint') }
        : {}),
      ...(accountId ? { accountId } : {}),
    };
  }
  return result;
}

/**
 * Daily costs of a Region through the Cost Explorer configured for its
 * partition, with the account's credentials from `aws.accounts` (never
 * from a request). An unconfigured partition or unresolvable credentials
 * is a reason, not an error.
 *
 * @public
 */
export function costExplorerDailyCosts(
  config: Config,
  options: {
    credentialsManager?: NonNullable<
      Parameters<typeof GovernanceAwsContext.fromConfig>[1]
    >['credentialsManager'];
  } = {},
): (query: {
  partition: string;
  region: string;
  from: string;
  to: string;
}) => Promise<RegionDailyCosts> {
  const settings = readCostExplorerConfig(config);
  const clients = new Map<
    string,
    Promise<ReturnType<typeof createCostExplorerClient>>
  >();
  const clientOf = (partition: string, s: CostExplorerPartitionConfig) => {
    let client = clients.get(partition);
    if (!client) {
      client = (async () => {
        if (!s.accountId) return createCostExplorerClient(s);
        // Credentials come the way every other AWS read of the plugin gets
        // them: the account of aws.accounts through the governance context.
        const aws = config.getOptional('aws');
        const context = GovernanceAwsContext.fromConfig(
          new ConfigReader({
            ...(aws !== undefined ? { aws } : {}),
            regionExpansion: {
              governance: {
                targets: [
                  { partition, accounts: [s.accountId], regions: [s.region] },
                ],
              },
            },
          }),
          { credentialsManager: options.credentialsManager },
        );
        const resolved = await context.clientSettings('config', {
          partition,
          accountId: s.accountId,
          region: s.region,
        });
        return createCostExplorerClient({
          ...s,
          credentials: resolved.credentials,
        });
      })();
      clients.set(partition, client);
      // A failure is not cached: the next read tries again.
      client.catch(() => clients.delete(partition));
    }
    return client;
  };
  // Cost Explorer bills every request: a Region's costs read for a day's
  // views are reused for an hour. Failures are not kept.
  const read = new Map<string, { at: number; costs: RegionDailyCosts }>();
  const cached = async (
    key: string,
    load: () => Promise<RegionDailyCosts>,
  ): Promise<RegionDailyCosts> => {
    const hit = read.get(key);
    if (hit && Date.now() - hit.at < COST_CACHE_MS) return hit.costs;
    const costs = await load();
    if ('days' in costs) read.set(key, { at: Date.now(), costs });
    return costs;
  };
  return async query => {
    const s = settings[query.partition];
    if (!s) {
      return {
        unreadable: `Cost Explorer is not configured for partition ${query.partition} (${PREFIX}.${query.partition}).`,
      };
    }
    let client;
    try {
      client = await clientOf(query.partition, s);
    } catch {
      return {
        unreadable: `The credentials of the Cost Explorer account of partition ${query.partition} could not be resolved.`,
      };
    }
    return cached(
      JSON.stringify([query.partition, query.region, query.from, query.to]),
      () => readRegionDailyCosts(client, query),
    );
  };
}
