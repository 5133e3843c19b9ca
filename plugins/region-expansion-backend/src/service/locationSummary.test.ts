import { mockCredentials } from '@backstage/backend-test-utils';
import {
  summarizeCells,
  type Cell,
} from '@region-expansion/plugin-region-expansion-common';
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

    expect(cells.length).toBeGreaterThan(0);
    // The SQL sums agree with the rule summed over the listed cells.
    expect(body.items).toEqual(summarizeCells(cells));
    expect(
      body.items.reduce((sum: number, row: any) => sum + row.tenantCount, 0),
    ).toBeGreaterThan(0);
  });
});
