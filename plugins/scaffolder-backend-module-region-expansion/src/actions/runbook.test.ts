import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { controlPlaneFixture } from '@region-expansion/plugin-region-expansion-node/testUtils';
import { inputError } from '../__testUtils__/actionRunner';
import {
  exampleInput,
  mockContext,
  startRegionExpansionBackend,
} from '../__testUtils__/regionExpansionBackend';
import { createRunbookExecuteAction } from './runbookExecute';
import { createRunbookPlanAction } from './runbookPlan';
import { examples as planExamples } from './runbookPlan.examples';

jest.setTimeout(60_000);

const cell = (id: string, locationId: string) => ({
  id,
  name: id,
  locationId,
  controlPlaneId: controlPlaneFixture.id,
  lifecycle: 'active' as const,
  isolation: 'pooled' as const,
  accountId: '111122223333',
  specVersion: '2026.1',
  capacity: { tenants: 10, loadUnits: 100 },
});

describe('region-expansion:runbook:plan and :execute', () => {
  let env: Awaited<ReturnType<typeof startRegionExpansionBackend>>;
  let client: RegionExpansionClient;
  let token: string;
  beforeAll(async () => {
    env = await startRegionExpansionBackend();
    client = new RegionExpansionClient({ discoveryApi: env.discovery });
    ({ token } = await env.auth.getPluginRequestToken({
      onBehalfOf: await env.auth.getOwnServiceCredentials(),
      targetPluginId: 'region-expansion',
    }));
    await client.addControlPlane({ body: controlPlaneFixture }, { token });
    for (const c of [
      cell('cell-dub-1', 'eu-west-1'),
      cell('cell-dub-2', 'eu-west-1'),
      cell('cell-fra-1', 'eu-central-1'),
    ]) {
      await client.addCell({ body: c }, { token });
    }
    for (const id of ['acme', 'globex', 'initech']) {
      await client.addTenant(
        {
          body: {
            id,
            name: id,
            tier: 'pool',
            residency: { jurisdictions: ['EU'] },
            classification: 'confidential',
            loadUnits: 5,
            cellId: 'cell-dub-1',
          },
        },
        { token },
      );
    }
  });
  afterAll(() => env.backend.stop());

  /** A context whose checkpoints persist in `done`, as a retried task's do. */
  const context = (
    input: object,
    options: { isDryRun?: boolean; done?: Map<string, unknown> } = {},
  ) => {
    const ctx = mockContext({
      input: input as any,
      isDryRun: options.isDryRun,
    });
    const done = options.done ?? new Map<string, unknown>();
    (ctx as any).checkpoint = async ({ key, fn }: any) => {
      if (!done.has(key)) done.set(key, await fn());
      return done.get(key);
    };
    return ctx;
  };
  const outputs = (ctx: ReturnType<typeof context>) =>
    Object.fromEntries((ctx.output as jest.Mock).mock.calls) as Record<
      string,
      any
    >;
  const plan = async (request: object) => {
    const ctx = context({ request });
    await createRunbookPlanAction(env).handler(ctx as any);
    return outputs(ctx);
  };
  const execute = async (
    runbook: unknown,
    options: Parameters<typeof context>[1] = {},
  ) => {
    const ctx = context({ runbook }, options);
    const info = jest.spyOn(ctx.logger, 'info');
    await createRunbookExecuteAction(env).handler(ctx as any);
    const out: Record<string, any> = {
      ...outputs(ctx),
      logs: info.mock.calls,
    };
    return out;
  };
  /** The runbook of moving one tenant to Frankfurt. */
  const planToFrankfurt = (tenantId: string) =>
    plan({
      kind: 'tenants',
      tenantIds: [tenantId],
      target: { locationId: 'eu-central-1' },
    });
  const state = async (tenantId: string) => ({
    cellId: (await client.getTenant({ path: { id: tenantId } }, { token }))
      .cellId,
    progress: (
      await client.getTenantHistory({ path: { id: tenantId } }, { token })
    ).runbookProgress,
  });

  it('plans the example move and outputs the runbook with a summary', async () => {
    const out = await plan(exampleInput(planExamples[0].example).request);
    expect(out.runbook.moves).toEqual([
      expect.objectContaining({ tenantId: 'acme', toCellId: 'cell-fra-1' }),
    ]);
    expect(out.runbookId).toBe(out.runbook.id);
    expect(out.summary).toMatch(
      /^1 tenants, \d+ steps, about \d+ minutes, cost not priced/,
    );
  });

  it.each([
    [{ kind: 'sideways' }, /^request\.kind: /],
    [
      {
        kind: 'tenants',
        tenantIds: ['acme'],
        target: { locationId: 'us-east-1' },
      },
      /^request\.tenantIds\.0: tenant acme data may not move to us-east-1 \(rule residency-requirement\)/,
    ],
    [
      { kind: 'evacuate-cell', cellId: 'no-such-cell' },
      /^request\.cellId: cell no-such-cell does not exist/,
    ],
  ])(
    'refuses the bad request %j naming the field',
    async (request, message) => {
      await expect(plan(request)).rejects.toEqual(inputError(message));
    },
  );

  it('in a dry run logs every step and records nothing', async () => {
    const { runbook } = await planToFrankfurt('globex');
    const out = await execute(runbook, { isDryRun: true });
    expect(out.completedSteps).toEqual([]);
    expect(out.logs.map(([line]: [string]) => line)).toEqual(
      runbook.steps.map((s: { n: number; kind: string }) =>
        expect.stringMatching(new RegExp(`^Dry run: step ${s.n} ${s.kind} `)),
      ),
    );
    expect(await state('globex')).toEqual({
      cellId: 'cell-dub-1',
      progress: [],
    });
  });

  it('executes a runbook step by step, records each step, and a retried task redoes none', async () => {
    const { runbook } = await plan({
      kind: 'evacuate-cell',
      cellId: 'cell-dub-1',
    });
    const moved = runbook.moves.map((m: { tenantId: string }) => m.tenantId);
    expect(moved).toEqual(['acme', 'globex', 'initech']);
    const done = new Map<string, unknown>();
    const out = await execute(runbook, { done });
    const forward = runbook.steps.filter(
      (s: { kind: string }) => s.kind !== 'rollback',
    );
    expect(out.completedSteps).toEqual(forward.map((s: { n: number }) => s.n));
    expect(out.handedOff.length).toBe(
      forward.filter(
        (s: { kind: string }) =>
          s.kind === 'data-copy' || s.kind === 'key-rewrap',
      ).length,
    );
    expect(out.handedOff[0]).toMatch(
      /^operator pipeline must run step 2 \(data-copy/,
    );
    const acme = await state('acme');
    expect(acme.cellId).toBe('cell-dub-2');
    expect(acme.progress.map(p => [p.step, p.kind, p.status])).toEqual(
      forward
        .filter((s: { tenantId: string }) => s.tenantId === 'acme')
        .map((s: { n: number; kind: string }) => [s.n, s.kind, 'done']),
    );

    await execute(runbook, { done });
    expect((await state('acme')).progress).toEqual(acme.progress);
  });

  it('refuses to execute a runbook other than the reviewed one, recording nothing', async () => {
    const { runbook } = await planToFrankfurt('globex');
    const before = await state('globex');
    const ctx = context({ runbook, expectedRunbookId: 'rb-reviewed' });
    await expect(
      createRunbookExecuteAction(env).handler(ctx as any),
    ).rejects.toEqual(
      inputError(
        /^expectedRunbookId: the runbook is now rb-[0-9a-f]{24}, not the reviewed rb-reviewed/,
      ),
    );
    expect(await state('globex')).toEqual(before);
  });

  it('records a failed verification and runs the rollback step before failing', async () => {
    const { runbook } = await planToFrankfurt('initech');
    const before = await state('initech');
    const cutover = runbook.steps.find(
      (s: { kind: string }) => s.kind === 'cutover',
    );
    // A checkpoint says the cutover finished, but the tenant never moved.
    const done = new Map<string, unknown>([
      [`${runbook.id}-${cutover.n}`, cutover.n],
    ]);
    await expect(execute(runbook, { done })).rejects.toThrow(
      `tenant initech is in cell ${before.cellId}, not cell-fra-1`,
    );
    const recorded = (await state('initech')).progress
      .slice(before.progress.length)
      .map(p => [p.kind, p.status]);
    expect(recorded).toEqual([
      ['metadata', 'done'],
      ['data-copy', 'done'],
      ['verify', 'failed'],
      ['rollback', 'done'],
    ]);
    expect((await state('initech')).cellId).toBe(before.cellId);
  });

  it('refuses a runbook that is not one, naming the field', async () => {
    await expect(execute({ moves: [], steps: [] })).rejects.toEqual(
      inputError(/^runbook\.id: is required/),
    );
  });
});
