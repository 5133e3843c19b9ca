import { PassThrough } from 'node:stream';
import type { Knex } from 'knex';
import { migrated } from '../__testUtils__/database';
import {
  governanceDatabases,
  governanceFinding,
} from '../__testUtils__/governance';
import { writeEvidenceBundle } from './evidenceBundle';
import { createEvidenceSnapshots } from './evidenceSnapshot';
import { createGovernanceStores } from './governanceStores';

jest.setTimeout(60_000);
const { databases } = governanceDatabases();
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)\b/i;

/**
 * The most queries that were running at once on one transaction while
 * `work` ran: a transaction is one connection, and node-postgres 9 refuses
 * a query sent while another is running on its client (8 queues it and
 * warns that it is deprecated).
 */
async function mostQueriesAtOnceInATransaction(
  knex: Knex,
  work: () => Promise<void>,
): Promise<number> {
  const running = new Map<string, number>();
  let most = 0;
  const started = (query: { __knexTxId?: string; sql: string }) => {
    // Knex sends a transaction's BEGIN and COMMIT itself, with no response
    // event: they are not counted.
    if (!query.__knexTxId || TRANSACTION_CONTROL.test(query.sql)) return;
    const now = (running.get(query.__knexTxId) ?? 0) + 1;
    running.set(query.__knexTxId, now);
    most = Math.max(most, now);
  };
  const ended = (_: unknown, query: { __knexTxId?: string; sql: string }) => {
    if (!query.__knexTxId || TRANSACTION_CONTROL.test(query.sql)) return;
    running.set(query.__knexTxId, (running.get(query.__knexTxId) ?? 1) - 1);
  };
  knex.on('query', started);
  knex.on('query-response', ended);
  knex.on('query-error', ended);
  try {
    await work();
  } finally {
    knex.off('query', started);
    knex.off('query-response', ended);
    knex.off('query-error', ended);
  }
  return most;
}

describe.each(databases.eachSupportedId())(
  'the evidence bundle on %s',
  databaseId => {
    it('sends its snapshot transaction one query at a time', async () => {
      const knex = await migrated(await databases.init(databaseId));
      const stores = createGovernanceStores(knex);
      await stores.findings.upsertFindings(
        'securityhub',
        Array.from({ length: 300 }, (_, i) => governanceFinding(i)),
      );
      const out = new PassThrough();
      out.resume();

      const most = await mostQueriesAtOnceInATransaction(knex, () =>
        writeEvidenceBundle({
          snapshots: createEvidenceSnapshots(knex),
          filter: {},
          out,
          generatedAt: new Date('2026-12-07T08:00:00Z'),
        }).then(() => undefined),
      );

      expect(most).toBe(1);
    });
  },
);
