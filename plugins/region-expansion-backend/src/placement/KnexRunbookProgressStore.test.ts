import { TestDatabases } from '@backstage/backend-test-utils';
import { migrated } from '../__testUtils__/database';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { KnexRunbookProgressStore } from './KnexRunbookProgressStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())(
  'KnexRunbookProgressStore on %p',
  id => {
    it("keeps each tenant's runbook steps in the order they were recorded", async () => {
      const store = KnexRunbookProgressStore.create({
        client: await migrated(await databases.init(id)),
      });
      const runbookId = 'rb-0123456789abcdef01234567';
      const first = await store.recordProgress(
        'acme',
        { runbookId, step: 1, kind: 'metadata', status: 'done' },
        'user:default/ops',
      );
      await store.recordProgress(
        'other',
        { runbookId, step: 1, kind: 'metadata', status: 'failed' },
        'user:default/ops',
      );
      await store.recordProgress(
        'acme',
        {
          runbookId,
          step: 2,
          kind: 'data-copy',
          status: 'failed',
          detail: 'pipeline exited 1',
        },
        'user:default/ops',
      );
      const listed = await store.listProgress('acme');
      expect(listed).toEqual([
        first,
        {
          tenantId: 'acme',
          runbookId,
          step: 2,
          kind: 'data-copy',
          status: 'failed',
          detail: 'pipeline exited 1',
          actor: 'user:default/ops',
          at: expect.any(String),
        },
      ]);
      expect(first).toEqual({
        tenantId: 'acme',
        runbookId,
        step: 1,
        kind: 'metadata',
        status: 'done',
        actor: 'user:default/ops',
        at: expect.any(String),
      });
      expect(await store.listProgress('nobody')).toEqual([]);
    });
  },
);
