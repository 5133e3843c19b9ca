import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { GOVERNANCE_COVERAGE_CHECKS } from '@region-expansion/plugin-region-expansion-common';
import { GovernanceSignalSource } from '@region-expansion/plugin-region-expansion-node';
import { sovereignControlPlaneFixture } from '@region-expansion/plugin-region-expansion-node/testUtils';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { DEMO_FOOTPRINT } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import { setupReadiness } from '../__testUtils__/readinessService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const setup = (
  databaseId: string,
  governanceSources?: GovernanceSignalSource[],
) => setupReadiness(databases, databaseId, governanceSources);
const DAY = 24 * 3600_000;

const placeHk = {
  tenantId: 'hk-tenant',
  strategy: 'pack' as const,
  allowUnknownReadiness: true,
  allowProvisioning: false,
};

describe.each(databases.eachSupportedId())('ReadinessService on %p', id => {
  it('without footprint or governance nothing passes by default', async () => {
    const { readiness } = await setup(id);
    const evaluation = await readiness.evaluate('us-east-1', 'manual');
    expect(evaluation.level).toBe('pilot');
    const status = Object.fromEntries(
      Object.entries(evaluation.signals).map(([check, s]) => [check, s.status]),
    );
    expect(status).toEqual({
      availability: 'unknown',
      sovereignty: 'unknown',
      security: 'unknown',
      resilience: 'unknown',
      audit: 'unknown',
      capacity: 'pass',
      'governance-coverage:security-hub': 'unknown',
      'governance-coverage:config': 'unknown',
      'governance-coverage:resilience-hub': 'unknown',
      'governance-coverage:audit': 'unknown',
      'guardrail-drift': 'unknown',
    });
    expect(evaluation.signals.availability.detail).toMatch(
      /no application-plane footprint/,
    );
    // No cell in eu-west-2: capacity is unknown too, not passed.
    const other = await readiness.evaluate('eu-west-2', 'manual');
    expect(other.signals.capacity.status).toBe('unknown');
    expect(other.signals.sovereignty.detail).toMatch(
      /no control plane manages eu-west-2/,
    );
  });

  it('blocks on a missing service, names it, and a waiver lifts it until it expires', async () => {
    const { readiness, service, advance } = await setup(id);
    const { evaluated } = await readiness.putFootprint(DEMO_FOOTPRINT, {
      source: 'test',
      actor: 'tester',
    });
    expect(evaluated).toBeGreaterThan(40);
    const hk = await readiness.getLatest('ap-east-1');
    expect(hk.level).toBe('blocked');
    expect(hk.trigger).toBe('footprint');
    expect(hk.blockers).toEqual([
      expect.objectContaining({
        check: 'availability',
        service: 'bedrock',
        remediation: expect.stringMatching(/replace bedrock/),
      }),
    ]);
    expect((await readiness.getLatest('us-east-1')).level).toBe('pilot');

    // Placement sees the stored level: the only cell a HK tenant may use is blocked.
    await service.tenants.addTenant(
      {
        id: 'hk-tenant',
        name: 'HK',
        tier: 'pool',
        residency: { countries: ['HK'] },
        classification: 'internal',
        loadUnits: 1,
      },
      'tester',
    );
    const refused = await service.placement.place(placeHk, 'tester');
    expect(refused.decision.outcome).not.toBe('placed');
    expect(JSON.stringify(refused.decision)).toMatch(/blocked/);

    const { waiver, evaluation } = await readiness.addWaiver(
      {
        locationId: 'ap-east-1',
        check: 'availability',
        reason: 'self-hosted model during the pilot',
        approver: 'user:default/ciso',
        expiresAt: '2026-12-26T12:00:00.000Z',
      },
      'user:default/platform-admin',
    );
    expect(waiver.status).toBe('active');
    expect(evaluation.trigger).toBe('waiver');
    expect(evaluation.level).toBe('pilot');
    expect(evaluation.signals.availability).toEqual(
      expect.objectContaining({
        status: 'fail',
        waived: true,
        waiver: expect.objectContaining({ approver: 'user:default/ciso' }),
      }),
    );
    const placed = await service.placement.place(placeHk, 'tester');
    expect(placed.decision.outcome).toBe('placed');
    expect(placed.record?.cellId).toBe('hkg-1');

    await expect(
      readiness.addWaiver(
        {
          locationId: 'ap-east-1',
          check: 'availability',
          reason: 'again',
          approver: 'x',
          expiresAt: '2026-12-20T00:00:00.000Z',
        },
        'y',
      ),
    ).rejects.toThrow(ConflictError);

    // The waiver expires by itself: the next scheduled run blocks again.
    advance(31 * DAY);
    const after = await readiness.evaluateAll('scheduled');
    const hkAfter = after.find(e => e.locationId === 'ap-east-1')!;
    expect(hkAfter.level).toBe('blocked');
    expect(hkAfter.signals.availability.waived).toBe(false);
    expect(
      (await readiness.listWaivers({ locationId: 'ap-east-1' }))[0].status,
    ).toBe('expired');

    const history = await readiness.getHistory('ap-east-1', {
      changesOnly: true,
      offset: 0,
      limit: 10,
    });
    expect(history.items.map(i => [i.level, i.trigger])).toEqual([
      ['blocked', 'scheduled'],
      ['pilot', 'waiver'],
      ['blocked', 'footprint'],
    ]);
    expect(history.becameReadyAt).toBeUndefined();
    expect(history.currentLevel).toBe('blocked');
  });

  it('rejects waivers for unknown locations and out-of-range expiry', async () => {
    const { readiness } = await setup(id);
    const base = {
      locationId: 'eu-west-2',
      check: 'security' as const,
      reason: 'r',
      approver: 'a',
      expiresAt: '2026-12-01T00:00:00.000Z',
    };
    await expect(
      readiness.addWaiver({ ...base, locationId: 'xx-nowhere-1' }, 'u'),
    ).rejects.toThrow(/locationId: 'xx-nowhere-1' is not a known location/);
    await expect(
      readiness.addWaiver({ ...base, expiresAt: '2026-11-26T11:00:00Z' }, 'u'),
    ).rejects.toThrow(/expiresAt: must be in the future/);
    await expect(
      readiness.addWaiver({ ...base, expiresAt: '2027-06-01T00:00:00Z' }, 'u'),
    ).rejects.toThrow(InputError);
    expect(await readiness.listWaivers({})).toEqual([]);
  });

  it('stays pilot while governance coverage of the Region is not proven', async () => {
    const pass = { status: 'pass' as const, detail: 'ok', blockers: [] };
    const { readiness } = await setup(id, [
      {
        id: 'securityhub',
        signalsFor: async () => ({
          security: pass,
          resilience: pass,
          audit: pass,
        }),
      },
    ]);
    await readiness.putFootprint(DEMO_FOOTPRINT, { source: 't', actor: 't' });
    const us = await readiness.getLatest('us-east-1');
    expect(us.level).toBe('pilot');
    expect(us.openChecks.map(c => c.check)).toEqual([
      ...GOVERNANCE_COVERAGE_CHECKS,
      'guardrail-drift',
    ]);
  });

  it('becomes ready with passing governance signals; a failing source stays unknown', async () => {
    const pass = { status: 'pass' as const, detail: 'ok', blockers: [] };
    const { readiness } = await setup(id, [
      {
        id: 'securityhub',
        signalsFor: async () => ({ security: pass, resilience: pass }),
      },
      {
        id: 'governance-coverage',
        signalsFor: async () =>
          Object.fromEntries(GOVERNANCE_COVERAGE_CHECKS.map(c => [c, pass])),
      },
      {
        id: 'guardrail-drift',
        signalsFor: async () => ({ 'guardrail-drift': pass }),
      },
      {
        id: 'auditmanager',
        signalsFor: async locationId => {
          if (locationId === 'ap-east-1') throw new Error('throttled');
          return { audit: pass };
        },
      },
    ]);
    await readiness.putFootprint(DEMO_FOOTPRINT, { source: 't', actor: 't' });
    const us = await readiness.getLatest('us-east-1');
    expect(us.level).toBe('ready');
    expect(us.openChecks).toEqual([]);
    const hk = await readiness.getLatest('ap-east-1');
    expect(hk.signals.audit.status).toBe('unknown');
    expect(hk.signals.security.status).toBe('pass');

    const history = await readiness.getHistory('us-east-1', {
      offset: 0,
      limit: 5,
    });
    expect(history.becameReadyAt).toBe(us.evaluatedAt);
  });

  it('requires a partition control plane in aws-eusc', async () => {
    const { readiness, service } = await setup(id);
    const before = await readiness.evaluate('eusc-de-east-1', 'manual');
    expect(before.level).toBe('blocked');
    expect(before.blockers).toEqual([
      expect.objectContaining({
        check: 'sovereignty',
        remediation: expect.stringMatching(/mode 'partition'/),
      }),
    ]);
    await service.estate.addControlPlane(sovereignControlPlaneFixture);
    const after = await readiness.evaluate('eusc-de-east-1', 'manual');
    expect(after.level).toBe('pilot');
    expect(after.signals.sovereignty.detail).toMatch(/cp-eusc/);
  });

  it('rejects footprints with unknown or repeated service codes', async () => {
    const { readiness } = await setup(id);
    await expect(
      readiness.putFootprint(
        {
          ...DEMO_FOOTPRINT,
          services: [{ code: 'not-a-service', sources: ['iac'], actions: [] }],
        },
        { source: 't', actor: 't' },
      ),
    ).rejects.toThrow(/services.0.code: 'not-a-service' is not a known/);
    await expect(
      readiness.putFootprint(
        {
          ...DEMO_FOOTPRINT,
          services: [DEMO_FOOTPRINT.services[0], DEMO_FOOTPRINT.services[0]],
        },
        { source: 't', actor: 't' },
      ),
    ).rejects.toThrow(/services.1.code: 'apigateway' repeats services.0/);
    await expect(readiness.getFootprint()).rejects.toThrow(/No application/);
  });
});
