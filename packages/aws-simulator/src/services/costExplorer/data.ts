import type { SyntheticOrganization } from '../../organization';
import { hashOf } from '../../random';

const DAY_MS = 86_400_000;

/**
 * Partitions Cost Explorer answers nothing for: the European Sovereign
 * Cloud keeps its billing data apart, so a reader must fall back there.
 */
export const COST_EXPLORER_UNBILLED_PARTITIONS: readonly string[] = [
  'aws-eusc',
];

/** The UTC day (`YYYY-MM-DD`) of an epoch-ms time. */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The first day an account spends in a Region: 20 to 139 days before the
 * organization's base time, seeded by the organization, account and Region.
 *
 * @public
 */
export function simulatedFirstSpendDay(
  org: SyntheticOrganization,
  accountId: string,
  region: string,
): string {
  const daysBefore = 20 + (hashOf(`ce/${accountId}/${region}`, org.seed) % 120);
  return dayOf(org.baseTime - daysBefore * DAY_MS);
}

/**
 * An account's UnblendedCost in a Region on a day, in USD: 0 before its
 * first spend day, then a seeded base that grows a little each day.
 *
 * @public
 */
export function simulatedDailyCost(
  org: SyntheticOrganization,
  accountId: string,
  region: string,
  day: string,
): number {
  const account = org.accounts.find(a => a.id === accountId);
  if (
    !account ||
    COST_EXPLORER_UNBILLED_PARTITIONS.includes(account.partition) ||
    !org.regionsOf(account.partition).some(r => r.id === region)
  )
    return 0;
  const first = Date.parse(
    `${simulatedFirstSpendDay(org, accountId, region)}T00:00:00Z`,
  );
  const since = (Date.parse(`${day}T00:00:00Z`) - first) / DAY_MS;
  if (since < 0) return 0;
  const base = 2 + (hashOf(`ce-base/${accountId}/${region}`, org.seed) % 40);
  return Math.round((base + since * 0.25) * 100) / 100;
}
