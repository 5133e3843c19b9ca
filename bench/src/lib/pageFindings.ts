import {
  AwsSecurityFinding,
  AwsSecurityFindingFilters,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';

/**
 * Pages GetFindings (100 a page, as the provider asks) over a filter,
 * handing each page's findings to `onPage`; resolves with the pages read.
 */
export async function pageFindings(
  client: SecurityHubClient,
  filters: AwsSecurityFindingFilters,
  onPage: (findings: AwsSecurityFinding[]) => void,
): Promise<number> {
  let pages = 0;
  let nextToken: string | undefined;
  do {
    const out = await client.send(
      new GetFindingsCommand({
        Filters: filters,
        MaxResults: 100,
        NextToken: nextToken,
      }),
    );
    onPage(out.Findings ?? []);
    pages += 1;
    nextToken = out.NextToken;
  } while (nextToken);
  return pages;
}
