import request from 'supertest';
import { inPartitions } from '../__testUtils__/conditionalPolicy';
import {
  governanceApp,
  governanceDatabases,
  governanceFinding,
} from '../__testUtils__/governance';
import { binaryBody, unzip } from '../__testUtils__/unzip';

jest.setTimeout(60_000);
const { governanceFor } = governanceDatabases();

/**
 * Governance reads under a policy answering CONDITIONAL on
 * `region-expansion.governance.read`: an auditor of `aws-eusc` only. The
 * scope filters in the store query, so counts and pages agree.
 */
describe('governance reads of an aws-eusc auditor', () => {
  async function appScopedTo(conditions: any) {
    const { stores, service } = await governanceFor('SQLITE_3');
    await stores.findings.upsertFindings(
      'securityhub',
      Array.from({ length: 30 }, (_, i) => governanceFinding(i)),
    );
    return governanceApp(service, { conditions });
  }

  it('lists only aws-eusc findings, with their total', async () => {
    const app = await appScopedTo(inPartitions('aws-eusc'));
    const res = await request(app).get('/governance/findings?limit=100');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(15);
    expect(res.body.items).toHaveLength(15);
    expect(new Set(res.body.items.map((f: any) => f.partition))).toEqual(
      new Set(['aws-eusc']),
    );
  });

  it('counts only aws-eusc findings in the dashboard summary', async () => {
    const app = await appScopedTo(inPartitions('aws-eusc'));
    const byPartition = await request(app).get(
      '/governance/summary?groupBy=partition',
    );
    expect(byPartition.status).toBe(200);
    expect(byPartition.body.groups.map((g: any) => [g.key, g.total])).toEqual([
      ['aws-eusc', 15],
    ]);
    // The echoed filter is the caller's, not the policy's conditions.
    expect(byPartition.body.filter).toEqual({});
    const bySeverity = await request(app).get(
      '/governance/summary?groupBy=severity',
    );
    expect(
      bySeverity.body.groups.reduce((n: number, g: any) => n + g.total, 0),
    ).toBe(15);
  });

  it('exports an evidence bundle holding only aws-eusc findings', async () => {
    const app = await appScopedTo(inPartitions('aws-eusc'));
    const res = await request(app)
      .get('/governance/evidence-bundle')
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    const { files } = await unzip(res.body as Buffer);
    const findings = JSON.parse(
      files.get('securityhub/findings.json')!.toString(),
    );
    expect(findings).toHaveLength(15);
    expect(findings.every((f: any) => f.partition === 'aws-eusc')).toBe(true);
    const csvRows = files
      .get('securityhub/findings.csv')!
      .toString()
      .trim()
      .split('\n');
    expect(csvRows).toHaveLength(16);
  });

  it('combines rules: anyOf a partition or one account', async () => {
    const app = await appScopedTo({
      anyOf: [
        inPartitions('aws-eusc'),
        {
          rule: 'isInAccount',
          resourceType: 'region-expansion-location',
          params: { accountIds: ['100000000001'] },
        },
      ],
    });
    const res = await request(app).get('/governance/findings?limit=100');
    const expected = Array.from({ length: 30 }, (_, i) =>
      governanceFinding(i),
    ).filter(f => f.partition === 'aws-eusc' || f.accountId === '100000000001');
    expect(res.body.total).toBe(expected.length);
  });

  it('answers 400 naming the field when a condition has a bad partition id', async () => {
    const app = await appScopedTo(inPartitions('EUSC!'));
    const res = await request(app).get('/governance/findings');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /conditions\.isInPartition\.partitions\.0: must be a partition id/,
    );
  });
});
