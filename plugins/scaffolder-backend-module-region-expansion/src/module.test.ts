import zlib from 'node:zlib';
import {
  dryRun,
  dryRunMessages,
  templateOf,
} from './__testUtils__/scaffolderDryRun';
import { startScaffolder } from './__testUtils__/regionExpansionBackend';

jest.setTimeout(120_000);

const startWith = (scaffolder: {
  assess: { maxInflatedBytes: number | string };
}) => startScaffolder(scaffolder, { alone: true });

describe('scaffolder module configuration', () => {
  it('gives the assess action regionExpansion.scaffolder.assess.maxInflatedBytes', async () => {
    const backend = await startWith({ assess: { maxInflatedBytes: 1024 } });
    try {
      const log = Buffer.concat([
        zlib.gzipSync('{"Records":['),
        zlib.gzipSync(Buffer.alloc(4096, ' ')),
        zlib.gzipSync(']}'),
      ]);
      const res = await dryRun(backend.server, {
        template: templateOf('assess-limit', [
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
        ]),
        directoryContents: [
          {
            path: 'skeleton/trail/AWSLogs/t.json.gz',
            base64Content: log.toString('base64'),
          },
        ],
      });
      const messages = dryRunMessages(res);
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
