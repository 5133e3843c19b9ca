import { DomainRuleError } from '../locations/errors';
import { PlacementEngine } from './PlacementEngine';
import { readinessFromMap } from './readiness';
import {
  catalog,
  cell,
  controlPlanes,
  engine,
  spec,
  tenant,
  unplaceable,
} from './testFixtures';

describe('PlacementEngine.place when no cell fits, and cells that break a rule', () => {
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
