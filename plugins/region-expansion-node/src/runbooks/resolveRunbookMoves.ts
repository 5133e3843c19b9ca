import type {
  Cell,
  Footprint,
  Location,
  MigrationPlan,
  PlacementStrategy,
  RunbookRequestInput,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import type { LocationCatalog } from '../locations';
import type { PlacementEngine } from '../placement';
import { RunbookInputError } from './RunbookInputError';
import { checkMoveResidency, type ResidencyGrant } from './runbookResidency';

/** One tenant's move, resolved to cells and checked for residency. */
export interface ResolvedMove {
  /** Request field a problem with this tenant names. */
  field: string;
  tenant: Tenant;
  fromCell: Cell;
  toCell: Cell;
  from: Location;
  to: Location;
  /** Home location of the source and target control planes. */
  fromControlPlane: string;
  toControlPlane: string;
  residency: ResidencyGrant;
}

/** What resolving the moves needs. */
export interface ResolveMovesContext {
  engine: PlacementEngine;
  catalog: LocationCatalog;
  footprint: Footprint;
  strategy: PlacementStrategy;
  /** Home location of each control plane, by id. */
  controlPlaneHomes: Map<string, string>;
}

/** A tenant to move and the request field that names it. */
export interface NamedTenant {
  field: string;
  id: string;
  tenant?: Tenant;
}

function refusal(plan: MigrationPlan): string {
  if (plan.ok) return '';
  return plan.violations.map(v => `${v.constraint}: ${v.detail}`).join('; ');
}

function targetField(request: RunbookRequestInput): string {
  if (request.kind === 'into-partition') return 'partition';
  if (!request.target) return 'cellId';
  return 'cellId' in request.target ? 'target.cellId' : 'target.locationId';
}

/**
 * The location a named target is in, before a cell is chosen. Moving into a
 * partition names no location: only a tenant whose stated partition is
 * another one is judged up front (against the partition's home Region).
 */
function namedTarget(
  request: RunbookRequestInput,
  context: ResolveMovesContext,
  tenant: Tenant,
  source: Cell,
): Location | undefined {
  const { engine, catalog } = context;
  if (request.kind === 'into-partition') {
    const partition = catalog.partition(request.partition);
    if (!partition) {
      throw new RunbookInputError(
        'partition',
        `partition ${request.partition} does not exist`,
      );
    }
    const stated = tenant.residency.partition;
    return stated && stated !== partition.id
      ? catalog.require(partition.homeRegion)
      : undefined;
  }
  const target = request.target ?? { locationId: source.locationId };
  if ('cellId' in target) {
    const cell = engine.cell(target.cellId);
    if (!cell) {
      throw new RunbookInputError(
        'target.cellId',
        `cell ${target.cellId} does not exist`,
      );
    }
    return catalog.require(cell.locationId);
  }
  const location = catalog.get(target.locationId);
  if (!location) {
    throw new RunbookInputError(
      targetField(request),
      `location ${target.locationId} does not exist`,
    );
  }
  return location;
}

/** The cell the engine moves a tenant to (its usage moved in the engine). */
function chooseCell(
  request: RunbookRequestInput,
  context: ResolveMovesContext,
  tenant: Tenant,
  field: string,
): string {
  const { engine, strategy } = context;
  if (request.kind === 'into-partition') {
    // The move is what changes the tenant's partition: the engine looks for
    // a cell as if the tenant already belonged to the target partition.
    const decision = engine.place(
      {
        ...tenant,
        cellId: undefined,
        residency: { ...tenant.residency, partition: request.partition },
      },
      { strategy, commit: true },
    );
    if (decision.outcome === 'placed') return decision.cellId;
    throw new RunbookInputError(
      field,
      `no cell of partition ${request.partition} takes tenant ${tenant.id}: ${decision.reason}`,
    );
  }
  const target =
    request.kind === 'tenants'
      ? request.target
      : request.target ?? {
          locationId: engine.cell(tenant.cellId!)!.locationId,
        };
  const plan = engine.planMigration(tenant, target, { strategy, commit: true });
  if (plan.ok) return plan.cellId;
  const onlyTarget = plan.violations.every(v => v.constraint === 'target');
  throw new RunbookInputError(
    onlyTarget ? targetField(request) : field,
    `tenant ${tenant.id} cannot move: ${refusal(plan)}`,
  );
}

/**
 * Resolves each tenant of a request to its source and target cells, one
 * after the other on the same engine (so earlier moves use up headroom),
 * and checks every move with the residency rules. Throws
 * `RunbookInputError` for the first tenant that cannot move.
 */
export function resolveRunbookMoves(
  request: RunbookRequestInput,
  tenants: NamedTenant[],
  context: ResolveMovesContext,
): ResolvedMove[] {
  const { engine, catalog, footprint, controlPlaneHomes } = context;
  return tenants.map(({ field, id, tenant }) => {
    if (!tenant) {
      throw new RunbookInputError(field, `tenant ${id} does not exist`);
    }
    if (!tenant.cellId) {
      throw new RunbookInputError(
        field,
        `tenant ${id} is not placed in a cell; place it instead of moving it`,
      );
    }
    const fromCell = engine.cell(tenant.cellId);
    if (!fromCell) {
      throw new RunbookInputError(
        field,
        `tenant ${id} lives in cell ${tenant.cellId}, which placement leaves out (unknown or breaking a rule)`,
      );
    }
    const from = catalog.require(fromCell.locationId);
    // The border is judged before a cell is chosen, so a forbidden target
    // is refused with its residency rule, not as "no cell fits".
    const named = namedTarget(request, context, tenant, fromCell);
    if (named) {
      checkMoveResidency(
        { field, tenant, from, to: named },
        footprint,
        catalog,
      );
    }
    const toCell = engine.cell(chooseCell(request, context, tenant, field))!;
    const to = catalog.require(toCell.locationId);
    const toControlPlane =
      controlPlaneHomes.get(toCell.controlPlaneId) ?? to.id;
    // Tenant metadata crosses a border only when its control plane changes.
    const controlPlaneLocation =
      toCell.controlPlaneId === fromCell.controlPlaneId
        ? undefined
        : toControlPlane;
    const residency = checkMoveResidency(
      { field, tenant, from, to, controlPlaneLocation },
      footprint,
      catalog,
    );
    return {
      field,
      tenant,
      fromCell,
      toCell,
      from,
      to,
      fromControlPlane:
        controlPlaneHomes.get(fromCell.controlPlaneId) ?? from.id,
      toControlPlane,
      residency,
    };
  });
}
