import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  GovernanceProvider,
  GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';
import {
  governanceFinding,
  governanceDatabases,
} from '../__testUtils__/governance';
import { GovernanceStores } from './governanceStores';
import { GovernanceSyncService } from './GovernanceSyncService';
import {
  DEFAULT_WRITE_BUDGET,
  FLUSH_ROWS,
  MAX_BUFFERED_ROWS,
} from './WriteBudget';

jest.setTimeout(60_000);
const { databases, governanceFor } = governanceDatabases();
const finding = governanceFinding;

describe('GovernanceSyncService', () => {
  it('runs a provider, records outcomes per target and schedules one global task per provider', async () => {
    const { stores } = await governanceFor('SQLITE_3');
    const ok: GovernanceTarget = {
      partition: 'aws',
      accountId: '100000000001',
      region: 'region-0',
    };
    const bad: GovernanceTarget = { ...ok, accountId: '100000000002' };
    const provider: GovernanceProvider = {
      id: 'securityhub',
      source: 'securityhub',
      targets: () => [ok, bad],
      sync: async ctx => {
        await ctx.sink.write('securityhub', ok, {
          findings: [finding(0, { ...ok })],
        });
        return {
          source: 'securityhub',
          outcomes: [
            { target: ok, status: 'ok', pages: 1, rows: 1 },
            {
              target: bad,
              status: 'failed',
              reason: 'ThrottlingException',
              pages: 0,
              rows: 0,
            },
          ],
        };
      },
    };
    const scheduler = mockServices.scheduler.mock();
    const sync = GovernanceSyncService.create({
      stores,
      providers: [provider],
      logger: mockServices.logger.mock(),
      scheduler,
      config: new ConfigReader({
        regionExpansion: {
          governance: {
            schedule: { frequency: { minutes: 5 }, timeout: { minutes: 4 } },
          },
        },
      }),
    });
    await sync.start();
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'region-expansion-governance:securityhub',
        scope: 'global',
        frequency: { minutes: 5 },
      }),
    );
    await sync.runProvider('securityhub');
    const states = await stores.syncState.freshness();
    expect(states.map(s => s.status)).toEqual(['ok', 'stale']);
    expect(
      (await stores.findings.listFindings({}, { limit: 5, offset: 0 })).total,
    ).toBe(1);
  });
});

