import type { Cell } from '@region-expansion/plugin-region-expansion-common';
import { cells } from '../../__testUtils__/fixtures';
import { initialState, whatIfBody } from './whatIfRequest';

describe('whatIfRequest', () => {
  const template: Cell = cells[0];

  it('starts the cell spec from the template cell, and empty without one', () => {
    expect(initialState(template)).toMatchObject({
      specVersion: '2025.1',
      tenantsPerCell: '100',
      loadUnitsPerCell: '1000',
    });
    expect(initialState(undefined)).toMatchObject({
      specVersion: '',
      tenantsPerCell: '',
      loadUnitsPerCell: '',
    });
  });

  it.each([
    ['no residency and no quota', {}, {}, []],
    [
      'the chosen partition and jurisdiction, and the quota of a service code',
      {
        partition: 'aws-eusc',
        jurisdiction: 'EU',
        serviceCode: 'lambda',
        quotaCode: 'L-B99A9384',
        quotaName: 'Concurrent executions',
        quotaPerCell: '3000',
      },
      { partition: 'aws-eusc', jurisdictions: ['EU'] },
      [
        {
          serviceCode: 'lambda',
          quotaCode: 'L-B99A9384',
          quotaName: 'Concurrent executions',
          perCell: 3000,
        },
      ],
    ],
  ])('sends %s', (_case, fields, residency, serviceQuotas) => {
    const body = whatIfBody({ ...initialState(template), ...fields });
    expect(body.profiles).toEqual([
      {
        count: 10,
        tier: 'pool',
        classification: 'confidential',
        loadUnits: 10,
        residency,
      },
    ]);
    expect(body.spec).toEqual({
      version: '2025.1',
      isolation: 'pooled',
      capacity: { tenants: 100, loadUnits: 1000, quotas: {} },
      serviceQuotas,
    });
  });
});
