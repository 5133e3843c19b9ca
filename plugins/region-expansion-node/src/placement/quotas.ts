import type {
  CellSpec,
  QuotaRequest,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Service quota increases needed to build `cellCount` cells from a spec:
 * one request per service code and quota code, with `perCell × cellCount`.
 * A quota listed twice in the spec is summed. Sorted by service then quota
 * code so the output is stable.
 *
 * @public
 */
export function planQuotas(spec: CellSpec, cellCount: number): QuotaRequest[] {
  if (!Number.isInteger(cellCount) || cellCount < 0) {
    throw new RangeError(
      `cellCount must be a non-negative whole number, got ${cellCount}`,
    );
  }
  const byQuota = new Map<string, QuotaRequest>();
  for (const quota of spec.serviceQuotas) {
    const key = `${quota.serviceCode}/${quota.quotaCode}`;
    const existing = byQuota.get(key);
    if (existing) {
      existing.perCell += quota.perCell;
      existing.total = existing.perCell * cellCount;
    } else {
      byQuota.set(key, {
        serviceCode: quota.serviceCode,
        quotaCode: quota.quotaCode,
        quotaName: quota.quotaName,
        perCell: quota.perCell,
        cellCount,
        total: quota.perCell * cellCount,
      });
    }
  }
  return [...byQuota.values()].sort(
    (a, b) =>
      a.serviceCode.localeCompare(b.serviceCode) ||
      a.quotaCode.localeCompare(b.quotaCode),
  );
}
