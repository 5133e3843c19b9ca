import type {
  EncryptionTier,
  Footprint,
  RunbookStep,
} from '@region-expansion/plugin-region-expansion-common';
import { priceRegionOf, toCents, type PriceBook } from '../cost';
import type { LocationCatalog } from '../locations';
import { adviseArchitecture } from '../residency';
import { RUNBOOK_ASSUMPTIONS } from './runbookAssumptions';
import { residencyProfile } from './runbookResidency';
import type { ResolvedMove } from './resolveRunbookMoves';

/**
 * Data stores by the service code the footprint (SSM codes) or the cell
 * spec (Service Quotas codes) names them with.
 */
const STORE_BY_SERVICE_CODE: Record<string, string> = {
  dynamodb: 'dynamodb',
  s3: 's3',
  rds: 'rds',
  aurora: 'rds',
  es: 'opensearch',
  opensearch: 'opensearch',
  elasticache: 'elasticache',
  efs: 'efs',
  docdb: 'docdb',
};

/**
 * The tenant data stores an application plane uses: those of the footprint's
 * services and the cell spec's quotas, in a stable order.
 */
export function tenantDataStores(
  footprint: Footprint,
  cellSpecServiceCodes: readonly string[],
): string[] {
  const codes = [
    ...footprint.services.map(s => s.code),
    ...cellSpecServiceCodes,
  ];
  const stores = new Set(
    codes.map(c => STORE_BY_SERVICE_CODE[c]).filter(Boolean),
  );
  return [...stores].sort();
}

/** What building one tenant's steps needs besides the move. */
export interface StepContext {
  catalog: LocationCatalog;
  stores: string[];
  /** Price books by Region code. */
  priceBooks: Map<string, PriceBook>;
}

/** A step before it is numbered; `noPrice` says why a copy has no cost. */
export type DraftStep = Omit<RunbookStep, 'n'> & { noPrice?: string };

/** Minutes to copy `gb` at the assumed throughput, at least one. */
function copyMinutes(gb: number): number {
  return Math.max(1, Math.ceil((gb / RUNBOOK_ASSUMPTIONS.copyGbPerHour) * 60));
}

function encryptionTier(
  move: ResolvedMove,
  side: 'from' | 'to',
  catalog: LocationCatalog,
): EncryptionTier {
  const location = move[side];
  const partition = catalog.partition(location.partition)!;
  return adviseArchitecture(
    location,
    partition,
    residencyProfile(move.tenant, move.from),
  ).encryption.choice;
}

/**
 * Why a tenant's keys must be re-wrapped, or `undefined` when they may stay:
 * KMS keys never leave their partition, CloudHSM keys never leave their
 * cluster, and an external key store keeps its keys outside AWS.
 */
export function keyRewrapReason(
  move: ResolvedMove,
  catalog: LocationCatalog,
): { rewrap?: string; note: string } {
  const tiers = [
    encryptionTier(move, 'from', catalog),
    encryptionTier(move, 'to', catalog),
  ];
  const crossPartition = move.from.partition !== move.to.partition;
  if (tiers.includes('external-key-store')) {
    const note = `keys stay in the external key store (XKS): key material never enters AWS`;
    return crossPartition
      ? {
          rewrap: `${note}; KMS keys never cross partitions, so a key of the target partition's external key store, backed by the same external key, re-wraps the data keys`,
          note,
        }
      : { note: `${note}; no re-wrap within partition ${move.to.partition}` };
  }
  if (tiers.includes('cloudhsm')) {
    return {
      rewrap: `CloudHSM keys never leave their cluster: re-wrap the data keys under a key of the target's CloudHSM custom key store`,
      note: 'CloudHSM-tier tenant',
    };
  }
  if (crossPartition) {
    return {
      rewrap: `KMS keys never cross partitions (${move.from.partition} to ${move.to.partition}): re-wrap the data keys under a KMS key in ${move.to.id}`,
      note: 'KMS key',
    };
  }
  return {
    note: `within partition ${move.to.partition} the tenant's multi-Region KMS key is replicated to ${move.to.id}: no re-wrap`,
  };
}

