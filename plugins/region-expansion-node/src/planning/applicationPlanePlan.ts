import {
  accountIdSchema,
  capacitySchema,
  cellIsolationSchema,
  countryCodeSchema,
  idSchema,
  regionOf,
  TIER_CELL_ISOLATION,
  type ControlPlaneMode,
  type EncryptionTier,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { DomainRuleError } from '../locations/errors';
import { LocationCatalog } from '../locations/LocationCatalog';
import { parseField } from '../validation/fields';
import {
  assertCellCount,
  assertDistinctCellIds,
  type PlannedCell,
} from './cellPlan';
import { planTarget } from './planTarget';

/**
 * One cell of the generated application plane.
 *
 * @public
 */
export interface ApplicationPlaneCell {
  /** Planned cell id, e.g. `payments-de-cell-01`; also the id of its stack. */
  id: string;
  /** 12-digit AWS account id the cell's stack deploys to. */
  accountId: string;
  /** Isolation of the cell: shared by tenants or dedicated to one. */
  isolation: 'pooled' | 'dedicated';
  /** Number of tenants the cell has room for (its capacity). */
  tenants: number;
}

/**
 * Everything that shapes the generated CDK application. Plain data; the
 * generated `lib/plan.ts` holds it verbatim.
 *
 * @public
 */
export interface ApplicationPlanePlan {
  /**
   * Plan name: names the generated package, tags every stack and prefixes
   * the SSM parameter paths the cells read.
   */
  name: string;
  /** Partition id of the target location, e.g. `aws` or `aws-eusc`. */
  partition: string;
  /** Region the cells deploy to (the parent Region of a Local Zone). */
  region: string;
  /** Target location id (Region, Local Zone or Outpost). */
  locationId: string;
  /** Countries the data must stay in (informational tags and README). */
  residencyCountries: string[];
  /** Mode of the control plane the cells report to. */
  controlPlaneMode: ControlPlaneMode;
  /** Region of the control plane the cells report to. */
  controlPlaneRegion: string;
  /**
   * Tenant isolation model; `silo` keys the cell tables by `pk` rather than
   * `tenantId`.
   */
  isolationModel: TenantTier;
  /** Encryption tier; decides the key setup of the cells' data stores. */
  encryptionTier: EncryptionTier;
  /** The cells, one stack each in the cell's account and `region`. */
  cells: ApplicationPlaneCell[];
}

/**
 * Input of {@link applicationPlanePlan}: the wizard's choices and the cells
 * of `region-expansion:plan-cells`.
 *
 * @public
 */
export interface ApplicationPlaneChoices {
  /** Plan name matching {@link PLAN_NAME_PATTERN}. */
  name: string;
  /** Id of the Region, Local Zone or Outpost the application plane is for. */
  targetLocation: string;
  /**
   * Control-plane mode, checked against the target's partition as in
   * `planControlPlane`.
   */
  controlPlaneMode: ControlPlaneMode;
  /** Tenant isolation model. */
  isolationModel: TenantTier;
  /**
   * Encryption tier of the cells' data stores; `cloudhsm` is refused where
   * the availability data says CloudHSM is not offered in the Region.
   */
  encryptionTier: EncryptionTier;
  /**
   * Cells from `region-expansion:plan-cells`: 1 to `MAX_CELLS_PER_PLAN`,
   * with distinct ids, all planned for `targetLocation` with the isolation
   * the isolation model needs; ids, account ids and tenants are checked
   * with the shared schemas, as they are written into the generated code.
   */
  cells: Array<
    Pick<PlannedCell, 'id' | 'accountId' | 'isolation' | 'locationId'> & {
      capacity: { tenants: number };
    }
  >;
  /**
   * ISO 3166-1 alpha-2 codes of the countries the data must stay in; the
   * target must be one of them.
   */
  residencyCountries?: string[];
}

/**
 * Checks the wizard's choices and turns them into the plan the CDK
 * generator renders. Throws naming the field: unknown `targetLocation`, a
 * `controlPlaneMode` the partition forbids, `residencyCountries` the target
 * is not in, `encryptionTier` `cloudhsm` where CloudHSM is not offered, and
 * `cells` that are empty, too many, malformed, duplicated, planned for
 * another location or of the wrong isolation. Pure.
 *
 * @public
 */
export function applicationPlanePlan(
  choices: ApplicationPlaneChoices,
  catalog: LocationCatalog = LocationCatalog.fromSnapshot(),
  availability: AvailabilityIndex = AvailabilityIndex.fromSnapshot(),
): ApplicationPlanePlan {
  const { location, partition, controlPlane } = planTarget(choices, catalog);
  const countries = (choices.residencyCountries ?? []).map((code, index) =>
    parseField(countryCodeSchema, code, `residencyCountries.${index}`),
  );
  if (countries.length && !countries.includes(location.country)) {
    throw new DomainRuleError(
      'residencyCountries',
      `${location.id} is in ${
        location.country
      }; the residency boundary allows ${countries.join(
        ', ',
      )}, so the application plane cannot live there`,
    );
  }
  const region = regionOf(location);
  if (
    choices.encryptionTier === 'cloudhsm' &&
    availability.knows(region) &&
    !availability.has('cloudhsm', region)
  ) {
    throw new DomainRuleError(
      'encryptionTier',
      `CloudHSM is not offered in ${region} per availability data of ${availability.snapshotDate}; choose external-key-store or customer-managed-kms-key`,
    );
  }
  assertCellCount(choices.cells);
  const isolation = TIER_CELL_ISOLATION[choices.isolationModel];
  choices.cells.forEach((cell, index) => {
    const at = (field: string) => `cells.${index}.${field}`;
    parseField(idSchema, cell.id, at('id'));
    parseField(accountIdSchema, cell.accountId, at('accountId'));
    parseField(cellIsolationSchema, cell.isolation, at('isolation'));
    parseField(
      capacitySchema.shape.tenants,
      cell.capacity?.tenants,
      at('capacity.tenants'),
    );
    if (cell.locationId !== location.id) {
      throw new DomainRuleError(
        at('locationId'),
        `cell ${cell.id} is planned for ${cell.locationId}, not ${location.id}`,
      );
    }
    if (cell.isolation !== isolation) {
      throw new DomainRuleError(
        at('isolation'),
        `cell ${cell.id} is ${cell.isolation}; ${choices.isolationModel} tenants need ${isolation} cells`,
      );
    }
  });
  assertDistinctCellIds(choices.cells);
  return {
    name: choices.name,
    partition: partition.id,
    region,
    locationId: location.id,
    residencyCountries: countries,
    controlPlaneMode: controlPlane.mode,
    controlPlaneRegion: controlPlane.homeLocation,
    isolationModel: choices.isolationModel,
    encryptionTier: choices.encryptionTier,
    cells: choices.cells.map(c => ({
      id: c.id,
      accountId: c.accountId,
      isolation: c.isolation,
      tenants: c.capacity.tenants,
    })),
  };
}
