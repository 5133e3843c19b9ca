import { createRandom, hashOf, mix, pick } from './random';

/**
 * A partition the synthetic organization spans, as plain data (take it from
 * partitions.json facts or the location catalog; the simulator has none built
 * in).
 *
 * @public
 */
export interface SimulatedPartition {
  /** Partition id, e.g. `aws-eusc`. */
  id: string;
  /** DNS suffix of the partition's endpoints, e.g. `amazonaws.eu`. */
  dnsSuffix: string;
  /** The partition's home Region (where findings are aggregated). */
  homeRegion: string;
  /** Regions of the partition the organization may use. */
  regions: string[];
}

/**
 * Size of a synthetic organization.
 *
 * @public
 */
export interface SyntheticOrganizationSize {
  /** Partitions with their Regions. */
  partitions: SimulatedPartition[];
  /** Member accounts per partition. */
  accountsPerPartition: number;
  /** Regions used per partition (home Region first); default all given. */
  regionsPerPartition?: number;
  /** Security Hub findings per account and Region. */
  findingsPerAccountRegion: number;
  /** Resilience Hub applications per account; default 2. */
  appsPerAccount?: number;
  /** Audit Manager assessments per account; default 1. */
  assessmentsPerAccount?: number;
  /** Conformance packs per account and Region; default 2. */
  conformancePacksPerAccountRegion?: number;
  /** Time the generated history ends at, in epoch ms; default 2026-10-01. */
  baseTime?: number;
  /**
   * Security Hub cross-Region aggregation per partition id: the linking of
   * the finding aggregator in the partition's home Region, or `null` for no
   * aggregator. A partition not named gets the default of
   * {@link SyntheticOrganization.findingAggregators}.
   */
  findingAggregation?: Record<
    string,
    { linkingMode: FindingAggregatorLinkingMode; regions?: string[] } | null
  >;
}

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
 * A member account of the synthetic organization.
 *
 * @public
 */
export interface SimulatedAccount {
  /** 12-digit account id, derived from the seed and the account's position. */
  id: string;
  /** Id of the account's partition. */
  partition: string;
  /** Account name, `<partition>-workload-<n>` with n counted from 1 per partition. */
  name: string;
}

/**
 * A Region the synthetic organization uses.
 *
 * @public
 */
