import type { JsonObject } from '@backstage/types';
import {
  simulatorGovernanceConfig,
  SyntheticOrganization,
} from '@region-expansion/aws-simulator';

const UNLIMITED = { ratePerSecond: 1e6, burst: 1e6 };

/**
 * Backend configuration that points governance at a running simulator:
 * every account of the organization is a target of partition aws, with the
 * simulator's credentials. `limited`: the documented rate limits (the
 * configuration's defaults); otherwise none.
 */
export function governanceConfig(
  org: SyntheticOrganization,
  endpoint: string,
  options: { concurrency: number; limited: boolean },
): JsonObject {
  return simulatorGovernanceConfig(org, {
    endpoint,
    maxAttempts: 10,
    retryMode: 'standard',
    concurrency: options.concurrency,
    // Without `rateLimits` the context uses the documented defaults.
    ...(options.limited
      ? {}
      : {
          rateLimits: {
            GetFindings: UNLIMITED,
            GetFindingsV2: UNLIMITED,
          },
        }),
    targets: [
      {
        partition: 'aws',
        accounts: org.accounts.map(a => a.id),
      },
    ],
  });
}
