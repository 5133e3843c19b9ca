/**
 * The figures runbook estimates rest on. They are planning figures, stated
 * in every runbook's `assumptions`, not measurements of a tenant.
 *
 * @public
 */
export const RUNBOOK_ASSUMPTIONS = {
  /**
   * Stored data per load unit. A load unit is the product's unit of cell
   * capacity (see the cell spec); the default cell spec gives a cell 600
   * load units, which the sizing guide pairs with about 6 TB of tenant data.
   */
  gbPerLoadUnit: 10,
  /**
   * Sustained cross-Region copy throughput per store. A conservative
   * planning figure below what S3 Batch Replication and DynamoDB
   * export/import reach for one tenant (tens of MB/s): 100 GB per hour is
   * about 28 MB/s.
   */
  copyGbPerHour: 100,
  /** Registering the tenant with the target control plane. */
  metadataMinutes: 5,
  /** Re-wrapping a tenant's data keys under the target key. */
  keyRewrapMinutes: 15,
  /** Switching routing to the target cell. */
  cutoverMinutes: 10,
  /** Smoke checks and data-count comparison in the target. */
  verifyMinutes: 15,
  /** Switching routing back to the source cell. */
  rollbackMinutes: 10,
  /** Price-list line whose rate prices a copy (the catalog's data-transfer line). */
  transferPriceLine: 'data-transfer.out',
} as const;

/**
 * The assumptions in words, as a runbook lists them.
 *
 * @public
 */
export function describeRunbookAssumptions(): string[] {
  const a = RUNBOOK_ASSUMPTIONS;
  return [
    `${a.gbPerLoadUnit} GB of stored data per load unit, split evenly across the tenant's stores`,
    `copy throughput ${a.copyGbPerHour} GB per hour per store (a conservative planning figure for cross-Region copies)`,
    `fixed durations: metadata ${a.metadataMinutes} min, key re-wrap ${a.keyRewrapMinutes} min, cutover ${a.cutoverMinutes} min, verification ${a.verifyMinutes} min, rollback ${a.rollbackMinutes} min`,
    'totals leave out rollback steps, which run only when verification fails',
    `copies are priced at the source Region's ${a.transferPriceLine} rate per GB, an upper bound: inter-Region transfer is billed at or below it`,
    'within a partition, customer managed keys are multi-Region keys replicated to the target, so data keys need no re-wrap; KMS keys never cross partitions',
    "the tenant's home country (for country regimes) is the one country its residency names, otherwise the country of its current location",
  ];
}