describe('GovernanceSyncService writes', () => {
  const target: GovernanceTarget = {
    partition: 'aws',
    accountId: '100000000001',
    region: 'region-0',
  };
  const pageOf = (p: number) =>
    Array.from({ length: 100 }, (_, i) => finding(p * 100 + i, { ...target }));

  /** A provider that reads `pages` pages, storing a cursor after each. */
  function pagingProvider(
    pages: number,
    log: string[],
    startAt = 0,
  ): GovernanceProvider {
    return {
      id: 'securityhub',
      source: 'securityhub',
      targets: () => [target],
      sync: async ctx => {
        try {
          const stored = await ctx.cursors.get('securityhub', target);
          let p = stored ? Number(stored) : startAt;
          for (; p < pages; p++) {
            log.push(`read ${p}`);
            await ctx.sink.write('securityhub', target, {
              findings: pageOf(p),
            });
            await ctx.cursors.set('securityhub', target, String(p + 1));
          }
          return {
            source: 'securityhub',
            outcomes: [{ target, status: 'ok', pages, rows: pages * 100 }],
          };
        } catch (error) {
          return {
            source: 'securityhub',
            outcomes: [
              {
                target,
                status: 'failed',
                reason: String(error),
                pages: 0,
                rows: 0,
              },
            ],
          };
        }
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'writes each page with its cursor and progress in one transaction, one page at a time per target (%s)',
    async databaseId => {
      const { stores } = await governanceFor(databaseId);
      const log: string[] = [];
      const upsert = stores.findings.upsertFindings.bind(stores.findings);
      let writing = 0;
      let maxWriting = 0;
      jest
        .spyOn(stores.findings, 'upsertFindings')
        .mockImplementation(async (source, rows, commit) => {
          writing += 1;
          maxWriting = Math.max(maxWriting, writing);
          log.push(`write ${commit?.cursor}`);
          await new Promise(r => setTimeout(r, 20));
          await upsert(source, rows, commit);
          writing -= 1;
        });
      const sync = GovernanceSyncService.create({
        stores,
        providers: [pagingProvider(5, log)],
        logger: mockServices.logger.mock(),
      });
      const report = await sync.runProvider('securityhub');
      expect(report.outcomes[0].status).toBe('ok');
      // The next page is read while the previous one is written.
      expect(log.slice(0, 3)).toEqual(['read 0', 'write 1', 'read 1']);
      expect(maxWriting).toBe(1);
      expect(await stores.syncState.getCursor('securityhub', target)).toBe('5');
      const [state] = await stores.syncState.freshness();
      expect(state).toMatchObject({ status: 'ok', pages: 5, rows: 500 });
      expect(
        (await stores.findings.listFindings({}, { limit: 1, offset: 0 })).total,
      ).toBe(500);
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps reading while earlier pages wait to be written, at most the queue size ahead, and writes them in order (%s)',
    async databaseId => {
      const { stores } = await governanceFor(databaseId);
      const log: string[] = [];
      const upsert = stores.findings.upsertFindings.bind(stores.findings);
      let firstWriteDone = false;
      let readsBeforeFirstWrite = 0;
      jest
        .spyOn(stores.findings, 'upsertFindings')
        .mockImplementation(async (source, rows, commit) => {
          log.push(`write ${commit?.cursor}`);
          // A slow first write: it lets a few turns of the event loop pass,
          // so whatever the provider can read meanwhile it has read (its
          // reads here need no I/O).
          if (!firstWriteDone)
            for (let i = 0; i < 5; i++)
              await new Promise(resolve => setImmediate(resolve));
          await upsert(source, rows, commit);
          if (!firstWriteDone)
            readsBeforeFirstWrite = log.filter(l =>
              l.startsWith('read'),
            ).length;
          firstWriteDone = true;
        });
      const sync = GovernanceSyncService.create({
        stores,
        providers: [pagingProvider(10, log)],
        logger: mockServices.logger.mock(),
        writeQueuePages: 3,
      });
      const report = await sync.runProvider('securityhub');
      expect(report.outcomes[0].status).toBe('ok');
      // Not serialized behind the write (that would be 1 page), and bounded:
      // the page being written and 3 queued, then the provider waits.
      expect(readsBeforeFirstWrite).toBe(4);
      expect(log.filter(l => l.startsWith('write'))).toEqual(
        Array.from({ length: 10 }, (_, p) => `write ${p + 1}`),
      );
      expect(await stores.syncState.getCursor('securityhub', target)).toBe(
        '10',
      );
      expect((await stores.syncState.freshness())[0]).toMatchObject({
        status: 'ok',
        pages: 10,
        rows: 1000,
      });
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
    },
  );

  it.each(databases.eachSupportedId())(
    'stops at the last stored page when a write fails and resumes exactly from its cursor (%s)',
    async databaseId => {
      const { stores } = await governanceFor(databaseId);
      const upsert = stores.findings.upsertFindings.bind(stores.findings);
      const spy = jest
        .spyOn(stores.findings, 'upsertFindings')
        .mockImplementation(async (source, rows, commit) => {
          if (commit?.cursor === '3') throw new Error('connection lost');
          await upsert(source, rows, commit);
        });
      const log: string[] = [];
      const sync = GovernanceSyncService.create({
        stores,
        providers: [pagingProvider(6, log)],
        logger: mockServices.logger.mock(),
      });
      const first = await sync.runProvider('securityhub');
      expect(first.outcomes[0]).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/connection lost/),
      });
      // Pages 0 and 1 are stored with cursor 2; nothing after the failure.
      expect(await stores.syncState.getCursor('securityhub', target)).toBe('2');
      expect(
        (await stores.findings.listFindings({}, { limit: 1, offset: 0 })).total,
      ).toBe(200);
      expect((await stores.syncState.freshness())[0]).toMatchObject({
        status: 'stale',
      });

      spy.mockRestore();
      const resumed: string[] = [];
      const again = GovernanceSyncService.create({
        stores,
        providers: [pagingProvider(6, resumed)],
        logger: mockServices.logger.mock(),
      });
      expect((await again.runProvider('securityhub')).outcomes[0].status).toBe(
        'ok',
      );
      expect(resumed[0]).toBe('read 2');
      expect(
        (await stores.findings.listFindings({}, { limit: 1, offset: 0 })).total,
      ).toBe(600);
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
    },
  );
});

