import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { regionExpansionPlugin } from '../plugin';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';

jest.setTimeout(120_000);

async function start(readiness?: object) {
  const scheduler = mockServices.scheduler.mock();
  const { server } = await startTestBackend({
    features: [
      regionExpansionPlugin,
      regionExpansionModuleDemo,
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: {
          regionExpansion: {
            demoData: { enabled: true, tenants: 10 },
            ...(readiness ? { readiness } : {}),
          },
        },
      }),
    ],
  });
  return { server, scheduler };
}

describe('scheduled readiness re-evaluation', () => {
  it('schedules one task with the configured schedule; a run stores a scheduled evaluation per location', async () => {
    const { server, scheduler } = await start({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 3 },
      },
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const task = scheduler.scheduleTask.mock.calls[0][0];
    expect(task).toEqual(
      expect.objectContaining({
        id: 'region-expansion-readiness',
        frequency: { minutes: 5 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 3 },
      }),
    );

    const auth = mockCredentials.user.header('user:default/admin');
    const before = await request(server)
      .get('/api/region-expansion/readiness')
      .set('Authorization', auth);
    expect(before.body.items.length).toBeGreaterThan(40);
    expect(before.body.items.every((i: any) => i.trigger === 'startup')).toBe(
      true,
    );

    await task.fn(new AbortController().signal);
    const after = await request(server)
      .get('/api/region-expansion/readiness')
      .set('Authorization', auth);
    expect(after.body.items.length).toBe(before.body.items.length);
    expect(after.body.items.every((i: any) => i.trigger === 'scheduled')).toBe(
      true,
    );
    const history = await request(server)
      .get('/api/region-expansion/readiness/eu-west-1/history')
      .set('Authorization', auth);
    expect(history.body.totalCount).toBe(2);
  });

  it('defaults to every 30 minutes with a short initial delay', async () => {
    const { scheduler } = await start();
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'region-expansion-readiness',
        frequency: { minutes: 30 },
        initialDelay: { seconds: 10 },
      }),
    );
  });

  it('refuses to start with an invalid waiver limit, naming the key', async () => {
    await expect(start({ waivers: { maxDays: 0 } })).rejects.toThrow(
      /regionExpansion\.readiness\.waivers\.maxDays/,
    );
  });
});
