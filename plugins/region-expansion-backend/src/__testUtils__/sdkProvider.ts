import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  GovernanceAwsContext,
  GovernanceProvider,
  syncTargetsWithClient,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * A `securityhub` provider whose AWS calls go through the real AWS SDK (SSM,
 * the client this package depends on) to the simulator: `calls` calls of
 * `GetParametersByPath` per target, each paced by the context's limiter, so
 * errors are the service's own (text and all) and rate limits are real.
 */
export function providerOverTheSdk(
  context: GovernanceAwsContext,
  calls = 1,
): GovernanceProvider {
  return {
    id: 'securityhub',
    source: 'securityhub',
    targets: () => context.homeRegionTargets(),
    sync: ctx =>
      syncTargetsWithClient(
        context,
        'securityhub',
        ctx,
        settings => new SSMClient(settings),
        async (client, call) => {
          let rows = 0;
          for (let i = 0; i < calls; i++) {
            const out = await call(() =>
              client.send(
                new GetParametersByPathCommand({
                  Path: '/aws/service/global-infrastructure/regions',
                }),
                { abortSignal: ctx.signal },
              ),
            );
            rows = out.Parameters?.length ?? 0;
          }
          return {
            status: 'ok',
            pages: calls,
            rows,
            coverage: { regions: [], scope: 'proves nothing' },
          };
        },
      ),
  };
}
