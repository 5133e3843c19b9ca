import {
  runbookRequestSchema,
  type Cell,
  type RunbookRequestInput,
  type Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import type { PriceBook } from '../cost';
import { readinessFromMap, type ReadinessLookup } from '../placement';
import {
  catalog,
  cell,
  controlPlanes,
  spec,
  tenant,
} from '../placement/testFixtures';
import { planMigrationRunbook } from './planMigrationRunbook';
import { RunbookInputError } from './RunbookInputError';

const source = cell(
  { id: 'dublin', locationId: 'eu-west-1' },
  { tenants: 3, loadUnits: 30 },
);
const frankfurt = cell({ id: 'frankfurt', locationId: 'eu-central-1' });
const virginia = cell({ id: 'virginia', locationId: 'us-east-1' });
const sovereign = cell({ id: 'sovereign', locationId: 'eusc-de-east-1' });
const cells: Cell[] = [source, frankfurt, virginia, sovereign];

const residents: Tenant[] = ['t-1', 't-2', 't-3'].map(id =>
  tenant({ id, name: id, cellId: 'dublin' }),
);

function plan(
  request: RunbookRequestInput,
  tenants: Tenant[] = residents,
  extra: {
    priceBooks?: PriceBook[];
    cells?: Cell[];
    readiness?: ReadinessLookup;
  } = {},
) {
  return planMigrationRunbook({
    request,
    tenants,
    cells: extra.cells ?? cells,
    catalog,
    controlPlanes,
    cellSpec: spec,
    priceBooks: extra.priceBooks,
    readiness: extra.readiness,
  });
}

/** A dedicated cell, holding its one tenant (10 load units) when `taken`. */
function dedicatedCell(id: string, locationId: string, taken = false): Cell {
  return cell(
    { id, locationId, isolation: 'dedicated' },
    taken ? { tenants: 1, loadUnits: 10 } : {},
  );
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RunbookInputError);
    return (error as Error).message;
  }
  throw new Error('expected a RunbookInputError');
}

const toFrankfurt: RunbookRequestInput = {
  kind: 'tenants',
  tenantIds: ['t-1'],
  target: { locationId: 'eu-central-1' },
};

