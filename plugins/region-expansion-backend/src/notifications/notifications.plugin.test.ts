import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import request from 'supertest';
import { locationResource } from '../__testUtils__/locationResource';
import { regionExpansionPlugin } from '../plugin';

jest.setTimeout(120_000);

const API = '/api/region-expansion';
const AUTH = mockCredentials.user.header('user:default/admin');
const LOCATION = 'ap-east-1';

/**
 * The plugin with the demo estate, a catalog holding the location's
 * Resource, recorded notifications and a mock scheduler; runCycle runs
 * the scheduled readiness evaluation once.
 */
async function startWithRecordedNotifications(notifications: object) {
  const sent: NotificationSendOptions[] = [];
  const scheduler = mockServices.scheduler.mock();
  const { server } = await startTestBackend({
    features: [
      regionExpansionPlugin,
      regionExpansionModuleDemo,
      scheduler.factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (options: NotificationSendOptions) => {
            sent.push(options);
          },
        }),
      }),
      catalogServiceMock.factory({
        entities: [locationResource(LOCATION, 'group:default/hk-team')],
      }),
      mockServices.rootConfig.factory({
        data: {
          regionExpansion: {
            demoData: { enabled: true, tenants: 10 },
            notifications,
          },
        },
      }),
    ],
  });
  const cycle = scheduler.scheduleTask.mock.calls
    .map(([task]) => task)
    .find(task => task.id === 'region-expansion-readiness')!;
  return {
    sent,
    server,
    runCycle: () => cycle.fn(new AbortController().signal),
  };
}

describe('notifications through the plugin', () => {
  it('tells the owners of the location resource and the auditors of a readiness drop within one scheduled evaluation cycle', async () => {
    const { sent, server, runCycle } = await startWithRecordedNotifications({
      auditorsGroup: 'auditors',
    });

    // Blocked by availability; a waiver lifts it, and a cycle remembers it.
    const created = await request(server)
      .post(`${API}/waivers`)
      .set('Authorization', AUTH)
      .send({
        locationId: LOCATION,
        check: 'availability',
        reason: 'self-hosted model replaces Bedrock during the pilot',
        approver: 'user:default/ciso',
        expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
      });
    expect(created.status).toBe(201);
    expect(created.body.evaluation.level).toBe('pilot');
    await runCycle();
    expect(sent.filter(s => s.payload.link?.endsWith(LOCATION))).toEqual([]);

    // Revoked: the next cycle finds it blocked and tells its owners.
    await request(server)
      .delete(`${API}/waivers/${created.body.waiver.id}`)
      .set('Authorization', AUTH)
      .expect(200);
    await runCycle();

    const drops = sent.filter(
      s => s.payload.scope === `region-expansion:readiness-level:${LOCATION}`,
    );
    expect(drops).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/hk-team', 'group:default/auditors'],
        },
        payload: expect.objectContaining({
          title: `Readiness of ${LOCATION} dropped to blocked`,
          link: `/region-expansion/regions/${LOCATION}`,
        }),
      },
    ]);
  });

  it('tells the campaign owner of a gate still open within campaignSlipDays of the target date within one scheduled cycle', async () => {
    const { sent, server, runCycle } = await startWithRecordedNotifications({
      auditorsGroup: 'auditors',
      campaignSlipDays: 30,
    });
    const tomorrow = new Date(Date.now() + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const created = await request(server)
      .post(`${API}/campaigns`)
      .set('Authorization', AUTH)
      .send({
        id: 'launch-hk',
        locationId: LOCATION,
        owner: 'group:default/launch-team',
        targetDate: tomorrow,
        plan: {
          classes: [{ tier: 'pool', classification: 'internal', count: 1 }],
        },
        gates: ['cost-approved'],
      });
    expect(created.status).toBe(201);

    await runCycle();
    await runCycle();

    // The demo campaign is due in 90 days, outside the 30-day window.
    expect(
      sent.filter(s => s.payload.scope?.includes('campaign-slip')),
    ).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: [
            'group:default/launch-team',
            'group:default/hk-team',
            'group:default/auditors',
          ],
        },
        payload: expect.objectContaining({
          title: `Campaign launch-hk is due ${tomorrow} with 1 gate not passed`,
          link: '/region-expansion/campaigns/launch-hk',
          scope: 'region-expansion:campaign-slip:launch-hk',
        }),
      },
    ]);
  });
});
