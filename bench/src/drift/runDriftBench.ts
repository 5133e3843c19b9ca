import { ConfigReader } from '@backstage/config';
import {
  accessKeyIdFor,
  attachOrganizationTree,
  createSimulatedOrganizationTree,
  guardrailSeedOf,
  createSyntheticOrganization,
  startAwsSimulator,
} from '@region-expansion/aws-simulator';
import {
  DEFAULT_ORGANIZATIONS_RATE_LIMIT,
  GuardrailDriftChecker,
  GuardrailsInput,
  LocationCatalog,
  renderGuardrails,
} from '@region-expansion/plugin-region-expansion-node';
import { driftOptions, OptionsOf, withDefaults } from '../benchOptions';
import { awsPartition } from '../lib/awsOrganization';
import type { BenchLog } from '../lib/log';
import { measuredRun } from '../lib/measuredRun';

/** Options of {@link runDriftBench}. */
export type DriftBenchOptions = OptionsOf<typeof driftOptions>;

const SEED = 16;
const INDUSTRIES = ['financial-services', 'healthcare', 'public-sector'];
const ORGANIZATIONS_OPERATIONS = [
  'ListRoots',
  'ListOrganizationalUnitsForParent',
  'ListAccountsForParent',
  'ListPoliciesForTarget',
  'DescribePolicy',
];

/**
 * Guardrail plans over the Regions of partition aws, one country per
 * Region (distinct OU paths), `count` in all, 4 accounts each.
 */
function plansOf(catalog: LocationCatalog, count: number): GuardrailsInput[] {
  const seen = new Set<string>();
  const regions = catalog
    .regions()
    .filter(
      r => r.partition === 'aws' && !seen.has(r.country) && seen.add(r.country),
    );
  const plans: GuardrailsInput[] = [];
  for (let i = 0; plans.length < count; i++) {
    const region = regions[i % regions.length];
    const industry =
      INDUSTRIES[Math.floor(i / regions.length) % INDUSTRIES.length];
    if (i >= regions.length * INDUSTRIES.length)
      throw new Error(`plans: at most ${regions.length * INDUSTRIES.length}`);
    plans.push({
      name: `plan-${i + 1}`,
      targetLocation: region.id,
      industry,
      accountIds: [0, 1, 2, 3].map(k => String(500_000_000_000 + i * 10 + k)),
    });
  }
  return plans;
}

/**
 * `yarn bench drift`: a seeded organization (accounts, OUs, SCPs; each
 * guardrail plan seeded with one kind of drift) served by the AWS simulator
 * over HTTP, throttling at the given Organizations rate; the drift checker
 * reads it through the real SDK at the same rate and checks every plan.
 * Reports the total time, the Organizations calls, the rate-bound ideal
 * (calls / rate) and whether each seeded drift was found.
 */
export async function runDriftBench(options: DriftBenchOptions, log: BenchLog) {
  const o = withDefaults(driftOptions, options);
  for (const key of [
    'accounts',
    'ous',
    'scps',
    'plans',
    'ratePerSecond',
    'concurrency',
  ] as const)
    if (!(o[key] > 0))
      throw new Error(`${key} must be a positive number, got ${o[key]}`);
  return measuredRun('drift', log, async cleanups => {
    const catalog = LocationCatalog.fromSnapshot();
    const org = createSyntheticOrganization(SEED, {
      partitions: [awsPartition(2)],
      accountsPerPartition: 1,
      findingsPerAccountRegion: 1,
    });
    const management = org.accounts[0].id;
    const plans = plansOf(catalog, o.plans);
    const rate = {
      ratePerSecond: o.ratePerSecond,
      burst: DEFAULT_ORGANIZATIONS_RATE_LIMIT.burst,
    };
    const tree = createSimulatedOrganizationTree(SEED, {
      partition: 'aws',
      managementAccountId: management,
      accounts: o.accounts,
      organizationalUnits: o.ous,
      serviceControlPolicies: o.scps,
      guardrails: plans.map(p => guardrailSeedOf(renderGuardrails(p, catalog))),
      rateLimit: rate,
    });
    attachOrganizationTree(org, tree);
    const customerScps = tree.policies.filter(p => !p.awsManaged).length;
    log(
      `organization: ${tree.accounts.length} accounts, ${tree.organizationalUnits.length} OUs, ${customerScps} SCPs, ${plans.length} guardrail plans; Organizations rate ${rate.ratePerSecond}/s burst ${rate.burst} (simulator and checker)`,
    );
    const simulator = await startAwsSimulator({ organization: org });
    cleanups.add(() => simulator.stop());
    const checker = GuardrailDriftChecker.fromConfig(
      new ConfigReader({
        aws: {
          accounts: [
            {
              accountId: management,
              accessKeyId: accessKeyIdFor(management),
              secretAccessKey: 'simulated',
            },
          ],
        },
        regionExpansion: {
          guardrails: {
            drift: {
              endpoint: simulator.url,
              partitions: [{ partition: 'aws', accountId: management }],
              plans: plans as any,
              ratePerSecond: rate.ratePerSecond,
              burst: rate.burst,
              concurrency: o.concurrency,
            },
          },
        },
      }),
      { catalog },
    );

    const started = performance.now();
    const reports = (
      await Promise.all(checker.locations().map(l => checker.check(l)))
    ).flat();
    const seconds = (performance.now() - started) / 1000;

    const calls = ORGANIZATIONS_OPERATIONS.reduce(
      (n, op) => n + (simulator.faults.requestCounts.get(op) ?? 0),
      0,
    );
    const callsByOperation = Object.fromEntries(
      ORGANIZATIONS_OPERATIONS.map(op => [
        op,
        simulator.faults.requestCounts.get(op) ?? 0,
      ]),
    );
    const idealSeconds = calls / rate.ratePerSecond;
    const byPlan = new Map(reports.map(r => [r.plan, r.status]));
    const mismatches = tree.seededDrift.filter((d, i) => {
      const expected =
        d.drift === 'match' || d.drift === 'reordered' ? 'ok' : 'drift';
      return byPlan.get(plans[i].name) !== expected;
    }).length;
    const statuses = { ok: 0, drift: 0, unknown: 0 };
    for (const r of reports) statuses[r.status] += 1;
    log(
      `drift check: ${seconds.toFixed(
        2,
      )} s for ${calls} Organizations calls (${JSON.stringify(
        callsByOperation,
      )}); rate-bound ideal ${idealSeconds.toFixed(
        2,
      )} s (calls / rate); throttled ${tree.throttled}`,
    );
    log(
      `plans: ${statuses.ok} ok, ${statuses.drift} drift, ${statuses.unknown} unknown; seeded drift not matched: ${mismatches}`,
    );
    return {
      organization: {
        accounts: tree.accounts.length,
        ous: tree.organizationalUnits.length,
        scps: customerScps,
        plans: plans.length,
      },
      rate,
      seconds,
      calls,
      callsByOperation,
      idealSeconds,
      throttled: tree.throttled,
      statuses,
      mismatches,
    };
  });
}
