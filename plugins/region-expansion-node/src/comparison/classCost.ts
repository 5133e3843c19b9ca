import type {
  ArchitectureAdvice,
  BomOverrides,
  CellCostEstimate,
  CellSpec,
  ComparisonCost,
  EncryptionTier,
  Footprint,
  Location,
  TenantClass,
} from '@region-expansion/plugin-region-expansion-common';
import { billOfMaterials } from '../cost/billOfMaterials';
import { toCents } from '../cost/priceBillOfMaterials';

/**
 * The cell spec a comparison sizes cells with.
 *
 * @public
 */
export type ComparisonCellSpec = Pick<CellSpec, 'version' | 'capacity'>;

/**
 * One cell cost a comparison needs: a location's cell of a spec, with an
 * encryption tier and the overrides its bill of materials has.
 *
 * @public
 */
export interface ComparisonCostRequest {
  /** Key of the request in {@link CompareLocationsInput}'s `estimates`. */
  key: string;
  /** Id of the location whose Region prices the cell. */
  locationId: string;
  /** The cell to price: the standard one, or a dedicated one for silo. */
  cellSpec: ComparisonCellSpec;
  /** The encryption tier the advice chose, which sets the key lines. */
  encryption: EncryptionTier;
  /** The request's overrides of lines this cell's bill of materials has. */
  overrides: BomOverrides;
}

/**
 * A priced cell, or why it could not be priced at all.
 *
 * @public
 */
export type ComparisonEstimate = CellCostEstimate | { unavailable: string };

/** No-price reasons listed per location. */
const MAX_REASONS = 3;

/**
 * The cell a tenant class lives in: the standard cell, or for silo
 * isolation a dedicated cell sized for one tenant's load.
 */
function cellFor(
  spec: ComparisonCellSpec,
  tenantClass: TenantClass,
  isolation: string,
): ComparisonCellSpec {
  if (isolation !== 'silo') return spec;
  return {
    version: `${spec.version} (dedicated)`,
    capacity: {
      tenants: 1,
      loadUnits: Math.max(tenantClass.loadUnits, 1),
      quotas: {},
    },
  };
}

/**
 * Cells the class needs: silo one each; pool and bridge as many standard
 * cells as tenant slots, load units and (bridge) dedicated data stores ask.
 */
function cellsNeeded(
  spec: ComparisonCellSpec,
  tenantClass: TenantClass,
  isolation: string,
): number {
  const n = tenantClass.expectedTenants;
  if (isolation === 'silo') return n;
  const { tenants, loadUnits, quotas } = spec.capacity;
  const stores = quotas?.dedicatedDataStores;
  return Math.max(
    1,
    Math.ceil(n / Math.max(tenants, 1)),
    loadUnits > 0 ? Math.ceil((n * tenantClass.loadUnits) / loadUnits) : 1,
    isolation === 'bridge' && stores ? Math.ceil(n / stores) : 1,
  );
}

function noPrice(
  reasons: string[],
  cells: number,
  extras: ComparisonCost['architectureExtras'],
): ComparisonCost {
  return {
    status: 'no-price',
    cellsNeeded: cells,
    synthetic: false,
    architectureExtras: extras,
    noPriceReasons: reasons,
  };
}

/**
 * The cell cost a tenant class needs in a location with the advised
 * architecture: a standard cell (or a dedicated one for silo isolation),
 * with the advised encryption tier and the overrides whose lines its bill
 * of materials has.
 *
 * @public
 */
export function costRequestOf(options: {
  footprint: Pick<Footprint, 'services'>;
  location: Location;
  tenantClass: TenantClass;
  advice: ArchitectureAdvice;
  cellSpec: ComparisonCellSpec;
  overrides?: BomOverrides;
}): ComparisonCostRequest {
  const { location, advice } = options;
  const spec = cellFor(
    options.cellSpec,
    options.tenantClass,
    advice.isolation.choice,
  );
  const encryption = advice.encryption.choice;
  const derivedKeys = new Set(
    billOfMaterials(options.footprint, spec, { encryption }).map(l => l.key),
  );
  const overrides = Object.fromEntries(
    Object.entries(options.overrides ?? {}).filter(([k]) => derivedKeys.has(k)),
  );
  const { tenants, loadUnits } = spec.capacity;
  return {
    key: [location.id, spec.version, tenants, loadUnits, encryption].join('|'),
    locationId: location.id,
    cellSpec: spec,
    encryption,
    overrides,
  };
}

