import { summarizeCells } from './summarizeCells';

const cell = (
  locationId: string,
  isolation: 'pooled' | 'dedicated',
  used: number,
) => ({
  locationId,
  isolation,
  capacity: { tenants: 10, loadUnits: 100, quotas: {} },
  usage: { tenants: used, loadUnits: used * 5, quotas: {} },
});

describe('summarizeCells', () => {
  it('sums cells, pooled cells, tenants, capacity and usage per location, sorted by location', () => {
    expect(
      summarizeCells([
        cell('us-east-1', 'pooled', 3),
        cell('eu-central-1', 'dedicated', 1),
        cell('us-east-1', 'dedicated', 1),
      ]),
    ).toEqual([
      {
        locationId: 'eu-central-1',
        cellCount: 1,
        pooledCellCount: 0,
        tenantCount: 1,
        capacity: { tenants: 10, loadUnits: 100 },
        usage: { tenants: 1, loadUnits: 5 },
      },
      {
        locationId: 'us-east-1',
        cellCount: 2,
        pooledCellCount: 1,
        tenantCount: 4,
        capacity: { tenants: 20, loadUnits: 200 },
        usage: { tenants: 4, loadUnits: 20 },
      },
    ]);
  });

  it('gives no rows for no cells', () => {
    expect(summarizeCells([])).toEqual([]);
  });
});
