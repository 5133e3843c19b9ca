import { TestDatabases } from '@backstage/backend-test-utils';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { governanceFinding } from '../__testUtils__/governance';
import { unzip } from '../__testUtils__/unzip';
import { writeEvidenceBundle } from './evidenceBundle';
import { createEvidenceSnapshots } from './evidenceSnapshot';
import { createGovernanceStores } from './governanceStores';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const migrations = path.resolve(__dirname, '../../migrations');

describe('the evidence bundle reading findings', () => {
  // A page that starts after an OR of the key's columns makes PostgreSQL walk
  // the index from the first finding for every page: 1M findings took
  // minutes. A row-value comparison starts the walk where the last page ended.
  it('starts each page of findings where the last one ended (a row-value comparison on the key), in every file', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: migrations });
    const stores = createGovernanceStores(knex);
    const count = 4_500;
    await stores.findings.upsertFindings(
      'securityhub',
      Array.from({ length: count }, (_, i) => governanceFinding(i)),
    );
    const sql: string[] = [];
    const record = (q: { sql: string }) => sql.push(q.sql);
    knex.on('query', record);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', c => chunks.push(c));
    await writeEvidenceBundle({
      snapshots: createEvidenceSnapshots(knex),
      filter: {},
      out,
      generatedAt: new Date('2026-12-06T12:00:00Z'),
    });
    knex.off('query', record);

    const pages = sql.filter(
      s => /from `governance_findings`/.test(s) && /order by/.test(s),
    );
    const later = pages.filter(s => /`source`.*>/.test(s));
    // Two files (CSV, JSON), each read in more than one page.
    expect(later.length).toBeGreaterThanOrEqual(2);
    for (const s of later) {
      expect(s).toMatch(/\(`source`, `finding_id`\) > \(\?, \?\)/);
      expect(s).not.toMatch(/ or /i);
    }
    const { files } = await unzip(Buffer.concat(chunks));
    const json = JSON.parse(files.get('securityhub/findings.json')!.toString());
    expect(json).toHaveLength(count);
    expect(
      new Set(json.map((f: { findingId: string }) => f.findingId)).size,
    ).toBe(count);
    expect(
      files.get('securityhub/findings.csv')!.toString().trimEnd().split('\n'),
    ).toHaveLength(count + 1);
  });
});