/**
 * What a tenant class costs per month in a location with the advised
 * architecture: the priced cell of {@link costRequestOf} times the cells
 * the class needs, plus a control plane sized as one cell when the advice
 * puts one in the partition or the country, and the key custody the advice
 * adds over AWS managed keys. A missing price makes the cost `no-price`
 * with the reasons, never 0.
 *
 * @public
 */
export function classCost(options: {
  footprint: Pick<Footprint, 'services'>;
  location: Location;
  tenantClass: TenantClass;
  advice: ArchitectureAdvice;
  request: ComparisonCostRequest;
  estimate: ComparisonEstimate | undefined;
}): ComparisonCost {
  const { location, tenantClass, advice, request } = options;
  const isolation = advice.isolation.choice;
  const cells = cellsNeeded(request.cellSpec, tenantClass, isolation);
  const baseline = new Set(
    billOfMaterials(options.footprint, request.cellSpec, {
      encryption: 'aws-managed-key',
    }).map(l => l.key),
  );

  const extras: ComparisonCost['architectureExtras'] = [];
  const encryptionWhy = advice.encryption.rationale.at(-1) ?? '';
  if (advice.encryption.choice === 'external-key-store') {
    extras.push({
      item: 'external key store (XKS proxy and the customer’s key managers)',
      reason: `${encryptionWhy}; it runs outside AWS, so the Price List has no price for it and it is not in the totals`,
    });
  }
  const estimate = options.estimate;
  if (!estimate || 'unavailable' in estimate) {
    const reason = estimate
      ? estimate.unavailable
      : `no prices were read for ${location.id}`;
    return noPrice([reason], cells, extras);
  }
  for (const line of estimate.lines) {
    if (line.category === 'encryption' && !baseline.has(line.key)) {
      extras.push({
        item: line.description,
        reason: encryptionWhy,
        ...(line.monthly !== undefined ? { monthly: line.monthly } : {}),
      });
    }
  }
  const perCell = estimate.monthlyPerCell;
  const controlPlane = advice.controlPlane.choice;
  const controlPlaneCells =
    controlPlane === 'partition' || controlPlane === 'regional' ? 1 : 0;
  if (controlPlaneCells) {
    extras.push({
      item:
        controlPlane === 'partition'
          ? `control plane inside partition ${advice.partition}, sized as one cell`
          : `control plane in ${location.country}, sized as one cell`,
      reason: advice.controlPlane.rationale.at(-1) ?? '',
      ...(perCell !== undefined ? { monthly: perCell } : {}),
    });
  }
  const unpriced = [
    ...new Set(
      estimate.lines.flatMap(l => (l.noPrice ? [l.noPrice.reason] : [])),
    ),
  ];
  // A Region without prices lacks every line: a few reasons say it.
  const reasons =
    unpriced.length > MAX_REASONS
      ? [
          ...unpriced.slice(0, MAX_REASONS),
          `and ${unpriced.length - MAX_REASONS} more lines without a price`,
        ]
      : unpriced;
  const base = {
    cellsNeeded: cells,
    currency: estimate.currency,
    ...(estimate.priceDate ? { priceDate: estimate.priceDate } : {}),
    synthetic: estimate.synthetic,
    source: estimate.source,
    architectureExtras: extras,
  };
  if (perCell === undefined) {
    return {
      ...base,
      status: 'no-price',
      noPriceReasons: reasons.length
        ? reasons
        : ['the bill of materials has no line to price'],
    };
  }
  const total = (cells + controlPlaneCells) * perCell;
  return {
    ...base,
    status: 'priced',
    monthlyPerCell: perCell,
    monthlyPerTenant: toCents(total / tenantClass.expectedTenants),
    noPriceReasons: [],
  };
}
