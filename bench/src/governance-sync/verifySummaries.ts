import type { SyntheticOrganization } from '@region-expansion/aws-simulator';
import { summaryThroughApi } from '../lib/governanceApi';

type Finding = ReturnType<SyntheticOrganization['finding']>;

const KEY_OF: Record<string, (f: Finding) => string> = {
  severity: f => f.severityLabel,
  region: f => f.region,
  account: f => f.accountId,
  status: f => f.complianceStatus,
  partition: f => f.partition,
};

/**
 * Checks `GET /governance/summary` (answered from the rollups kept on
 * write) against the organization's own findings: every groupBy
 * unfiltered, and by severity for a few accounts and Regions. Throws on the
 * first difference; resolves with the number of summaries compared.
 */
export async function verifySummaries(
  api: string,
  org: SyntheticOrganization,
): Promise<number> {
  const findings = Array.from({ length: org.findingCount }, (_, i) =>
    org.finding(i),
  );
  const queries: Array<{ groupBy: string; filter: Record<string, string> }> =
    Object.keys(KEY_OF).map(groupBy => ({ groupBy, filter: {} }));
  for (const account of org.accounts.slice(0, 3))
    queries.push({ groupBy: 'severity', filter: { accountId: account.id } });
  for (const region of org.regions.slice(0, 3))
    queries.push({ groupBy: 'status', filter: { region: region.id } });
  for (const { groupBy, filter } of queries) {
    const expected = new Map<string, { total: number; failed: number }>();
    for (const f of findings) {
      if (filter.accountId && f.accountId !== filter.accountId) continue;
      if (filter.region && f.region !== filter.region) continue;
      const key = KEY_OF[groupBy](f);
      const group = expected.get(key) ?? { total: 0, failed: 0 };
      group.total += 1;
      if (f.complianceStatus === 'FAILED') group.failed += 1;
      expected.set(key, group);
    }
    const { groups } = await summaryThroughApi(api, groupBy, filter);
    const stored = new Map(
      groups.map(g => [g.key, { total: g.total, failed: g.failed }]),
    );
    const same =
      stored.size === expected.size &&
      [...expected].every(
        ([key, e]) =>
          stored.get(key)?.total === e.total &&
          stored.get(key)?.failed === e.failed,
      );
    if (!same)
      throw new Error(
        `GET /governance/summary?groupBy=${groupBy} ${JSON.stringify(
          filter,
        )} differs from the organization's findings: ${JSON.stringify([
          ...stored,
        ])} vs ${JSON.stringify([...expected])}`,
      );
  }
  return queries.length;
}
