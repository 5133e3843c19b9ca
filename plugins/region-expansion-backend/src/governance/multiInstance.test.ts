import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  GovernanceProvider,
  regionExpansionGovernanceExtensionPoint,
} from '@region-expansion/plugin-region-expansion-node';
import { knex as createKnex, Knex } from 'knex';
import { regionExpansionPlugin } from '../plugin';

/**
 * Governance issue, reliability: "Two backend instances on one PostgreSQL run
 * each sync once." Two backends, each with the real region-expansion plugin
 * and its own real scheduler (`@backstage/backend-defaults/scheduler`, not the
 * in-memory mock), share one PostgreSQL database. A counting provider records
 * every run of the scheduled (scope global) governance task; a control task
 * with scope local shows both schedulers are alive and would both run.
 *
 * PostgreSQL only (the scheduler coordinates through row locks of its tasks
 * table): skipped unless BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 * is set.
 */

jest.setTimeout(90_000);

const PG_ID = 'POSTGRES_15' as const;
const hasPostgres =
  !!process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const databases = TestDatabases.create({ ids: hasPostgres ? [PG_ID] : [] });

const FREQUENCY_MS = 2_000;
const SYNC_MS = 600;
const OBSERVE_MS = 11_000;

interface Run {
  instance: string;
  startedAt: number;
  endedAt?: number;
}

function countingModule(
  instance: string,
  runs: Run[],
  localRuns: Record<string, number>,
) {
  const provider: GovernanceProvider = {
    id: 'securityhub',
    source: 'securityhub',
    targets: () => [
      { partition: 'aws', accountId: '111111111111', region: 'us-east-1' },
    ],
    async sync(ctx) {
      const run: Run = { instance, startedAt: Date.now() };
      runs.push(run);
      await new Promise(resolve => setTimeout(resolve, SYNC_MS));
      run.endedAt = Date.now();
      return {
        source: 'securityhub',
        outcomes: ctx.targets.map(target => ({
          target,
          status: 'ok' as const,
          pages: 0,
          rows: 0,
        })),
      };
    },
  };
  return createBackendModule({
    pluginId: 'region-expansion',
    moduleId: `counting-governance-${instance}`,
    register(env) {
      env.registerInit({
        deps: {
          governance: regionExpansionGovernanceExtensionPoint,
          scheduler: coreServices.scheduler,
        },
        async init({ governance, scheduler }) {
          governance.addProvider(provider);
          localRuns[instance] = 0;
          await scheduler.scheduleTask({
            id: 'multi-instance-control',
            scope: 'local',
            frequency: { milliseconds: FREQUENCY_MS },
            timeout: { seconds: 30 },
            fn: async () => {
              localRuns[instance] += 1;
            },
          });
        },
      });
    },
  });
}

/** A second connection pool to the same database, as another replica has. */
function sameDatabase(knex: Knex): Knex {
  return createKnex({
    client: 'pg',
    connection: knex.client.config.connection,
    pool: { min: 0, max: 5 },
  });
}

(hasPostgres ? describe : describe.skip)(
  'two backend instances on one PostgreSQL',
  () => {
    it('run the scheduled governance sync once per interval, not once per instance', async () => {
      const knexA = await databases.init(PG_ID);
      const knexB = sameDatabase(knexA);
      const runs: Run[] = [];
      const localRuns: Record<string, number> = {};
      const config = mockServices.rootConfig.factory({
        data: {
          regionExpansion: {
            governance: {
              schedule: {
                frequency: { milliseconds: FREQUENCY_MS },
                timeout: { seconds: 30 },
                initialDelay: { milliseconds: 500 },
              },
            },
          },
        },
      });
      const start = (instance: string, knex: Knex) =>
        startTestBackend({
          features: [
            regionExpansionPlugin,
            countingModule(instance, runs, localRuns),
            schedulerServiceFactory,
            mockServices.database.factory({ knex }),
            config,
          ],
        });
      const backends = [];
      try {
        backends.push(await start('a', knexA));
        backends.push(await start('b', knexB));
        await new Promise(resolve => setTimeout(resolve, OBSERVE_MS));

        // Both schedulers are alive: a local task runs on each of them.
        expect(localRuns.a).toBeGreaterThanOrEqual(2);
        expect(localRuns.b).toBeGreaterThanOrEqual(2);

        // The global task: one run per interval across both instances, as
        // often as one instance's local task of the same frequency runs
        // (plus the first), not as often as both together; never two at once.
        const done = runs.filter(r => r.endedAt !== undefined);
        expect(done.length).toBeGreaterThanOrEqual(3);
        expect(runs.length).toBeLessThanOrEqual(
          Math.max(localRuns.a, localRuns.b) + 1,
        );
        const sorted = [...runs].sort((x, y) => x.startedAt - y.startedAt);
        for (let i = 1; i < sorted.length; i++) {
          const previous = sorted[i - 1];
          expect(previous.endedAt).toBeDefined();
          expect(sorted[i].startedAt).toBeGreaterThanOrEqual(previous.endedAt!);
        }

        // One task row in the shared scheduler table.
        const tasks = await knexA('backstage_backend_tasks__tasks')
          .where('id', 'like', 'region-expansion-governance:%')
          .select('id');
        expect(tasks).toEqual([
          { id: 'region-expansion-governance:securityhub' },
        ]);
      } finally {
        for (const backend of backends) await backend.stop();
        await knexB.destroy();
      }
    });
  },
);
