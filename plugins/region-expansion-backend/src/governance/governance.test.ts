import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { createHash } from 'node:crypto';
import { binaryBody, unzip } from '../__testUtils__/unzip';
import {
  governanceApp,
  governanceFinding,
  governanceDatabases,
} from '../__testUtils__/governance';

jest.setTimeout(60_000);
const { governanceFor } = governanceDatabases();
const finding = governanceFinding;

describe('createGovernanceRouter', () => {
  async function appWith(
    permissionResult: AuthorizeResult = AuthorizeResult.ALLOW,
  ) {
    const { stores, service } = await governanceFor('SQLITE_3');
    await stores.findings.upsertFindings(
      'securityhub',
      Array.from({ length: 30 }, (_, i) => finding(i)),
    );
    const trigger = jest.fn(async (p?: string) => (p ? [p] : ['securityhub']));
    const app = await governanceApp(service, {
      permission: permissionResult,
      trigger,
      now: () => new Date('2026-11-26T12:00:00Z'),
    });
    return { app, trigger };
  }

  it.each([
    ['/governance/summary?groupBy=partition', 200],
    ['/governance/summary?groupBy=nonsense', 400],
    ['/governance/findings?limit=5', 200],
    ['/governance/findings?limit=0', 400],
    ['/governance/findings?accountId=12', 400],
    ['/governance/findings?unknown=1', 400],
    ['/governance/freshness', 200],
    ['/governance/resilience', 200],
    ['/governance/audit', 200],
    ['/governance/conformance', 200],
    ['/governance/history', 200],
  ])('GET %s → %s', async (url, status) => {
    const { app } = await appWith();
    const res = await request(app).get(url);
    expect(res.status).toBe(status);
    // `field: reason`, the field first, as every route of the plugin says it.
    expect(status === 400 ? res.body.error.message : 'ok').toMatch(
      /^(groupBy|limit|accountId|unknown): \S|^ok$/,
    );
  });

  it('denies without permission', async () => {
    const { app } = await appWith(AuthorizeResult.DENY);
    expect((await request(app).get('/governance/summary')).status).toBe(403);
    expect((await request(app).get('/governance/evidence-bundle')).status).toBe(
      403,
    );
    expect((await request(app).post('/governance/sync')).status).toBe(403);
  });

  it('summarizes and pages findings with filters', async () => {
    const { app } = await appWith();
    const summary = await request(app).get(
      '/governance/summary?groupBy=severity&partition=aws',
    );
    expect(
      summary.body.groups.reduce((n: number, g: any) => n + g.total, 0),
    ).toBe(15);
    const page = await request(app).get(
      '/governance/findings?severity=HIGH&limit=4&offset=0',
    );
    expect(page.body.total).toBe(10);
    expect(page.body.items).toHaveLength(4);
  });

  it('triggers a sync', async () => {
    const { app, trigger } = await appWith();
    const res = await request(app)
      .post('/governance/sync')
      .send({ provider: 'securityhub' });
    expect(res.status).toBe(202);
    expect(trigger).toHaveBeenCalledWith('securityhub');
  });

  it('streams a ZIP evidence bundle scoped to the filter, with a manifest of SHA-256 per file', async () => {
    const { app } = await appWith();
    const res = await request(app)
      .get('/governance/evidence-bundle?partition=aws-eusc')
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const { files } = await unzip(res.body as Buffer);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.files.map((f: any) => f.path).sort()).toEqual(
      [...files.keys()].filter(p => p !== 'manifest.json').sort(),
    );
    for (const entry of manifest.files) {
      expect(
        createHash('sha256').update(files.get(entry.path)!).digest('hex'),
      ).toBe(entry.sha256);
    }
    const findings = JSON.parse(
      files.get('securityhub/findings.json')!.toString(),
    );
    expect(findings).toHaveLength(15);
    expect(findings.every((f: any) => f.partition === 'aws-eusc')).toBe(true);
    expect(files.get('summary.pdf')!.subarray(0, 4).toString()).toBe('%PDF');
    expect(
      files.get('securityhub/findings.csv')!.toString().split('\n')[0],
    ).toMatch(/^source,findingId,partition/);
  });
});
