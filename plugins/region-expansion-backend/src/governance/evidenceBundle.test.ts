import { TestDatabases } from '@backstage/backend-test-utils';
import { GovernanceFindingRow } from '@region-expansion/plugin-region-expansion-node';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { GovernanceStore } from './GovernanceStore';
import { writeEvidenceBundle } from './evidenceBundle';

// unzipper ships no types; only Open.buffer is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper: {
  Open: {
    buffer(
      b: Buffer,
    ): Promise<{ files: Array<{ path: string; buffer(): Promise<Buffer> }> }>;
  };
} = require('unzipper');

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const migrations = path.resolve(__dirname, '../../migrations');

function finding(i: number): GovernanceFindingRow {
  const partition = i % 3 === 0 ? 'aws-eusc' : 'aws';
  return {
    findingId: `arn:${partition}:securityhub:r:1:finding/${String(i).padStart(
      6,
      '0',
    )}`,
    partition,
    accountId: String(100000000000 + (i % 4)),
    region: partition === 'aws' ? 'us-east-1' : 'eusc-de-east-1',
    severity: ['LOW', 'HIGH', 'CRITICAL', 'MEDIUM'][i % 4],
    complianceStatus: i % 5 === 0 ? 'FAILED' : 'PASSED',
    controlId: `S3.${i % 7}`,
    workflowStatus: i % 2 ? 'NEW' : 'RESOLVED',
    recordState: 'ACTIVE',
    title: `Finding "${i}", with a comma`,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
  };
}

async function bundle(
  store: GovernanceStore,
  filter: Parameters<typeof writeEvidenceBundle>[0]['filter'],
) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', c => chunks.push(c));
  await writeEvidenceBundle({
    store,
    filter,
    out,
    generatedAt: new Date('2026-11-26T12:00:00Z'),
    requestedBy: 'user:default/auditor',
  });
  const zip = await unzipper.Open.buffer(Buffer.concat(chunks));
  const files = new Map<string, Buffer>();
  for (const f of zip.files) files.set(f.path, await f.buffer());
  return { order: zip.files.map(f => f.path), files };
}

describe('writeEvidenceBundle', () => {
  let store: GovernanceStore;
  const rows = Array.from({ length: 2_600 }, (_, i) => finding(i));

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: migrations });
    store = GovernanceStore.fromKnex(knex);
    await store.upsertFindings('securityhub', rows);
    await store.replaceResilienceApps(
      { partition: 'aws-eusc', accountId: '100000000000', region: 'x' },
      [
        {
          appArn: 'arn:aws-eusc:resiliencehub:eusc-de-east-1:1:app/a',
          appName: 'eusc-app',
          partition: 'aws-eusc',
          accountId: '100000000000',
          region: 'eusc-de-east-1',
          complianceStatus: 'PolicyMet',
          disruptions: [{ disruptionType: 'AZ', currentRtoInSecs: 5 }],
        },
      ],
    );
    await store.replaceResilienceApps(
      { partition: 'aws', accountId: '100000000001', region: 'x' },
      [
        {
          appArn: 'arn:aws:resiliencehub:us-east-1:1:app/b',
          appName: 'aws-app',
          partition: 'aws',
          accountId: '100000000001',
          region: 'us-east-1',
          complianceStatus: 'PolicyBreached',
          disruptions: [],
        },
      ],
    );
  });

  // The store pages by 1000: the unfiltered and partition scopes span pages.
  it.each([
    ['a partition', { partition: 'aws' }, 1001, ['aws']],
    [
      'a finding-table filter',
      { partition: 'aws', severity: 'HIGH' },
      1,
      ['aws'],
    ],
    ['no filter', {}, 1001, expect.arrayContaining(['aws', 'aws-eusc'])],
  ])(
    'streams findings over several pages, scoped to %s, with a digest per file in a manifest written last',
    async (
      _label,
      filter: Record<string, string>,
      minimumFindings: number,
      appPartitions: unknown,
    ) => {
      const { order, files } = await bundle(store, filter);
      expect(order[order.length - 1]).toBe('manifest.json');
      const manifest = JSON.parse(files.get('manifest.json')!.toString());
      expect(manifest.filter).toEqual(filter);
      expect(manifest.files.map((f: any) => f.path).sort()).toEqual(
        [...files.keys()].filter(p => p !== 'manifest.json').sort(),
      );
      for (const entry of manifest.files) {
        const content = files.get(entry.path)!;
        expect({
          path: entry.path,
          sha256: createHash('sha256').update(content).digest('hex'),
          bytes: content.length,
        }).toEqual(entry);
      }

      const expected = rows
        .filter(r =>
          Object.entries(filter).every(([k, v]) => (r as any)[k] === v),
        )
        .map(r => r.findingId)
        .sort();
      expect(expected.length).toBeGreaterThanOrEqual(minimumFindings);
      const json = JSON.parse(
        files.get('securityhub/findings.json')!.toString(),
      );
      expect(json.map((f: any) => f.findingId)).toEqual(expected);
      expect(json[0]).toMatchObject({ source: 'securityhub' });
      const csvLines = files
        .get('securityhub/findings.csv')!
        .toString()
        .trimEnd()
        .split('\n');
      expect(csvLines[0]).toMatch(/^source,findingId,partition,accountId/);
      expect(csvLines).toHaveLength(expected.length + 1);
      expect(csvLines[1].split(',')[1]).toBe(expected[0]);

      const apps = JSON.parse(files.get('resiliencehub/apps.json')!.toString());
      expect(apps.map((a: any) => a.partition)).toEqual(appPartitions);
      expect(files.get('summary.pdf')!.subarray(0, 4).toString()).toBe('%PDF');
    },
  );

  it('fails instead of writing a truncated bundle when the store fails mid-stream', async () => {
    const spy = jest
      .spyOn(store, 'streamFindings')
      .mockImplementation(async function* broken() {
        yield [{ ...finding(1), source: 'securityhub' }];
        throw new Error('connection lost');
      });
    const out = new PassThrough();
    out.resume();
    await expect(
      writeEvidenceBundle({
        store,
        filter: {},
        out,
        generatedAt: new Date('2026-11-26T12:00:00Z'),
      }),
    ).rejects.toThrow(/connection lost/);
    spy.mockRestore();
  });
});
