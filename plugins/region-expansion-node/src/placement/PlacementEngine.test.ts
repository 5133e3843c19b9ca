import {
  WHAT_IF_LIMITS,
  type Cell,
  type PlacementUnplaceable,
} from '@region-expansion/plugin-region-expansion-common';
import { DomainRuleError } from '../locations/errors';
import { PlacementEngine } from './PlacementEngine';
import { readinessFromMap, type ReadinessLookup } from './readiness';
import { catalog, cell, controlPlanes, spec, tenant } from './testFixtures';

function engine(cells: Cell[], readiness?: ReadinessLookup) {
  return PlacementEngine.create({
    cells,
    catalog,
    controlPlanes,
    cellSpec: spec,
    readiness,
  });
}

function unplaceable(decision: ReturnType<PlacementEngine['place']>) {
  expect(decision.outcome).toBe('unplaceable');
  return decision as PlacementUnplaceable;
}

describe('PlacementEngine.place', () => {
  it('places into a fitting cell and names location, cell, strategy and headroom', () => {
    const c = cell(
      { locationId: 'eu-central-1', name: 'fra-1' },
      { tenants: 2, loadUnits: 30 },
    );
    const decision = engine([c]).place(tenant(), { strategy: 'pack' });
    expect(decision).toMatchObject({
      outcome: 'placed',
      cellId: c.id,
      locationId: 'eu-central-1',
    });
    if (decision.outcome !== 'placed') throw new Error('unreachable');
    expect(decision.reason).toContain('Europe (Frankfurt)');
    expect(decision.reason).toContain('fra-1');
    expect(decision.reason).toContain('pack');
    expect(decision.reason).toContain('7 tenant slots, 60 load units');
  });

  it('says when readiness is unknown, and refuses unknown when not allowed', () => {
    const c = cell({ locationId: 'eu-west-1' });
    const e = engine([c]);
    const allowed = e.place(tenant(), { strategy: 'pack' });
    expect(allowed).toMatchObject({ outcome: 'placed', readiness: 'unknown' });
    if (allowed.outcome !== 'placed') throw new Error('unreachable');
    expect(allowed.warnings.join(' ')).toMatch(
      /Readiness of eu-west-1 is unknown/,
    );
    const refused = unplaceable(
      e.place(tenant(), { strategy: 'pack', allowUnknownReadiness: false }),
    );
    expect(refused.rejections).toEqual([
      expect.objectContaining({ constraint: 'readiness', cellsRuledOut: 1 }),
    ]);
  });

  const packSpread: [string, 'pack' | 'spread', string][] = [
    ['pack takes the fullest cell that fits', 'pack', 'full'],
    ['spread takes the emptiest cell', 'spread', 'empty'],
  ];
  it.each(packSpread)('%s', (_name, strategy, expected) => {
    const cells = [
      cell({ id: 'empty', locationId: 'eu-west-1' }),
      cell(
        { id: 'half', locationId: 'eu-west-1' },
        { tenants: 5, loadUnits: 50 },
      ),
      cell(
        { id: 'full', locationId: 'eu-central-1' },
        { tenants: 8, loadUnits: 85 },
      ),
      cell(
        { id: 'too-full', locationId: 'eu-central-1' },
        { tenants: 9, loadUnits: 95 },
      ),
    ];
    expect(engine(cells).place(tenant(), { strategy })).toMatchObject({
      outcome: 'placed',
      cellId: expected,
    });
  });

  it('checks headroom in every dimension: tenant slots, load units and named quotas', () => {
    const noSlots = cell(
      { id: 'no-slots', locationId: 'eu-west-1' },
      { tenants: 10, loadUnits: 0 },
    );
    const noLoad = cell(
      { id: 'no-load', locationId: 'eu-west-1' },
      { tenants: 0, loadUnits: 95 },
    );
    const noQuota = cell({
      id: 'no-quota',
      locationId: 'eu-west-1',
      capacity: { tenants: 10, loadUnits: 100, quotas: { queues: 5 } },
      usage: { tenants: 0, loadUnits: 0, quotas: { queues: 4 } },
    });
    const e = engine([noSlots, noLoad, noQuota]);
    const decision = unplaceable(
      e.place(tenant({ quotaUsage: { queues: 2 } }), { strategy: 'pack' }),
    );
    expect(decision.rejections).toEqual([
      expect.objectContaining({ constraint: 'headroom', cellsRuledOut: 3 }),
    ]);
    // Without the quota demand the quota cell fits.
    expect(e.place(tenant(), { strategy: 'pack' })).toMatchObject({
      cellId: 'no-quota',
    });
  });

  describe('tiers', () => {
    const pooled = cell({ id: 'pooled', locationId: 'eu-west-1' });
    const dedicatedEmpty = cell({
      id: 'dedicated-empty',
      locationId: 'eu-west-1',
      isolation: 'dedicated',
    });
    const dedicatedTaken = cell(
      {
        id: 'dedicated-taken',
        locationId: 'eu-west-1',
        isolation: 'dedicated',
      },
      { tenants: 1, loadUnits: 10 },
    );
    const cases: [string, 'pool' | 'bridge' | 'silo', string][] = [
      ['pool goes to a pooled cell', 'pool', 'pooled'],
      ['bridge goes to a pooled cell', 'bridge', 'pooled'],
      ['silo goes to an empty dedicated cell', 'silo', 'dedicated-empty'],
    ];
    it.each(cases)('%s', (_name, tier, expected) => {
      const decision = engine([pooled, dedicatedEmpty, dedicatedTaken]).place(
        tenant({ tier }),
        { strategy: 'spread' },
      );
      expect(decision).toMatchObject({ outcome: 'placed', cellId: expected });
    });

    it('silo never shares a dedicated cell', () => {
      const decision = unplaceable(
        engine([pooled, dedicatedTaken]).place(tenant({ tier: 'silo' }), {
          strategy: 'pack',
        }),
      );
      expect(
        decision.rejections.map(r => [r.constraint, r.cellsRuledOut]),
      ).toEqual([
        ['tier', 1],
        ['headroom', 1],
      ]);
      expect(decision.cellToCreate).toMatchObject({ isolation: 'dedicated' });
    });

    it("bridge consumes one of the cell's dedicated data stores", () => {
      const storesFull = cell({
        id: 'stores-full',
        locationId: 'eu-west-1',
        capacity: {
          tenants: 10,
          loadUnits: 100,
          quotas: { dedicatedDataStores: 2 },
        },
        usage: {
          tenants: 2,
          loadUnits: 20,
          quotas: { dedicatedDataStores: 2 },
        },
      });
      const e = engine([storesFull]);
      expect(
        e.place(tenant({ tier: 'bridge' }), { strategy: 'pack' }).outcome,
      ).toBe('unplaceable');
      expect(
        e.place(tenant({ tier: 'pool' }), { strategy: 'pack' }).outcome,
      ).toBe('placed');
    });
  });

  it('reports every rejection reason in constraint order with counts', () => {
    const cells = [
      cell({ id: 'in-eusc', locationId: 'eusc-de-east-1' }), // partition
      cell({ id: 'in-us', locationId: 'us-east-1' }), // residency
      cell({
        id: 'dedicated',
        locationId: 'eu-west-1',
        isolation: 'dedicated',
      }), // tier
      cell({ id: 'draining', locationId: 'eu-west-1', lifecycle: 'draining' }), // lifecycle
      cell({ id: 'blocked', locationId: 'eu-south-1' }), // readiness
      cell(
        { id: 'full', locationId: 'eu-west-1' },
        { tenants: 10, loadUnits: 100 },
      ), // headroom
    ];
    const e = engine(
      cells,
      readinessFromMap({ 'eu-south-1': 'blocked', 'eu-west-1': 'ready' }),
    );
    const decision = unplaceable(
      e.place(tenant({ residency: { jurisdictions: ['EU'] } }), {
        strategy: 'pack',
      }),
    );
    expect(
      decision.rejections.map(r => [r.constraint, r.cellsRuledOut]),
    ).toEqual([
      ['partition', 1],
      ['residency', 1],
      ['tier', 1],
      ['lifecycle', 1],
      ['readiness', 1],
      ['headroom', 1],
    ]);
    expect(decision.rejections[0].detail).toContain(
      'a tenant without a stated partition lives in aws',
    );
    expect(decision.rejections[4].detail).toContain('eu-south-1 is blocked');
    // The new cell goes to the ready EU location that already runs cells.
    expect(decision.cellToCreate).toEqual({
      locationId: 'eu-west-1',
      isolation: 'pooled',
      specVersion: '2025.1',
      controlPlaneId: 'cp-global',
      reason: expect.stringContaining('readiness is ready'),
    });
  });

  it('takes provisioning cells only when allowed', () => {
    const c = cell({
      id: 'prov',
      locationId: 'eu-west-1',
      lifecycle: 'provisioning',
    });
    const e = engine([c]);
    expect(e.place(tenant(), { strategy: 'pack' }).outcome).toBe('unplaceable');
    const decision = e.place(tenant(), {
      strategy: 'pack',
      allowProvisioning: true,
    });
    expect(decision).toMatchObject({ outcome: 'placed', cellId: 'prov' });
  });

  it('sends restricted data only to ready locations', () => {
    const pilot = cell({ id: 'pilot', locationId: 'eu-west-1' });
    const ready = cell(
      { id: 'ready', locationId: 'eu-west-3' },
      { tenants: 9, loadUnits: 80 },
    );
    const e = engine(
      [pilot, ready],
      readinessFromMap({ 'eu-west-1': 'pilot', 'eu-west-3': 'ready' }),
    );
    expect(
      e.place(tenant({ classification: 'restricted' }), { strategy: 'spread' }),
    ).toMatchObject({ cellId: 'ready' });
    expect(
      e.place(tenant({ classification: 'internal' }), { strategy: 'spread' }),
    ).toMatchObject({
      cellId: 'pilot',
      warnings: [expect.stringContaining('pilot')],
    });
  });

  it('keeps eusc tenants in aws-eusc and everyone else out of it', () => {
    const eusc = cell({ id: 'eusc', locationId: 'eusc-de-east-1' });
    const fra = cell({ id: 'fra', locationId: 'eu-central-1' });
    const e = engine([eusc, fra]);
    expect(
      e.place(
        tenant({ residency: { partition: 'aws-eusc', countries: ['DE'] } }),
        {
          strategy: 'spread',
        },
      ),
    ).toMatchObject({ cellId: 'eusc' });
    expect(
      e.place(tenant({ residency: { countries: ['DE'] } }), {
        strategy: 'spread',
      }),
    ).toMatchObject({ cellId: 'fra' });
  });

  it('mutates usage only on commit', () => {
    const c = cell({ id: 'c', locationId: 'eu-west-1' });
    const e = engine([c]);
    e.place(tenant(), { strategy: 'pack' });
    expect(e.cell('c')?.usage).toEqual({
      tenants: 0,
      loadUnits: 0,
      quotas: {},
    });
    e.place(tenant({ quotaUsage: { queues: 3 } }), {
      strategy: 'pack',
      commit: true,
    });
    expect(e.cell('c')?.usage).toEqual({
      tenants: 1,
      loadUnits: 10,
      quotas: { queues: 3 },
    });
    expect(c.usage.tenants).toBe(0); // the input cell is never changed
    e.release({ ...tenant({ quotaUsage: { queues: 3 } }), cellId: 'c' });
    expect(e.cell('c')?.usage).toEqual({
      tenants: 0,
      loadUnits: 0,
      quotas: { queues: 0 },
    });
  });

  it('fills a cell to exactly its capacity and then moves on', () => {
    const a = cell({
      id: 'a',
      locationId: 'eu-west-1',
      capacity: { tenants: 3, loadUnits: 30, quotas: {} },
    });
    const b = cell({ id: 'b', locationId: 'eu-west-1' });
    const e = engine([a, b]);
    const placed = Array.from({ length: 5 }, () =>
      e.place(tenant(), { strategy: 'pack', commit: true }),
    ).map(d => (d.outcome === 'placed' ? d.cellId : 'none'));
    // pack: `a` has less headroom, so it fills first, then `b`.
    expect(placed).toEqual(['a', 'a', 'a', 'b', 'b']);
    expect(e.cell('a')?.usage.tenants).toBe(3);
  });

  it('rejects cells that break a domain rule when built', () => {
    const bad = cell({
      locationId: 'eusc-de-east-1',
      controlPlaneId: 'cp-global',
    });
    expect(() => engine([bad])).toThrow(DomainRuleError);
  });

  it('with invalidCells skip, leaves out a cell that breaks a rule and says so where it matters', () => {
    const bad = cell({
      id: 'bad-dedicated',
      locationId: 'eu-west-1',
      isolation: 'dedicated',
      capacity: { tenants: 2, loadUnits: 100, quotas: {} },
    });
    const good = cell({ id: 'good', locationId: 'eu-west-1' });
    const gone = cell({ id: 'gone', locationId: 'eu-west-1' });
    const e = PlacementEngine.create({
      cells: [bad, good, { ...gone, locationId: 'xx-nowhere-1' }],
      catalog,
      controlPlanes,
      cellSpec: spec,
      invalidCells: 'skip',
    });
    expect(e.skippedCells()).toEqual([
      {
        cellId: 'bad-dedicated',
        locationId: 'eu-west-1',
        field: 'capacity.tenants',
        reason: 'a dedicated cell belongs to one tenant, capacity is 2',
      },
      {
        cellId: 'gone',
        locationId: 'xx-nowhere-1',
        field: 'locationId',
        reason: "'xx-nowhere-1' is not a known location",
      },
    ]);
    // Pool tenants still place; the dedicated cell does not concern them.
    const pooled = e.place(tenant(), { strategy: 'pack' });
    expect(pooled).toMatchObject({ outcome: 'placed', cellId: 'good' });
    expect(pooled.outcome === 'placed' && pooled.warnings).toEqual([
      expect.stringMatching(/^Readiness of eu-west-1 is unknown/),
    ]);
    // A silo tenant could have used it, so its decision names it.
    const silo = unplaceable(
      e.place(tenant({ tier: 'silo' }), { strategy: 'pack' }),
    );
    expect(silo.reason).toMatch(
      /Left out of placement because their stored data breaks a rule: cell bad-dedicated \(capacity.tenants: a dedicated cell belongs to one tenant, capacity is 2\)/,
    );
    expect(
      e.planMigration(tenant({ tier: 'silo' }), { cellId: 'bad-dedicated' }),
    ).toEqual({
      ok: false,
      violations: [
        {
          constraint: 'target',
          detail: expect.stringMatching(
            /cell bad-dedicated is left out of placement .*capacity.tenants/,
          ),
        },
      ],
    });
    // Without skip, the same cells stop the engine.
    expect(() => engine([bad, good])).toThrow(DomainRuleError);
  });

  it('offers no new cell when the tenant is larger than the spec', () => {
    const decision = unplaceable(
      engine([cell({ locationId: 'eu-west-1' })]).place(
        tenant({ loadUnits: 500 }),
        {
          strategy: 'pack',
        },
      ),
    );
    expect(decision.cellToCreate).toBeUndefined();
    expect(decision.reason).toMatch(/more than one cell of spec 2025.1 offers/);
  });
});

