import { DAY, hashOf, mix, pick, uuidFrom } from '../../random';
import type {
  SimulatedAccount,
  SimulatedPartition,
  SimulatedRegion,
} from '../../organization';

/**
 * How a Security Hub finding aggregator links Regions (the API's
 * `RegionLinkingMode`).
 *
 * @public
 */
export type FindingAggregatorLinkingMode =
  | 'ALL_REGIONS'
  | 'ALL_REGIONS_EXCEPT_SPECIFIED'
  | 'SPECIFIED_REGIONS'
  | 'NO_REGIONS';

/**
 * The Security Hub finding aggregator of a partition: findings of the
 * Regions it links are visible in its aggregation Region.
 *
 * @public
 */
export interface SimulatedFindingAggregator {
  /** Partition id. */
  partition: string;
  /** Aggregation Region: the partition's home Region. */
  region: string;
  /** Last part of the ARN, `arn:<partition>:securityhub:<region>:<caller account>:finding-aggregator/<id>`. */
  id: string;
  /** How Regions are linked. */
  linkingMode: FindingAggregatorLinkingMode;
  /** Regions the mode names: linked (`SPECIFIED_REGIONS`) or left out (`ALL_REGIONS_EXCEPT_SPECIFIED`); empty otherwise. */
  regions: string[];
}

/**
 * A Security Hub security control the generator draws findings from.
 *
 * @public
 */
export interface SimulatedControl {
  /** Security control id, e.g. `S3.1`; findings report it as their control id. */
  id: string;
  /** Control title; also the title and description of its findings. */
  title: string;
  /** ASFF type of the checked resource, e.g. `AwsS3Bucket`; `AwsAccount` for account-level controls. */
  resourceType: string;
}

/**
 * One Security Hub finding in plain fields.
 *
 * @public
 */
export interface SimulatedFinding {
  /** Position of the finding in the organization, from 0 to `findingCount - 1`. */
  index: number;
  /**
   * Finding ARN,
   * `arn:<partition>:securityhub:<region>:<account>:security-control/<control id>/finding/<uuid>`.
   */
  id: string;
  /** Partition of the account. */
  partition: string;
  /** Account the finding is about. */
  accountId: string;
  /** Region the finding was generated in. */
  region: string;
  /** The security control that produced the finding. */
  control: SimulatedControl;
  /** `INFORMATIONAL`, `LOW`, `MEDIUM`, `HIGH` or `CRITICAL` (weighted 10, 30, 35, 20 and 5 %). */
  severityLabel: string;
  /** ASFF normalized severity of the label: 0, 1, 40, 70 or 90. */
  severityNormalized: number;
  /** `PASSED`, `FAILED`, `WARNING` or `NOT_AVAILABLE`; may change once `advance` updates the finding. */
  complianceStatus: string;
  /** `NEW`, `NOTIFIED`, `SUPPRESSED` or `RESOLVED`; always `RESOLVED` when compliance is `PASSED`. */
  workflowStatus: string;
  /** `ARCHIVED` for the few findings `advance` archives, otherwise `ACTIVE`. */
  recordState: 'ACTIVE' | 'ARCHIVED';
  /**
   * Id of the checked resource: `AWS::::Account:<account>` for account-level
   * controls, else a synthetic ARN.
   */
  resourceId: string;
  /** Creation time in epoch milliseconds, within the 90 days before `baseTime`. */
  createdAt: number;
  /**
   * Last update in epoch milliseconds; set to the organization's clock when
   * `advance` changes the finding.
   */
  updatedAt: number;
}

