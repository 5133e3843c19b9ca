import { mockCredentials } from '@backstage/backend-test-utils';
import type { Cell } from '@region-expansion/plugin-region-expansion-common';
import request from 'supertest';
import {
  API,
  as,
  ROLE_CODES,
  startWithRoles,
} from '../__testUtils__/rolePolicy';

jest.setTimeout(120_000);

/**
 * GET /locations/summary: cell totals per location under the shared
 * role-based test policy (`__testUtils__/rolePolicy.ts`), checked against
 * the full cell list it replaces on the Regions page.
 */
describe('GET /locations/summary', () => {
  let server: Awaited<ReturnType<typeof startWithRoles>>;
  beforeAll(async () => {
    server = await startWithRoles({
      demoData: { enabled: true, tenants: 300 },
    });
  });

  it('answers 401 without credentials and 200 to every reading role', async () => {
    const get = (auth: string) =>
      request(server)
        .get(`${API}/locations/summary`)
        .set('Authorization', auth);
    expect((await get(mockCredentials.none.header())).status).toBe(401);
    for (const [role] of ROLE_CODES) {
      expect([role, (await get(as(role))).status]).toEqual([role, 200]);
    }
  });

  it('sums the cells of each location', async () => {
    const admin = as('platform-admin');
    const cells: Cell[] = (
      await request(server).get(`${API}/cells`).set('Authorization', admin)
    ).body.items;
    const { body } = await request(server)
      .get(`${API}/locations/summary`)
      .set('Authorization', admin);

    const expected = new Map<string, any>();
    for (const cell of cells) {
      const row = expected.get(cell.locationId) ?? {
        locationId: cell.locationId,
        cellCount: 0,
        pooledCellCount: 0,
        tenantCount: 0,
        capacity: { tenants: 0, loadUnits: 0 },
        usage: { tenants: 0, loadUnits: 0 },
      };
      row.cellCount += 1;
      if (cell.isolation === 'pooled') row.pooledCellCount += 1;
      row.tenantCount += cell.usage.tenants;
      row.capacity.tenants += cell.capacity.tenants;
      row.capacity.loadUnits += cell.capacity.loadUnits;
      row.usage.tenants += cell.usage.tenants;
      row.usage.loadUnits += cell.usage.loadUnits;
      expected.set(cell.locationId, row);
    }
    expect(cells.length).toBeGreaterThan(0);
    expect(body.items).toEqual(
      [...expected.values()].sort((a, b) =>
        a.locationId.localeCompare(b.locationId),
      ),
    );
    expect(
      body.items.reduce((sum: number, row: any) => sum + row.tenantCount, 0),
    ).toBeGreaterThan(0);
  });
});
