import request from 'supertest';
import {
  brokenFindingPages,
  wrapFindingPages,
} from '../__testUtils__/evidenceFindingPages';
import { binaryBody } from '../__testUtils__/unzip';
import { migrated } from '../__testUtils__/database';
import {
  createGovernance,
  governanceApp,
  governanceDatabases,
  governanceFinding,
} from '../__testUtils__/governance';
import { createEvidenceSnapshots } from './evidenceSnapshot';
import { GovernanceService } from './GovernanceService';

jest.setTimeout(60_000);
const { databases } = governanceDatabases();

async function appWith(failing = false) {
  const knex = await migrated(await databases.init('SQLITE_3'));
  const { stores, service } = createGovernance(knex);
  await stores.findings.upsertFindings(
    'securityhub',
    Array.from({ length: 30 }, (_, i) => governanceFinding(i)),
  );
  const store = failing
    ? GovernanceService.create({
        stores,
        evidence: wrapFindingPages(createEvidenceSnapshots(knex), () =>
          brokenFindingPages({
            ...governanceFinding(1),
            source: 'securityhub',
          }),
        ),
      })
    : service;
  return governanceApp(store, {
    now: () => new Date('2026-11-26T12:00:00Z'),
  });
}

describe('GET /governance/evidence-bundle', () => {
  // The bundle is complete on disk before its first byte is sent: its size
  // is known, so a browser can show how much of the download has arrived.
  it('states the Content-Length of the ZIP it sends, so a download can show progress', async () => {
    const res = await request(await appWith())
      .get('/governance/evidence-bundle')
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(
      String((res.body as Buffer).length),
    );
  });

  it('answers a failed evidence bundle as a JSON error, not labelled a ZIP attachment', async () => {
    const res = await request(await appWith(true)).get(
      '/governance/evidence-bundle',
    );
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.error.message).toMatch(/connection lost/);
  });
});
