import type { GovernanceClientSettings } from '../GovernanceAwsContext';
import {
  ConfigServiceClient,
  ConfigurationAggregator,
  DescribeConfigurationAggregatorsCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelStatusCommand,
} from '@aws-sdk/client-config-service';
import { noFindings, readPart } from './proofOutcome';
import { CoverageReadContext, CoverageReader, sendAs } from './readContext';
import type { CoverageFindings } from './types';

const client = (settings: GovernanceClientSettings) =>
  new ConfigServiceClient(settings);

/** Whether an aggregator aggregates the Region (all Regions, or listed). */
function aggregates(aggregator: ConfigurationAggregator, region: string) {
  const sources = [
    ...(aggregator.OrganizationAggregationSource
      ? [aggregator.OrganizationAggregationSource]
      : []),
    ...(aggregator.AccountAggregationSources ?? []),
  ];
  return sources.some(
    s => s.AllAwsRegions || (s.AwsRegions ?? []).includes(region),
  );
}

/**
 * The Config aggregators of the partition's home Region that aggregate
 * `region`, read with the first configured account; `undefined` when they
 * could not be read (recorded in `findings`).
 */
export async function aggregatorsOf(
  ctx: CoverageReadContext,
  region: string,
  findings: CoverageFindings,
): Promise<ConfigurationAggregator[] | undefined> {
  const { accounts, homeRegion } = ctx.targets;
  const out = await readPart(
    findings,
    `the AWS Config aggregators in ${homeRegion}`,
    () =>
      sendAs(
        ctx,
        'config',
        { accountId: accounts[0], region: homeRegion },
        client,
        (c, o) => c.send(new DescribeConfigurationAggregatorsCommand({}), o),
      ),
    { signal: ctx.signal },
  );
  return (
    out &&
    (out.ConfigurationAggregators ?? []).filter(a => aggregates(a, region))
  );
}

/**
 * AWS Config coverage of a Region: in every configured account a recorder
 * recording without failure (DescribeConfigurationRecorderStatus) and a
 * delivery channel whose last history or snapshot delivery succeeded
 * (DescribeDeliveryChannelStatus); and an aggregator in the home Region
 * that aggregates the Region (DescribeConfigurationAggregators).
 */
export const readConfigCoverage: CoverageReader = async (ctx, region) => {
  const findings = noFindings();
  for (const accountId of ctx.targets.accounts) {
    const where = `account ${accountId} in ${region}`;
    const send = <T>(
      what: string,
      command: (
        c: ConfigServiceClient,
        o: { abortSignal: AbortSignal },
      ) => Promise<T>,
    ) =>
      readPart(
        findings,
        `the AWS Config ${what} of ${where}`,
        () => sendAs(ctx, 'config', { accountId, region }, client, command),
        {
          signal: ctx.signal,
          notEnabled: `AWS Config is not enabled for ${where}`,
        },
      );
    const recorders = await send('recorder status', (c, o) =>
      c.send(new DescribeConfigurationRecorderStatusCommand({}), o),
    );
    if (recorders) {
      const recording = (recorders.ConfigurationRecordersStatus ?? []).find(
        r => r.recording && r.lastStatus !== 'Failure',
      );
      if (recording)
        findings.shown.push(
          `the AWS Config recorder ${recording.name} records ${where}`,
        );
      else
        findings.missing.push(`no AWS Config recorder is recording ${where}`);
    }
    const channels = await send('delivery channel status', (c, o) =>
      c.send(new DescribeDeliveryChannelStatusCommand({}), o),
    );
    if (channels) {
      const delivering = (channels.DeliveryChannelsStatus ?? []).find(
        d =>
          d.configHistoryDeliveryInfo?.lastStatus === 'Success' ||
          d.configSnapshotDeliveryInfo?.lastStatus === 'Success',
      );
      if (delivering)
        findings.shown.push(
          `the AWS Config delivery channel ${delivering.name} delivers ${where}`,
        );
      else
        findings.missing.push(
          `no AWS Config delivery channel delivers ${where}`,
        );
    }
  }
  const aggregators = await aggregatorsOf(ctx, region, findings);
  if (aggregators?.length)
    findings.shown.push(
      `AWS Config aggregator ${aggregators[0].ConfigurationAggregatorName} in ${ctx.targets.homeRegion} aggregates ${region}`,
    );
  else if (aggregators)
    findings.missing.push(
      `no AWS Config aggregator in ${ctx.targets.homeRegion} aggregates ${region}`,
    );
  return findings;
};
