import { DAY, pick, uuidFrom } from '../../random';
import type { SimulatedAccount, SimulatedRegion } from '../../organization';
import type { GeneratedRecordSlot } from '../types';

/**
 * A disruption type of Resilience Hub: RTO and RPO are targeted and estimated
 * per type.
 *
 * @public
 */
export type DisruptionType = 'Software' | 'Hardware' | 'AZ' | 'Region';

/**
 * A Resilience Hub application with its resiliency policy and assessments.
 * Times are epoch seconds, as Resilience Hub returns them.
 *
 * @public
 */
export interface SimulatedResilienceApp {
  /** App ARN, `arn:<partition>:resiliencehub:<region>:<account>:app/<uuid>`. */
  arn: string;
  /** App name, `<account name>-app-<n>`. */
  name: string;
  /** Account the app belongs to. */
  accountId: string;
  /** Partition of the account. */
  partition: string;
  /** Region of the app, drawn from the Regions the organization uses in the partition. */
  region: string;
  /** Creation time in epoch seconds (120 days before `baseTime`). */
  createdAt: number;
  /** Target RTO and RPO in seconds per disruption type (RPO is half the RTO). */
  policy: Record<DisruptionType, { rtoInSecs: number; rpoInSecs: number }>;
  /** Assessments, newest first (2 or 3 generated a week apart); `advance` may add newer ones. */
  assessments: SimulatedAppAssessment[];
}

/**
 * One assessment of a Resilience Hub application.
 *
 * @public
 */
export interface SimulatedAppAssessment {
  /** Assessment ARN, `arn:<partition>:resiliencehub:<region>:<account>:app-assessment/<id>`. */
  arn: string;
  /** Assessment name: `assessment-<n>` as generated, `scheduled-<clock>` when added by `advance`. */
  name: string;
  /** Assessment status; the generator only produces `Success` and `Failed`. */
  status: 'Success' | 'Failed' | 'InProgress' | 'Pending';
  /** `PolicyMet`, `PolicyBreached` (a current RTO or RPO exceeds the policy) or `AssessmentFailed`. */
  complianceStatus: string;
  /** `NotChecked`, `NotDetected` or `Detected`; always `Detected` for assessments added by `advance`. */
  driftStatus: string;
  /** Start time in epoch seconds. */
  startTime: number;
  /** End time in epoch seconds; the newest generated assessment ends at `baseTime`. */
  endTime: number;
  /** Resiliency score from 0 to 100, with two decimals. */
  resiliencyScore: number;
  /** Estimated current RTO and RPO in seconds per disruption type, compared with the app's policy. */
  current: Record<DisruptionType, { rtoInSecs: number; rpoInSecs: number }>;
}

const DISRUPTIONS: DisruptionType[] = ['Software', 'Hardware', 'AZ', 'Region'];

function complianceOf(
  status: SimulatedAppAssessment['status'],
  breached: boolean,
): string {
  if (status === 'Failed') return 'AssessmentFailed';
  return breached ? 'PolicyBreached' : 'PolicyMet';
}

function createApp(options: GeneratedRecordSlot): SimulatedResilienceApp {
  const { seed, index, account, region, ordinal, baseTime, random } = options;
  const appId = uuidFrom(seed, index, 2);
  const arn = `arn:${account.partition}:resiliencehub:${region}:${account.id}:app/${appId}`;
  const tier = [
    { Software: 300, Hardware: 3600, AZ: 3600, Region: 86400 },
    { Software: 900, Hardware: 14400, AZ: 14400, Region: 172800 },
  ][ordinal % 2];
  const policy = Object.fromEntries(
    DISRUPTIONS.map(d => [
      d,
      { rtoInSecs: tier[d], rpoInSecs: Math.floor(tier[d] / 2) },
    ]),
  ) as SimulatedResilienceApp['policy'];
  const assessments: SimulatedAppAssessment[] = [];
  const count = 2 + Math.floor(random() * 2);
  for (let k = 0; k < count; k++) {
    const end = Math.floor((baseTime - k * 7 * DAY) / 1000);
    const status: SimulatedAppAssessment['status'] =
      k === 0 && random() < 0.2 ? 'Failed' : 'Success';
    const current = Object.fromEntries(
      DISRUPTIONS.map(d => {
        const factor = 0.5 + random();
        return [
          d,
          {
            rtoInSecs: Math.round(tier[d] * factor),
            rpoInSecs: Math.round((tier[d] / 2) * factor),
          },
        ];
      }),
    ) as SimulatedAppAssessment['current'];
    const breached = DISRUPTIONS.some(
      d =>
        current[d].rtoInSecs > policy[d].rtoInSecs ||
        current[d].rpoInSecs > policy[d].rpoInSecs,
    );
    assessments.push({
      arn: `arn:${account.partition}:resiliencehub:${region}:${
        account.id
      }:app-assessment/${uuidFrom(seed, index * 10 + k, 3)}`,
      name: `assessment-${k + 1}`,
      status,
      complianceStatus: complianceOf(status, breached),
      driftStatus: pick(
        ['NotChecked', 'NotDetected', 'Detected'],
        Math.floor(random() * 1e6),
      ),
      startTime: end - 900,
      endTime: end,
      resiliencyScore: Math.round(random() * 10000) / 100,
      current,
    });
  }
  return {
    arn,
    name: `${account.name}-app-${ordinal + 1}`,
    accountId: account.id,
    partition: account.partition,
    region,
    createdAt: Math.floor((baseTime - 120 * DAY) / 1000),
    policy,
    assessments,
  };
}

/**
 * `count` applications of an account, each in a Region drawn from the
 * Regions the organization uses in its partition; `firstIndex` is the
 * position of the first in the organization.
 */
export function createResilienceApps(options: {
  seed: number;
  firstIndex: number;
  account: SimulatedAccount;
  regions: SimulatedRegion[];
  count: number;
  baseTime: number;
  random: () => number;
}): SimulatedResilienceApp[] {
  const apps: SimulatedResilienceApp[] = [];
  for (let a = 0; a < options.count; a++) {
    const region = pick(options.regions, Math.floor(options.random() * 1e6)).id;
    apps.push(
      createApp({
        ...options,
        index: options.firstIndex + a,
        region,
        ordinal: a,
      }),
    );
  }
  return apps;
}

/**
 * About `changePercent` × 10 % of the applications get a new assessment
 * at `clock` (epoch ms), with drift detected.
 */
export function advanceResilienceApps(
  apps: SimulatedResilienceApp[],
  changePercent: number,
  clock: number,
  random: () => number,
): void {
  for (const app of apps) {
    if (random() * 100 < changePercent * 10) {
      const latest = app.assessments[0];
      app.assessments.unshift({
        ...latest,
        arn: `${app.arn.replace(':app/', ':app-assessment/')}-${clock}`,
        name: `scheduled-${clock}`,
        startTime: Math.floor(clock / 1000) - 600,
        endTime: Math.floor(clock / 1000),
        driftStatus: 'Detected',
      });
    }
  }
}
