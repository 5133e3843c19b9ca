import { mockServices } from '@backstage/backend-test-utils';
import { SignalPayload, SignalsService } from '@backstage/plugin-signals-node';
import {
  GOVERNANCE_SYNC_SIGNAL_CHANNEL,
  GovernanceFreshness,
} from '@region-expansion/plugin-region-expansion-common';
import {
  GovernanceProvider,
  GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';
import { governanceDatabases } from '../__testUtils__/governance';
import { GovernanceSyncService } from '../governance/GovernanceSyncService';
import { GovernanceSyncAnnouncer } from './GovernanceSyncAnnouncer';

jest.setTimeout(60_000);
const { governanceFor } = governanceDatabases();

/** A SignalsService that records what it was asked to publish. */
class RecordingSignals implements SignalsService {
  readonly published: SignalPayload[] = [];
  async publish(signal: SignalPayload): Promise<void> {
    this.published.push(signal as SignalPayload);
  }
}

const target: GovernanceTarget = {
  partition: 'aws',
  accountId: '100000000001',
  region: 'region-0',
};

/** A provider reading `pages` pages, one millisecond of the clock each, then failing. */
function pagingProvider(pages: number, tick: () => void): GovernanceProvider {
  return {
    id: 'resiliencehub',
    source: 'resiliencehub',
    targets: () => [target],
    sync: async ctx => {
      for (let page = 1; page <= pages; page++) {
        tick();
        ctx.onProgress?.(target, { pages: page, rows: page * 10 });
      }
      return {
        source: 'resiliencehub',
        outcomes: [
          {
            target,
            status: 'failed',
            reason: 'AccessDeniedException: arn:aws:iam::100000000001:role/x',
            reasonKind: 'access-denied',
            pages,
            rows: pages * 10,
          },
        ],
      };
    },
  };
}

describe('GovernanceSyncAnnouncer', () => {
  it('publishes a run live on the governance sync channel, progress at most once per interval, then hands the stale state to the notifier', async () => {
    const { stores } = await governanceFor('SQLITE_3');
    const signals = new RecordingSignals();
    const handed: GovernanceFreshness[][] = [];
    let clock = 0;
    const sync = GovernanceSyncService.create({
      stores,
      providers: [pagingProvider(2500, () => (clock += 1))],
      logger: mockServices.logger.mock(),
      observer: GovernanceSyncAnnouncer.create({
        signals,
        freshness: () => stores.syncState.freshness(),
        afterSync: async freshness => {
          handed.push(freshness);
        },
        logger: mockServices.logger.mock(),
        progressIntervalMs: 1000,
        now: () => clock,
      }),
    });

    await sync.runProvider('resiliencehub');

    // 2.5 s of paging at one signal per second: two progress signals.
    expect(signals.published.map(s => s.message)).toEqual([
      { source: 'resiliencehub', phase: 'started' },
      { source: 'resiliencehub', phase: 'progress' },
      { source: 'resiliencehub', phase: 'progress' },
      { source: 'resiliencehub', phase: 'finished' },
    ]);
    for (const signal of signals.published) {
      expect(signal.channel).toBe(GOVERNANCE_SYNC_SIGNAL_CHANNEL);
      expect(signal.recipients).toEqual({ type: 'broadcast' });
    }
    expect(handed).toHaveLength(1);
    expect(handed[0]).toEqual([
      expect.objectContaining({
        source: 'resiliencehub',
        status: 'stale',
        reasonKind: 'access-denied',
      }),
    ]);
    // The broadcast and the stored reason never carry the AWS error text.
    expect(JSON.stringify([signals.published, handed])).not.toContain('arn:');
  });

  it('keeps the sync result when the notifier fails', async () => {
    const { stores } = await governanceFor('SQLITE_3');
    const logger = mockServices.logger.mock();
    const sync = GovernanceSyncService.create({
      stores,
      providers: [pagingProvider(1, () => undefined)],
      logger,
      observer: GovernanceSyncAnnouncer.create({
        freshness: () => stores.syncState.freshness(),
        afterSync: async () => {
          throw new Error('notifications backend unreachable');
        },
        logger: mockServices.logger.mock(),
      }),
    });

    const report = await sync.runProvider('resiliencehub');

    expect(report.outcomes.map(o => o.status)).toEqual(['failed']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('notifications backend unreachable'),
    );
  });
});
