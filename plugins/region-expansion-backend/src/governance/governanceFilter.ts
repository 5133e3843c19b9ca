import type { GovernanceTarget } from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';

/**
 * Filters shared by the governance reads.
 *
 * @public
 */
export interface GovernanceFilter {
  partition?: string;
  region?: string;
  accountId?: string;
  severity?: string;
  complianceStatus?: string;
  controlId?: string;
  workflowStatus?: string;
  recordState?: string;
  source?: string;
}

/** The column of each filter, the same in every governance table that has it. */
export const FILTER_COLUMN: Record<keyof GovernanceFilter, string> = {
  partition: 'partition',
  region: 'region',
  accountId: 'account_id',
  severity: 'severity',
  complianceStatus: 'compliance_status',
  controlId: 'control_id',
  workflowStatus: 'workflow_status',
  recordState: 'record_state',
  source: 'source',
};

/** `query` narrowed to the rows the filter's given fields match. */
export function whereFilter<T extends Knex.QueryBuilder>(
  query: T,
  filter: GovernanceFilter,
): T {
  for (const [key, value] of Object.entries(filter) as Array<
    [keyof GovernanceFilter, string | undefined]
  >) {
    if (value !== undefined) query.where(FILTER_COLUMN[key], value);
  }
  return query;
}

/** The scope of a filter (partition, Region, account): what snapshot rows have. */
export function scopeOnly(filter: GovernanceFilter): GovernanceFilter {
  return {
    partition: filter.partition,
    region: filter.region,
    accountId: filter.accountId,
  };
}

/** The key of a source's target in `governance_sync_state` and `governance_coverage`. */
export function targetKey(source: string, t: GovernanceTarget) {
  return {
    source,
    partition: t.partition,
    account_id: t.accountId,
    region: t.region,
  };
}

/** Rows per insert of replaced sets (snapshots, coverage, sync states). */
export const REPLACE_CHUNK = 200;
