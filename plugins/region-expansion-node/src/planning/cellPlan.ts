import {
  accountIdSchema,
  cellSpecSchema,
  createCellSchema,
  TIER_CELL_ISOLATION,
  type Capacity,
  type CellIsolation,
  type CellSpec,
  type ControlPlane,
  type ControlPlaneMode,
  type QuotaRequest,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import { planControlPlane } from '../controlPlane/planControlPlane';
import { DomainRuleError } from '../locations/errors';
import { LocationCatalog } from '../locations/LocationCatalog';
import { requireLocation } from '../locations/requireLocation';
import { planQuotas } from '../placement/quotas';
import { parseField, quoteValue } from '../validation/fields';
import { assertPlannedCellAllowed } from './planTarget';

/**
 * Largest number of cells one plan may hold: `plan-cells`,
 * `render-application-plane` and `register` refuse more, naming `cellCount`
 * or `cells`. Each cell is one CDK stack and one write to the backend, so a
 * plan stays a size one task renders and records in seconds; a larger
 * estate is several plans.
 *
 * @public
 */
export const MAX_CELLS_PER_PLAN = 99;

/**
 * Pattern of a plan name: it prefixes every id derived from it.
 *
 * @public
 */
export const PLAN_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;

/**
 * Input of {@link planCells}; the cell spec is validated here with the shared
 * `cellSpecSchema`.
 *
 * @public
 */
export interface PlanCellsInput {
  /**
   * Plan name matching {@link PLAN_NAME_PATTERN}; prefixes the cell ids and
   * the default control-plane id.
   */
  name: string;
  /**
   * Id of the Region, Local Zone or Outpost the cells are planned in, e.g.
   * `eu-central-1`.
   */
  targetLocation: string;
  /**
   * Control-plane mode; `partition` is required in, and only allowed for, a
   * partition with its own control plane such as `aws-eusc`.
   */
  controlPlaneMode: ControlPlaneMode;
  /** Id of the control plane that manages the cells; default `<name>-cp`. */
  controlPlaneId?: string;
  /**
   * Tenant isolation model; the spec's cells must suit it (`silo` needs
   * dedicated cells, `pool` and `bridge` pooled ones).
   */
  isolationModel: TenantTier;
  /**
   * Cell specification (version, isolation, capacity, serviceQuotas),
   * validated with the shared `cellSpecSchema`.
   */
  cellSpec: unknown;
  /** Number of cells, a whole number from 1 to {@link MAX_CELLS_PER_PLAN}. */
  cellCount: number;
  /**
   * 12-digit AWS account ids the cells are spread over in turn: at least one,
   * and for `silo` one distinct account per cell.
   */
  accountIds: string[];
}

/**
 * A cell as planned: the body of "create a cell" with lifecycle `planned`.
 *
 * @public
 */
export interface PlannedCell {
  /**
   * Cell id `<plan name>-cell-<ordinal>`, the ordinal zero-padded to at least
   * two digits, e.g. `payments-de-cell-01`.
   */
  id: string;
  /** Human name, `<plan name> cell <ordinal> (<location id>)`. */
  name: string;
  /** Id of the location the cell runs in: the plan's target location. */
  locationId: string;
  /** Id of the control plane that manages the cell. */
  controlPlaneId: string;
  /** Always `planned`: the cell is recorded before it is provisioned. */
  lifecycle: 'planned';
  /** Isolation of the cell, from the cell spec. */
  isolation: CellIsolation;
  /** 12-digit AWS account id the cell lives in. */
  accountId: string;
  /** Version of the cell spec the cell is built from. */
  specVersion: string;
  /** Limits of the cell, from the cell spec. */
  capacity: Capacity;
}

/**
 * Service quota increases one account needs for the cells placed in it.
 *
 * @public
 */
export interface AccountQuotaPlan {
  /** 12-digit AWS account id the increases are requested in. */
  accountId: string;
  /** Ids of the planned cells placed in this account. */
  cellIds: string[];
  /**
   * One request per service quota of the cell spec, sized for this
   * account's cells (`total` is `perCell` times their number).
   */
  requests: QuotaRequest[];
}

/**
 * Result of {@link planCells}.
 *
 * @public
 */
export interface CellPlan {
  /** Plan name, as given; prefixes the cell ids. */
  name: string;
  /** Id of the location the cells are planned in. */
  targetLocation: string;
  /** Partition id of the target location, e.g. `aws` or `aws-eusc`. */
  partition: string;
  /** Tenant isolation model the cells were planned for. */
  isolationModel: TenantTier;
  /** The control plane the cells need, from {@link planControlPlane}. */
  controlPlane: ControlPlane;
  /** The planned cells, in ordinal order. */
  cells: PlannedCell[];
  /**
   * Service quota increases, one entry per account that holds cells, in the
   * order the accounts receive their first cell.
   */
  quotaRequests: AccountQuotaPlan[];
}

/**
 * Checks a plan name; throws naming `name`.
 *
 * @public
 */
export function assertPlanName(name: string): void {
  if (!PLAN_NAME_PATTERN.test(name)) {
    throw new DomainRuleError(
      'name',
      `${quoteValue(
        name,
      )} must be 1-48 lower-case letters, digits or hyphens, starting with a letter or digit (it prefixes the cell and control-plane ids)`,
    );
  }
}

/**
 * Checks the size of a plan's `cells`: at least one, at most
 * {@link MAX_CELLS_PER_PLAN}; throws naming `cells`.
 *
 * @public
 */
export function assertCellCount(cells: readonly unknown[]): void {
  if (!cells.length) {
    throw new DomainRuleError(
      'cells',
      'the plan has no cells; run region-expansion:plan-cells first',
    );
  }
  if (cells.length > MAX_CELLS_PER_PLAN) {
    throw new DomainRuleError(
      'cells',
      `${cells.length} cells are more than the ${MAX_CELLS_PER_PLAN} one plan may hold; split the plan`,
    );
  }
}

/**
 * Checks that no two cells share an id; throws naming the later one's
 * `cells.<index>.id`.
 *
 * @public
 */
export function assertDistinctCellIds(cells: ReadonlyArray<{ id: string }>) {
  const seen = new Map<string, number>();
  cells.forEach((cell, index) => {
    const first = seen.get(cell.id);
    if (first !== undefined) {
      throw new DomainRuleError(
        `cells.${index}.id`,
        `${quoteValue(cell.id)} is also the id of cells.${first}`,
      );
    }
    seen.set(cell.id, index);
  });
}

/**
 * Validates cells as `region-expansion:plan-cells` outputs them, before
 * anything is written: their number ({@link assertCellCount}), each cell
 * with the shared `createCellSchema` (the body the backend accepts: ids,
 * 12-digit account, capacity within `CAPACITY_LIMITS`), lifecycle
 * `planned`, and distinct ids. Throws naming `cells.<index>.<field>`;
 * returns the cells as parsed.
 *
 * @public
 */
export function parsePlannedCells(cells: readonly unknown[]): PlannedCell[] {
  assertCellCount(cells);
  const parsed = cells.map((cell, index) => {
    const valid = parseField(createCellSchema, cell, `cells.${index}`);
    if (valid.lifecycle !== 'planned') {
      throw new DomainRuleError(
        `cells.${index}.lifecycle`,
        `${quoteValue(
          valid.lifecycle,
        )} is not 'planned': a plan records new cells, which then move on through the cell routes`,
      );
    }
    return { ...valid, lifecycle: 'planned' as const };
  });
  assertDistinctCellIds(parsed);
  return parsed;
}

/**
 * Plans `cellCount` cells of one spec in the target location: ids derived
 * from the plan name (`<name>-cell-01`…), lifecycle `planned`, spread over
 * the given accounts in turn, and the service-quota requests per account
 * (from `planQuotas`). Rejects, naming the field, an isolation model the
 * spec cannot satisfy (silo tenants need dedicated single-tenant cells, pool
 * and bridge tenants pooled ones), a silo plan with fewer accounts than
 * cells, and a control-plane mode the partition forbids. Pure.
 *
 * @public
 */
export function planCells(
  input: PlanCellsInput,
  catalog: LocationCatalog = LocationCatalog.fromSnapshot(),
): CellPlan {
  assertPlanName(input.name);
  const { location, partition } = requireLocation(
    catalog,
    input.targetLocation,
    'targetLocation',
  );
  const spec: CellSpec = parseField(cellSpecSchema, input.cellSpec, 'cellSpec');
  if (
    !Number.isInteger(input.cellCount) ||
    input.cellCount < 1 ||
    input.cellCount > MAX_CELLS_PER_PLAN
  ) {
    throw new DomainRuleError(
      'cellCount',
      `must be a whole number from 1 to ${MAX_CELLS_PER_PLAN}, got ${input.cellCount}`,
    );
  }
  if (input.accountIds.length === 0) {
    throw new DomainRuleError(
      'accountIds',
      'name at least one AWS account for the cells',
    );
  }
  input.accountIds.forEach((id, index) =>
    parseField(accountIdSchema, id, `accountIds.${index}`),
  );
  const needed = TIER_CELL_ISOLATION[input.isolationModel];
  if (spec.isolation !== needed) {
    throw new DomainRuleError(
      'cellSpec.isolation',
      `the plan cannot satisfy isolation model '${input.isolationModel}': ${input.isolationModel} tenants need ${needed} cells, the cell spec builds ${spec.isolation} cells`,
    );
  }
  if (spec.isolation === 'dedicated' && spec.capacity.tenants !== 1) {
    throw new DomainRuleError(
      'cellSpec.capacity.tenants',
      `a dedicated (silo) cell holds exactly one tenant, the spec says ${spec.capacity.tenants}`,
    );
  }
  if (spec.isolation === 'pooled' && spec.capacity.tenants < 2) {
    throw new DomainRuleError(
      'cellSpec.capacity.tenants',
      `a pooled cell is shared by tenants, so it needs room for at least 2, the spec says ${spec.capacity.tenants}`,
    );
  }
  if (
    input.isolationModel === 'silo' &&
    new Set(input.accountIds).size < input.cellCount
  ) {
    throw new DomainRuleError(
      'accountIds',
      `silo isolation puts each dedicated cell in its own account: ${
        input.cellCount
      } cells need ${input.cellCount} distinct accounts, got ${
        new Set(input.accountIds).size
      }`,
    );
  }

  const controlPlane = planControlPlane(input, catalog);
  const width =
    String(input.cellCount).length < 2 ? 2 : String(input.cellCount).length;
  const cells: PlannedCell[] = Array.from(
    { length: input.cellCount },
    (_, i) => {
      const ordinal = String(i + 1).padStart(width, '0');
      const cell: PlannedCell = {
        id: `${input.name}-cell-${ordinal}`,
        name: `${input.name} cell ${ordinal} (${location.id})`,
        locationId: location.id,
        controlPlaneId: controlPlane.id,
        lifecycle: 'planned',
        isolation: spec.isolation,
        accountId: input.accountIds[i % input.accountIds.length],
        specVersion: spec.version,
        capacity: spec.capacity,
      };
      assertPlannedCellAllowed(cell, i, { location, partition, controlPlane });
      return cell;
    },
  );

  const byAccount = new Map<string, string[]>();
  for (const cell of cells) {
    byAccount.set(cell.accountId, [
      ...(byAccount.get(cell.accountId) ?? []),
      cell.id,
    ]);
  }
  const quotaRequests = [...byAccount.entries()].map(
    ([accountId, cellIds]) => ({
      accountId,
      cellIds,
      requests: planQuotas(spec, cellIds.length),
    }),
  );

  return {
    name: input.name,
    targetLocation: location.id,
    partition: location.partition,
    isolationModel: input.isolationModel,
    controlPlane,
    cells,
    quotaRequests,
  };
}
