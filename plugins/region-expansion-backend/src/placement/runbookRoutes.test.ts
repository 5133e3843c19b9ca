import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  runbookSchema,
  type Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import request from 'supertest';
import { API, as, startWithRoles } from '../__testUtils__/rolePolicy';
import { regionExpansionPlugin } from '../plugin';

jest.setTimeout(120_000);

const PATH = `${API}/placements/migration-runbooks`;

/**
 * POST /placements/migration-runbooks over the demo estate: a runbook with
 * its steps, a 400 naming the field for every request that cannot be
 * planned (nothing stored), and a 403 without the permission.
 */
describe('POST /placements/migration-runbooks', () => {
  let server: Awaited<ReturnType<typeof startWithRoles>>;
  let placed: Tenant[];
  beforeAll(async () => {
    server = await startWithRoles({ demoData: { enabled: true, tenants: 60 } });
    const list = await request(server)
      .get(`${API}/tenants?unplaced=false&limit=100`)
      .set('Authorization', as('engineer'));
    placed = list.body.items;
  });

  const plan = (body: object, role: 'engineer' | 'auditor' = 'engineer') =>
    request(server).post(PATH).set('Authorization', as(role)).send(body);

  const history = async (tenantId: string) =>
    (
      await request(server)
        .get(`${API}/tenants/${tenantId}/history`)
        .set('Authorization', as('auditor'))
    ).body;

  it('answers a runbook with its ordered steps, the same id for the same request, and stores nothing', async () => {
    const euTenant = placed.find(
      t => t.residency.jurisdictions?.includes('EU') && t.cellId,
    )!;
    const body = {
      kind: 'tenants',
      tenantIds: [euTenant.id],
      target: { locationId: 'eu-central-1' },
    };
    const before = await history(euTenant.id);
    const res = await plan(body, 'auditor');
    expect(res.status).toBe(200);
    const runbook = runbookSchema.parse(res.body);
    expect(runbook.moves).toEqual([
      expect.objectContaining({
        tenantId: euTenant.id,
        fromCellId: euTenant.cellId,
        toLocationId: 'eu-central-1',
      }),
    ]);
    const kinds = runbook.steps.map(s => s.kind);
    expect(kinds[0]).toBe('metadata');
    expect(kinds.slice(-3)).toEqual(['cutover', 'verify', 'rollback']);
    expect(kinds.filter(k => k === 'data-copy').length).toBeGreaterThan(0);
    expect(runbook.steps.map(s => s.n)).toEqual(kinds.map((_, i) => i + 1));
    // The test backend configures no price source: the runbook says so.
    expect(runbook.totals.estimatedCost).toBeUndefined();
    expect(runbook.totals.noPrice).toMatch(
      / has no data-transfer\.out price: no price source: set regionExpansion\.pricing\.snapshotFile/,
    );
    // The same request, its keys in another order, is the same runbook.
    const reordered = {
      target: body.target,
      tenantIds: body.tenantIds,
      kind: body.kind,
    };
    expect((await plan(reordered)).body.id).toBe(runbook.id);
    expect(await history(euTenant.id)).toEqual(before);
  });

  it('refuses a move across a forbidden border with the field and the rule', async () => {
    // Public data with no stated residency may go anywhere in the partition.
    const others = placed
      .filter(
        t =>
          t.classification === 'public' &&
          Object.keys(t.residency).length === 0,
      )
      .slice(0, 2);
    expect(others).toHaveLength(2);
    const euTenant = placed.find(t =>
      t.residency.jurisdictions?.includes('EU'),
    )!;
    const res = await plan({
      kind: 'tenants',
      tenantIds: [...others.map(t => t.id), euTenant.id],
      target: { locationId: 'us-east-1' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      new RegExp(
        `^tenantIds\\.2: tenant ${euTenant.id} data may not move to us-east-1 \\(rule residency-requirement\\)`,
      ),
    );
  });

  it.each([
    [
      'an unknown tenant',
      {
        kind: 'tenants',
        tenantIds: ['no-such-tenant'],
        target: { locationId: 'eu-west-1' },
      },
      'tenantIds.0: tenant no-such-tenant does not exist',
    ],
    [
      'an unknown target cell',
      {
        kind: 'tenants',
        tenantIds: ['tenant-00001'],
        target: { cellId: 'no-such-cell' },
      },
      'target.cellId: cell no-such-cell does not exist',
    ],
    [
      'an unknown cell to evacuate',
      { kind: 'evacuate-cell', cellId: 'no-such-cell' },
      'cellId: cell no-such-cell does not exist',
    ],
    [
      'an unknown partition',
      {
        kind: 'into-partition',
        tenantIds: ['tenant-00001'],
        partition: 'aws-nowhere',
      },
      'partition: partition aws-nowhere does not exist',
    ],
    [
      'more than 200 tenants',
      {
        kind: 'tenants',
        tenantIds: Array.from({ length: 201 }, (_, i) => `t-${i}`),
        target: { locationId: 'eu-west-1' },
      },
      'tenantIds: must name at most 200 tenants',
    ],
  ])('answers %s with a 400 naming the field', async (_, body, message) => {
    const res = await plan(body);
    expect({ status: res.status, message: res.body.error?.message }).toEqual({
      status: 400,
      message,
    });
  });

  it('answers 403 without region-expansion.tenant.read', async () => {
    const { server: denied } = await startTestBackend({
      features: [
        regionExpansionPlugin,
        regionExpansionModuleDemo,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        mockServices.rootConfig.factory({
          data: {
            regionExpansion: { demoData: { enabled: true, tenants: 5 } },
          },
        }),
      ],
    });
    const res = await request(denied)
      .post(PATH)
      .set('Authorization', as('engineer'))
      .send({ kind: 'evacuate-cell', cellId: 'eu-west-1-p01' });
    expect(res.status).toBe(403);
  });

  describe('POST /tenants/{id}/runbook-progress', () => {
    const progress = {
      runbookId: 'rb-0123456789abcdef01234567',
      step: 2,
      kind: 'data-copy',
      status: 'failed',
      detail: 'pipeline exited 1',
    };
    const record = (
      tenantId: string,
      body: object,
      role: 'engineer' | 'auditor' = 'engineer',
    ) =>
      request(server)
        .post(`${API}/tenants/${tenantId}/runbook-progress`)
        .set('Authorization', as(role))
        .send(body);

    it("records a step's outcome on the tenant's history", async () => {
      const tenantId = placed[0].id;
      const res = await record(tenantId, progress);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        ...progress,
        tenantId,
        actor: 'user:default/engineer',
        at: expect.any(String),
      });
      const { items, runbookProgress } = await history(tenantId);
      expect(items.length).toBeGreaterThan(0);
      expect(runbookProgress).toEqual([res.body]);
    });

    it('answers 404 for an unknown tenant, 400 naming the field, 403 without placement.execute, and stores nothing', async () => {
      const tenantId = placed[1].id;
      expect((await record('no-such-tenant', progress)).status).toBe(404);
      const bad = await record(tenantId, { ...progress, status: 'maybe' });
      expect({ status: bad.status, message: bad.body.error?.message }).toEqual({
        status: 400,
        message: 'status: must be one of done, failed, skipped-dry-run',
      });
      expect((await record(tenantId, progress, 'auditor')).status).toBe(403);
      expect((await history(tenantId)).runbookProgress).toEqual([]);
    });
  });
});