/** The copy's price at the source Region's transfer rate, or why none. */
function copyCost(
  move: ResolvedMove,
  gb: number,
  priceBooks: Map<string, PriceBook>,
): Pick<DraftStep, 'estimatedCost' | 'noPrice'> {
  const line = RUNBOOK_ASSUMPTIONS.transferPriceLine;
  const region = priceRegionOf(move.from);
  const book = priceBooks.get(region);
  if (!book) {
    return { noPrice: `no price book for ${region} was given` };
  }
  const price = book.prices[line];
  if (!price) {
    return {
      noPrice: `${region} has no ${line} price: ${
        book.noPrice[line] ?? 'not in the price book'
      }`,
    };
  }
  return {
    estimatedCost: {
      amount: toCents(gb * price.unitPrice),
      currency: book.currency,
    },
  };
}

/**
 * One tenant's steps, in order: metadata to the target control plane, a
 * data copy per store, a key re-wrap where keys cannot cross, cutover,
 * verification and the rollback that undoes the move.
 */
export function tenantSteps(
  move: ResolvedMove,
  context: StepContext,
): DraftStep[] {
  const a = RUNBOOK_ASSUMPTIONS;
  const { tenant, from, to, fromCell, toCell, residency } = move;
  const base = {
    tenantId: tenant.id,
    from: from.id,
    to: to.id,
    residency: { allowed: true as const, ...residency },
  };
  const keys = keyRewrapReason(move, context.catalog);
  const steps: DraftStep[] = [
    {
      ...base,
      kind: 'metadata',
      from: move.fromControlPlane,
      to: move.toControlPlane,
      estimatedMinutes: a.metadataMinutes,
      rollback: `remove tenant ${tenant.id} from the control plane of cell ${toCell.id}`,
      detail: `register tenant ${tenant.id} (tier ${tenant.tier}, ${tenant.classification}) with the control plane of cell ${toCell.id} (${toCell.controlPlaneId})`,
    },
  ];
  const gbTotal = tenant.loadUnits * a.gbPerLoadUnit;
  const stores = context.stores.length ? context.stores : [undefined];
  const gb = gbTotal / stores.length;
  for (const store of stores) {
    steps.push({
      ...base,
      kind: 'data-copy',
      ...(store ? { store } : {}),
      estimatedMinutes: copyMinutes(gb),
      ...copyCost(move, gb, context.priceBooks),
      rollback: `delete the copy in cell ${toCell.id}; the source in cell ${fromCell.id} is untouched until cutover`,
      detail: `copy about ${gb} GB of ${
        store ??
        "the tenant's data (no data store is known from the footprint or the cell spec)"
      } from cell ${fromCell.id} (${from.id}) to cell ${toCell.id} (${
        to.id
      }); ${keys.note}`,
    });
  }
  if (keys.rewrap) {
    steps.push({
      ...base,
      kind: 'key-rewrap',
      estimatedMinutes: a.keyRewrapMinutes,
      rollback:
        'keep the source keys until verification passes; delete the target key material on rollback',
      detail: keys.rewrap,
    });
  }
  const noTransfer = {
    allowed: true as const,
    rule: 'no-data-transfer',
    detail: 'moves no data across a border',
  };
  steps.push(
    {
      ...base,
      kind: 'cutover',
      residency: noTransfer,
      estimatedMinutes: a.cutoverMinutes,
      rollback: `route tenant ${tenant.id} back to cell ${fromCell.id}`,
      detail: `record the move of tenant ${tenant.id} from cell ${fromCell.id} to ${toCell.id} and route its traffic there`,
    },
    {
      ...base,
      kind: 'verify',
      residency: noTransfer,
      estimatedMinutes: a.verifyMinutes,
      rollback: 'nothing to undo: verification only reads',
      detail: `compare item counts and checksums per store and run the tenant's smoke tests in cell ${toCell.id}`,
    },
    {
      ...base,
      kind: 'rollback',
      from: to.id,
      to: from.id,
      residency: noTransfer,
      estimatedMinutes: a.rollbackMinutes,
      rollback: 'run the cutover again',
      detail: `only when verification fails: route tenant ${tenant.id} back to cell ${fromCell.id}, whose data was kept, and move its placement back`,
    },
  );
  return steps;
}
