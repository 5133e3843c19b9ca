import { TestDatabases } from '@backstage/backend-test-utils';
import {
  GovernanceFreshness,
  ReadinessLevel,
  ReadinessSignals,
  StoredReadinessEvaluation,
} from '@region-expansion/plugin-region-expansion-common';
import { evaluateReadiness } from '@region-expansion/plugin-region-expansion-node';
import { allPassSignals } from '@region-expansion/plugin-region-expansion-node/testUtils';
import {
  NOTIFIER_LOCATION as LOCATION,
  NOTIFIER_LOCATION_OWNER as OWNER,
  NOTIFIER_START as START,
  notifierHarness,
} from '../__testUtils__/notifierHarness';
import { testDatabaseIds } from '../__testUtils__/testDatabases';

const DAY_MS = 24 * 60 * 60 * 1000;
const AUDITORS = 'group:default/auditors';

const SIGNALS: Record<ReadinessLevel, ReadinessSignals> = {
  ready: allPassSignals,
  pilot: { ...allPassSignals, audit: undefined },
  blocked: {
    ...allPassSignals,
    availability: {
      status: 'fail',
      detail: 'bedrock missing',
      blockers: ['bedrock is not offered'],
    },
  },
};

let cycle = 0;
/** One stored evaluation, made by the domain function, as a cycle stores it. */
function evaluation(
  level: ReadinessLevel,
  now: Date,
  overrides: Partial<Parameters<typeof evaluateReadiness>[0]> = {},
): StoredReadinessEvaluation {
  cycle += 1;
  return {
    ...evaluateReadiness({
      locationId: LOCATION,
      signals: SIGNALS[level],
      now,
      ...overrides,
    }),
    id: String(cycle),
    partition: 'aws',
    trigger: 'scheduled',
  };
}

