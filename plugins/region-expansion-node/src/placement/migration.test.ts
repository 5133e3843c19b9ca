import { cell, engine, tenant } from './testFixtures';

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