/** The fixed set of controls findings are drawn from. */
export const CONTROLS: SimulatedControl[] = [
  {
    id: 'S3.1',
    title:
      'S3 general purpose buckets should have block public access settings enabled',
    resourceType: 'AwsS3Bucket',
  },
  {
    id: 'S3.5',
    title: 'S3 general purpose buckets should require requests to use SSL',
    resourceType: 'AwsS3Bucket',
  },
  {
    id: 'IAM.1',
    title: 'IAM policies should not allow full "*" administrative privileges',
    resourceType: 'AwsIamPolicy',
  },
  {
    id: 'EC2.2',
    title:
      'VPC default security groups should not allow inbound or outbound traffic',
    resourceType: 'AwsEc2SecurityGroup',
  },
  {
    id: 'EC2.19',
    title:
      'Security groups should not allow unrestricted access to ports with high risk',
    resourceType: 'AwsEc2SecurityGroup',
  },
  {
    id: 'KMS.4',
    title: 'AWS KMS key rotation should be enabled',
    resourceType: 'AwsKmsKey',
  },
  {
    id: 'RDS.3',
    title: 'RDS DB instances should have encryption at-rest enabled',
    resourceType: 'AwsRdsDbInstance',
  },
  {
    id: 'Lambda.2',
    title: 'Lambda functions should use supported runtimes',
    resourceType: 'AwsLambdaFunction',
  },
  {
    id: 'CloudTrail.1',
    title: 'CloudTrail should be enabled with at least one multi-Region trail',
    resourceType: 'AwsAccount',
  },
  {
    id: 'GuardDuty.1',
    title: 'GuardDuty should be enabled',
    resourceType: 'AwsAccount',
  },
  {
    id: 'Config.1',
    title: 'AWS Config should be enabled',
    resourceType: 'AwsAccount',
  },
  {
    id: 'DynamoDB.2',
    title: 'DynamoDB tables should have point-in-time recovery enabled',
    resourceType: 'AwsDynamoDbTable',
  },
];

/** Severity labels weighted: INFORMATIONAL 10, LOW 30, MEDIUM 35, HIGH 20, CRITICAL 5 (per 100). */
const SEVERITY_BY_PERCENT = [
  ...Array(10).fill('INFORMATIONAL'),
  ...Array(30).fill('LOW'),
  ...Array(35).fill('MEDIUM'),
  ...Array(20).fill('HIGH'),
  ...Array(5).fill('CRITICAL'),
] as string[];
const SEVERITY_NORMALIZED: Record<string, number> = {
  INFORMATIONAL: 0,
  LOW: 1,
  MEDIUM: 40,
  HIGH: 70,
  CRITICAL: 90,
};
const COMPLIANCE_BY_PERCENT = [
  ...Array(60).fill('PASSED'),
  ...Array(35).fill('FAILED'),
  ...Array(3).fill('WARNING'),
  ...Array(2).fill('NOT_AVAILABLE'),
] as string[];
const WORKFLOW = ['NEW', 'NEW', 'NEW', 'NOTIFIED', 'SUPPRESSED', 'RESOLVED'];

/**
 * The organization's Security Hub findings, stored by column (only
 * `UpdatedAt` is mutable), so a million of them fit in a few megabytes; the
 * other fields are derived from the seed on read. Findings of an account
 * are contiguous, account after account.
 */
export class SimulatedFindings {
  readonly #seed: number;
  readonly #baseTime: number;
  readonly #accounts: readonly SimulatedAccount[];
  readonly #regions: readonly SimulatedRegion[];
  readonly #account: Uint32Array;
  readonly #region: Uint16Array;
  readonly #updatedAt: Float64Array;
  readonly #archived = new Set<number>();
  /** Findings Security Hub has not made visible yet (ingestion delay). */
  readonly #withheld = new Set<number>();
  /** First finding position of each account. */
  readonly #accountStart: number[] = [];