describe.each(testDatabaseIds())('RegionExpansionNotifier (%s)', databaseId => {
  const databases = TestDatabases.create({ ids: [databaseId] });

  const setup = (
    settings: { auditorsGroup?: string; waiverExpiryDays?: number } = {},
  ) => notifierHarness(databases, databaseId, settings);

  it('notifies the owners of the location resource and the auditors of a readiness drop within one cycle', async () => {
    const { notifier, notifications } = await setup({
      auditorsGroup: AUDITORS,
    });
    await notifier.afterReadiness([evaluation('ready', START)]);
    expect(notifications.sent).toEqual([]);

    await notifier.afterReadiness([evaluation('blocked', START)]);

    expect(notifications.sent).toHaveLength(1);
    expect(notifications.sent[0]).toEqual({
      recipients: { type: 'entity', entityRef: [OWNER, AUDITORS] },
      payload: expect.objectContaining({
        title: `Readiness of ${LOCATION} dropped to blocked`,
        severity: 'high',
        link: `/region-expansion/regions/${LOCATION}`,
        scope: `region-expansion:readiness-level:${LOCATION}`,
      }),
    });
  });

  it('sends no duplicate for an unchanged condition over 10 cycles', async () => {
    const { notifier, notifications } = await setup();
    const expiresAt = new Date(START.getTime() + 3 * DAY_MS).toISOString();
    // Pilot (audit unknown) with drift waived until expiry close by: a
    // level drop, an expiring waiver and drift, unchanged every cycle.
    const unchanged = () =>
      evaluation('pilot', START, {
        signals: {
          ...SIGNALS.pilot,
          'guardrail-drift': {
            status: 'fail',
            detail: '1 statement differs',
            blockers: ['missing DenyRegions'],
          },
        },
        waivers: [
          {
            locationId: LOCATION,
            check: 'guardrail-drift',
            reason: 'SCP rollout in progress',
            approver: 'user:default/ciso',
            expiresAt,
          },
        ],
      });
    await notifier.afterReadiness([evaluation('ready', START)]);
    for (let i = 0; i < 10; i++) {
      await notifier.afterReadiness([unchanged()]);
    }
    expect(notifications.sent.map(s => s.payload.title).sort()).toEqual([
      `Guardrail drift detected at ${LOCATION}`,
      `Readiness of ${LOCATION} dropped to pilot`,
      `Waiver of guardrail-drift at ${LOCATION} expires in 3 days`,
    ]);
  });

  it('notifies again when the condition changes, and not when the level rises', async () => {
    const { notifier, notifications } = await setup();
    for (const level of [
      'ready',
      'pilot',
      'blocked',
      'ready',
      'pilot',
    ] as const) {
      await notifier.afterReadiness([evaluation(level, START)]);
    }
    expect(notifications.sent.map(s => s.payload.title)).toEqual([
      `Readiness of ${LOCATION} dropped to pilot`,
      `Readiness of ${LOCATION} dropped to blocked`,
      `Readiness of ${LOCATION} dropped to pilot`,
    ]);
  });

  it('sends a notification that could not be sent again on the next cycle, once', async () => {
    const { notifier, notifications } = await setup();
    await notifier.afterReadiness([evaluation('ready', START)]);
    notifications.refuseNext = 1;
    await notifier.afterReadiness([evaluation('blocked', START)]);
    expect(notifications.sent).toEqual([]);

    await notifier.afterReadiness([evaluation('blocked', START)]);
    await notifier.afterReadiness([evaluation('blocked', START)]);
    expect(notifications.sent.map(s => s.payload.title)).toEqual([
      `Readiness of ${LOCATION} dropped to blocked`,
    ]);
  });

  it('notifies a waiver once it expires within the configured days, once', async () => {
    const { notifier, notifications } = await setup({ waiverExpiryDays: 7 });
    const expiresAt = new Date(START.getTime() + 10 * DAY_MS).toISOString();
    const waived = (now: Date) =>
      evaluation('blocked', now, {
        waivers: [
          {
            locationId: LOCATION,
            check: 'availability',
            reason: 'bedrock arrives next month',
            approver: 'user:default/ciso',
            expiresAt,
          },
        ],
      });

    // 10 days ahead: outside the 7-day window.
    await notifier.afterReadiness([waived(START)]);
    expect(notifications.sent).toEqual([]);

    // 8 days ahead still outside; 6 days ahead inside, notified once.
    await notifier.afterReadiness([
      waived(new Date(START.getTime() + 2 * DAY_MS)),
    ]);
    await notifier.afterReadiness([
      waived(new Date(START.getTime() + 4 * DAY_MS)),
    ]);
    await notifier.afterReadiness([
      waived(new Date(START.getTime() + 5 * DAY_MS)),
    ]);
    expect(notifications.sent.map(s => s.payload.title)).toEqual([
      `Waiver of availability at ${LOCATION} expires in 6 days`,
    ]);
    expect(notifications.sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: [OWNER],
    });
  });

  it('notifies guardrail drift once, and again when the drift changes', async () => {
    const { notifier, notifications } = await setup();
    const drifting = (blockers: string[]) =>
      evaluation('blocked', START, {
        signals: {
          ...allPassSignals,
          'guardrail-drift': {
            status: 'fail',
            detail: `${blockers.length} statements differ`,
            blockers,
          },
        },
      });
    await notifier.afterReadiness([drifting(['missing DenyRegions'])]);
    await notifier.afterReadiness([drifting(['missing DenyRegions'])]);
    await notifier.afterReadiness([
      drifting(['missing DenyRegions', 'extra AllowAll']),
    ]);
    expect(
      notifications.sent
        .map(s => s.payload.title)
        .filter(t => t.startsWith('Guardrail')),
    ).toEqual([
      `Guardrail drift detected at ${LOCATION}`,
      `Guardrail drift detected at ${LOCATION}`,
    ]);
  });

  it('notifies drift with many differing statements once, however long their list', async () => {
    const { notifier, notifications } = await setup();
    const blockers = Array.from(
      { length: 40 },
      (_, i) => `statement DenyRegions${i} differs: aws:RequestedRegion`,
    );
    const drifting = () =>
      evaluation('blocked', START, {
        signals: {
          ...allPassSignals,
          'guardrail-drift': {
            status: 'fail',
            detail: '40 statements differ',
            blockers,
          },
        },
      });
    for (let i = 0; i < 3; i++) {
      await notifier.afterReadiness([drifting()]);
    }
    expect(
      notifications.sent.filter(s =>
        s.payload.title.startsWith('Guardrail drift'),
      ),
    ).toHaveLength(1);
  });

  it('notifies the auditors of a governance target stale past its window, once', async () => {
    const { notifier, notifications, setNow } = await setup({
      auditorsGroup: AUDITORS,
    });
    const stale: GovernanceFreshness = {
      source: 'security-hub',
      partition: 'aws',
      accountId: '111122223333',
      region: 'eu-central-1',
      status: 'stale',
      lastSuccessAt: START.toISOString(),
      staleReason:
        'Security Hub could not be read for 111122223333 in eu-central-1.',
      reasonKind: 'access-denied',
      pages: 0,
      rows: 0,
    };

    setNow(new Date(START.getTime() + 2 * 60 * 60 * 1000));
    await notifier.afterGovernanceSync([stale]);
    expect(notifications.sent).toEqual([]);

    setNow(new Date(START.getTime() + 25 * 60 * 60 * 1000));
    await notifier.afterGovernanceSync([stale]);
    await notifier.afterGovernanceSync([stale]);
    expect(notifications.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: [AUDITORS] },
        payload: expect.objectContaining({
          title:
            'Governance source security-hub is stale for aws/111122223333/eu-central-1',
          description: stale.staleReason,
          link: '/region-expansion/governance',
        }),
      },
    ]);
  });
});
