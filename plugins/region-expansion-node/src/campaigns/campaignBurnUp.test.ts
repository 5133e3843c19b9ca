import { CAMPAIGN_LIMITS } from '@region-expansion/plugin-region-expansion-common';
import { campaignFixture } from '../__testUtils__/campaignFixtures';
import { campaignBurnUp, onboardedTenantCount } from './campaignBurnUp';

const change = (gateId: any, state: any, at: string) => ({
  gateId,
  state,
  reason: 'r',
  at,
});

describe('campaignBurnUp', () => {
  const campaign = campaignFixture({ targetDate: '2026-11-06' });
  const history = [
    change('readiness-level', 'failed', '2026-11-01T09:00:00.000Z'),
    change('cost-approved', 'passed', '2026-11-01T09:00:00.000Z'),
    change('readiness-level', 'passed', '2026-11-03T12:00:00.000Z'),
    change('cost-approved', 'failed', '2026-11-04T08:00:00.000Z'),
  ];
  const placements = [
    {
      tenantId: 'acme',
      tier: 'silo',
      classification: 'restricted',
      placedAt: '2026-11-02T10:00:00.000Z',
    },
    {
      tenantId: 'other-1',
      tier: 'pool',
      classification: 'internal',
      placedAt: '2026-11-02T10:00:00.000Z',
      leftAt: '2026-11-03T10:00:00.000Z',
    },
    {
      tenantId: 'other-2',
      tier: 'pool',
      classification: 'internal',
      placedAt: '2026-11-03T10:00:00.000Z',
    },
  ];

  it('has one point per day from creation to the target date, as of each day end, projecting past today', () => {
    const points = campaignBurnUp(campaign, history, placements, '2026-11-04');
    expect(
      points.map(p => [
        p.date,
        p.gatesPassed,
        p.tenantsOnboarded,
        p.projected ?? false,
      ]),
    ).toEqual([
      ['2026-11-01', 1, 0, false],
      ['2026-11-02', 1, 2, false],
      ['2026-11-03', 2, 2, false],
      ['2026-11-04', 1, 2, false],
      ['2026-11-05', 1, 2, true],
      ['2026-11-06', 1, 2, true],
    ]);
    expect(points[0]).toMatchObject({ gatesTotal: 5, tenantsPlanned: 4 });
  });

  it('runs to today when the target date has passed', () => {
    const points = campaignBurnUp(campaign, history, placements, '2026-11-10');
    expect(points.at(-1)?.date).toBe('2026-11-10');
    expect(points).toHaveLength(10);
  });

  it(`keeps at most ${CAMPAIGN_LIMITS.burnUpPoints} points, folding older days into the first`, () => {
    const old = campaignFixture({ createdAt: '2020-01-01T00:00:00.000Z' });
    const early = placements.map(p => ({
      ...p,
      placedAt: '2020-06-01T00:00:00.000Z',
      leftAt: undefined,
    }));
    const points = campaignBurnUp(old, history, early, '2026-11-10');
    expect(points).toHaveLength(CAMPAIGN_LIMITS.burnUpPoints);
    expect(points.at(-1)?.date).toBe('2026-12-31');
    // The first point carries what happened before it.
    expect(points[0]).toMatchObject({
      date: '2025-01-01',
      tenantsOnboarded: 3,
    });
  });
});

describe('onboardedTenantCount', () => {
  it('counts each planned class at most up to its count', () => {
    const pool = (tenantId: string) => ({
      tenantId,
      tier: 'pool',
      classification: 'internal',
      placedAt: '2026-11-02T00:00:00.000Z',
    });
    const count = onboardedTenantCount(
      campaignFixture(),
      ['a', 'b', 'c', 'd'].map(pool),
      '2026-11-03T00:00:00.000Z',
    );
    expect(count).toBe(2);
  });
});