  /**
   * `perAccountRegion` findings for every account in every Region the
   * organization uses in the account's partition.
   */
  constructor(options: {
    seed: number;
    baseTime: number;
    accounts: readonly SimulatedAccount[];
    regions: readonly SimulatedRegion[];
    perAccountRegion: number;
  }) {
    const { seed, baseTime, accounts, regions, perAccountRegion } = options;
    this.#seed = seed;
    this.#baseTime = baseTime;
    this.#accounts = accounts;
    this.#regions = regions;
    const regionsOf = (partition: string) =>
      regions.filter(r => r.partition === partition);
    let total = 0;
    for (const account of accounts) {
      total += regionsOf(account.partition).length * perAccountRegion;
    }
    this.#account = new Uint32Array(total);
    this.#region = new Uint16Array(total);
    this.#updatedAt = new Float64Array(total);
    let i = 0;
    accounts.forEach((account, accountIndex) => {
      this.#accountStart[accountIndex] = i;
      for (const region of regionsOf(account.partition)) {
        const regionIndex = regions.indexOf(region);
        for (let f = 0; f < perAccountRegion; f++, i++) {
          this.#account[i] = accountIndex;
          this.#region[i] = regionIndex;
          const created = this.#createdAt(i);
          this.#updatedAt[i] =
            created +
            (mix(seed ^ (i * 5)) % (created < baseTime - DAY ? DAY : 60_000));
        }
      }
    });
  }

  get count(): number {
    return this.#updatedAt.length;
  }

