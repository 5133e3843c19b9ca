import {
  Cell,
  Tenant,
  TenantSortDirection,
  TenantSortField,
  TenantTier,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Filter and page of {@link TenantStore.listTenants}.
 *
 * @public
 */
export interface TenantQuery {
  /** Only tenants in this cell. */
  cellId?: string;
  /** Only tenants of this tier. */
  tier?: TenantTier;
  /** Only tenants whose cell is in this partition. */
  partition?: string;
  /** Only tenants whose cell is in this location. */
  locationId?: string;
  /** `true`: only tenants without a cell; `false`: only placed tenants. */
  unplaced?: boolean;
  /** Only tenants whose name or id contains this text, ignoring case. */
  q?: string;
  /** Order of the list; ties (and the default) are ordered by id. */
  sort?: { field: TenantSortField; direction: TenantSortDirection };
  /** Number of tenants to skip. */
  offset: number;
  /** Maximum number of tenants to return. */
  limit: number;
}

/**
 * One page of tenants.
 *
 * @public
 */
export interface TenantPage {
  /** Tenants of this page, in the query's order. */
  items: Tenant[];
  /** Number of tenants matching the filter across all pages. */
  totalCount: number;
}

/**
 * Changes to a tenant's own fields; moves between cells go through the
 * placement store.
 *
 * @public
 */
export type TenantChanges = Partial<
  Pick<
    Tenant,
    | 'name'
    | 'tier'
    | 'residency'
    | 'classification'
    | 'loadUnits'
    | 'quotaUsage'
  >
>;

/**
 * What the tenant service needs stored: tenants, with their cell's usage
 * kept in step (guarded by capacity) when they are pinned or change load.
 *
 * @public
 */
export interface TenantStore {
  /** A page of tenants matching the filter, in the query's order. */
  listTenants(query: TenantQuery): Promise<TenantPage>;
  /** One tenant, or `undefined`. */
  getTenant(id: string): Promise<Tenant | undefined>;
  /** Number of tenants. */
  countTenants(): Promise<number>;
  /**
   * Adds a tenant; `ConflictError` when the id exists. A tenant pinned to a
   * cell (`cellId`) is counted in the cell's usage (guarded by capacity) and
   * gets a history row, all in one transaction. Whether the pin honours
   * residency and tier is the caller's decision; `verifyCell` sees the cell
   * as it is now, locked, and throws to refuse (for example when it was
   * retired after the caller checked it).
   */
  addTenant(
    tenant: Tenant,
    options: {
      actor: string;
      reason: string;
      verifyCell?: (cell: Cell) => void;
    },
  ): Promise<Tenant>;
  /**
   * Changes a tenant inside a transaction. `decide` sees the current tenant
   * and its cell (both locked on PostgreSQL) and returns the changes, or
   * throws to abort. Load and quota changes are applied to the cell's usage
   * with the same capacity guard as a placement.
   */
  updateTenant(
    id: string,
    decide: (current: Tenant, cell: Cell | undefined) => TenantChanges,
  ): Promise<Tenant>;
  /**
   * Imports tenants in ONE transaction, in chunks, letting the event loop
   * run between chunks. Rows may name the cell they already live in; the
   * cells' usage grows accordingly, guarded by capacity. Any failure
   * (duplicate id, missing cell, overflow, a cell `verifyCell` refuses as
   * it is now, locked) rolls back every row. Validation of the rows'
   * content is the caller's job.
   */
  importTenants(
    tenants: Tenant[],
    options: {
      actor: string;
      reasons?: ReadonlyMap<string, string>;
      verifyCell?: (cell: Cell) => void;
    },
  ): Promise<{ imported: number; placed: number }>;
}