describe('GovernanceSyncService write budget across targets', () => {
  const targetOf = (t: number): GovernanceTarget => ({
    partition: 'aws',
    accountId: String(200000000000 + t),
    region: 'region-0',
  });

  /**
   * Hands over `rowsPerTarget` findings of each of `count` targets, one
   * target after the other in pages of `pageRows`, storing no cursor;
   * `afterWrite` runs after each page was accepted.
   */
  function manyTargetsProvider(
    count: number,
    rowsPerTarget: number,
    pageRows: number,
    afterWrite: () => void,
  ): GovernanceProvider {
    const targets = Array.from({ length: count }, (_, t) => targetOf(t));
    return {
      id: 'securityhub',
      source: 'securityhub',
      targets: () => targets,
      sync: async ctx => {
        for (const [t, target] of targets.entries()) {
          for (let first = 0; first < rowsPerTarget; first += pageRows) {
            const findings = Array.from({ length: pageRows }, (_, i) =>
              finding(t * rowsPerTarget + first + i, { ...target }),
            );
            await ctx.sink.write('securityhub', target, { findings });
            afterWrite();
          }
        }
        return {
          source: 'securityhub',
          outcomes: targets.map(target => ({
            target,
            status: 'ok' as const,
            pages: rowsPerTarget / pageRows,
            rows: rowsPerTarget,
          })),
        };
      },
    };
  }

  /** A slow store write that records concurrency and the rows it was given. */
  async function slowWrites(stores: GovernanceStores) {
    const state = {
      writing: 0,
      maxWriting: 0,
      rows: new Map<string, string[]>(),
    };
    jest
      .spyOn(stores.findings, 'upsertFindings')
      .mockImplementation(async (_source, rows, commit) => {
        state.writing += 1;
        state.maxWriting = Math.max(state.maxWriting, state.writing);
        const id = commit!.target.accountId;
        state.rows.set(id, [
          ...(state.rows.get(id) ?? []),
          ...rows.map(r => r.findingId),
        ]);
        await new Promise(r => setTimeout(r, 3));
        state.writing -= 1;
      });
    return state;
  }

  it('keeps at most the run-wide write budget of writes running at once, however many targets hand over more than FLUSH_ROWS', async () => {
    const { stores } = await governanceFor('SQLITE_3');
    const state = await slowWrites(stores);
    const sync = GovernanceSyncService.create({
      stores,
      providers: [manyTargetsProvider(50, 1500, 500, () => {})],
      logger: mockServices.logger.mock(),
    });
    const report = await sync.runProvider('securityhub');
    expect(report.outcomes.every(o => o.status === 'ok')).toBe(true);
    expect(state.maxWriting).toBeLessThanOrEqual(DEFAULT_WRITE_BUDGET);
    // Still written side by side, not one target after the other.
    expect(state.maxWriting).toBeGreaterThan(1);
    // Every target's rows were written, in the order they were handed over.
    expect(state.rows.size).toBe(50);
    for (let t = 0; t < 50; t++)
      expect(state.rows.get(targetOf(t).accountId)).toEqual(
        Array.from({ length: 1500 }, (_, i) => `finding-${t * 1500 + i}`),
      );
  });

  it('bounds the rows buffered across targets without cursors and writes them before the provider finishes', async () => {
    const { stores } = await governanceFor('SQLITE_3');
    const state = await slowWrites(stores);
    let handed = 0;
    let maxHeld = 0;
    const written = () =>
      [...state.rows.values()].reduce((n, rows) => n + rows.length, 0);
    const sync = GovernanceSyncService.create({
      stores,
      providers: [
        manyTargetsProvider(200, 600, 600, () => {
          handed += 600;
          maxHeld = Math.max(maxHeld, handed - written());
        }),
      ],
      logger: mockServices.logger.mock(),
    });
    const report = await sync.runProvider('securityhub');
    expect(report.outcomes.every(o => o.status === 'ok')).toBe(true);
    // Buffered rows plus the rows of writes queued and not started yet.
    expect(maxHeld).toBeLessThanOrEqual(
      MAX_BUFFERED_ROWS + DEFAULT_WRITE_BUDGET * FLUSH_ROWS,
    );
    expect(written()).toBe(200 * 600);
  });

  it('marks only the target whose early-flushed write failed as stale and frees its budget for the others', async () => {
    const { stores } = await governanceFor('SQLITE_3');
    const written = new Set<string>();
    jest
      .spyOn(stores.findings, 'upsertFindings')
      .mockImplementation(async (_source, _rows, commit) => {
        await new Promise(r => setTimeout(r, 3));
        if (commit!.target.accountId === targetOf(0).accountId)
          throw new Error('connection lost');
        written.add(commit!.target.accountId);
      });
    const sync = GovernanceSyncService.create({
      stores,
      providers: [manyTargetsProvider(200, 600, 600, () => {})],
      logger: mockServices.logger.mock(),
    });
    const report = await sync.runProvider('securityhub');
    expect(report.outcomes[0]).toMatchObject({
      status: 'failed',
      reasonKind: 'storage-error',
      reason: expect.stringMatching(/connection lost/),
    });
    expect(report.outcomes.slice(1).every(o => o.status === 'ok')).toBe(true);
    expect(written.has(targetOf(0).accountId)).toBe(false);
    expect(written.size).toBe(199);
  });
});
