import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { AddressInfo } from 'node:net';
import { regionExpansionPlugin } from './plugin';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';

jest.setTimeout(60_000);

describe('RegionExpansionClient against the real router', () => {
  it('calls routes and surfaces server errors as ResponseError', async () => {
    const { server } = await startTestBackend({
      features: [
        regionExpansionPlugin,
        regionExpansionModuleDemo,
        mockServices.rootConfig.factory({
          data: {
            regionExpansion: { demoData: { enabled: true, tenants: 50 } },
          },
        }),
      ],
    });
    const { port } = server.address() as AddressInfo;
    const client = new RegionExpansionClient({
      discoveryApi: {
        getBaseUrl: async id => `http://localhost:${port}/api/${id}`,
      },
    });
    const token = mockCredentials.user.token('user:default/platform-admin');

    const partitions = await client.listPartitions({}, { token });
    expect(partitions.items.map(p => p.id)).toContain('aws-eusc');
    const cells = await client.listCells(
      { query: { partition: 'aws-eusc' } },
      { token },
    );
    expect(cells.items.length).toBeGreaterThan(0);
    const page = await client.listTenants({ query: { limit: 10 } }, { token });
    expect(page).toMatchObject({ totalCount: 50, limit: 10 });
    expect(
      await client.importTenants(
        {
          body: '- {id: y1, name: Y, tier: pool, classification: public, loadUnits: 1}\n',
          contentType: 'text/yaml',
        },
        { token },
      ),
    ).toEqual({ imported: 1, placed: 0 });

    const error = await client
      .updateCell(
        { path: { id: cells.items[0].id }, body: { lifecycle: 'planned' } },
        { token },
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(409);
    expect(error.body.error.message).toMatch(/lifecycle: cannot move/);
    await expect(
      client.getTenant({ path: { id: 'missing' } }, { token }),
    ).rejects.toMatchObject({
      response: { status: 404 },
    });

    const assessment = await client.assessFootprint(
      {
        path: { locationId: 'eu-west-1' },
        body: {
          fileName: 'stack.json',
          content: JSON.stringify({
            Resources: { Table: { Type: 'AWS::DynamoDB::Table' } },
          }),
        },
      },
      { token },
    );
    expect(assessment).toMatchObject({
      kind: 'cloudformation',
      footprint: { services: [{ code: 'dynamodb' }] },
      availabilityGaps: [],
    });
    const badFile = await client
      .assessFootprint(
        {
          path: { locationId: 'eu-west-1' },
          body: { fileName: 'stack.json', content: '{"Resources": 1}' },
        },
        { token },
      )
      .catch(e => e);
    expect(badFile).toBeInstanceOf(ResponseError);
    expect(badFile.body.error.message).toMatch(
      /^content: stack\.json: field Resources: not a CloudFormation template/,
    );

    const granted = await client.addWaiver(
      {
        body: {
          locationId: 'eu-west-1',
          check: 'audit',
          reason: 'evidence from next quarter',
          approver: 'user:default/ciso',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      { token },
    );
    const revoked = await client.revokeWaiver(
      { path: { id: granted.waiver.id } },
      { token },
    );
    expect(revoked.waiver.status).toBe('revoked');
    expect(revoked.evaluation.signals.audit.waived).toBe(false);
  });
});
