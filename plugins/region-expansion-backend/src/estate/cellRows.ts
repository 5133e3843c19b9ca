import {
  Cell,
  CellIsolation,
  CellLifecycle,
} from '@region-expansion/plugin-region-expansion-common';

/** A row of the `cells` table. */
export type CellRow = {
  id: string;
  name: string;
  location_id: string;
  partition: string;
  control_plane_id: string;
  lifecycle: string;
  isolation: string;
  account_id: string;
  spec_version: string;
  max_tenants: number;
  max_load_units: number;
  max_quotas: string;
  tenant_count: number;
  load_units: number;
  quota_usage: string;
  created_at: string | Date;
  updated_at: string | Date;
};

export function rowToCell(row: CellRow): Cell {
  return {
    id: row.id,
    name: row.name,
    locationId: row.location_id,
    partition: row.partition,
    controlPlaneId: row.control_plane_id,
    lifecycle: row.lifecycle as CellLifecycle,
    isolation: row.isolation as CellIsolation,
    accountId: row.account_id,
    specVersion: row.spec_version,
    capacity: {
      tenants: Number(row.max_tenants),
      loadUnits: Number(row.max_load_units),
      quotas: JSON.parse(row.max_quotas),
    },
    usage: {
      tenants: Number(row.tenant_count),
      loadUnits: Number(row.load_units),
      quotas: JSON.parse(row.quota_usage),
    },
  };
}

export function cellToRow(cell: Cell, now: string): CellRow {
  return {
    id: cell.id,
    name: cell.name,
    location_id: cell.locationId,
    partition: cell.partition,
    control_plane_id: cell.controlPlaneId,
    lifecycle: cell.lifecycle,
    isolation: cell.isolation,
    account_id: cell.accountId,
    spec_version: cell.specVersion,
    max_tenants: cell.capacity.tenants,
    max_load_units: cell.capacity.loadUnits,
    max_quotas: JSON.stringify(cell.capacity.quotas),
    tenant_count: cell.usage.tenants,
    load_units: cell.usage.loadUnits,
    quota_usage: JSON.stringify(cell.usage.quotas),
    created_at: now,
    updated_at: now,
  };
}
