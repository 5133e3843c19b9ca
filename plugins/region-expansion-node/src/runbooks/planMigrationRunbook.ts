import { createHash } from 'node:crypto';
import {
  RUNBOOK_LIMITS,
  type Cell,
  type CellSpec,
  type ControlPlane,
  type Footprint,
  type PlacementStrategy,
  type Runbook,
  type RunbookRequestInput,
  type Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { toCents, type PriceBook } from '../cost';
import type { LocationCatalog } from '../locations';
import { PlacementEngine, type ReadinessLookup } from '../placement';
import { RunbookInputError } from './RunbookInputError';
import { describeRunbookAssumptions } from './runbookAssumptions';
import { EMPTY_FOOTPRINT } from './runbookResidency';
import { resolveRunbookMoves, type NamedTenant } from './resolveRunbookMoves';
import { tenantDataStores, tenantSteps, type DraftStep } from './runbookSteps';

/**
 * What planning a runbook reads: the request, the estate as stored and,
 * when known, the application plane's footprint and prices.
 *
 * @public
 */
export interface PlanMigrationRunbookInput {
  /** The validated request: which tenants move, and where to. */
  request: RunbookRequestInput;
  /**
   * The tenants the request names (any order; a missing one is refused),
   * or for `evacuate-cell` every tenant of the cell.
   */
  tenants: Tenant[];
  /** Every stored cell with its usage. */
  cells: Cell[];
  /** The location catalog: partitions, countries and jurisdictions of locations. */
  catalog: LocationCatalog;
  /** Every stored control plane; a move to another one copies the tenant's metadata. */
  controlPlanes: ControlPlane[];
  /** The cell spec; its service quotas name data stores. */
  cellSpec: CellSpec;
  /** Latest readiness levels; default every location `unknown`. */
  readiness?: ReadinessLookup;
  /** The stored application-plane footprint; default none. */
  footprint?: Footprint;
  /** Price books of source Regions; without one a copy is not priced. */
  priceBooks?: PriceBook[];
  /** Strategy for choosing a cell in a target location; default `pack`. */
  strategy?: PlacementStrategy;
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The tenants of the request, each with the field that names it. */
function namedTenants(input: PlanMigrationRunbookInput): NamedTenant[] {
  const { request, tenants } = input;
  const byId = new Map(tenants.map(t => [t.id, t]));
  if (request.kind !== 'evacuate-cell') {
    return request.tenantIds.map((id, i) => ({
      field: `tenantIds.${i}`,
      id,
      tenant: byId.get(id),
    }));
  }
  if (!input.cells.some(c => c.id === request.cellId)) {
    throw new RunbookInputError(
      'cellId',
      `cell ${request.cellId} does not exist`,
    );
  }
  const residents = tenants
    .filter(t => t.cellId === request.cellId)
    .sort((a, b) => a.id.localeCompare(b.id));
  if (residents.length === 0) {
    throw new RunbookInputError(
      'cellId',
      `cell ${request.cellId} holds no tenant`,
    );
  }
  if (residents.length > RUNBOOK_LIMITS.tenants) {
    throw new RunbookInputError(
      'cellId',
      `cell ${request.cellId} holds ${residents.length} tenants; one runbook moves at most ${RUNBOOK_LIMITS.tenants}, move them in batches with kind tenants`,
    );
  }
  const field = request.target ? 'target.locationId' : 'cellId';
  return residents.map(t => ({ field, id: t.id, tenant: t }));
}

/**
 * A version of the estate a runbook is planned against: the moved tenants
 * and every cell with its usage. A runbook whose estate changed gets a new
 * id, so progress recorded against the old one is not mistaken for it.
 */
function estateVersion(tenants: NamedTenant[], cells: Cell[]): string {
  return sha256({
    tenants: tenants.map(t => t.tenant ?? t.id),
    cells: [...cells].sort((a, b) => a.id.localeCompare(b.id)),
  }).slice(0, 16);
}

function numbered(steps: DraftStep[]): Runbook['steps'] {
  return steps.map(({ noPrice: _noPrice, ...step }, i) => ({
    ...step,
    n: i + 1,
  }));
}

function totals(steps: DraftStep[]): Runbook['totals'] {
  const counted = steps.filter(s => s.kind !== 'rollback');
  const estimatedMinutes = counted.reduce((m, s) => m + s.estimatedMinutes, 0);
  const unpriced = counted.find(s => s.noPrice);
  if (unpriced) {
    return { estimatedMinutes, noPrice: unpriced.noPrice };
  }
  const priced = counted.filter(s => s.estimatedCost);
  const currencies = new Set(priced.map(s => s.estimatedCost!.currency));
  if (currencies.size > 1) {
    return {
      estimatedMinutes,
      noPrice: `copies are priced in several currencies (${[...currencies].join(
        ', ',
      )})`,
    };
  }
  return {
    estimatedMinutes,
    estimatedCost: {
      amount: toCents(
        priced.reduce((sum, s) => sum + s.estimatedCost!.amount, 0),
      ),
      currency: priced[0]?.estimatedCost?.currency ?? 'USD',
    },
  };
}

/**
 * Plans a migration runbook: resolves each tenant's target cell with the
 * placement engine, checks every move with the residency rules and lists
 * the ordered steps with estimated duration and cost. Plain data in and
 * out; nothing is written. Throws `RunbookInputError` (field and reason)
 * for an unknown tenant or cell, a target no cell fits, or a move across a
 * forbidden border.
 *
 * @public
 */
export function planMigrationRunbook(
  input: PlanMigrationRunbookInput,
): Runbook {
  const { request, catalog } = input;
  const footprint = input.footprint ?? EMPTY_FOOTPRINT;
  const tenants = namedTenants(input);
  const version = estateVersion(tenants, input.cells);
  const engine = PlacementEngine.create({
    cells: input.cells,
    catalog,
    controlPlanes: input.controlPlanes,
    cellSpec: input.cellSpec,
    readiness: input.readiness,
    invalidCells: 'skip',
  });
  const moves = resolveRunbookMoves(request, tenants, {
    engine,
    catalog,
    footprint,
    strategy: input.strategy ?? 'pack',
    controlPlaneHomes: new Map(
      input.controlPlanes.map(c => [c.id, c.homeLocation]),
    ),
  });
  const context = {
    catalog,
    stores: tenantDataStores(
      footprint,
      input.cellSpec.serviceQuotas.map(q => q.serviceCode),
    ),
    priceBooks: new Map(
      (input.priceBooks ?? []).map(book => [book.regionCode, book]),
    ),
  };
  const drafts = moves.flatMap(move => tenantSteps(move, context));
  const noBooks = (input.priceBooks ?? []).length === 0;
  return {
    id: `rb-${sha256({ request, estateVersion: version }).slice(0, 24)}`,
    estateVersion: version,
    moves: moves.map(m => ({
      tenantId: m.tenant.id,
      fromCellId: m.fromCell.id,
      toCellId: m.toCell.id,
      fromLocationId: m.from.id,
      toLocationId: m.to.id,
    })),
    steps: numbered(drafts),
    totals: noBooks
      ? {
          estimatedMinutes: totals(drafts).estimatedMinutes,
          noPrice:
            'no price book was given, so data transfer is not priced (the planner was given no prices for the source Regions)',
        }
      : totals(drafts),
    assumptions: describeRunbookAssumptions(),
  };
}
