import { TestDatabases } from '@backstage/backend-test-utils';
import { READINESS_CHECKS } from '@region-expansion/plugin-region-expansion-common';
import { GovernanceFindingRow } from '@region-expansion/plugin-region-expansion-node';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { evaluationAt } from '../__testUtils__/evaluations';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import {
  brokenFindingPages,
  wrapFindingPages,
} from '../__testUtils__/evidenceFindingPages';
import { unzip } from '../__testUtils__/unzip';
import { KnexReadinessStore } from '../readiness/KnexReadinessStore';
import { writeEvidenceBundle } from './evidenceBundle';
import {
  createEvidenceSnapshots,
  EvidenceSnapshotSource,
} from './evidenceSnapshot';
import { createGovernanceStores, GovernanceStores } from './governanceStores';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: testDatabaseIds() });
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
  snapshots: EvidenceSnapshotSource,
  filter: Parameters<typeof writeEvidenceBundle>[0]['filter'],
) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', c => chunks.push(c));
  await writeEvidenceBundle({
    snapshots,
    filter,
    out,
    generatedAt: new Date('2026-11-26T12:00:00Z'),
    requestedBy: 'user:default/auditor',
  });
  return unzip(Buffer.concat(chunks));
}

describe('writeEvidenceBundle', () => {
  let stores: GovernanceStores;
  let evidence: EvidenceSnapshotSource;
  const rows = Array.from({ length: 2_600 }, (_, i) => finding(i));

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: migrations });
    stores = createGovernanceStores(knex);
    evidence = createEvidenceSnapshots(knex);
    await stores.findings.upsertFindings('securityhub', rows);
    // One app per partition, each stored under its own account.
    for (const app of [
      {
        appArn: 'arn:aws-eusc:resiliencehub:eusc-de-east-1:1:app/a',
        appName: 'eusc-app',
        partition: 'aws-eusc',
        accountId: '100000000000',
        region: 'eusc-de-east-1',
        complianceStatus: 'PolicyMet',
        disruptions: [{ disruptionType: 'AZ', currentRtoInSecs: 5 }],
      },
      {
        appArn: 'arn:aws:resiliencehub:us-east-1:1:app/b',
        appName: 'aws-app',
        partition: 'aws',
        accountId: '100000000001',
        region: 'us-east-1',
        complianceStatus: 'PolicyBreached',
        disruptions: [],
      },
    ]) {
      const { partition, accountId } = app;
      await stores.snapshots.replaceResilienceApps(
        { partition, accountId, region: 'x' },
        [app],
      );
    }
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
      const { order, files } = await bundle(evidence, filter);
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
    const out = new PassThrough();
    out.resume();
    await expect(
      writeEvidenceBundle({
        snapshots: wrapFindingPages(evidence, () =>
          brokenFindingPages({ ...finding(1), source: 'securityhub' }),
        ),
        filter: {},
        out,
        generatedAt: new Date('2026-11-26T12:00:00Z'),
      }),
    ).rejects.toThrow(/connection lost/);
  });
});

describe('writeEvidenceBundle to a slow reader', () => {
  it('releases its database snapshot before the download is read, and still sends every file', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: migrations });
    const stores = createGovernanceStores(knex);
    // Told when the bundle's snapshot has read its first page.
    let reading!: () => void;
    const started = new Promise<void>(resolve => {
      reading = resolve;
    });
    const evidence = wrapFindingPages(
      createEvidenceSnapshots(knex),
      async function* tell(pages) {
        for await (const batch of pages) {
          reading();
          yield batch;
        }
      },
    );
    // Enough hard-to-compress findings that the ZIP is far larger than
    // the output's buffer: a reader that does not read holds the writer.
    const seeded = Array.from({ length: 4_000 }, (_, i) => ({
      ...finding(i),
      title: createHash('sha256').update(String(i)).digest('hex'),
      resourceId: createHash('sha256').update(`r${i}`).digest('hex'),
    }));
    await stores.findings.upsertFindings('securityhub', seeded);

    const out = new PassThrough({ highWaterMark: 1024 });
    const written = writeEvidenceBundle({
      snapshots: evidence,
      filter: {},
      out,
      generatedAt: new Date('2026-11-26T12:00:00Z'),
    });
    written.catch(() => undefined);
    await started;
    // Nothing is read from `out`. SQLite has one connection: this write
    // waits for the bundle's transaction, so it lands only once that is over.
    const landed = await Promise.race([
      stores.findings
        .upsertFindings('securityhub', [finding(200_000)])
        .then(() => true),
      new Promise<false>(resolve => setTimeout(() => resolve(false), 10_000)),
    ]);
    expect(landed).toBe(true);

    const chunks: Buffer[] = [];
    out.on('data', c => chunks.push(c));
    await written;
    const { files } = await unzip(Buffer.concat(chunks));
    const json = files.get('securityhub/findings.json')!;
    // The bundle is the snapshot from before the write.
    expect(JSON.parse(json.toString())).toHaveLength(seeded.length);
  });
});