describe('PlacementEngine.whatIf', () => {
  it('places profiles on a copy, counts new cells per location and plans quotas', () => {
    const existing = cell(
      { id: 'existing', locationId: 'eu-west-1' },
      { tenants: 8, loadUnits: 80 },
    );
    const e = engine([existing], readinessFromMap({ 'eu-west-1': 'ready' }));
    const result = e.whatIf(
      [
        {
          count: 12,
          tier: 'pool',
          residency: { countries: ['IE'] },
          classification: 'internal',
          loadUnits: 10,
        },
        {
          count: 2,
          tier: 'silo',
          residency: { partition: 'aws-eusc' },
          classification: 'restricted',
          loadUnits: 10,
        },
        {
          count: 1,
          tier: 'pool',
          residency: { countries: ['DE'], partition: 'aws-eusc' },
          classification: 'internal',
          loadUnits: 1000,
        },
      ],
      spec,
    );
    expect(result).toMatchObject({
      requested: 15,
      placedInExistingCells: 2,
      placedInNewCells: 10,
      cellsToCreate: [
        { locationId: 'eu-west-1', isolation: 'pooled', count: 1 },
      ],
    });
    // Restricted silo tenants need a ready location; eusc readiness is unknown.
    expect(result.unplaceable.count).toBe(3);
    expect(result.unplaceable.reasons.join(' ')).toMatch(
      /refused by readiness/,
    );
    expect(result.unplaceable.reasons.join(' ')).toMatch(/more than one cell/);
    expect(result.quotaRequests).toEqual([
      expect.objectContaining({
        serviceCode: 'dynamodb',
        cellCount: 1,
        total: 50,
      }),
      expect.objectContaining({
        serviceCode: 'lambda',
        cellCount: 1,
        total: 1000,
      }),
    ]);
    // The engine itself is unchanged.
    expect(e.cell('existing')?.usage.tenants).toBe(8);
    expect(e.cells()).toHaveLength(1);
  });
});

