import {
  AuditManagerClient,
  GetAssessmentCommand,
  ListAssessmentsCommand,
} from '@aws-sdk/client-auditmanager';
import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConformancePacksCommand,
} from '@aws-sdk/client-config-service';
import { aggregatorsOf } from './configProof';
import { noFindings, readPart } from './proofOutcome';
import { CoverageReadContext, CoverageReader, sendAs } from './readContext';
import type { CoverageFindings } from './types';

/**
 * The accounts in the scope of the active Audit Manager assessments of
 * `accountId` in the Region (ListAssessments ACTIVE, GetAssessment), and
 * why they could not be read. Audit Manager closed to new customers: one
 * not set up is no gap by itself, conformance packs may cover the account.
 */
async function auditManagerScope(
  ctx: CoverageReadContext,
  accountId: string,
  region: string,
): Promise<CoverageFindings & { scope?: Set<string> }> {
  const findings = noFindings();
  const scope = await readPart(
    findings,
    `the Audit Manager assessments of account ${accountId} in ${region}`,
    () =>
      sendAs(
        ctx,
        'auditmanager',
        { accountId, region },
        settings => new AuditManagerClient(settings),
        async (c, o) => {
          const accounts = new Set<string>();
          let nextToken: string | undefined;
          do {
            const page = await c.send(
              new ListAssessmentsCommand({ status: 'ACTIVE', nextToken }),
              o,
            );
            for (const meta of page.assessmentMetadata ?? []) {
              const out = await c.send(
                new GetAssessmentCommand({ assessmentId: meta.id }),
                o,
              );
              for (const a of out.assessment?.metadata?.scope?.awsAccounts ??
                [])
                if (a.id) accounts.add(a.id);
            }
            nextToken = page.nextToken;
          } while (nextToken);
          return accounts;
        },
      ),
    { signal: ctx.signal, notEnabled: 'not enabled' },
  );
  return { ...findings, scope };
}

/**
 * Audit coverage of a Region: every configured account is in the scope of
 * an active Audit Manager assessment in the Region, or has conformance
 * packs there reported through the home Region's AWS Config aggregator
 * (DescribeAggregateComplianceByConformancePacks), the successor source.
 */
export const readAuditCoverage: CoverageReader = async (ctx, region) => {
  const findings = noFindings();
  const { accounts, homeRegion } = ctx.targets;
  const inScope = new Set<string>();
  const unreadable = new Map<string, CoverageFindings['unknown']>();
  for (const accountId of accounts) {
    const read = await auditManagerScope(ctx, accountId, region);
    for (const id of read.scope ?? []) inScope.add(id);
    if (read.unknown.length) unreadable.set(accountId, read.unknown);
  }
  const rest = accounts.filter(a => !inScope.has(a));
  for (const a of accounts.filter(id => inScope.has(id)))
    findings.shown.push(
      `account ${a} is in an active Audit Manager assessment in ${region}`,
    );
  if (!rest.length) return findings;
  const packFindings = noFindings();
  const [aggregator] = (await aggregatorsOf(ctx, region, packFindings)) ?? [];
  const withPacks = new Set<string>();
  if (aggregator) {
    await readPart(
      packFindings,
      `the conformance packs aggregated in ${homeRegion}`,
      () =>
        sendAs(
          ctx,
          'config',
          { accountId: accounts[0], region: homeRegion },
          settings => new ConfigServiceClient(settings),
          async (c, o) => {
            let NextToken: string | undefined;
            do {
              const page = await c.send(
                new DescribeAggregateComplianceByConformancePacksCommand({
                  ConfigurationAggregatorName:
                    aggregator.ConfigurationAggregatorName,
                  Filters: { AwsRegion: region },
                  NextToken,
                }),
                o,
              );
              for (const p of page.AggregateComplianceByConformancePacks ?? [])
                if (p.AccountId) withPacks.add(p.AccountId);
              NextToken = page.NextToken;
            } while (NextToken);
          },
        ),
      { signal: ctx.signal },
    );
  }
  for (const accountId of rest) {
    if (withPacks.has(accountId)) {
      findings.shown.push(
        `conformance packs of account ${accountId} in ${region} are reported through AWS Config aggregator ${
          aggregator!.ConfigurationAggregatorName
        }`,
      );
    } else if (packFindings.unknown.length || unreadable.has(accountId)) {
      // Neither source proves the account, and one could not be read.
      findings.unknown.push(...(unreadable.get(accountId) ?? []));
    } else {
      findings.missing.push(
        `account ${accountId} is in no active Audit Manager assessment and has no aggregated conformance pack in ${region}`,
      );
    }
  }
  findings.unknown.push(...packFindings.unknown);
  return findings;
};