describe('planMigrationRunbook', () => {
  it("orders a tenant's steps: metadata, a copy per store, cutover, verify, rollback", () => {
    const runbook = plan(toFrankfurt);
    expect(runbook.moves).toEqual([
      {
        tenantId: 't-1',
        fromCellId: 'dublin',
        toCellId: 'frankfurt',
        fromLocationId: 'eu-west-1',
        toLocationId: 'eu-central-1',
      },
    ]);
    expect(runbook.steps.map(s => [s.n, s.kind, s.store])).toEqual([
      [1, 'metadata', undefined],
      [2, 'data-copy', 'dynamodb'],
      [3, 'cutover', undefined],
      [4, 'verify', undefined],
      [5, 'rollback', undefined],
    ]);
    const copy = runbook.steps[1];
    expect(copy).toMatchObject({
      from: 'eu-west-1',
      to: 'eu-central-1',
      residency: { allowed: true, rule: 'privacy-target' },
    });
    expect(copy.detail).toContain('no re-wrap');
    // 10 load units × 10 GB at 100 GB/h is one hour.
    expect(copy.estimatedMinutes).toBe(60);
    expect(runbook.totals.estimatedMinutes).toBe(5 + 60 + 10 + 15);
    expect(runbook.totals.noPrice).toMatch(/no price book was given/);
    expect(runbook.totals.estimatedCost).toBeUndefined();
  });

  it('gives the same id to the same request against the same estate, another when the estate changed', () => {
    expect(plan(toFrankfurt).id).toBe(plan(toFrankfurt).id);
    const moved = residents.map(t =>
      t.id === 't-1' ? { ...t, loadUnits: 20 } : t,
    );
    expect(plan(toFrankfurt, moved).id).not.toBe(plan(toFrankfurt).id);
  });

  it('prices each copy at the source Region transfer rate, and says why when the book has no price', () => {
    const book: PriceBook = {
      regionCode: 'eu-west-1',
      source: 'snapshot',
      synthetic: false,
      currency: 'USD',
      prices: {
        'data-transfer.out': {
          serviceCode: 'AWSDataTransfer',
          sku: 'SKU',
          unit: 'GB',
          unitPrice: 0.09,
          effectiveDate: '2026-11-01',
        },
      },
      noPrice: {},
    };
    const priced = plan(toFrankfurt, residents, { priceBooks: [book] });
    expect(priced.steps[1].estimatedCost).toEqual({
      amount: 9,
      currency: 'USD',
    });
    expect(priced.totals).toMatchObject({
      estimatedCost: { amount: 9, currency: 'USD' },
    });
    const unpriced = plan(toFrankfurt, residents, {
      priceBooks: [
        {
          ...book,
          prices: {},
          noPrice: { 'data-transfer.out': 'no product matched' },
        },
      ],
    });
    expect(unpriced.totals.estimatedCost).toBeUndefined();
    expect(unpriced.totals.noPrice).toBe(
      'eu-west-1 has no data-transfer.out price: no product matched',
    );
  });

  it('refuses a move across a forbidden border with the field and the rule', () => {
    const euTenants = residents.map(t => ({
      ...t,
      residency: t.id === 't-3' ? { jurisdictions: ['EU' as const] } : {},
    }));
    const message = refusal(() =>
      plan(
        {
          kind: 'tenants',
          tenantIds: ['t-1', 't-2', 't-3'],
          target: { locationId: 'us-east-1' },
        },
        euTenants.map(t =>
          t.id === 't-3' ? t : { ...t, classification: 'public' },
        ),
      ),
    );
    expect(message).toMatch(
      /^tenantIds\.2: tenant t-3 data may not move to us-east-1 \(rule residency-requirement\): /,
    );
  });

  it("refuses a country regime's border: confidential data of an Irish tenant to the US", () => {
    expect(
      refusal(() =>
        plan(
          {
            kind: 'tenants',
            tenantIds: ['t-1'],
            target: { locationId: 'us-east-1' },
          },
          residents.map(t => ({ ...t, classification: 'confidential' })),
        ),
      ),
    ).toMatch(
      /^tenantIds\.0: tenant t-1 data may not move to us-east-1 \(rule privacy-target\): target us-east-1 \(US\) is outside what GDPR allows/,
    );
  });

  it('refuses moving tenant metadata to a control plane across a border, but not when the control plane stays', () => {
    const irishPlane = {
      id: 'cp-ie',
      name: 'Ireland',
      mode: 'regional' as const,
      partition: 'aws',
      homeLocation: 'eu-west-1',
      managedLocations: ['eu-west-1'],
    };
    const irish = cell(
      { id: 'irish', locationId: 'eu-west-1', controlPlaneId: 'cp-ie' },
      { tenants: 1, loadUnits: 10 },
    );
    const moving = [{ ...residents[0], cellId: 'irish' }];
    const run = () =>
      planMigrationRunbook({
        request: toFrankfurt,
        tenants: moving,
        cells: [irish, frankfurt],
        catalog,
        controlPlanes: [...controlPlanes, irishPlane],
        cellSpec: spec,
      });
    // Frankfurt's cell is managed from us-east-1: the metadata would leave
    // what GDPR allows, although the data itself may go to Frankfurt.
    expect(refusal(run)).toMatch(
      /^tenantIds\.0: tenant t-1 data may not move to eu-central-1 \(rule privacy-transfer\): control plane \(tenant metadata\) at us-east-1/,
    );
    expect(plan(toFrankfurt).steps[0]).toMatchObject({
      kind: 'metadata',
      from: 'us-east-1',
      to: 'us-east-1',
    });
  });

  it('refuses an unknown tenant, an unknown target cell and an unplaced tenant by field', () => {
    expect(
      refusal(() => plan({ ...toFrankfurt, tenantIds: ['t-1', 'nobody'] })),
    ).toBe('tenantIds.1: tenant nobody does not exist');
    expect(
      refusal(() =>
        plan({ ...toFrankfurt, target: { cellId: 'no-such-cell' } }),
      ),
    ).toBe('target.cellId: cell no-such-cell does not exist');
    expect(
      refusal(() =>
        plan(toFrankfurt, [{ ...residents[0], cellId: undefined }]),
      ),
    ).toMatch(/^tenantIds\.0: tenant t-1 is not placed in a cell/);
  });

  it('re-wraps keys only where they cannot cross: into another partition', () => {
    const runbook = plan(
      {
        kind: 'into-partition',
        tenantIds: ['t-1'],
        partition: 'aws-eusc',
      },
      residents.map(t => ({ ...t, residency: { countries: ['DE'] } })),
    );
    expect(runbook.moves[0].toCellId).toBe('sovereign');
    expect(runbook.steps.map(s => s.kind)).toEqual([
      'metadata',
      'data-copy',
      'key-rewrap',
      'cutover',
      'verify',
      'rollback',
    ]);
    expect(runbook.steps[0]).toMatchObject({
      from: 'us-east-1',
      to: 'eusc-de-east-1',
    });
    expect(runbook.steps[2].detail).toMatch(/never cross partitions/);
  });

  it('re-wraps a CloudHSM-tier tenant into the target HSM even inside a partition', () => {
    const restricted = residents.map(t => ({
      ...t,
      classification: 'restricted' as const,
      tier: 'silo' as const,
    }));
    const dedicated = dedicatedCell('paris', 'eu-west-3');
    const dublinDedicated = dedicatedCell(
      'dublin-dedicated',
      'eu-west-1',
      true,
    );
    const runbook = plan(
      { kind: 'tenants', tenantIds: ['t-1'], target: { cellId: 'paris' } },
      [{ ...restricted[0], cellId: 'dublin-dedicated' }],
      {
        cells: [...cells, dedicated, dublinDedicated],
        readiness: readinessFromMap({ 'eu-west-3': 'ready' }),
      },
    );
    const rewrap = runbook.steps.find(s => s.kind === 'key-rewrap');
    expect(rewrap?.detail).toMatch(/^CloudHSM keys never leave their cluster/);
  });

  it('keeps external-key-store keys outside AWS and re-wraps them into the target partition', () => {
    const restricted = {
      ...residents[0],
      residency: { countries: ['DE'] },
      classification: 'restricted' as const,
      tier: 'silo' as const,
      cellId: 'fra-dedicated',
    };
    const runbook = plan(
      { kind: 'into-partition', tenantIds: ['t-1'], partition: 'aws-eusc' },
      [restricted],
      {
        cells: [
          dedicatedCell('fra-dedicated', 'eu-central-1', true),
          dedicatedCell('eusc-dedicated', 'eusc-de-east-1'),
        ],
        readiness: readinessFromMap({ 'eusc-de-east-1': 'ready' }),
      },
    );
    const rewrap = runbook.steps.filter(s => s.kind === 'key-rewrap');
    expect(rewrap).toHaveLength(1);
    expect(rewrap[0].detail).toMatch(
      /^keys stay in the external key store \(XKS\): key material never enters AWS; KMS keys never cross partitions/,
    );
  });

  it('refuses moving a tenant whose stated partition is another one into a partition, with the rule', () => {
    const pinned = residents.map(t => ({
      ...t,
      residency: { partition: 'aws' },
    }));
    expect(
      refusal(() =>
        plan(
          { kind: 'into-partition', tenantIds: ['t-1'], partition: 'aws-eusc' },
          pinned,
        ),
      ),
    ).toMatch(
      /^tenantIds\.0: tenant t-1 data may not move to eusc-de-east-1 \(rule residency-requirement\)/,
    );
  });

  it('evacuates every tenant of a cell, each to another cell', () => {
    const others = [tenant({ id: 'elsewhere', cellId: 'frankfurt' })];
    const runbook = plan(
      {
        kind: 'evacuate-cell',
        cellId: 'dublin',
        target: { locationId: 'eu-central-1' },
      },
      [...residents, ...others],
    );
    expect(runbook.moves.map(m => [m.tenantId, m.toCellId])).toEqual([
      ['t-1', 'frankfurt'],
      ['t-2', 'frankfurt'],
      ['t-3', 'frankfurt'],
    ]);
    expect(new Set(runbook.steps.map(s => s.tenantId))).toEqual(
      new Set(['t-1', 't-2', 't-3']),
    );
    expect(refusal(() => plan({ kind: 'evacuate-cell', cellId: 'gone' }))).toBe(
      'cellId: cell gone does not exist',
    );
  });

  it('plans 200 tenants and refuses a cell of 201 or a request naming 201', () => {
    const many = Array.from({ length: 201 }, (_, i) =>
      tenant({ id: `t-${i}`, cellId: 'big', loadUnits: 1 }),
    );
    const big = cell(
      {
        id: 'big',
        locationId: 'eu-west-1',
        capacity: { tenants: 1000, loadUnits: 1000, quotas: {} },
      },
      { tenants: 201, loadUnits: 201 },
    );
    const roomy = cell({
      id: 'roomy',
      locationId: 'eu-central-1',
      capacity: { tenants: 1000, loadUnits: 1000, quotas: {} },
    });
    const ids = many.slice(0, 200).map(t => t.id);
    const runbook = plan(
      {
        kind: 'tenants',
        tenantIds: ids,
        target: { locationId: 'eu-central-1' },
      },
      many,
      { cells: [big, roomy] },
    );
    expect(runbook.moves).toHaveLength(200);
    expect(runbook.steps).toHaveLength(200 * 5);
    expect(
      refusal(() =>
        plan({ kind: 'evacuate-cell', cellId: 'big' }, many, {
          cells: [big, roomy],
        }),
      ),
    ).toMatch(
      /^cellId: cell big holds 201 tenants; one runbook moves at most 200/,
    );
    const parsed = runbookRequestSchema.safeParse({
      kind: 'tenants',
      tenantIds: [...ids, 't-200'],
      target: { locationId: 'eu-central-1' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['tenantIds'],
      message: 'must name at most 200 tenants',
    });
  });
});
