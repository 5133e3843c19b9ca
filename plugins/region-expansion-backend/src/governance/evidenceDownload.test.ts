import request from 'supertest';
import { binaryBody } from '../__testUtils__/unzip';
import {
  governanceApp,
  governanceDatabases,
  governanceFinding,
} from '../__testUtils__/governance';

jest.setTimeout(60_000);
const { governanceFor } = governanceDatabases();

describe('GET /governance/evidence-bundle', () => {
  // The bundle is complete on disk before its first byte is sent: its size
  // is known, so a browser can show how much of the download has arrived.
  it('states the Content-Length of the ZIP it sends, so a download can show progress', async () => {
    const { stores, service } = await governanceFor('SQLITE_3');
    await stores.findings.upsertFindings(
      'securityhub',
      Array.from({ length: 30 }, (_, i) => governanceFinding(i)),
    );
    const app = await governanceApp(service, {
      now: () => new Date('2026-11-26T12:00:00Z'),
    });
    const res = await request(app)
      .get('/governance/evidence-bundle')
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(
      String((res.body as Buffer).length),
    );
  });
});
