import type { GovernanceClientSettings } from '../GovernanceAwsContext';
import {
  GetEnabledStandardsCommand,
  GetFindingAggregatorCommand,
  ListFindingAggregatorsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { noFindings, readPart } from './proofOutcome';
import { CoverageReader, sendAs } from './readContext';

/** Name of a standard from its ARN (`…:standards/<name>/v/<version>`). */
const standardName = (arn = '') =>
  arn.replace(/^.*:(?:standards|ruleset)\//, '') || 'a standard';

/**
 * Whether a finding aggregator's linking mode takes in `region`.
 *
 * @public
 */
export function aggregatorLinks(
  mode: string | undefined,
  regions: readonly string[],
  region: string,
): boolean {
  switch (mode) {
    case 'ALL_REGIONS':
      return true;
    case 'ALL_REGIONS_EXCEPT_SPECIFIED':
      return !regions.includes(region);
    case 'SPECIFIED_REGIONS':
      return regions.includes(region);
    default:
      return false;
  }
}

/**
 * Security Hub coverage of a Region: enabled with a READY standard in
 * every configured account there (GetEnabledStandards), and the Region
 * linked to the finding aggregator of the partition's home Region
 * (ListFindingAggregators, GetFindingAggregator), read with the first
 * account.
 */
export const readSecurityHubCoverage: CoverageReader = async (ctx, region) => {
  const findings = noFindings();
  const { accounts, homeRegion } = ctx.targets;
  const client = (settings: GovernanceClientSettings) =>
    new SecurityHubClient(settings);
  for (const accountId of accounts) {
    const where = `account ${accountId} in ${region}`;
    const out = await readPart(
      findings,
      `Security Hub standards of ${where}`,
      () =>
        sendAs(ctx, 'securityhub', { accountId, region }, client, (c, o) =>
          c.send(new GetEnabledStandardsCommand({}), o),
        ),
      {
        signal: ctx.signal,
        notEnabled: `Security Hub is not enabled for ${where}`,
      },
    );
    if (!out) continue;
    const ready = (out.StandardsSubscriptions ?? [])
      .filter(s => s.StandardsStatus === 'READY')
      .map(s => standardName(s.StandardsArn));
    if (ready.length)
      findings.shown.push(
        `Security Hub is enabled for ${where} with ${ready.join(', ')}`,
      );
    else
      findings.missing.push(`no Security Hub standard is enabled for ${where}`);
  }
  if (region === homeRegion) {
    findings.shown.push(
      `${region} is the aggregation Region of ${ctx.targets.partition}`,
    );
    return findings;
  }
  const [accountId] = accounts;
  const read = await readPart(
    findings,
    `the finding aggregator in ${homeRegion}`,
    () =>
      sendAs(
        ctx,
        'securityhub',
        { accountId, region: homeRegion },
        client,
        async (c, o) => {
          const list = await c.send(new ListFindingAggregatorsCommand({}), o);
          const arn = list.FindingAggregators?.[0]?.FindingAggregatorArn;
          return {
            aggregator: arn
              ? await c.send(
                  new GetFindingAggregatorCommand({
                    FindingAggregatorArn: arn,
                  }),
                  o,
                )
              : undefined,
          };
        },
      ),
    { signal: ctx.signal },
  );
  if (!read) return findings;
  const { aggregator } = read;
  if (!aggregator || aggregator.FindingAggregationRegion !== homeRegion) {
    findings.missing.push(`no finding aggregator in ${homeRegion}`);
  } else if (
    aggregatorLinks(
      aggregator.RegionLinkingMode,
      aggregator.Regions ?? [],
      region,
    )
  ) {
    findings.shown.push(
      `${region} is linked to the finding aggregator in ${homeRegion} (${aggregator.RegionLinkingMode})`,
    );
  } else {
    findings.missing.push(
      `${region} is not linked to the finding aggregator in ${homeRegion} (${aggregator.RegionLinkingMode})`,
    );
  }
  return findings;
};
