import zlib from 'node:zlib';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import scaffolderModule from './index';

jest.setTimeout(120_000);

const startWith = (scaffolder: {
  assess: { maxInflatedBytes: number | string };
}) =>
  startTestBackend({
    features: [
      scaffolderBackend,
      scaffolderModule,
      mockServices.rootConfig.factory({
        data: { regionExpansion: { scaffolder } },
      }),
    ],
  });

describe('scaffolder module configuration', () => {
  it('gives the assess action regionExpansion.scaffolder.assess.maxInflatedBytes', async () => {
    const backend = await startWith({ assess: { maxInflatedBytes: 1024 } });
    try {
      const log = Buffer.concat([
        zlib.gzipSync('{"Records":['),
        zlib.gzipSync(Buffer.alloc(4096, ' ')),
        zlib.gzipSync(']}'),
      ]);
      const res = await request(backend.server)
        .post('/api/scaffolder/v2/dry-run')
        .set({ Authorization: mockCredentials.user.header() })
        .send({
          template: {
            apiVersion: 'scaffolder.backstage.io/v1beta3',
            kind: 'Template',
            metadata: { name: 'assess-limit' },
            spec: {
              owner: 'user:default/mock',
              type: 'service',
              parameters: [],
              steps: [
                {
                  id: 'fetch',
                  name: 'Fetch',
                  action: 'fetch:plain',
                  input: { url: './skeleton' },
                },
                {
                  id: 'assess',
                  name: 'Assess',
                  action: 'region-expansion:assess',
                  input: { targetLocation: 'eu-central-1', paths: ['trail'] },
                },
              ],
            },
          },
          values: {},
          secrets: {},
          directoryContents: [
            {
              path: 'skeleton/trail/AWSLogs/t.json.gz',
              base64Content: log.toString('base64'),
            },
          ],
        });
      const messages = [
        ...(res.body.log ?? []).map((l: any) => l.body?.message ?? ''),
        res.body.error?.message ?? '',
      ].join('\n');
      expect(messages).toMatch(
        /paths: \.\/trail\/AWSLogs\/t\.json\.gz: decompressed size exceeds the 1024-byte limit/,
      );
    } finally {
      await backend.stop();
    }
  });

  it.each([0, -1, 1.5, 'lots'])(
    'refuses to start with maxInflatedBytes %p, naming the key',
    async value => {
      await expect(
        startWith({ assess: { maxInflatedBytes: value } }),
      ).rejects.toThrow(
        /regionExpansion\.scaffolder\.assess\.maxInflatedBytes/,
      );
    },
  );
});
