import {
  DataClassification,
  Residency,
  Tenant,
  TenantTier,
} from '@region-expansion/plugin-region-expansion-common';

/** A row of the `tenants` table. */
export type TenantRow = {
  id: string;
  name: string;
  tier: string;
  residency: string;
  classification: string;
  load_units: number;
  quota_usage: string | null;
  cell_id: string | null;
  created_at: string | Date;
  updated_at: string | Date;
};

export function rowToTenant(row: TenantRow): Tenant {
  const tenant: Tenant = {
    id: row.id,
    name: row.name,
    tier: row.tier as TenantTier,
    residency: JSON.parse(row.residency) as Residency,
    classification: row.classification as DataClassification,
    loadUnits: Number(row.load_units),
  };
  if (row.quota_usage) {
    tenant.quotaUsage = JSON.parse(row.quota_usage);
  }
  if (row.cell_id) {
    tenant.cellId = row.cell_id;
  }
  return tenant;
}

export function tenantToRow(tenant: Tenant, now: string): TenantRow {
  return {
    id: tenant.id,
    name: tenant.name,
    tier: tenant.tier,
    residency: JSON.stringify(tenant.residency),
    classification: tenant.classification,
    load_units: tenant.loadUnits,
    quota_usage: tenant.quotaUsage ? JSON.stringify(tenant.quotaUsage) : null,
    cell_id: tenant.cellId ?? null,
    created_at: now,
    updated_at: now,
  };
}
