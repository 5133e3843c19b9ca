import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  GovernanceProvider,
  GovernanceTarget,
  regionExpansionGovernanceExtensionPoint,
} from '@region-expansion/plugin-region-expansion-node';
import { regionExpansionPlugin } from '../plugin';
import { GovernanceSyncService } from './GovernanceSyncService';
import { startTaskRun, until } from '../__testUtils__/taskRun';

jest.setTimeout(120_000);

const TARGET: GovernanceTarget = {
  partition: 'aws',
  accountId: '111111111111',
  region: 'us-east-1',
};

/**
 * A provider that reads page after page (one finding each, 20 ms apart)
 * until its signal aborts, as a real one pages the AWS API; it records each
 * page written and any write attempted after the backend stopped.
 */
function pagingModule(log: {
  written: number;
  afterStop: number;
  stopped: boolean;
}) {
  const provider: GovernanceProvider = {
    id: 'securityhub',
    source: 'securityhub',
    targets: () => [TARGET],
    async sync(ctx) {
      let pages = 0;
      for (let i = 0; i < 1_000 && !ctx.signal.aborted; i += 1) {
        await new Promise(resolve => setTimeout(resolve, 20));
        if (log.stopped) log.afterStop += 1;
        await ctx.sink.write('securityhub', TARGET, {
          findings: [
            {
              findingId: `finding-${i}`,
              partition: 'aws',
              accountId: TARGET.accountId,
              region: TARGET.region,
              severity: 'LOW',
              complianceStatus: 'PASSED',
              workflowStatus: 'NEW',
              recordState: 'ACTIVE',
              createdAt: '2026-11-01T00:00:00.000Z',
              updatedAt: '2026-11-02T00:00:00.000Z',
            },
          ],
        });
        await ctx.cursors.set('securityhub', TARGET, `page-${i}`);
        pages += 1;
        log.written += 1;
      }
      return {
        source: 'securityhub',
        outcomes: [
          {
            target: TARGET,
            status: ctx.signal.aborted ? 'failed' : 'ok',
            pages,
            rows: pages,
            ...(ctx.signal.aborted
              ? { reason: 'stopped', reasonKind: 'interrupted' as const }
              : {}),
          },
        ],
      };
    },
  };
  return createBackendModule({
    pluginId: 'region-expansion',
    moduleId: 'paging-governance',
    register(env) {
      env.registerInit({
        deps: { governance: regionExpansionGovernanceExtensionPoint },
        async init({ governance }) {
          governance.addProvider(provider);
        },
      });
    },
  });
}

/**
 * A scheduled governance sync must not outlive the backend: stopping it
 * aborts the provider's run and waits until its pages are stored and its
 * outcome recorded, so nothing writes to the database after it closed.
 */
describe('governance sync when the backend stops', () => {
  it('stops a running scheduled sync and waits for it before the backend has stopped', async () => {
    const scheduler = mockServices.scheduler.mock();
    const log = { written: 0, afterStop: 0, stopped: false };
    const backend = await startTestBackend({
      features: [
        regionExpansionPlugin,
        pagingModule(log),
        scheduler.factory,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const task = scheduler.scheduleTask.mock.calls.find(
      ([t]) => t.id === GovernanceSyncService.taskId('securityhub'),
    )![0];

    const run = startTaskRun(task.fn);
    await until(() => log.written >= 3);
    await backend.stop();
    log.stopped = true;

    // The run ended before the backend finished stopping, early, and wrote
    // no page afterwards.
    expect(run.settled()).toBe(true);
    await run.result;
    expect(log.written).toBeLessThan(100);
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(log.afterStop).toBe(0);
  });
});
