import type { ControlPlane } from '@region-expansion/plugin-region-expansion-common';
import { controlPlaneModeProblem } from '../controlPlane/controlPlaneMode';
import { DomainRuleError } from '../locations/errors';
import {
  controlPlaneManages,
  assertCellAllowed,
  assertControlPlaneAllowed,
  assertCellTakesPin,
  assertTenantPinAllowed,
  PIN_LIFECYCLES,
} from './rules';
import { planQuotas } from './quotas';
import { catalog, cell, controlPlanes, spec, tenant } from './testFixtures';

const [globalCp, euscCp] = controlPlanes;

function ruleError(fn: () => void): { field: string; reason: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRuleError)
      return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error('expected a DomainRuleError');
}

describe('assertCellAllowed', () => {
  const eusc = catalog.require('eusc-de-east-1');
  const dublin = catalog.require('eu-west-1');

  it('accepts a sovereign cell managed from inside aws-eusc', () => {
    expect(() =>
      assertCellAllowed(
        cell({ locationId: 'eusc-de-east-1' }),
        eusc,
        euscCp,
        catalog.partition('aws-eusc'),
      ),
    ).not.toThrow();
  });

  it('rejects an aws-eusc cell managed from the aws control plane', () => {
    const error = ruleError(() =>
      assertCellAllowed(
        cell({ locationId: 'eusc-de-east-1', controlPlaneId: 'cp-global' }),
        eusc,
        globalCp,
        catalog.partition('aws-eusc'),
      ),
    );
    expect(error.field).toBe('controlPlaneId');
    expect(error.reason).toMatch(/aws-eusc requires its own control plane/);
  });

  const cases: [
    string,
    Parameters<typeof cell>,
    ControlPlane,
    string,
    RegExp,
  ][] = [
    [
      'a cell in aws managed from aws-eusc',
      [{ locationId: 'eu-west-1', controlPlaneId: 'cp-eusc' }],
      euscCp,
      'controlPlaneId',
      /nothing crosses/,
    ],
    [
      'a location the control plane does not manage',
      [{ locationId: 'eu-west-1' }],
      { ...globalCp, managedLocations: ['us-east-1'] },
      'controlPlaneId',
      /does not manage/,
    ],
    [
      'a wrong partition',
      [{ locationId: 'eu-west-1', partition: 'aws-cn' }],
      globalCp,
      'partition',
      /differs/,
    ],
    [
      'a bad account id',
      [{ locationId: 'eu-west-1', accountId: '1234' }],
      globalCp,
      'accountId',
      /12-digit/,
    ],
    [
      'usage above tenant capacity',
      [{ locationId: 'eu-west-1' }, { tenants: 11 }],
      globalCp,
      'usage.tenants',
      /exceeds capacity 10/,
    ],
    [
      'usage above load capacity',
      [{ locationId: 'eu-west-1' }, { loadUnits: 101 }],
      globalCp,
      'usage.loadUnits',
      /exceeds capacity 100/,
    ],
    [
      'a dedicated cell for many tenants',
      [
        {
          locationId: 'eu-west-1',
          isolation: 'dedicated',
          capacity: { tenants: 2, loadUnits: 1, quotas: {} },
        },
      ],
      globalCp,
      'capacity.tenants',
      /one tenant/,
    ],
  ];
  it.each(cases)(
    'rejects %s',
    (_name, cellArgs, controlPlane, field, reason) => {
      const error = ruleError(() =>
        assertCellAllowed(cell(...cellArgs), dublin, controlPlane),
      );
      expect(error.field).toBe(field);
      expect(error.reason).toMatch(reason);
    },
  );

  it('rejects quota usage above capacity', () => {
    const c = cell({
      locationId: 'eu-west-1',
      capacity: { tenants: 10, loadUnits: 100, quotas: { queues: 1 } },
      usage: { tenants: 0, loadUnits: 0, quotas: { queues: 2 } },
    });
    expect(ruleError(() => assertCellAllowed(c, dublin, globalCp)).field).toBe(
      'usage.quotas.queues',
    );
  });
});

