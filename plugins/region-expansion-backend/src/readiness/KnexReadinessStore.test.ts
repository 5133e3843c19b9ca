import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ReadinessCheck,
  ReadinessLevel,
  ReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import { evaluationAt } from '../__testUtils__/evaluations';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { KnexReadinessStore } from './KnexReadinessStore';
import { migrated } from '../__testUtils__/database';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

async function createStore(databaseId: string) {
  const knex = await databases.init(databaseId as any);
  const store = KnexReadinessStore.create({ client: await migrated(knex) });
  return { knex, store };
}

const T0 = Date.parse('2026-11-01T00:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3600_000);

/** An evaluation at `level`, `hours` after T0. */
const evaluationAtHour = (
  locationId: string,
  level: ReadinessLevel,
  hours: number,
) => evaluationAt(locationId, level, at(hours));

/** A waiver the CISO approved until 48 hours after T0. */
const cisoWaiver = (
  locationId: string,
  check: ReadinessCheck,
  reason: string,
): ReadinessWaiver => ({
  locationId,
  check,
  reason,
  approver: 'user:default/ciso',
  expiresAt: at(48).toISOString(),
});

/**
 * Grants `waiver` at T0 and checks it is active and that a second one for
 * the same location and check is refused while it applies.
 */
async function grantOnce(store: KnexReadinessStore, waiver: ReadinessWaiver) {
  const granted = await store.addWaiver(waiver, {
    createdBy: 'user:default/platform-admin',
    now: at(0),
  });
  expect(granted).toEqual(
    expect.objectContaining({ ...waiver, status: 'active' }),
  );
  await expect(
    store.addWaiver(waiver, { createdBy: 'someone', now: at(1) }),
  ).rejects.toThrow(ConflictError);
  return granted;
}

describe.each(databases.eachSupportedId())('ReadinessStore on %p', id => {
  it('keeps every evaluation; latest per location with filters', async () => {
    const { store } = await createStore(id);
    await store.addEvaluation(evaluationAtHour('eu-west-1', 'pilot', 0), {
      partition: 'aws',
      trigger: 'startup',
    });
    await store.addEvaluation(evaluationAtHour('eu-west-1', 'ready', 1), {
      partition: 'aws',
      trigger: 'scheduled',
    });
    const eusc = await store.addEvaluation(
      evaluationAtHour('eusc-de-east-1', 'blocked', 1),
      { partition: 'aws-eusc', trigger: 'manual' },
    );

    const latest = await store.listLatest();
    expect(latest.map(e => [e.locationId, e.level, e.trigger])).toEqual([
      ['eu-west-1', 'ready', 'scheduled'],
      ['eusc-de-east-1', 'blocked', 'manual'],
    ]);
    expect(
      (await store.listLatest({ partition: 'aws-eusc' })).map(e => e.id),
    ).toEqual([eusc.id]);
    expect(
      (await store.listLatest({ level: 'pilot' })).map(e => e.locationId),
    ).toEqual([]);
    expect(await store.latestLevels()).toEqual({
      'eu-west-1': 'ready',
      'eusc-de-east-1': 'blocked',
    });
    const lookup = await store.readinessLookup();
    expect(lookup.levelOf('eusc-de-east-1')).toBe('blocked');
    expect(lookup.levelOf('us-east-1')).toBe('unknown');

    const stored = await store.getLatest('eusc-de-east-1');
    expect(stored).toEqual(eusc);
    expect(stored?.blockers[0]).toEqual(
      expect.objectContaining({ check: 'availability' }),
    );
    expect(stored?.signals.audit.status).toBe('pass');
    expect(await store.getLatest('us-east-1')).toBeUndefined();
  });

  it('pages history newest first with the previous level, since and changes only', async () => {
    const { store } = await createStore(id);
    const levels: ReadinessLevel[] = [
      'pilot',
      'ready',
      'ready',
      'blocked',
      'ready',
      'ready',
    ];
    for (const [hour, level] of levels.entries()) {
      await store.addEvaluation(evaluationAtHour('eu-west-2', level, hour), {
        partition: 'aws',
        trigger: 'scheduled',
      });
    }
    await store.addEvaluation(evaluationAtHour('eu-west-1', 'ready', 0), {
      partition: 'aws',
      trigger: 'scheduled',
    });

    const all = await store.listHistory('eu-west-2', { offset: 0, limit: 10 });
    expect(all.totalCount).toBe(6);
    expect(all.items.map(i => [i.level, i.previousLevel])).toEqual([
      ['ready', 'ready'],
      ['ready', 'blocked'],
      ['blocked', 'ready'],
      ['ready', 'ready'],
      ['ready', 'pilot'],
      ['pilot', undefined],
    ]);
    expect(all.items[0].evaluatedAt).toBe(at(5).toISOString());

    const page = await store.listHistory('eu-west-2', { offset: 1, limit: 2 });
    expect(page.totalCount).toBe(6);
    expect(page.items.map(i => i.evaluatedAt)).toEqual([
      at(4).toISOString(),
      at(3).toISOString(),
    ]);

    const since = await store.listHistory('eu-west-2', {
      since: at(3).toISOString(),
      offset: 0,
      limit: 10,
    });
    expect(since.items.map(i => i.evaluatedAt)).toEqual([
      at(5).toISOString(),
      at(4).toISOString(),
      at(3).toISOString(),
    ]);
    expect(since.items[2].previousLevel).toBe('ready');

    const changes = await store.listHistory('eu-west-2', {
      changesOnly: true,
      offset: 0,
      limit: 10,
    });
    expect(changes.items.map(i => [i.level, i.evaluatedAt])).toEqual([
      ['ready', at(4).toISOString()],
      ['blocked', at(3).toISOString()],
      ['ready', at(1).toISOString()],
      ['pilot', at(0).toISOString()],
    ]);

    // Last became ready at hour 4: the start of the latest unbroken run.
    expect(await store.becameReadyAt('eu-west-2')).toBe(at(4).toISOString());
    expect(await store.becameReadyAt('eu-west-1')).toBe(at(0).toISOString());
    expect(await store.becameReadyAt('us-east-1')).toBeUndefined();

    await store.addEvaluation(evaluationAtHour('eu-west-2', 'pilot', 6), {
      partition: 'aws',
      trigger: 'scheduled',
    });
    // Still answers when it last became ready, though it is pilot now.
    expect(await store.becameReadyAt('eu-west-2')).toBe(at(4).toISOString());
  });

  it('allows one active waiver per location and check; expired ones retire', async () => {
    const { store } = await createStore(id);
    const waiver = cisoWaiver(
      'ap-east-1',
      'availability',
      'bedrock replaced by a self-hosted model during the pilot',
    );
    const first = await grantOnce(store, waiver);
    // Another check or location is independent.
    await store.addWaiver(
      { ...waiver, check: 'capacity' },
      { createdBy: 'someone', now: at(1) },
    );
    await store.addWaiver(
      { ...waiver, locationId: 'ap-east-2' },
      { createdBy: 'someone', now: at(1) },
    );
    expect(
      (await store.activeWaivers(at(2), 'ap-east-1')).map(w => w.check).sort(),
    ).toEqual(['availability', 'capacity']);

    // After expiry the first waiver is listed as expired and a new one may be granted.
    expect((await store.getWaiver(first.id, at(49)))?.status).toBe('expired');
    expect(await store.activeWaivers(at(49), 'ap-east-1')).toEqual([]);
    const second = await store.addWaiver(
      { ...waiver, expiresAt: at(100).toISOString() },
      { createdBy: 'someone', now: at(49) },
    );
    expect(
      (
        await store.listWaivers(
          { locationId: 'ap-east-1', check: 'availability' },
          at(50),
        )
      ).map(w => [w.id, w.status]),
    ).toEqual([
      [second.id, 'active'],
      [first.id, 'expired'],
    ]);

    const revoked = await store.revokeWaiver(second.id, {
      revokedBy: 'user:default/platform-admin',
      now: at(51),
    });
    expect(revoked).toEqual(
      expect.objectContaining({
        status: 'revoked',
        revokedBy: 'user:default/platform-admin',
        revokedAt: at(51).toISOString(),
      }),
    );
    await expect(
      store.revokeWaiver(second.id, { revokedBy: 'x', now: at(52) }),
    ).rejects.toThrow(ConflictError);
    await expect(
      store.revokeWaiver('3f1c9a64-0000-4000-8000-000000000000', {
        revokedBy: 'x',
        now: at(52),
      }),
    ).rejects.toThrow(NotFoundError);
    expect(
      (await store.listWaivers({ status: 'revoked' }, at(52))).map(w => w.id),
    ).toEqual([second.id]);
    // Revoked: a new waiver for the same check is allowed again.
    await store.addWaiver(waiver, { createdBy: 'someone', now: at(52) });
  });

  it('waives a governance coverage check, whose name is longer than the first checks', async () => {
    const { store } = await createStore(id);
    const waiver = cisoWaiver(
      'ap-southeast-4',
      'governance-coverage:resilience-hub',
      'applications are registered after the first tenant moves in',
    );
    await grantOnce(store, waiver);
    expect(
      (await store.activeWaivers(at(2), 'ap-southeast-4')).map(w => w.check),
    ).toEqual(['governance-coverage:resilience-hub']);
  });

  it('reads an evaluation stored before the coverage checks existed with those checks unknown', async () => {
    const { store } = await createStore(id);
    const evaluation = evaluationAtHour('eu-west-1', 'ready', 0);
    const before = Object.fromEntries(
      Object.entries(evaluation.signals).filter(
        ([check]) => !check.startsWith('governance-coverage:'),
      ),
    ) as typeof evaluation.signals;
    await store.addEvaluation(
      { ...evaluation, signals: before },
      { partition: 'aws', trigger: 'scheduled' },
    );
    const latest = await store.getLatest('eu-west-1');
    expect(latest?.signals.security).toEqual(evaluation.signals.security);
    expect(latest?.signals['governance-coverage:config']).toEqual({
      check: 'governance-coverage:config',
      status: 'unknown',
      detail:
        'not evaluated: the check did not exist when this evaluation was made',
      blockers: [],
      waived: false,
    });
  });

  it('replaces the application-plane footprint', async () => {
    const { store } = await createStore(id);
    expect(await store.getFootprint()).toBeUndefined();
    const footprint = {
      services: [{ code: 's3', sources: ['iac' as const], actions: [] }],
      crossRegion: [],
      unknown: [],
    };
    await store.putFootprint({
      id: 'default',
      footprint,
      source: 'cli',
      updatedBy: 'a',
      updatedAt: at(0).toISOString(),
    });
    const next = {
      ...footprint,
      services: [
        ...footprint.services,
        { code: 'kms', sources: ['cloudtrail' as const], actions: ['Decrypt'] },
      ],
    };
    await store.putFootprint({
      id: 'default',
      footprint: next,
      source: 'cli 2',
      updatedBy: 'b',
      updatedAt: at(1).toISOString(),
    });
    expect(await store.getFootprint()).toEqual({
      id: 'default',
      footprint: next,
      source: 'cli 2',
      updatedBy: 'b',
      updatedAt: at(1).toISOString(),
    });
  });
});
