import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import request from 'supertest';
import {
  conditionalPermissions,
  inPartitions,
  someone,
} from '../__testUtils__/conditionalPolicy';
import { API, as, startWithRoles } from '../__testUtils__/rolePolicy';
import { regionExpansionPlugin } from '../plugin';

jest.setTimeout(120_000);

type Server = Awaited<ReturnType<typeof startWithRoles>>;

/** The plugin with the demo estate under a policy scoping every resource permission. */
async function startScopedTo(conditions: any): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      regionExpansionPlugin,
      regionExpansionModuleDemo,
      conditionalPermissions(conditions).factory,
      mockServices.rootConfig.factory({
        data: { regionExpansion: { demoData: { enabled: true, tenants: 60 } } },
      }),
    ],
  });
  return server;
}

/**
 * Estate and readiness routes of an `aws-eusc` auditor: a policy answering
 * CONDITIONAL `isInPartition(aws-eusc)` on the plugin's resource
 * permissions. Lists and summaries hold only eusc, single reads outside
 * answer 404, writes outside 403, routes that cannot filter 403.
 */
describe('routes under a conditional decision', () => {
  let scoped: Server;
  let admin: Server;
  const get = (server: Server, path: string) =>
    request(server).get(`${API}${path}`).set('Authorization', someone);
  const adminGet = (path: string) =>
    request(admin)
      .get(`${API}${path}`)
      .set('Authorization', as('platform-admin'));

  beforeAll(async () => {
    [scoped, admin] = await Promise.all([
      startScopedTo(inPartitions('aws-eusc')),
      startWithRoles({ demoData: { enabled: true, tenants: 60 } }),
    ]);
  });

  it('lists only aws-eusc locations and partitions', async () => {
    const locations = await get(scoped, '/locations');
    expect(locations.status).toBe(200);
    expect(locations.body.items.length).toBeGreaterThan(0);
    expect(new Set(locations.body.items.map((l: any) => l.partition))).toEqual(
      new Set(['aws-eusc']),
    );
    const all = await adminGet('/locations');
    expect(locations.body.items).toEqual(
      all.body.items.filter((l: any) => l.partition === 'aws-eusc'),
    );
    const partitions = await get(scoped, '/partitions');
    expect(partitions.body.items.map((p: any) => p.id)).toEqual(['aws-eusc']);
  });

  it('sums only aws-eusc cells in the location summary', async () => {
    const cells = (await adminGet('/cells')).body.items;
    const euscLocations = new Set(
      cells
        .filter((c: any) => c.partition === 'aws-eusc')
        .map((c: any) => c.locationId),
    );
    expect(euscLocations.size).toBeGreaterThan(0);
    const all = (await adminGet('/locations/summary')).body.items;
    const summary = await get(scoped, '/locations/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.items).toEqual(
      all.filter((row: any) => euscLocations.has(row.locationId)),
    );
  });

  it('lists only aws-eusc cells and readiness levels', async () => {
    const cells = await get(scoped, '/cells');
    expect(cells.body.items.length).toBeGreaterThan(0);
    expect(cells.body.items.every((c: any) => c.partition === 'aws-eusc')).toBe(
      true,
    );
    const readiness = await get(scoped, '/readiness');
    expect(readiness.status).toBe(200);
    expect(readiness.body.items.length).toBeGreaterThan(0);
    expect(
      readiness.body.items.every((r: any) => r.partition === 'aws-eusc'),
    ).toBe(true);
  });

  it('answers 404 for one cell or one location outside the scope, as catalog does', async () => {
    const cells = (await adminGet('/cells')).body.items;
    const outside = cells.find((c: any) => c.partition === 'aws');
    const inside = cells.find((c: any) => c.partition === 'aws-eusc');
    expect((await get(scoped, `/cells/${inside.id}`)).status).toBe(200);
    const res = await get(scoped, `/cells/${outside.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`Cell '${outside.id}' does not exist`);
    expect((await get(scoped, `/readiness/${outside.locationId}`)).status).toBe(
      404,
    );
    expect(
      (await get(scoped, `/readiness/${outside.locationId}/history`)).status,
    ).toBe(404);
  });

  it('answers architecture advice for a location inside the scope and 404 outside', async () => {
    const inside = await get(scoped, '/locations/eusc-de-east-1/advice');
    expect(inside.status).toBe(200);
    expect(inside.body.advice.target).toBe('eusc-de-east-1');
    const outside = await get(scoped, '/locations/eu-west-1/advice');
    expect(outside.status).toBe(404);
    expect(outside.body.error.message).toBe(
      "Location 'eu-west-1' does not exist",
    );
  });

  it('answers 403 to a change of a cell outside the scope, and changes nothing', async () => {
    const cells = (await adminGet('/cells')).body.items;
    const outside = cells.find((c: any) => c.partition === 'aws');
    const res = await request(scoped)
      .patch(`${API}/cells/${outside.id}`)
      .set('Authorization', someone)
      .send({ name: 'Renamed by an eusc auditor' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/region-expansion\.cell\.manage/);
    expect((await adminGet(`/cells/${outside.id}`)).body.name).toBe(
      outside.name,
    );
  });

  it('answers 403 on a read that cannot be filtered by the scope (tenants)', async () => {
    const res = await get(scoped, '/tenants');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /region-expansion\.location\.read' is granted for part of the estate only/,
    );
  });

  it('answers 400 naming the field when the policy sends a bad partition id', async () => {
    const bad = await startScopedTo(inPartitions('Not A Partition'));
    const res = await get(bad, '/locations');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /conditions\.isInPartition\.partitions\.0: must be a partition id/,
    );
  });
});