describe('assertControlPlaneAllowed', () => {
  it('accepts control planes that stay in their partition', () => {
    for (const cp of controlPlanes)
      expect(() => assertControlPlaneAllowed(cp, catalog)).not.toThrow();
  });
  it('rejects managing a location in another partition', () => {
    const error = ruleError(() =>
      assertControlPlaneAllowed(
        { ...globalCp, managedLocations: ['eu-west-1', 'eusc-de-east-1'] },
        catalog,
      ),
    );
    expect(error).toEqual({
      field: 'managedLocations.1',
      reason: expect.stringMatching(/nothing crosses a partition/),
    });
  });
  it.each([
    {
      name: 'a global control plane inside aws-eusc',
      cp: { ...euscCp, mode: 'global' as const },
      mode: 'global',
    },
    {
      name: "mode 'partition' in aws",
      cp: { ...globalCp, mode: 'partition' as const },
      mode: 'partition',
    },
  ])(
    'rejects $name naming mode, with the one wording of the mode rule',
    ({ cp, mode }) => {
      const error = ruleError(() => assertControlPlaneAllowed(cp, catalog));
      expect(error.field).toBe('mode');
      expect(error.reason).toBe(
        controlPlaneModeProblem(mode, catalog.partition(cp.partition)!),
      );
    },
  );
  it('rejects a home outside the partition', () => {
    expect(
      ruleError(() =>
        assertControlPlaneAllowed(
          { ...euscCp, homeLocation: 'eu-central-1' },
          catalog,
        ),
      ).field,
    ).toBe('homeLocation');
  });
});

describe('assertTenantPinAllowed', () => {
  const dublinCell = cell({ locationId: 'eu-west-1' });
  const dublin = catalog.require('eu-west-1');
  it('accepts a pin that honours residency and tier', () => {
    expect(() =>
      assertTenantPinAllowed(
        tenant({ residency: { jurisdictions: ['EU'] } }),
        dublinCell,
        dublin,
      ),
    ).not.toThrow();
  });
  it.each([
    [
      'residency',
      tenant({ residency: { countries: ['DE'] } }),
      /contradicts the tenant's residency/,
    ],
    [
      'partition',
      tenant({ residency: { partition: 'aws-eusc' } }),
      /must live in aws-eusc/,
    ],
    ['tier', tenant({ tier: 'silo' }), /needs a dedicated cell/],
  ])('rejects a pin that contradicts %s', (_name, t, reason) => {
    expect(
      ruleError(() => assertTenantPinAllowed(t, dublinCell, dublin)),
    ).toEqual({
      field: 'cellId',
      reason: expect.stringMatching(reason),
    });
  });
});

describe('assertCellTakesPin', () => {
  it.each(['active', 'provisioning'] as const)(
    'accepts a pin to a %s cell',
    lifecycle => {
      expect(() =>
        assertCellTakesPin(cell({ locationId: 'eu-west-1', lifecycle })),
      ).not.toThrow();
    },
  );
  it.each(['planned', 'draining', 'retired'] as const)(
    'rejects a pin to a %s cell, naming cellId',
    lifecycle => {
      const c = cell({ locationId: 'eu-west-1', lifecycle });
      expect(ruleError(() => assertCellTakesPin(c))).toEqual({
        field: 'cellId',
        reason: `cell ${c.id} is ${lifecycle}; a tenant is pinned only to an active or provisioning cell`,
      });
    },
  );
  it('names exactly the lifecycles it accepts', () => {
    expect([...PIN_LIFECYCLES]).toEqual(['active', 'provisioning']);
  });
});

describe('planQuotas', () => {
  it('multiplies each quota by the cell count, summing duplicates, sorted', () => {
    const withDuplicate = {
      ...spec,
      serviceQuotas: [
        ...spec.serviceQuotas,
        { ...spec.serviceQuotas[0], perCell: 500 },
      ],
    };
    expect(planQuotas(withDuplicate, 3)).toEqual([
      {
        serviceCode: 'dynamodb',
        quotaCode: 'L-F98FE922',
        quotaName: 'Tables',
        perCell: 50,
        cellCount: 3,
        total: 150,
      },
      {
        serviceCode: 'lambda',
        quotaCode: 'L-B99A9384',
        quotaName: 'Concurrent executions',
        perCell: 1500,
        cellCount: 3,
        total: 4500,
      },
    ]);
    expect(planQuotas(spec, 0).every(q => q.total === 0)).toBe(true);
    expect(() => planQuotas(spec, -1)).toThrow(RangeError);
  });
});

describe('controlPlaneManages', () => {
  const cp = { managedLocations: ['eu-central-1', 'eu-west-1'] };
  it.each([
    { name: 'a listed Region', location: { id: 'eu-west-1' }, manages: true },
    {
      name: 'an unlisted Region',
      location: { id: 'eu-west-2' },
      manages: false,
    },
    {
      name: 'a Local Zone of a listed Region',
      location: { id: 'eu-central-1-ham-1a', parentRegion: 'eu-central-1' },
      manages: true,
    },
    {
      name: 'a Local Zone of an unlisted Region',
      location: { id: 'eu-west-2-lhr-1a', parentRegion: 'eu-west-2' },
      manages: false,
    },
    {
      name: 'an empty parent, as a store may hold it',
      location: { id: 'us-east-1', parentRegion: '' },
      manages: false,
    },
  ])('$name: $manages', ({ location, manages }) => {
    expect(controlPlaneManages(cp, location)).toBe(manages);
  });
});
