import type {
  GovernanceTarget,
  RegionExpansionScope,
  RegionExpansionScopedResource,
} from '@region-expansion/plugin-region-expansion-node';
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
  /**
   * What the caller may read, from a conditional decision on
   * `region-expansion.governance.read`; absent when allowed everything.
   */
  scope?: RegionExpansionScope;
}

type ValueFilter = Omit<GovernanceFilter, 'scope'>;

/** The column of each filter, the same in every governance table that has it. */
export const FILTER_COLUMN: Record<keyof ValueFilter, string> = {
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

/** The columns of a scope's keys in the governance tables that have all three. */
export const SCOPE_COLUMNS: Partial<
  Record<keyof RegionExpansionScopedResource, string>
> = { partition: 'partition', region: 'region', accountId: 'account_id' };

/**
 * `query` narrowed to the rows inside `scope`, in the query itself so pages
 * and counts stay right. A rule on a column the table lacks (a Region on
 * the per-partition history) matches no row, as a record without that
 * attribute matches no rule.
 */
export function whereScope(
  query: Knex.QueryBuilder,
  scope: RegionExpansionScope,
  columns = SCOPE_COLUMNS,
): Knex.QueryBuilder {
  if ('allOf' in scope) {
    return query.where(b => {
      for (const s of scope.allOf)
        b.where(inner => whereScope(inner, s, columns));
    });
  }
  if ('anyOf' in scope) {
    return query.where(b => {
      for (const s of scope.anyOf)
        b.orWhere(inner => whereScope(inner, s, columns));
    });
  }
  if ('not' in scope) {
    return query.whereNot(b => whereScope(b, scope.not, columns));
  }
  const column = columns[scope.key];
  return column ? query.whereIn(column, scope.values) : query.whereRaw('1 = 0');
}

/** `query` narrowed to the rows the filter's given fields (and scope) match. */
export function whereFilter<T extends Knex.QueryBuilder>(
  query: T,
  filter: GovernanceFilter,
  scopeColumns = SCOPE_COLUMNS,
): T {
  const { scope, ...values } = filter;
  for (const [key, value] of Object.entries(values) as Array<
    [keyof ValueFilter, string | undefined]
  >) {
    if (value !== undefined) query.where(FILTER_COLUMN[key], value);
  }
  if (scope) whereScope(query, scope, scopeColumns);
  return query;
}

/** The scope of a filter (partition, Region, account): what snapshot rows have. */
export function scopeOnly(filter: GovernanceFilter): GovernanceFilter {
  return {
    partition: filter.partition,
    region: filter.region,
    accountId: filter.accountId,
    scope: filter.scope,
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
