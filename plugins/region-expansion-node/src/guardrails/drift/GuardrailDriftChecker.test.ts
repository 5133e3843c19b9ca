import { ConfigReader } from '@backstage/config';
import {
  attachOrganizationTree,
  createGovernanceTestHarness,
  createSimulatedOrganizationTree,
  guardrailSeedOf,
  SIMULATED_GUARDRAIL_DRIFTS,
  SIMULATOR_TEST_ENDPOINT,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '../../locations/LocationCatalog';
import { GuardrailsInput, renderGuardrails } from '../renderGuardrails';
import { GuardrailDriftChecker } from './GuardrailDriftChecker';

jest.setTimeout(60_000);

const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({ seed: 5, faultSeed: 3, catalog });
const { org, faults } = harness;
const management = org.accounts.find(a => a.partition === 'aws')!;

// One plan per kind of seeded drift, all for eu-central-1.
const plans: GuardrailsInput[] = SIMULATED_GUARDRAIL_DRIFTS.map((drift, i) => ({
  name: `plan-${drift}`,
  targetLocation: 'eu-central-1',
  industry: `industry-${i}`,
  accountIds: [`40000000000${i}`, `40000000010${i}`],
}));
const tree = createSimulatedOrganizationTree(5, {
  partition: 'aws',
  managementAccountId: management.id,
  accounts: 400,
  organizationalUnits: 20,
  serviceControlPolicies: 40,
  guardrails: plans.map(p => guardrailSeedOf(renderGuardrails(p, catalog))),
  drift: [...SIMULATED_GUARDRAIL_DRIFTS],
});
attachOrganizationTree(org, tree);

const checker = (
  drift: Record<string, unknown> = {},
  logger?: { warn(message: string): void },
) =>
  GuardrailDriftChecker.fromConfig(
    new ConfigReader({
      ...harness.config(),
      regionExpansion: {
        guardrails: {
          drift: {
            endpoint: SIMULATOR_TEST_ENDPOINT,
            partitions: [{ partition: 'aws', accountId: management.id }],
            plans: plans as any,
            ratePerSecond: 200,
            burst: 20,
            ...drift,
          },
        },
      },
    }),
    { catalog, logger },
  );

const summaries = async (c: GuardrailDriftChecker) =>
  Object.fromEntries(
    (await c.check('eu-central-1')).map(r => [
      r.plan,
      [r.status, ...r.summary],
    ]),
  );

const OU = (i: number) => `Root/Europe/DE/industry-${i}`;
const EXPECTED = {
  'plan-match': ['ok'],
  'plan-reordered': ['ok'],
  'plan-missing-policy': [
    'drift',
    `SCP plan-missing-policy-region-deny is not attached to ${OU(2)}`,
  ],
  'plan-changed-statement': [
    'drift',
    'SCP plan-changed-statement-region-deny: statement DenyOutsideAllowedRegions is changed',
  ],
  'plan-extra-statement': [
    'drift',
    'SCP plan-extra-statement-region-deny: extra statement DenyLeaveOrganization',
  ],
  'plan-extra-policy': [
    'drift',
    `SCP plan-extra-policy-region-deny-legacy is attached to ${OU(
      5,
    )} but not rendered`,
  ],
  'plan-misplaced-account': [
    'drift',
    `account 400000000006 is in Root/Europe/DE, not ${OU(6)}`,
  ],
  'plan-missing-ou': [
    'drift',
    `OU ${OU(7)} is missing`,
    `account 400000000007 is in Root/Europe/DE, not ${OU(7)}`,
    `account 400000000107 is in Root/Europe/DE, not ${OU(7)}`,
    `SCP plan-missing-ou-region-deny is not attached to ${OU(7)}`,
  ],
};

describe('GuardrailDriftChecker (real SDK against the simulated Organizations API)', () => {
  it('reads every page of the organization and reports each seeded drift, reordering as none', async () => {
    const before = faults.totalRequests;
    expect(await summaries(checker())).toEqual(EXPECTED);
    // 400 accounts over 13 parents: some parent needs a second page.
    expect(faults.requestCounts.get('ListAccountsForParent')).toBeGreaterThan(
      21,
    );
    expect(faults.totalRequests - before).toBeGreaterThan(50);
  });

  it.each([
    {
      pace: 'faster than the organization allows: throttled, the SDK retries get through',
      ratePerSecond: 200,
      burst: 20,
      maxAttempts: 10,
      throttled: true,
    },
    {
      pace: 'at the rate the organization enforces: never throttled',
      ratePerSecond: 40,
      burst: 5,
      maxAttempts: 1,
      throttled: false,
    },
  ])(
    'paces $pace',
    async ({ ratePerSecond, burst, maxAttempts, throttled }) => {
      // The burst leaves room for requests an event-loop stall bunches up.
      tree.rateLimit = { ratePerSecond: 40, burst: 10 };
      const before = tree.throttled;
      try {
        const c = checker({ ratePerSecond, burst, maxAttempts });
        expect(await summaries(c)).toEqual(EXPECTED);
      } finally {
        tree.rateLimit = undefined;
      }
      expect(tree.throttled > before).toBe(throttled);
    },
  );

  it('reports unknown, without the AWS error text, when the account is denied', async () => {
    faults.faults.accessDeniedAccounts = [management.id];
    const warn = jest.fn();
    const reports = await checker({}, { warn }).check('eu-central-1');
    // The AWS error goes to the backend log only.
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/AccessDeniedException.*not authorized/),
    );
    expect(reports.map(r => r.status)).toEqual(plans.map(() => 'unknown'));
    expect(reports[0].reason).toMatch(
      /AWS Organizations refused access for account/,
    );
    expect(JSON.stringify(reports)).not.toMatch(
      /arn:|GovernanceReader|not authorized/,
    );
    const { 'guardrail-drift': signal } = await checker().signalsFor(
      'eu-central-1',
    );
    expect(signal!.status).toBe('unknown');
  });

  it('gives the location a failing guardrail-drift signal listing the differences', async () => {
    const { 'guardrail-drift': signal } = await checker().signalsFor(
      'eu-central-1',
    );
    expect(signal!.status).toBe('fail');
    expect(signal!.blockers).toContain(
      `plan-missing-ou: OU ${OU(7)} is missing`,
    );
    expect(await checker().signalsFor('us-east-1')).toEqual({});
  });

  it.each([
    [
      { ratePerSecond: 0 },
      'regionExpansion.guardrails.drift.ratePerSecond: must be a number above 0, got 0',
    ],
    [
      { plans: [{ name: 'x', targetLocation: 'mars-1', industry: 'a' }] },
      /^regionExpansion\.guardrails\.drift\.plans\.0\.targetLocation: /,
    ],
    [
      { partitions: [{ partition: 'aws', accountId: '12' }] },
      'regionExpansion.guardrails.drift.partitions.0.accountId: must be 12 digits',
    ],
  ])('refuses a bad setting, naming it: %j', (drift, message) => {
    expect(() => checker(drift)).toThrow(message);
  });
});
