import type {
  ArchitectureAdvice,
  BomOverrides,
  CellCostEstimate,
  CellSpec,
  ComparisonCost,
  Footprint,
  Location,
  TenantClass,
} from '@region-expansion/plugin-region-expansion-common';
import { billOfMaterials } from '../cost/billOfMaterials';
import { CostInputError } from '../cost/CostInputError';
import {
  priceBillOfMaterials,
  priceRegionOf,
  toCents,
  type PriceBook,
} from '../cost/priceBillOfMaterials';

/**
 * The cell spec a comparison sizes cells with.
 *
 * @public
 */
export type ComparisonCellSpec = Pick<CellSpec, 'version' | 'capacity'>;

/**
 * Prices a comparison may use, per Region code, and why a Region has none.
 *
 * @public
 */
export interface ComparisonPrices {
  /** Prices per Region code (a Local Zone or Outpost uses its parent's). */
  books: ReadonlyMap<string, PriceBook>;
  /** Why a Region's prices could not be read, per Region code. */
  unavailable?: ReadonlyMap<string, string>;
}

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
 * What a tenant class costs per month in a location with the advised
 * architecture: the cell's bill of materials (key lines from the advised
 * encryption tier, overrides applied where the bill has the line) priced
 * with the location's Region prices, times the cells the class needs, plus
 * a control plane sized as one cell when the advice puts one in the
 * partition or the country. A missing price makes the cost `no-price` with
 * the reasons, never 0.
 *
 * @public
 */
export function classCost(options: {
  footprint: Pick<Footprint, 'services'>;
  location: Location;
  tenantClass: TenantClass;
  advice: ArchitectureAdvice;
  cellSpec: ComparisonCellSpec;
  prices: ComparisonPrices;
  overrides?: BomOverrides;
}): { cost: ComparisonCost; estimate?: CellCostEstimate } {
  const { location, tenantClass, advice, prices } = options;
  const isolation = advice.isolation.choice;
  const spec = cellFor(options.cellSpec, tenantClass, isolation);
  const cells = cellsNeeded(spec, tenantClass, isolation);
  const derivedKeys = new Set(
    billOfMaterials(options.footprint, spec, {
      encryption: advice.encryption.choice,
    }).map(l => l.key),
  );
  const overrides = Object.fromEntries(
    Object.entries(options.overrides ?? {}).filter(([k]) => derivedKeys.has(k)),
  );
  const bom = billOfMaterials(options.footprint, spec, {
    encryption: advice.encryption.choice,
    overrides,
  });
  const baseline = new Set(
    billOfMaterials(options.footprint, spec, {
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
  let regionCode: string;
  try {
    regionCode = priceRegionOf(location);
  } catch (error) {
    if (!(error instanceof CostInputError)) throw error;
    return { cost: noPrice([error.reason], cells, extras) };
  }
  const book = prices.books.get(regionCode);
  if (!book) {
    const reason =
      prices.unavailable?.get(regionCode) ??
      `no prices were read for ${regionCode}`;
    return { cost: noPrice([reason], cells, extras) };
  }
  const estimate = priceBillOfMaterials(bom, location, book, {
    tenantsPerCell: spec.capacity.tenants,
  });
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
  const reasons = [
    ...new Set(
      estimate.lines.flatMap(l => (l.noPrice ? [l.noPrice.reason] : [])),
    ),
  ];
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
      cost: {
        ...base,
        status: 'no-price',
        noPriceReasons: reasons.length
          ? reasons
          : ['the bill of materials has no line to price'],
      },
      estimate,
    };
  }
  const total = (cells + controlPlaneCells) * perCell;
  return {
    cost: {
      ...base,
      status: 'priced',
      monthlyPerCell: perCell,
      monthlyPerTenant: toCents(total / tenantClass.expectedTenants),
      noPriceReasons: [],
    },
    estimate,
  };
}