  /** The finding at an index, all fields derived. */
  finding(index: number): SimulatedFinding {
    const account = this.#accounts[this.#account[index]];
    const region = this.#regions[this.#region[index]].id;
    const h = mix(this.#seed * 977 + index);
    const control = pick(CONTROLS, h);
    const severityLabel = SEVERITY_BY_PERCENT[(h >>> 8) % 100];
    const updatedAt = this.#updatedAt[index];
    const changed = updatedAt > this.#baseTime;
    const complianceStatus =
      COMPLIANCE_BY_PERCENT[((h >>> 12) + (changed ? 37 : 0)) % 100];
    const findingUuid = uuidFrom(this.#seed, index, 1);
    return {
      index,
      id: `arn:${account.partition}:securityhub:${region}:${account.id}:security-control/${control.id}/finding/${findingUuid}`,
      partition: account.partition,
      accountId: account.id,
      region,
      control,
      severityLabel,
      severityNormalized: SEVERITY_NORMALIZED[severityLabel],
      complianceStatus,
      workflowStatus:
        complianceStatus === 'PASSED' ? 'RESOLVED' : pick(WORKFLOW, h >>> 16),
      recordState: this.#archived.has(index) ? 'ARCHIVED' : 'ACTIVE',
      resourceId:
        control.resourceType === 'AwsAccount'
          ? `AWS::::Account:${account.id}`
          : `arn:${account.partition}:${control.id
              .split('.')[0]
              .toLowerCase()}:${region}:${
              account.id
            }:resource/${findingUuid.slice(0, 8)}`,
      createdAt: this.#createdAt(index),
      updatedAt,
    };
  }

  /** Positions `[from, to)` of the findings of a partition, or of one account in it. */
  rangeOf(partition: string, accountId?: string): [number, number] {
    const indexes = this.#accounts
      .map((a, index) => ({ a, index }))
      .filter(
        ({ a }) =>
          a.partition === partition && (!accountId || a.id === accountId),
      )
      .map(({ index }) => index);
    if (indexes.length === 0) return [0, 0];
    const first = indexes[0];
    const last = indexes[indexes.length - 1];
    const end =
      last + 1 < this.#accounts.length
        ? this.#accountStart[last + 1]
        : this.count;
    return [this.#accountStart[first], end];
  }

  updatedAt(index: number): number {
    return this.#updatedAt[index];
  }

  withhold(index: number): void {
    this.#checkIndex(index);
    this.#withheld.add(index);
  }

  release(index: number, updatedAt: number): void {
    this.#checkIndex(index);
    this.#withheld.delete(index);
    this.#updatedAt[index] = updatedAt;
  }

  isWithheld(index: number): boolean {
    return this.#withheld.has(index);
  }

  scope(index: number): { accountId: string; region: string } {
    return {
      accountId: this.#accounts[this.#account[index]].id,
      region: this.#regions[this.#region[index]].id,
    };
  }

  /**
   * Moves `count` findings chosen by `random` to `clock`, archiving about
   * one in ten of them; returns the positions changed, in the order chosen.
   */
  advance(count: number, clock: number, random: () => number): number[] {
    const changed = new Set<number>();
    while (changed.size < Math.min(count, this.count)) {
      changed.add(Math.floor(random() * this.count));
    }
    for (const index of changed) {
      this.#updatedAt[index] = clock;
      if (random() < 0.1) this.#archived.add(index);
    }
    return [...changed];
  }

  #checkIndex(index: number) {
    if (!(Number.isInteger(index) && index >= 0 && index < this.count))
      throw new Error(`Finding index ${index} is outside 0..${this.count - 1}`);
  }

  #createdAt(index: number): number {
    return (
      this.#baseTime -
      (1 + (mix(this.#seed * 13 + index) % (90 * 24 * 60))) * 60_000
    );
  }
}

/** Whether an aggregator links a Region besides its own. */
function linksRegion(
  aggregator: SimulatedFindingAggregator | undefined,
  region: string,
): boolean {
  if (!aggregator) return false;
  if (region === aggregator.region) return true;
  switch (aggregator.linkingMode) {
    case 'ALL_REGIONS':
      return true;
    case 'ALL_REGIONS_EXCEPT_SPECIFIED':
      return !aggregator.regions.includes(region);
    case 'SPECIFIED_REGIONS':
      return aggregator.regions.includes(region);
    default:
      return false;
  }
}

/**
 * The finding aggregator of each partition and the Regions it links. By
 * default each partition has one in its home Region with linking mode
 * `ALL_REGIONS_EXCEPT_SPECIFIED`, leaving out the partition's last Region
 * (in the order given) that the organization does not use; `ALL_REGIONS`
 * when the organization uses every Region.
 */
export function findingAggregation(options: {
  seed: number;
  /** Partitions as given, with every Region of each. */
  partitions: SimulatedPartition[];
  /** The same partitions with the Regions the organization uses. */
  used: SimulatedPartition[];
  configured?: Record<
    string,
    { linkingMode: FindingAggregatorLinkingMode; regions?: string[] } | null
  >;
}): {
  aggregators: SimulatedFindingAggregator[];
  unlinked: Map<string, Set<string>>;
  linked: Map<string, string[]>;
} {
  const { seed, partitions, used } = options;
  const aggregators = partitions.flatMap(p => {
    const usedRegions = new Set(used.find(x => x.id === p.id)!.regions);
    const configured = options.configured?.[p.id];
    if (configured === null) return [];
    const unused = p.regions.filter(r => !usedRegions.has(r));
    const linking = configured ?? {
      linkingMode: unused.length
        ? ('ALL_REGIONS_EXCEPT_SPECIFIED' as const)
        : ('ALL_REGIONS' as const),
      regions: unused.slice(-1),
    };
    return [
      {
        partition: p.id,
        region: p.homeRegion,
        id: uuidFrom(seed, hashOf(p.id), 8),
        linkingMode: linking.linkingMode,
        regions: [...(linking.regions ?? [])],
      },
    ];
  });
  const unlinked = new Map<string, Set<string>>();
  const linked = new Map<string, string[]>();
  for (const p of partitions) {
    const aggregator = aggregators.find(a => a.partition === p.id);
    const others = p.regions.filter(r => r !== p.homeRegion);
    unlinked.set(
      p.id,
      new Set(others.filter(r => !linksRegion(aggregator, r))),
    );
    linked.set(
      p.id,
      others.filter(r => linksRegion(aggregator, r)),
    );
  }
  return { aggregators, unlinked, linked };
}
