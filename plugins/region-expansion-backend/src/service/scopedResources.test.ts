import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startWithRoles } from '../__testUtils__/rolePolicy';

jest.setTimeout(120_000);

/**
 * The permission framework's apply-conditions endpoint, which the
 * permission backend calls for a check of one resource (a search result):
 * the plugin loads the resource from its ref and applies the conditions.
 */
describe('apply-conditions of region-expansion-location', () => {
  it('loads locations and cells by ref and applies isInPartition', async () => {
    const server = await startWithRoles({
      demoData: { enabled: true, tenants: 0 },
    });
    const apply = (resourceRef: string) => ({
      id: resourceRef,
      resourceRef,
      resourceType: 'region-expansion-location',
      conditions: {
        rule: 'isInPartition',
        resourceType: 'region-expansion-location',
        params: { partitions: ['aws-eusc'] },
      },
    });
    const res = await request(server)
      .post(
        '/api/region-expansion/.well-known/backstage/permissions/apply-conditions',
      )
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:permission'),
          targetPluginId: 'region-expansion',
        }),
      )
      .send({
        items: [
          apply('location:eusc-de-east-1'),
          apply('location:eu-west-1'),
          apply('cell:eu-west-1-p01'),
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => [i.id, i.result])).toEqual([
      ['location:eusc-de-east-1', 'ALLOW'],
      ['location:eu-west-1', 'DENY'],
      ['cell:eu-west-1-p01', 'DENY'],
    ]);
  });
});