describe.each(testDatabaseIds())('writeEvidenceBundle on %s', databaseId => {
  it('reads findings CSV, JSON, summary, readiness decisions and waivers from one snapshot while a sync writes', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    const stores = createGovernanceStores(knex);
    const evidence = createEvidenceSnapshots(knex);
    const readiness = KnexReadinessStore.create({ client: knex });
    // 1,200 findings in `aws` (two pages of the export's keyset reads).
    const seeded = Array.from({ length: 1_800 }, (_, i) => finding(i)).filter(
      f => f.partition === 'aws',
    );
    expect(seeded.length).toBeGreaterThan(1_000);
    await stores.findings.upsertFindings('securityhub', seeded);
    await readiness.addEvaluation(
      evaluationAt(
        'us-east-1',
        'blocked',
        new Date('2026-11-20T00:00:00.000Z'),
      ),
      { partition: 'aws', trigger: 'scheduled' },
    );
    await readiness.addEvaluation(
      evaluationAt('us-east-1', 'pilot', new Date('2026-11-25T00:00:00.000Z')),
      { partition: 'aws', trigger: 'manual' },
    );
    await readiness.addEvaluation(
      evaluationAt('eu-west-1', 'ready', new Date('2026-11-25T00:00:00.000Z')),
      { partition: 'aws', trigger: 'scheduled' },
    );
    await readiness.addEvaluation(
      evaluationAt(
        'eusc-de-east-1',
        'ready',
        new Date('2026-11-25T00:00:00.000Z'),
      ),
      { partition: 'aws-eusc', trigger: 'scheduled' },
    );
    const waiver = (locationId: string, check: 'audit' | 'capacity') => ({
      locationId,
      check,
      reason: `${check} evidence from next quarter`,
      approver: 'user:default/ciso',
      expiresAt: '2026-12-31T00:00:00.000Z',
    });
    const now = new Date('2026-11-26T00:00:00.000Z');
    await readiness.addWaiver(waiver('us-east-1', 'audit'), {
      createdBy: 'user:default/admin',
      now,
    });
    await readiness.addWaiver(waiver('eusc-de-east-1', 'audit'), {
      createdBy: 'user:default/admin',
      now,
    });

    // A sync writes after the export's first page of findings: it moves a
    // finding already read to CRITICAL, adds one that sorts last, a newer
    // evaluation and a waiver in scope.
    let write: Promise<unknown> | undefined;
    let wroteDuringExport = false;
    const startWrite = () =>
      Promise.all([
        stores.findings.upsertFindings('securityhub', [
          { ...seeded[0], severity: 'CRITICAL' },
          finding(100_000),
        ]),
        readiness.addEvaluation(
          evaluationAt(
            'eu-west-1',
            'blocked',
            new Date('2026-11-26T00:00:00.000Z'),
          ),
          { partition: 'aws', trigger: 'scheduled' },
        ),
        readiness.addWaiver(waiver('eu-west-1', 'capacity'), {
          createdBy: 'user:default/admin',
          now,
        }),
      ]).then(() => {
        wroteDuringExport = true;
      });
    const interleaved = wrapFindingPages(
      evidence,
      async function* hooked(pages) {
        for await (const batch of pages) {
          yield batch;
          if (!write) {
            write = startWrite();
            // PostgreSQL commits the write at once; on SQLite it waits
            // for the export's transaction (one connection).
            await Promise.race([write, new Promise(r => setTimeout(r, 300))]);
          }
        }
      },
    );
    const { files } = await bundle(interleaved, { partition: 'aws' });
    // On PostgreSQL the write really committed while the export read on.
    expect(databaseId === 'SQLITE_3' || wroteDuringExport).toBe(true);
    await write;

    const bySeverity = (severities: string[]) =>
      severities.reduce<Record<string, number>>(
        (counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }),
        {},
      );
    const csvLines = files
      .get('securityhub/findings.csv')!
      .toString()
      .trimEnd()
      .split('\n');
    expect(csvLines[0].split(',')[5]).toBe('severity');
    const csvRows = csvLines.length - 1;
    const json = JSON.parse(files.get('securityhub/findings.json')!.toString());
    const summaryFile = files.get('summary.json');
    // CSV, JSON and summary say the same, and what was stored at the start.
    expect({
      csv: bySeverity(csvLines.slice(1).map(l => l.split(',')[5])),
      json: bySeverity(json.map((f: GovernanceFindingRow) => f.severity)),
      summary: summaryFile
        ? Object.fromEntries(
            JSON.parse(summaryFile.toString()).findings.bySeverity.map(
              (g: { key: string; total: number }) => [g.key, g.total],
            ),
          )
        : 'no summary.json',
    }).toEqual({
      csv: bySeverity(seeded.map(f => f.severity)),
      json: bySeverity(seeded.map(f => f.severity)),
      summary: bySeverity(seeded.map(f => f.severity)),
    });
    const summary = JSON.parse(files.get('summary.json')!.toString());
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    const severityTotal = summary.findings.bySeverity.reduce(
      (n: number, g: { total: number }) => n + g.total,
      0,
    );
    expect({
      csvRows,
      json: json.length,
      summary: summary.findings.total,
      severityTotal,
      manifest: manifest.counts.findings,
    }).toEqual({
      csvRows: seeded.length,
      json: seeded.length,
      summary: seeded.length,
      severityTotal: seeded.length,
      manifest: seeded.length,
    });

    // Latest decision per location in scope, with its signals; waivers in scope.
    const decisions = JSON.parse(
      files.get('readiness/decisions.json')!.toString(),
    );
    expect(
      decisions.map((d: any) => [d.locationId, d.level, d.trigger]),
    ).toEqual([
      ['eu-west-1', 'ready', 'scheduled'],
      ['us-east-1', 'pilot', 'manual'],
    ]);
    expect(Object.keys(decisions[1].signals).sort()).toEqual(
      [...READINESS_CHECKS].sort(),
    );
    expect(decisions[1].signals.audit).toMatchObject({
      status: 'unknown',
      waived: false,
    });
    const decisionsCsv = files
      .get('readiness/decisions.csv')!
      .toString()
      .trimEnd()
      .split('\n');
    expect(decisionsCsv).toHaveLength(3);
    expect(decisionsCsv[0]).toMatch(/^locationId,partition,level,/);
    const waivers = JSON.parse(files.get('readiness/waivers.json')!.toString());
    expect(waivers.map((w: any) => [w.locationId, w.check, w.status])).toEqual([
      ['us-east-1', 'audit', 'active'],
    ]);
    expect(
      files.get('readiness/waivers.csv')!.toString().trimEnd().split('\n'),
    ).toHaveLength(2);
    expect(summary.readiness).toEqual({
      decisions: 2,
      byLevel: { blocked: 0, pilot: 1, ready: 1 },
      waivers: 1,
      activeWaivers: 1,
    });
    expect(manifest.counts).toMatchObject({
      readinessDecisions: 2,
      waivers: 1,
    });
    expect(manifest.files.map((f: any) => f.path)).toEqual(
      expect.arrayContaining([
        'readiness/decisions.json',
        'readiness/decisions.csv',
        'readiness/waivers.json',
        'readiness/waivers.csv',
        'summary.json',
      ]),
    );

    // The write did land: the next bundle has it.
    const after = await bundle(evidence, { partition: 'aws' });
    expect(
      JSON.parse(after.files.get('securityhub/findings.json')!.toString()),
    ).toHaveLength(seeded.length + 1);
  });
});
