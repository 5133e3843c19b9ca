import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { regionExpansionPlugin } from '../plugin';
import { KnexReadinessStore } from './KnexReadinessStore';
import { startTaskRun, until } from '../__testUtils__/taskRun';

jest.setTimeout(120_000);

/**
 * A scheduled readiness run must not outlive the backend: stopping it stops
 * the run between locations and waits for the location being stored, so
 * nothing queries the database after it closed.
 */
describe('readiness work when the backend stops', () => {
  afterEach(() => jest.restoreAllMocks());

  it('stops a running scheduled evaluation and waits for it before the backend has stopped', async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        regionExpansionPlugin,
        scheduler.factory,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const task = scheduler.scheduleTask.mock.calls.find(
      ([t]) => t.id === 'region-expansion-readiness',
    )![0];

    // Every location was evaluated once at startup; slow each store down
    // so the scheduled run is surely mid-way when the backend stops.
    const original = KnexReadinessStore.prototype.addEvaluation;
    const stored: string[] = [];
    let stopped = false;
    const afterStop: string[] = [];
    jest
      .spyOn(KnexReadinessStore.prototype, 'addEvaluation')
      .mockImplementation(async function slow(
        this: KnexReadinessStore,
        ...args
      ) {
        if (stopped) afterStop.push(args[0].locationId);
        await new Promise(resolve => setTimeout(resolve, 50));
        const result = await original.apply(this, args);
        stored.push(args[0].locationId);
        return result;
      });

    const run = startTaskRun(task.fn);
    await until(() => stored.length >= 2);
    await backend.stop();
    stopped = true;

    // The run ended before the backend finished stopping, early, and
    // stored no location afterwards.
    expect(run.settled()).toBe(true);
    await run.result;
    expect(stored.length).toBeLessThan(10);
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(afterStop).toEqual([]);
  });
});
