/**
 * Lifecycle of a cell. Only `active` cells take new tenants; `draining` cells
 * keep their tenants while they are migrated away.
 *
 * @public
 */
export type CellLifecycle =
  | 'planned'
  | 'provisioning'
  | 'active'
  | 'draining'
  | 'retired';

/**
 * Legal lifecycle transitions, as data so the UI can offer only legal moves.
 *
 * - `planned` → `provisioning` (work starts) or `retired` (plan abandoned)
 * - `provisioning` → `active` (ready) or `retired` (provisioning failed and the
 *   resources were torn down)
 * - `active` → `draining` (tenants are being moved away)
 * - `draining` → `active` (drain cancelled) or `retired` (empty)
 * - `retired` is final: a retired cell's account is closed, so it never
 *   comes back.
 *
 * @public
 */
export const CELL_TRANSITIONS: Readonly<
  Record<CellLifecycle, readonly CellLifecycle[]>
> = {
  planned: ['provisioning', 'retired'],
  provisioning: ['active', 'retired'],
  active: ['draining'],
  draining: ['active', 'retired'],
  retired: [],
};

/**
 * All lifecycle states, in lifecycle order.
 *
 * @public
 */
export const CELL_LIFECYCLES: readonly CellLifecycle[] = [
  'planned',
  'provisioning',
  'active',
  'draining',
  'retired',
];

/**
 * Whether a cell may move from one lifecycle state to another.
 *
 * @public
 */
export function canTransition(from: CellLifecycle, to: CellLifecycle): boolean {
  return CELL_TRANSITIONS[from].includes(to);
}

/**
 * Whether a cell is shared by many tenants (`pooled`) or belongs to one
 * tenant (`dedicated`).
 *
 * @public
 */
export type CellIsolation = 'pooled' | 'dedicated';

/**
 * All cell isolation models.
 *
 * @public
 */
export const CELL_ISOLATIONS: readonly CellIsolation[] = [
  'pooled',
  'dedicated',
];

/**
 * A capacity vector: used both for a cell's limits and for its current usage.
 *
 * @public
 */
export interface Capacity {
  /** Number of tenants. */
  tenants: number;
  /** Abstract load units (requests, storage, compute: whatever the spec sizes). */
  loadUnits: number;
  /**
   * Named, bounded resources, keyed by quota name (for example
   * `dedicatedDataStores`). A quota the cell does not list is not bounded by
   * the cell spec.
   */
  quotas: Record<string, number>;
}

/**
 * One standard, capacity-bounded copy of the application plane in a location.
 *
 * @public
 */
export interface Cell {
  /** Unique id. */
  id: string;
  /** Human name. */
  name: string;
  /** Location the cell runs in. */
  locationId: string;
  /** Partition of the location (denormalised for filtering). */
  partition: string;
  /** Control plane that manages the cell. */
  controlPlaneId: string;
  /** Lifecycle state. */
  lifecycle: CellLifecycle;
  /** Isolation model. */
  isolation: CellIsolation;
  /** AWS account id (12 digits) the cell lives in. */
  accountId: string;
  /** Version of the {@link CellSpec} the cell was built from. */
  specVersion: string;
  /** Limits. */
  capacity: Capacity;
  /** Current usage; never above `capacity`. */
  usage: Capacity;
}

/**
 * A service quota every cell needs, so quota increases can be requested per
 * cell before the cell is built.
 *
 * @public
 */
export interface CellServiceQuota {
  /** Service Quotas service code, for example `lambda`. */
  serviceCode: string;
  /** Service Quotas quota code, for example `L-B99A9384`. */
  quotaCode: string;
  /** Human name of the quota. */
  quotaName: string;
  /** Amount one cell needs. */
  perCell: number;
}

/**
 * The standard resource specification of a cell.
 *
 * @public
 */
export interface CellSpec {
  /** Spec version, recorded on every cell built from it. */
  version: string;
  /** Isolation model of cells built from this spec. */
  isolation: CellIsolation;
  /** Capacity of one cell. */
  capacity: Capacity;
  /** Service quotas one cell needs. */
  serviceQuotas: CellServiceQuota[];
}
