import {
  DEFAULT_TENANT_PARTITION,
  TIER_CELL_ISOLATION,
  type Cell,
  type CellLifecycle,
  type ControlPlane,
  type Location,
  type Partition,
  type Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { assertControlPlaneMode } from '../controlPlane/controlPlaneMode';
import { DomainRuleError } from '../locations/errors';
import { matchesResidency } from '../locations/LocationCatalog';
import type { LocationCatalog } from '../locations/LocationCatalog';

/**
 * The partition a tenant must live in: its residency's, else the commercial
 * partition (other partitions are entered only when asked for).
 *
 * @public
 */
export function tenantPartition(tenant: Pick<Tenant, 'residency'>): string {
  return tenant.residency.partition ?? DEFAULT_TENANT_PARTITION;
}

/**
 * A domain rule a cell breaks: the offending field and why.
 *
 * @public
 */
export interface CellRuleViolation {
  /** Dotted path of the offending field, such as `capacity.tenants`. */
  field: string;
  /** Why the value breaks the rule. */
  reason: string;
}

/** The rules a cell breaks on its own: account id and dedicated capacity. */
function shapeViolation(cell: Cell): CellRuleViolation | undefined {
  if (!/^\d{12}$/.test(cell.accountId)) {
    return { field: 'accountId', reason: 'must be a 12-digit AWS account id' };
  }
  if (cell.isolation === 'dedicated' && cell.capacity.tenants > 1) {
    return {
      field: 'capacity.tenants',
      reason: `a dedicated cell belongs to one tenant, capacity is ${cell.capacity.tenants}`,
    };
  }
  return undefined;
}

/**
 * The first rule a cell's definition breaks, without looking at its usage:
 *
 * - the cell's location, partition or control plane do not match the objects
 *   given;
 * - the control plane runs in another partition than the cell (nothing
 *   crosses a partition; a partition such as `aws-eusc` that requires its own
 *   control plane says so in the message);
 * - the control plane does not manage the cell's location (or, for a Local
 *   Zone or Outpost, its parent Region);
 * - the account id is not 12 digits;
 * - a dedicated cell has room for more than one tenant.
 *
 * A changed cell is checked with the same rules as a new one.
 *
 * @public
 */
export function findCellDefinitionViolation(
  cell: Cell,
  location: Location,
  controlPlane: ControlPlane,
  partition?: Partition,
): CellRuleViolation | undefined {
  if (cell.locationId !== location.id) {
    return {
      field: 'locationId',
      reason: `'${cell.locationId}' does not match location '${location.id}'`,
    };
  }
  if (cell.partition !== location.partition) {
    return {
      field: 'partition',
      reason: `'${cell.partition}' differs from partition '${location.partition}' of location ${location.id}`,
    };
  }
  if (cell.controlPlaneId !== controlPlane.id) {
    return {
      field: 'controlPlaneId',
      reason: `'${cell.controlPlaneId}' does not match control plane '${controlPlane.id}'`,
    };
  }
  if (controlPlane.partition !== location.partition) {
    const why = partition?.requiresOwnControlPlane
      ? `partition ${location.partition} requires its own control plane inside the partition`
      : 'nothing crosses a partition boundary';
    return {
      field: 'controlPlaneId',
      reason: `control plane ${controlPlane.id} runs in partition ${controlPlane.partition} and cannot manage a cell in ${location.id} (partition ${location.partition}): ${why}`,
    };
  }
  if (!controlPlaneManages(controlPlane, location)) {
    return {
      field: 'controlPlaneId',
      reason: `control plane ${controlPlane.id} does not manage location ${location.id}`,
    };
  }
  return shapeViolation(cell);
}

/**
 * Whether a control plane manages a location: it lists the location, or
 * the parent Region of a Local Zone or Outpost.
 *
 * @public
 */
export function controlPlaneManages(
  controlPlane: Pick<ControlPlane, 'managedLocations'>,
  location: Pick<Location, 'id' | 'parentRegion'>,
): boolean {
  return (
    controlPlane.managedLocations.includes(location.id) ||
    (!!location.parentRegion &&
      controlPlane.managedLocations.includes(location.parentRegion))
  );
}

/**
 * The first dimension in which a cell's usage exceeds its capacity
 * (tenants, load units, then each declared quota).
 *
 * @public
 */
export function findCellUsageViolation(
  cell: Cell,
): CellRuleViolation | undefined {
  if (cell.usage.tenants > cell.capacity.tenants) {
    return {
      field: 'usage.tenants',
      reason: `${cell.usage.tenants} exceeds capacity ${cell.capacity.tenants}`,
    };
  }
  if (cell.usage.loadUnits > cell.capacity.loadUnits) {
    return {
      field: 'usage.loadUnits',
      reason: `${cell.usage.loadUnits} exceeds capacity ${cell.capacity.loadUnits}`,
    };
  }
  for (const [quota, limit] of Object.entries(cell.capacity.quotas)) {
    const used = cell.usage.quotas[quota] ?? 0;
    if (used > limit) {
      return {
        field: `usage.quotas.${quota}`,
        reason: `${used} exceeds capacity ${limit}`,
      };
    }
  }
  return undefined;
}

/**
 * The first rule a cell breaks that can be judged from the cell alone
 * (account id, dedicated capacity, usage within capacity); for views that
 * have the cells but not their control planes.
 *
 * @public
 */
export function findCellOwnViolation(
  cell: Cell,
): CellRuleViolation | undefined {
  return shapeViolation(cell) ?? findCellUsageViolation(cell);
}

/**
 * Checks that a cell may exist as described: every rule of
 * {@link findCellDefinitionViolation}, and usage within capacity in every
 * dimension. Throws {@link DomainRuleError} naming the field.
 *
 * @public
 */
export function assertCellAllowed(
  cell: Cell,
  location: Location,
  controlPlane: ControlPlane,
  partition?: Partition,
): void {
  const violation =
    findCellDefinitionViolation(cell, location, controlPlane, partition) ??
    findCellUsageViolation(cell);
  if (violation) throw new DomainRuleError(violation.field, violation.reason);
}

/**
 * Checks that a control plane may exist as described: its mode suits its
 * partition (see {@link controlPlaneModeProblem}), and it stays inside its
 * partition: its home and every managed location must exist and be in the
 * control plane's partition. Throws {@link DomainRuleError} naming the
 * field.
 *
 * @public
 */
export function assertControlPlaneAllowed(
  controlPlane: ControlPlane,
  catalog: LocationCatalog,
): void {
  const partition = catalog.partition(controlPlane.partition);
  if (!partition) {
    throw new DomainRuleError(
      'partition',
      `'${controlPlane.partition}' is not a known partition`,
    );
  }
  assertControlPlaneMode(controlPlane.mode, partition, 'mode');
  const home = catalog.get(controlPlane.homeLocation);
  if (!home) {
    throw new DomainRuleError(
      'homeLocation',
      `'${controlPlane.homeLocation}' is not a known location`,
    );
  }
  if (home.partition !== controlPlane.partition) {
    throw new DomainRuleError(
      'homeLocation',
      `${home.id} is in partition ${home.partition}, the control plane is in ${controlPlane.partition}`,
    );
  }
  controlPlane.managedLocations.forEach((id, index) => {
    const location = catalog.get(id);
    if (!location) {
      throw new DomainRuleError(
        `managedLocations.${index}`,
        `'${id}' is not a known location`,
      );
    }
    if (location.partition !== controlPlane.partition) {
      throw new DomainRuleError(
        `managedLocations.${index}`,
        `${id} is in partition ${location.partition}; a control plane in ${controlPlane.partition} cannot manage it (nothing crosses a partition)`,
      );
    }
  });
}

/**
 * Checks that a tenant may be pinned to a cell: same partition, residency
 * satisfied by the cell's location, and the cell's isolation fits the tier.
 * Throws {@link DomainRuleError} naming the field.
 *
 * @public
 */
export function assertTenantPinAllowed(
  tenant: Pick<Tenant, 'tier' | 'residency'>,
  cell: Cell,
  location: Location,
): void {
  const partition = tenantPartition(tenant);
  if (location.partition !== partition) {
    throw new DomainRuleError(
      'cellId',
      `cell ${cell.id} is in partition ${location.partition}, the tenant must live in ${partition}`,
    );
  }
  const residency = matchesResidency(location, tenant.residency);
  if (!residency.ok) {
    throw new DomainRuleError(
      'cellId',
      `cell ${cell.id} contradicts the tenant's residency: ${residency.reason}`,
    );
  }
  const isolation = TIER_CELL_ISOLATION[tenant.tier];
  if (cell.isolation !== isolation) {
    throw new DomainRuleError(
      'cellId',
      `cell ${cell.id} is ${cell.isolation}; a ${tenant.tier} tenant needs a ${isolation} cell`,
    );
  }
}

/**
 * The lifecycle states of a cell a tenant may be pinned to (`cellId` when
 * a tenant is created or imported): an active cell, or one still being
 * provisioned, as a placement with `allowProvisioning` may choose. A
 * planned cell does not exist yet, a draining cell is being emptied, and a
 * retired cell must stay empty.
 *
 * @public
 */
export const PIN_LIFECYCLES: readonly CellLifecycle[] = [
  'active',
  'provisioning',
];

/**
 * Checks that a cell takes a pinned tenant now, by its lifecycle (see
 * {@link PIN_LIFECYCLES}). Separate from {@link assertTenantPinAllowed}:
 * a tenant already living in a draining cell may still be changed there.
 * Throws {@link DomainRuleError} naming `cellId`.
 *
 * @public
 */
export function assertCellTakesPin(cell: Pick<Cell, 'id' | 'lifecycle'>): void {
  if (!PIN_LIFECYCLES.includes(cell.lifecycle)) {
    throw new DomainRuleError(
      'cellId',
      `cell ${cell.id} is ${
        cell.lifecycle
      }; a tenant is pinned only to an ${PIN_LIFECYCLES.join(' or ')} cell`,
    );
  }
}
