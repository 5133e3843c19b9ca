import type { z } from 'zod';
import type {
  capacitySchema,
  cellSchema,
  cellSpecSchema,
} from '../schemas/cells';

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
export type Capacity = z.output<typeof capacitySchema>;

/**
 * One standard, capacity-bounded copy of the application plane in a location.
 *
 * @public
 */
export type Cell = z.output<typeof cellSchema>;

/**
 * A service quota every cell needs, so quota increases can be requested per
 * cell before the cell is built.
 *
 * @public
 */
export type CellServiceQuota = CellSpec['serviceQuotas'][number];

/**
 * The standard resource specification of a cell.
 *
 * @public
 */
export type CellSpec = z.output<typeof cellSpecSchema>;