describe('PlacementEngine.whatIf work', () => {
  const count = WHAT_IF_LIMITS.tenants;
  const run = (
    strategy: 'pack' | 'spread',
    quotaPerCell: number,
    quotaPerTenant: number,
  ) => {
    const e = engine([]);
    const result = e.whatIf(
      [
        {
          count,
          tier: 'pool',
          residency: { countries: ['IE'] },
          classification: 'internal',
          loadUnits: 1,
          quotaUsage: { queues: quotaPerTenant },
        },
      ],
      {
        ...spec,
        capacity: {
          tenants: 80,
          loadUnits: 600,
          quotas: { queues: quotaPerCell },
        },
      },
      { strategy },
    );
    expect(result).toMatchObject({
      requested: count,
      placedInNewCells: count,
      cellsToCreate: [{ locationId: 'eu-west-1', isolation: 'pooled', count }],
    });
    return e.searchWork();
  };

  // The request that froze the backend: every tenant uses a quota of 1 and
  // a cell's quota is 1, so each tenant needs a new cell that is exhausted
  // after one tenant. Scanning past such cells made every decision look at
  // every earlier cell: count² cells for the request.
  it.each(['pack', 'spread'] as const)(
    '%s: a quota-exhausting profile at the request bound looks at each new cell, not at every earlier one',
    strategy => {
      const work = run(strategy, 1, 1);
      // Two decisions per tenant (none fits, then the new cell fits), each
      // looking at the new cell only.
      expect(work.cellsExamined).toBeLessThanOrEqual(2 * count);
      expect(work.blocksExamined).toBeLessThanOrEqual(2 * count);
    },
  );

  // Each tenant leaves its new cell one unit short of the next tenant's
  // quota: not exhausted, so the cells stay open, but none fits again.
  it.each(['pack', 'spread'] as const)(
    '%s: a profile that leaves every cell short of its quota skips those cells by block',
    strategy => {
      const work = run(strategy, 3, 2);
      // Cells are checked one by one only in the block holding the new
      // cell (at most 64 cells); other blocks are judged by their summary.
      expect(work.cellsExamined).toBeLessThanOrEqual(64 * count);
      expect(work.blocksExamined).toBeLessThanOrEqual(
        2 * count * (count / 64 + 1),
      );
      expect(work.cellsExamined + work.blocksExamined).toBeLessThan(
        (count * count) / 20,
      );
    },
  );
});

