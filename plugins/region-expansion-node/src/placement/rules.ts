import {
  DEFAULT_TENANT_PARTITION,
  TIER_CELL_ISOLATION,
  type Cell,
  type ControlPlane,
  type Location,
  type Partition,
  type Tenant,
} from '@region-expansion/plugin-region-expansion-common';
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
 * Checks that a cell may exist as described. Throws {@link DomainRuleError}
 * naming the field when:
 *
 * - the cell's location, partition or control plane do not match the objects
 *   given;
 * - the control plane runs in another partition than the cell (nothing
 *   crosses a partition; a partition such as `aws-eusc` that requires its own
 *   control plane says so in the message);
 * - the control plane does not manage the cell's location (or, for a Local
 *   Zone or Outpost, its parent Region);
 * - the account id is not 12 digits;
 * - a dedicated cell has room for more than one tenant;
 * - usage exceeds capacity in any dimension.
 *
 * @public
 */
export function assertCellAllowed(
  cell: Cell,
  location: Location,
  controlPlane: ControlPlane,
  partition?: Partition,
): void {
  if (cell.locationId !== location.id) {
    throw new DomainRuleError(
      'locationId',
      `'${cell.locationId}' does not match location '${location.id}'`,
    );
  }
  if (cell.partition !== location.partition) {
    throw new DomainRuleError(
      'partition',
      `'${cell.partition}' differs from partition '${location.partition}' of location ${location.id}`,
    );
  }
  if (cell.controlPlaneId !== controlPlane.id) {
    throw new DomainRuleError(
      'controlPlaneId',
      `'${cell.controlPlaneId}' does not match control plane '${controlPlane.id}'`,
    );
  }
  if (controlPlane.partition !== location.partition) {
    const why = partition?.requiresOwnControlPlane
      ? `partition ${location.partition} requires its own control plane inside the partition`
      : 'nothing crosses a partition boundary';
    throw new DomainRuleError(
      'controlPlaneId',
      `control plane ${controlPlane.id} runs in partition ${controlPlane.partition} and cannot manage a cell in ${location.id} (partition ${location.partition}): ${why}`,
    );
  }
  const managed =
    controlPlane.managedLocations.includes(location.id) ||
    (location.parentRegion !== undefined &&
      controlPlane.managedLocations.includes(location.parentRegion));
  if (!managed) {
    throw new DomainRuleError(
      'controlPlaneId',
      `control plane ${controlPlane.id} does not manage location ${location.id}`,
    );
  }
  if (!/^\d{12}$/.test(cell.accountId)) {
    throw new DomainRuleError('accountId', 'must be a 12-digit AWS account id');
  }
  if (cell.isolation === 'dedicated' && cell.capacity.tenants > 1) {
    throw new DomainRuleError(
      'capacity.tenants',
      `a dedicated cell belongs to one tenant, capacity is ${cell.capacity.tenants}`,
    );
  }
  if (cell.usage.tenants > cell.capacity.tenants) {
    throw new DomainRuleError(
      'usage.tenants',
      `${cell.usage.tenants} exceeds capacity ${cell.capacity.tenants}`,
    );
  }
  if (cell.usage.loadUnits > cell.capacity.loadUnits) {
    throw new DomainRuleError(
      'usage.loadUnits',
      `${cell.usage.loadUnits} exceeds capacity ${cell.capacity.loadUnits}`,
    );
  }
  for (const [quota, limit] of Object.entries(cell.capacity.quotas)) {
    const used = cell.usage.quotas[quota] ?? 0;
    if (used > limit) {
      throw new DomainRuleError(
        `usage.quotas.${quota}`,
        `${used} exceeds capacity ${limit}`,
      );
    }
  }
}

/**
 * Checks that a control plane stays inside its partition: its home and every
 * managed location must exist and be in the control plane's partition.
 * Throws {@link DomainRuleError} naming the field.
 *
 * @public
 */
export function assertControlPlaneAllowed(
  controlPlane: ControlPlane,
  catalog: LocationCatalog,
): void {
  if (!catalog.partition(controlPlane.partition)) {
    throw new DomainRuleError(
      'partition',
      `'${controlPlane.partition}' is not a known partition`,
    );
  }
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
