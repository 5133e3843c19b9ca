import type {
  Campaign,
  ReadinessCheck,
  ReadinessEvaluation,
  ReadinessSignalStatus,
} from '@region-expansion/plugin-region-expansion-common';
import { READINESS_CHECKS } from '@region-expansion/plugin-region-expansion-common';

/** A campaign for eu-central-2 created on 2026-11-01, with every gate. */
export function campaignFixture(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'launch-eu-central-2',
    locationId: 'eu-central-2',
    owner: 'group:default/platform-team',
    targetDate: '2026-12-31',
    createdAt: '2026-11-01T09:00:00.000Z',
    createdBy: 'user:default/admin',
    plan: {
      tenantIds: ['acme', 'globex'],
      classes: [{ tier: 'pool', classification: 'internal', count: 2 }],
    },
    gates: [
      'readiness-level',
      'governance-coverage:security-hub',
      'guardrail-drift',
      'no-unwaived-blockers',
      'cost-approved',
    ],
    requiredReadinessLevel: 'ready',
    payingTenants: [],
    ...overrides,
  };
}

/** A readiness evaluation where every check has `status` unless named in `statuses`. */
export function evaluationFixture(
  statuses: Partial<Record<ReadinessCheck, ReadinessSignalStatus>> = {},
  overrides: Partial<ReadinessEvaluation> = {},
): ReadinessEvaluation {
  const signals = {} as ReadinessEvaluation['signals'];
  for (const check of READINESS_CHECKS) {
    signals[check] = {
      check,
      status: statuses[check] ?? 'pass',
      detail: `${check} evidence`,
      blockers: [],
      waived: false,
    };
  }
  return {
    locationId: 'eu-central-2',
    level: 'ready',
    blockers: [],
    openChecks: [],
    signals,
    evaluatedAt: '2026-11-02T00:00:00.000Z',
    ...overrides,
  };
}