export interface SimulatedRegion {
  /** Region code, e.g. `us-east-1`. */
  id: string;
  /** Id of the Region's partition. */
  partition: string;
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

/**
 * A control of an Audit Manager assessment, with its evidence folders.
 *
 * @public
 */
export interface SimulatedAuditControl {
  /** Control id, a UUID. */
  id: string;
  /** Control name, `<first word of the framework>-<set>.<control>`, e.g. `AWS-1.2`. */
  name: string;
  /** Review status of the control, drawn at random. */
  status: 'UNDER_REVIEW' | 'REVIEWED' | 'INACTIVE';
  /** Evidence of the control: the sum of `totalEvidence` over its folders. */
  evidenceCount: number;
  /**
   * Evidence folders (1 to 3), one per day back from `baseTime` (`date` in
   * epoch seconds); `totalEvidence` is the sum of the compliance-check,
   * configuration-data, user-activity and manual counts.
   */
  folders: Array<{
    id: string;
    date: number;
    dataSource: string;
    totalEvidence: number;
    complianceCheckCount: number;
    complianceCheckIssuesCount: number;
    configurationDataCount: number;
    userActivityCount: number;
    manualCount: number;
  }>;
}

/**
 * An Audit Manager assessment of one account. Times are epoch seconds, as
 * Audit Manager returns them.
 *
 * @public
 */
export interface SimulatedAuditAssessment {
  /** Assessment id, a UUID. */
  id: string;
  /** Assessment ARN, `arn:<partition>:auditmanager:<region>:<account>:assessment/<id>`. */
  arn: string;
  /** Assessment name, `<framework name> - <account name>`. */
  name: string;
  /** Account assessed, which also owns the assessment. */
  accountId: string;
  /** Partition of the account. */
  partition: string;
  /** Region of the assessment: always the partition's home Region. */
  region: string;
  /** Always `ACTIVE` for an account's first assessment; further ones are drawn at random. */
  status: 'ACTIVE' | 'INACTIVE';
  /** Framework id, a UUID derived from the seed and the framework name. */
  frameworkId: string;
  /** Framework name, e.g. `SOC 2`; also reported as the compliance type. */
  frameworkName: string;
  /** Creation time in epoch seconds (60 days before `baseTime`). */
  createdAt: number;
  /** Last update in epoch seconds (`baseTime`). */
  lastUpdated: number;
  /**
   * Control sets (2 or 3, of 3 to 5 controls each); a set's `id` is also its
   * description, e.g. `AWS control set 1`.
   */
  controlSets: Array<{ id: string; controls: SimulatedAuditControl[] }>;
}

/**
 * An AWS Config conformance pack deployed in one account and Region, as the
 * organization aggregator reports it.
 *
 * @public
 */
export interface SimulatedConformancePack {
  /**
   * Pack name, one of three `Operational-Best-Practices-for-*` names (repeating
   * beyond three per account and Region).
   */
  name: string;
  /** Account the pack is deployed in. */
  accountId: string;
  /** Partition of the account. */
  partition: string;
  /** Region the pack is deployed in. */
  region: string;
  /** Rules evaluated compliant. */
  compliantRuleCount: number;
  /** Rules evaluated non-compliant; the pack is `NON_COMPLIANT` when there are any. */
  nonCompliantRuleCount: number;
  /** Rules in the pack (10 to 49): compliant plus non-compliant. */
  totalRuleCount: number;
  /**
   * Last evaluation in epoch milliseconds (not seconds, unlike the Resilience
   * Hub and Audit Manager records), within the day before `baseTime`.
   */
  lastUpdated: number;
}

const CONTROLS: SimulatedControl[] = [
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
const FRAMEWORKS = [
  'AWS Foundational Security Best Practices',
  'CIS AWS Benchmark v1.4.0',
  'General Data Protection Regulation (GDPR) 2016',
  'SOC 2',
];
const DISRUPTIONS: DisruptionType[] = ['Software', 'Hardware', 'AZ', 'Region'];
const DAY = 86_400_000;

function complianceOf(
  status: SimulatedAppAssessment['status'],
  breached: boolean,
): string {
  if (status === 'Failed') return 'AssessmentFailed';
  return breached ? 'PolicyBreached' : 'PolicyMet';
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

function uuidFrom(seed: number, index: number, salt: number): string {
  const hex = [0, 1, 2, 3]
    .map(k =>
      mix(seed * 31 + index * 7 + salt * 131 + k * 1_000_003)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A seeded, deterministic, mutable organization: accounts across partitions
 * and Regions, Security Hub findings, Resilience Hub applications, Audit
 * Manager assessments and AWS Config conformance packs. Findings are stored
 * by column (only `UpdatedAt` is mutable), so a million of them fit in a few
 * megabytes; the other fields are derived from the seed on read.
 *
 * @public
 */
export class SyntheticOrganization {
  /** Seed the organization was generated from; the same seed and size give the same organization. */
  readonly seed: number;
  /** The partitions of the size, each with `regions` cut to the Regions used (home Region first). */
  readonly partitions: SimulatedPartition[];
  /**
   * Member accounts, `accountsPerPartition` per partition, grouped by partition
   * in the order of `partitions`.
   */
  readonly accounts: SimulatedAccount[];
  /** Regions the organization uses, partition by partition. */
  readonly regions: SimulatedRegion[];
  /** The fixed set of Security Hub controls findings are drawn from. */
  readonly controls = CONTROLS;
  /** Resilience Hub applications, `appsPerAccount` per account. */
  readonly resilienceApps: SimulatedResilienceApp[] = [];
  /**
   * Audit Manager assessments, `assessmentsPerAccount` per account, in the home
   * Region of its partition.
   */
  readonly auditAssessments: SimulatedAuditAssessment[] = [];
  /** AWS Config conformance packs, `conformancePacksPerAccountRegion` per account and Region. */
  readonly conformancePacks: SimulatedConformancePack[] = [];
  /** Time the generated history ends at, in epoch milliseconds; the clock starts there. */
  readonly baseTime: number;
  /**
   * The finding aggregator of each partition that has one. By default each
   * partition has one in its home Region with linking mode
   * `ALL_REGIONS_EXCEPT_SPECIFIED`, leaving out the partition's last Region
   * (in the order given) that the organization does not use, so some
   * Regions are linked and one is not; `ALL_REGIONS` when the organization
   * uses every Region.
   */
  readonly findingAggregators: SimulatedFindingAggregator[];
  /** Regions whose findings the aggregation Region does not show, per partition. */
  readonly #unlinked = new Map<string, Set<string>>();
  /** Regions besides the home Region whose findings it shows, per partition. */
  readonly #linked = new Map<string, string[]>();
  readonly #findingAccount: Uint32Array;
  readonly #findingRegion: Uint16Array;
  readonly #findingUpdatedAt: Float64Array;
  readonly #archived = new Set<number>();
  /** Findings Security Hub has not made visible yet (ingestion delay). */
  readonly #withheld = new Set<number>();
  /** First finding position of each account; accounts of a partition are contiguous. */
  readonly #accountStart: number[] = [];
  #clock: number;

  constructor(seed: number, size: SyntheticOrganizationSize) {
    if (size.partitions.length === 0) {
      throw new Error('A synthetic organization needs at least one partition');
    }
    this.seed = seed;
    this.baseTime = size.baseTime ?? Date.UTC(2026, 9, 1);
    this.#clock = this.baseTime;
    this.partitions = size.partitions.map(p => {
      const others = p.regions.filter(r => r !== p.homeRegion);
      const count = Math.max(
        1,
        Math.min(
          size.regionsPerPartition ?? p.regions.length,
          p.regions.length,
        ),
      );
      return { ...p, regions: [p.homeRegion, ...others].slice(0, count) };
    });
    this.findingAggregators = size.partitions.flatMap(p => {
      const used = new Set(this.partitions.find(x => x.id === p.id)!.regions);
      const configured = size.findingAggregation?.[p.id];
      if (configured === null) return [];
      const unused = p.regions.filter(r => !used.has(r));
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
    for (const p of size.partitions) {
      const aggregator = this.findingAggregators.find(
        a => a.partition === p.id,
      );
      const others = p.regions.filter(r => r !== p.homeRegion);
      this.#unlinked.set(
        p.id,
        new Set(others.filter(r => !linksRegion(aggregator, r))),
      );
      this.#linked.set(
        p.id,
        others.filter(r => linksRegion(aggregator, r)),
      );
    }
    this.accounts = [];
    this.regions = [];
    for (const partition of this.partitions) {
      for (const region of partition.regions) {
        this.regions.push({ id: region, partition: partition.id });
      }
      for (let a = 0; a < size.accountsPerPartition; a++) {
        const index = this.accounts.length;
        this.accounts.push({
          id: String(200_000_000_000 + (seed % 1000) * 1_000_000 + index),
          partition: partition.id,
          name: `${partition.id}-workload-${a + 1}`,
        });
      }
    }

    let total = 0;
    for (const account of this.accounts) {
      total +=
        this.regionsOf(account.partition).length *
        size.findingsPerAccountRegion;
    }
    this.#findingAccount = new Uint32Array(total);
    this.#findingRegion = new Uint16Array(total);
    this.#findingUpdatedAt = new Float64Array(total);
    let i = 0;
    this.accounts.forEach((account, accountIndex) => {
      this.#accountStart[accountIndex] = i;
      for (const region of this.regionsOf(account.partition)) {
        const regionIndex = this.regions.indexOf(region);
        for (let f = 0; f < size.findingsPerAccountRegion; f++, i++) {
          this.#findingAccount[i] = accountIndex;
          this.#findingRegion[i] = regionIndex;
          const created = this.#createdAt(i);
          this.#findingUpdatedAt[i] =
            created +
            (mix(seed ^ (i * 5)) %
              (created < this.baseTime - DAY ? DAY : 60_000));
        }
      }
    });

    const random = createRandom(seed);
    for (const account of this.accounts) {
      const partitionRegions = this.regionsOf(account.partition);
      const home = this.partitionOf(account.partition).homeRegion;
      for (let a = 0; a < (size.appsPerAccount ?? 2); a++) {
        const region = pick(partitionRegions, Math.floor(random() * 1e6)).id;
        this.resilienceApps.push(this.#createApp(account, region, a, random));
      }
      for (let a = 0; a < (size.assessmentsPerAccount ?? 1); a++) {
        this.auditAssessments.push(
          this.#createAssessment(account, home, a, random),
        );
      }
      for (const region of partitionRegions) {
        for (let c = 0; c < (size.conformancePacksPerAccountRegion ?? 2); c++) {
          const ruleCount = 10 + Math.floor(random() * 40);
          const nonCompliant = Math.floor(random() * random() * ruleCount);
          this.conformancePacks.push({
            name: [
              'Operational-Best-Practices-for-Encryption',
              'Operational-Best-Practices-for-Logging',
              'Operational-Best-Practices-for-NIST-CSF',
            ][c % 3],
            accountId: account.id,
            partition: account.partition,
            region: region.id,
            compliantRuleCount: ruleCount - nonCompliant,
            nonCompliantRuleCount: nonCompliant,
            totalRuleCount: ruleCount,
            lastUpdated: this.baseTime - Math.floor(random() * DAY),
          });
        }
      }
    }
  }

  /** Number of findings. */
  get findingCount(): number {
    return this.#findingUpdatedAt.length;
  }

  /** The organization's clock: the latest time anything changed, epoch ms. */
  get clock(): number {
    return this.#clock;
  }

  /** The partition by id; throws for an unknown one. */
  partitionOf(id: string): SimulatedPartition {
    const partition = this.partitions.find(p => p.id === id);
    if (!partition) throw new Error(`Unknown partition ${id}`);
    return partition;
  }

  /** The finding aggregator of a partition; `undefined` when it has none. */
  findingAggregatorOf(
    partition: string,
  ): SimulatedFindingAggregator | undefined {
    return this.findingAggregators.find(a => a.partition === partition);
  }

  /**
   * Regions of a partition whose findings its aggregation (home) Region
   * does not show: not linked to its finding aggregator (every Region but
   * the home Region when it has none).
   */
  unlinkedRegionsOf(partition: string): ReadonlySet<string> {
    return this.#unlinked.get(partition) ?? new Set();
  }

  /**
   * Regions of a partition, besides its home Region, whose findings the
   * aggregation Region shows (as the new Security Hub's aggregator lists
   * them).
   */
  linkedRegionsOf(partition: string): readonly string[] {
    return this.#linked.get(partition) ?? [];
  }

  /** The partition a Region belongs to, if the organization uses it. */
  partitionOfRegion(region: string): SimulatedPartition | undefined {
    const found = this.regions.find(r => r.id === region);
    return found ? this.partitionOf(found.partition) : undefined;
  }

  /** Regions of a partition that the organization uses. */
  regionsOf(partition: string): SimulatedRegion[] {
    return this.regions.filter(r => r.partition === partition);
  }

  /** The account by id. */
  account(id: string): SimulatedAccount | undefined {
    return this.accounts.find(a => a.id === id);
  }

  /** The finding at an index, all fields derived. */
  finding(index: number): SimulatedFinding {
    const account = this.accounts[this.#findingAccount[index]];
    const region = this.regions[this.#findingRegion[index]].id;
    const h = mix(this.seed * 977 + index);
    const control = pick(CONTROLS, h);
    const severityLabel = SEVERITY_BY_PERCENT[(h >>> 8) % 100];
    const updatedAt = this.#findingUpdatedAt[index];
    const changed = updatedAt > this.baseTime;
    const complianceStatus =
      COMPLIANCE_BY_PERCENT[((h >>> 12) + (changed ? 37 : 0)) % 100];
    const findingUuid = uuidFrom(this.seed, index, 1);
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
  findingRangeOf(partition: string, accountId?: string): [number, number] {
    const indexes = this.accounts
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
      last + 1 < this.accounts.length
        ? this.#accountStart[last + 1]
        : this.findingCount;
    return [this.#accountStart[first], end];
  }

  /** `UpdatedAt` of a finding, epoch ms, without deriving the rest. */
  findingUpdatedAt(index: number): number {
    return this.#findingUpdatedAt[index];
  }

  /**
   * Hides a finding from every read until {@link SyntheticOrganization.releaseFinding}:
   * Security Hub may make a finding visible minutes after its `UpdatedAt`
   * (delayed ingestion, cross-Region aggregation), so an incremental reader
   * can pass its `UpdatedAt` before it ever sees it.
   */
  withholdFinding(index: number): void {
    this.#checkIndex(index);
    this.#withheld.add(index);
  }

  /**
   * Makes a withheld finding visible with the given `UpdatedAt` (epoch ms),
   * which may lie before the clock and before a reader's last window: a
   * late finding.
   */
  releaseFinding(index: number, updatedAt: number): void {
    this.#checkIndex(index);
    this.#withheld.delete(index);
    this.#findingUpdatedAt[index] = updatedAt;
  }

  /** Whether a finding is withheld (not yet visible to any read). */
  isWithheld(index: number): boolean {
    return this.#withheld.has(index);
  }

  #checkIndex(index: number) {
    if (!(Number.isInteger(index) && index >= 0 && index < this.findingCount))
      throw new Error(
        `Finding index ${index} is outside 0..${this.findingCount - 1}`,
      );
  }

  /** Account index and Region index of a finding, for fast filtering. */
  findingScope(index: number): { accountId: string; region: string } {
    return {
      accountId: this.accounts[this.#findingAccount[index]].id,
      region: this.regions[this.#findingRegion[index]].id,
    };
  }

  /**
   * Changes `changePercent` % of the findings (chosen by the seed and the
   * clock): their `UpdatedAt` moves to the new clock, their compliance may
   * flip and a few are archived. Returns the indexes changed.
   */
  advance(
    changePercent: number,
    at: number = Math.max(Date.now(), this.#clock + 1000),
  ): number[] {
    this.#clock = Math.max(at, this.#clock + 1);
    const count = Math.round((this.findingCount * changePercent) / 100);
    const random = createRandom(hashOf(String(this.#clock), this.seed));
    const changed = new Set<number>();
    while (changed.size < Math.min(count, this.findingCount)) {
      changed.add(Math.floor(random() * this.findingCount));
    }
    for (const index of changed) {
      this.#findingUpdatedAt[index] = this.#clock;
      if (random() < 0.1) this.#archived.add(index);
    }
    for (const app of this.resilienceApps) {
      if (random() * 100 < changePercent * 10) {
        const latest = app.assessments[0];
        app.assessments.unshift({
          ...latest,
          arn: `${app.arn.replace(':app/', ':app-assessment/')}-${this.#clock}`,
          name: `scheduled-${this.#clock}`,
          startTime: Math.floor(this.#clock / 1000) - 600,
          endTime: Math.floor(this.#clock / 1000),
          driftStatus: 'Detected',
        });
      }
    }
    return [...changed].sort((a, b) => a - b);
  }

  #createdAt(index: number): number {
    return (
      this.baseTime -
      (1 + (mix(this.seed * 13 + index) % (90 * 24 * 60))) * 60_000
    );
  }

  #createApp(
    account: SimulatedAccount,
    region: string,
    ordinal: number,
    random: () => number,
  ): SimulatedResilienceApp {
    const appId = uuidFrom(this.seed, this.resilienceApps.length, 2);
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
      const end = Math.floor((this.baseTime - k * 7 * DAY) / 1000);
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
        }:app-assessment/${uuidFrom(
          this.seed,
          this.resilienceApps.length * 10 + k,
          3,
        )}`,
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
      createdAt: Math.floor((this.baseTime - 120 * DAY) / 1000),
      policy,
      assessments,
    };
  }

  #createAssessment(
    account: SimulatedAccount,
    region: string,
    ordinal: number,
    random: () => number,
  ): SimulatedAuditAssessment {
    const id = uuidFrom(this.seed, this.auditAssessments.length, 4);
    const framework = pick(FRAMEWORKS, hashOf(account.id, ordinal));
    const controlSets = Array.from(
      { length: 2 + Math.floor(random() * 2) },
      (_, s) => ({
        id: `${framework.split(' ')[0]} control set ${s + 1}`,
        controls: Array.from(
          { length: 3 + Math.floor(random() * 3) },
          (__, c) => {
            const folders = Array.from(
              { length: 1 + Math.floor(random() * 3) },
              (___, f) => {
                const complianceCheckCount = Math.floor(random() * 40);
                const configurationDataCount = Math.floor(random() * 20);
                const userActivityCount = Math.floor(random() * 10);
                const manualCount = random() < 0.2 ? 1 : 0;
                return {
                  id: uuidFrom(
                    this.seed,
                    this.auditAssessments.length * 1000 + s * 100 + c * 10 + f,
                    5,
                  ),
                  date: Math.floor((this.baseTime - f * DAY) / 1000),
                  dataSource: pick(
                    [
                      'AWS Security Hub',
                      'AWS Config',
                      'AWS CloudTrail',
                      'AWS API calls',
                    ],
                    c + f,
                  ),
                  totalEvidence:
                    complianceCheckCount +
                    configurationDataCount +
                    userActivityCount +
                    manualCount,
                  complianceCheckCount,
                  complianceCheckIssuesCount: Math.floor(
                    complianceCheckCount * random() * 0.3,
                  ),
                  configurationDataCount,
                  userActivityCount,
                  manualCount,
                };
              },
            );
            return {
              id: uuidFrom(
                this.seed,
                this.auditAssessments.length * 1000 + s * 100 + c,
                6,
              ),
              name: `${framework.split(' ')[0]}-${s + 1}.${c + 1}`,
              status: pick(
                ['UNDER_REVIEW', 'REVIEWED', 'INACTIVE'] as const,
                Math.floor(random() * 1e6),
              ),
              evidenceCount: folders.reduce(
                (sum, f) => sum + f.totalEvidence,
                0,
              ),
              folders,
            };
          },
        ),
      }),
    );
    return {
      id,
      arn: `arn:${account.partition}:auditmanager:${region}:${account.id}:assessment/${id}`,
      name: `${framework} - ${account.name}`,
      accountId: account.id,
      partition: account.partition,
      region,
      status:
        ordinal === 0
          ? 'ACTIVE'
          : pick(['ACTIVE', 'INACTIVE'] as const, Math.floor(random() * 1e6)),
      frameworkId: uuidFrom(this.seed, hashOf(framework), 7),
      frameworkName: framework,
      createdAt: Math.floor((this.baseTime - 60 * DAY) / 1000),
      lastUpdated: Math.floor(this.baseTime / 1000),
      controlSets,
    };
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
 * Creates a seeded synthetic organization.
 *
 * @public
 */
export function createSyntheticOrganization(
  seed: number,
  size: SyntheticOrganizationSize,
): SyntheticOrganization {
  return new SyntheticOrganization(seed, size);
}
