import { callApi, startBenchBackend } from '../lib/benchBackend';
import { sqliteDatabase } from '../lib/sqlite';
import {
  REGIONS_CALLS,
  seedEstate,
  TENANTS_CALLS,
  timeCalls,
} from './regionsEstate';

jest.setTimeout(120_000);

// The browser half of `yarn bench regions-page` needs the app's production
// build and Chromium; this covers the half that talks to the API.
describe('yarn bench regions-page, its estate and baseline', () => {
  it('loads an estate in the demo Regions through the API and times the pages’ calls', async () => {
    const db = sqliteDatabase();
    const backend = await startBenchBackend({ knex: db.knex });
    try {
      const call = (method: string, path: string, body?: unknown) =>
        callApi(backend.api, method, path, body);
      const seeded = await seedEstate(call, { cells: 60, tenants: 400 });
      expect(seeded.regions).toBe(9);
      expect((await call('GET', '/control-planes')).items).toHaveLength(4);
      expect((await call('GET', '/cells')).items).toHaveLength(60);
      expect((await call('GET', '/tenants?offset=0&limit=1')).totalCount).toBe(
        400,
      );
      for (const paths of [REGIONS_CALLS, TENANTS_CALLS]) {
        const timed = await timeCalls(backend.api, {}, paths);
        expect(timed.bytes).toBeGreaterThan(0);
        expect(timed.ms).toBeGreaterThan(0);
      }
    } finally {
      await backend.stop();
      await db.drop();
    }
  });
});
