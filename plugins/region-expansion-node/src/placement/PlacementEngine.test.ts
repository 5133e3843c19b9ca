import { readinessFromMap } from './readiness';
import { cell, engine, tenant, unplaceable } from './testFixtures';

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
});