describe('PlacementEngine.planMigration', () => {
  const current = cell(
    { id: 'current', locationId: 'eu-west-1' },
    { tenants: 1, loadUnits: 10 },
  );
  const frankfurt = cell({ id: 'frankfurt', locationId: 'eu-central-1' });
  const virginia = cell({ id: 'virginia', locationId: 'us-east-1' });
  const draining = cell(
    { id: 'draining', locationId: 'eu-west-3', lifecycle: 'draining' },
    { tenants: 10, loadUnits: 0 },
  );
  const euTenant = tenant({
    residency: { jurisdictions: ['EU'] },
    cellId: 'current',
  });

  it('approves a target cell that satisfies every constraint, and moves usage on commit', () => {
    const e = engine([current, frankfurt]);
    const plan = e.planMigration(
      euTenant,
      { cellId: 'frankfurt' },
      { commit: true },
    );
    expect(plan).toMatchObject({ ok: true, cellId: 'frankfurt' });
    expect(e.cell('current')?.usage.tenants).toBe(0);
    expect(e.cell('frankfurt')?.usage.tenants).toBe(1);
  });

  it('lists every violated constraint of a target cell', () => {
    const e = engine([current, virginia, draining]);
    expect(e.planMigration(euTenant, { cellId: 'virginia' })).toEqual({
      ok: false,
      violations: [expect.objectContaining({ constraint: 'residency' })],
    });
    const plan = e.planMigration(euTenant, { cellId: 'draining' });
    expect(plan.ok).toBe(false);
    if (plan.ok) throw new Error('unreachable');
    expect(plan.violations.map(v => v.constraint)).toEqual([
      'lifecycle',
      'headroom',
    ]);
    expect(e.planMigration(euTenant, { cellId: 'current' })).toMatchObject({
      ok: false,
      violations: [{ constraint: 'target' }],
    });
    expect(e.planMigration(euTenant, { cellId: 'nope' })).toMatchObject({
      ok: false,
      violations: [{ constraint: 'target' }],
    });
  });

  it('picks the best cell in a target location, or says why none fits', () => {
    const e = engine([current, frankfurt]);
    expect(
      e.planMigration(euTenant, { locationId: 'eu-central-1' }),
    ).toMatchObject({
      ok: true,
      cellId: 'frankfurt',
    });
    expect(
      e.planMigration(euTenant, { locationId: 'eusc-de-east-1' }),
    ).toMatchObject({
      ok: false,
      violations: [{ constraint: 'partition' }],
    });
    // The only cell in eu-west-1 is the tenant's own.
    expect(
      e.planMigration(euTenant, { locationId: 'eu-west-1' }),
    ).toMatchObject({
      ok: false,
      violations: [{ constraint: 'headroom' }],
    });
    expect(
      e.planMigration(euTenant, { locationId: 'eu-north-1' }),
    ).toMatchObject({
      ok: false,
      violations: [
        { constraint: 'target', detail: 'location eu-north-1 has no cells' },
      ],
    });
  });
});
