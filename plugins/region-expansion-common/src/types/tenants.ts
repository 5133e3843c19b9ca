import type { z } from 'zod';
import type {
  residencySchema,
  tenantListQuerySchema,
  tenantListSchema,
  tenantSchema,
} from '../schemas/tenants';
import type { CellIsolation } from './cells';

/**
 * Tenant isolation tier:
 *
 * - `pool`: shares a pooled cell and its data stores with other tenants.
 * - `bridge`: shares a pooled cell's compute but gets its own data store
 *   inside that cell (it consumes one unit of the cell's
 *   {@link BRIDGE_DATA_STORE_QUOTA} quota when the cell bounds it).
 * - `silo`: gets a dedicated cell of its own.
 *
 * @public
 */
export type TenantTier = 'pool' | 'bridge' | 'silo';

/**
 * All tenant tiers.
 *
 * @public
 */
export const TENANT_TIERS: readonly TenantTier[] = ['pool', 'bridge', 'silo'];

/**
 * The cell isolation each tenant tier needs.
 *
 * @public
 */
export const TIER_CELL_ISOLATION: Readonly<Record<TenantTier, CellIsolation>> =
  {
    pool: 'pooled',
    bridge: 'pooled',
    silo: 'dedicated',
  };

/**
 * Name of the cell quota a bridge tenant's dedicated data store consumes.
 *
 * @public
 */
export const BRIDGE_DATA_STORE_QUOTA = 'dedicatedDataStores';

/**
 * Where a tenant's data may live. Every stated dimension must hold; an
 * omitted dimension does not constrain. Without a partition the tenant
 * lives in the commercial partition `aws`: other partitions are entered
 * only on request.
 *
 * @public
 */
export type Residency = z.output<typeof residencySchema>;

/**
 * Partition assumed for a tenant whose residency names none.
 *
 * @public
 */
export const DEFAULT_TENANT_PARTITION = 'aws';

/**
 * Data classification of a tenant's data.
 *
 * @public
 */
export type DataClassification =
  | 'public'
  | 'internal'
  | 'confidential'
  | 'restricted';

/**
 * All data classifications, least to most sensitive.
 *
 * @public
 */
export const DATA_CLASSIFICATIONS: readonly DataClassification[] = [
  'public',
  'internal',
  'confidential',
  'restricted',
];

/**
 * A customer of the SaaS product.
 *
 * @public
 */
export type Tenant = z.output<typeof tenantSchema>;

/**
 * Filter and page of `GET /tenants`.
 *
 * @public
 */
export type TenantListQuery = z.input<typeof tenantListQuerySchema>;

/**
 * A page of tenants, as `GET /tenants` answers it.
 *
 * @public
 */
export type TenantListResponse = z.output<typeof tenantListSchema>;
