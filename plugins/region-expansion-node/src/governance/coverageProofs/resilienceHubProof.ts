import type { GovernanceClientSettings } from '../GovernanceAwsContext';
import {
  ListAppAssessmentsCommand,
  ListAppsCommand,
  ResiliencehubClient,
} from '@aws-sdk/client-resiliencehub';
import { noFindings, readPart } from './proofOutcome';
import { CoverageReader, sendAs } from './readContext';

const client = (settings: GovernanceClientSettings) =>
  new ResiliencehubClient(settings);

/**
 * Resilience Hub coverage of a Region: the applications of the configured
 * accounts there (ListApps, every page), each with a successful assessment
 * (ListAppAssessments with `assessmentStatus=Success`). Missing when no
 * application is registered in the Region or one has never been assessed.
 */
export const readResilienceHubCoverage: CoverageReader = async (
  ctx,
  region,
) => {
  const findings = noFindings();
  let apps = 0;
  for (const accountId of ctx.targets.accounts) {
    const where = `account ${accountId} in ${region}`;
    const assessed = await readPart(
      findings,
      `the Resilience Hub applications of ${where}`,
      () =>
        sendAs(
          ctx,
          'resiliencehub',
          { accountId, region },
          client,
          async (c, o) => {
            const found: Array<{ name: string; assessed: boolean }> = [];
            let nextToken: string | undefined;
            do {
              const page = await c.send(new ListAppsCommand({ nextToken }), o);
              for (const app of page.appSummaries ?? []) {
                const assessments = await c.send(
                  new ListAppAssessmentsCommand({
                    appArn: app.appArn,
                    assessmentStatus: ['Success'],
                    maxResults: 1,
                  }),
                  o,
                );
                found.push({
                  name: app.name ?? app.appArn ?? 'an application',
                  assessed: !!assessments.assessmentSummaries?.length,
                });
              }
              nextToken = page.nextToken;
            } while (nextToken);
            return found;
          },
        ),
      {
        signal: ctx.signal,
        notEnabled: `Resilience Hub is not enabled for ${where}`,
      },
    );
    for (const app of assessed ?? []) {
      apps += 1;
      if (app.assessed)
        findings.shown.push(
          `Resilience Hub application ${app.name} is assessed in ${region}`,
        );
      else
        findings.missing.push(
          `Resilience Hub application ${app.name} of ${where} has no successful assessment`,
        );
    }
  }
  if (!apps && !findings.unknown.length && !findings.missing.length)
    findings.missing.push(
      `no Resilience Hub application is registered in ${region} for the configured accounts`,
    );
  return findings;
};
