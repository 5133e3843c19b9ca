import type {
  EvaluatedReadinessSignal,
  ReadinessBlocker,
  ReadinessCheck,
  ReadinessLevel,
} from './readiness';

/**
 * Where a footprint entry was observed: infrastructure code or CloudTrail.
 *
 * @public
 */
export type FootprintSource = 'iac' | 'cloudtrail';

/**
 * One AWS service an application plane uses.
 *
 * @public
 */
export interface ServiceUsage {
  /** SSM global-infrastructure service code, e.g. `s3`. */
  code: string;
  /** Where the service was seen: infrastructure code, CloudTrail or both. */
  sources: FootprintSource[];
  /** API action names without the service prefix, e.g. `PutObject`. */
  actions: string[];
}

/**
 * Kind of a dependency that reaches outside the target Region or partition.
 *
 * @public
 */
export type CrossRegionDependencyKind =
  | 'global-service'
  | 'region-pinned'
  | 'replication'
  | 'backup-copy'
  | 'provider-region'
  | 'hardcoded-partition';

/**
 * A dependency found in infrastructure code (or logs) that crosses a Region or
 * partition boundary.
 *
 * @public
 */
export interface CrossRegionDependency {
  /** How the dependency crosses the boundary. */
  kind: CrossRegionDependencyKind;
  /** SSM service code concerned, when known. */
  service?: string;
  /**
   * The other Region involved, when known: always a Region code such as
   * `us-east-1`, never a fragment of an unresolved expression.
   */
  region?: string;
  /** File the dependency was found in. */
  file: string;
  /**
   * Location inside the file, e.g. `Resources.Cert.Properties.DomainName`;
   * the first place the finding was seen.
   */
  path: string;
  /** Human-readable description of what was found. */
  detail: string;
  /**
   * How many places in the file say the same thing (same kind, service and
   * Region); present when more than one. Findings are folded so that a value
   * repeated (or aliased) many times is one entry.
   */
  occurrences?: number;
  /**
   * Example places (at most 10, `path` first) when the finding was seen in
   * more than one place.
   */
  paths?: string[];
}

/**
 * Something in the input that could not be mapped to a service. Reported,
 * never dropped.
 *
 * @public
 */
export interface UnknownFootprintItem {
  /**
   * What could not be mapped: a CloudFormation or Terraform resource type, a
   * CloudTrail event source or an IAM action.
   */
  kind: 'resource-type' | 'event-source' | 'iam-action';
  /** The unmapped resource type, event source or IAM action, as found. */
  value: string;
  /**
   * File it was found in; for CloudTrail, the scanned paths joined by commas.
   */
  file: string;
  /**
   * Location inside the file (template path or Terraform address); absent for
   * CloudTrail event sources.
   */
  path?: string;
}

/**
 * The set of AWS services and API actions an application plane uses, with its
 * cross-Region dependencies and what could not be classified.
 *
 * @public
 */
export interface Footprint {
  /** Services used, one entry per SSM service code. */
  services: ServiceUsage[];
  /** Dependencies that cross a Region or partition boundary. */
  crossRegion: CrossRegionDependency[];
  /** Items that could not be mapped to a service. */
  unknown: UnknownFootprintItem[];
  /** Summary of the CloudTrail input, when there was any. */
  cloudTrail?: CloudTrailSummary;
}

/**
 * What a CloudTrail scan read. API calls make up the footprint; service
 * events (initiated by AWS) and console sign-ins are counted separately.
 *
 * @public
 */
export interface CloudTrailSummary {
  /** Log files read (`.json.gz` or `.json`), digest files excluded. */
  files: number;
  /** Digest files skipped (`CloudTrail-Digest`). */
  digestFilesSkipped: number;
  /** Records read, before filters. */
  records: number;
  /** `AwsApiCall` records that passed the filters. */
  apiCalls: number;
  /** `AwsServiceEvent` records that passed the filters, by eventSource. */
  serviceEvents: Record<string, number>;
  /** `AwsConsoleSignIn` records that passed the filters. */
  consoleSignIns: number;
  /** Accounts (recipientAccountId) seen in matching records. */
  accounts: string[];
  /** Regions (awsRegion) seen in matching records. */
  regions: string[];
}

/**
 * A residency regime: privacy (personal data may leave only to adequate
 * jurisdictions), confidentiality (nationally critical sectors stay
 * in-country), independence (data stays within national borders), and
 * sovereignty (partition isolation: own control plane and metadata).
 *
 * @public
 */
export type ResidencyRegime =
  | 'privacy'
  | 'confidentiality'
  | 'independence'
  | 'sovereignty';

/**
 * A residency rule broken by a footprint in a target location.
 *
 * @public
 */
export interface ResidencyViolation {
  /** Stable rule identifier, e.g. `partition-crossing`. */
  rule: string;
  /** Regime the broken rule belongs to. */
  regime: ResidencyRegime;
  /** What breaks the rule, naming the location or file concerned. */
  detail: string;
  /** What to do about it. */
  remediation: string;
}

/**
 * Where tenant management and metadata run relative to the application plane.
 *
 * @public
 */
export type ControlPlaneMode = 'global' | 'regional' | 'partition';

/**
 * Tenant isolation model.
 *
 * @public
 */
export type IsolationModel = 'pool' | 'bridge' | 'silo';

/**
 * Encryption key tier, weakest to strongest customer control.
 *
 * @public
 */
export type EncryptionTier =
  | 'aws-managed-key'
  | 'customer-managed-kms-key'
  | 'cloudhsm'
  | 'external-key-store';

/**
 * One architecture choice with the reasons for it.
 *
 * @public
 */
export interface ArchitectureChoice<T extends string> {
  /** The advised option. */
  choice: T;
  /** Reasons for the choice, in the order they were applied. */
  rationale: string[];
}

/**
 * Architecture advice for an application plane in a target location.
 *
 * @public
 */
export interface ArchitectureAdvice {
  /** Id of the target location. */
  target: string;
  /** Partition of the target location. */
  partition: string;
  /** Where tenant management and metadata should run. */
  controlPlane: ArchitectureChoice<ControlPlaneMode>;
  /** Tenant isolation model; never below the requested tenant tier. */
  isolation: ArchitectureChoice<IsolationModel>;
  /**
   * Encryption key tier, from the data classification and the regimes that
   * apply.
   */
  encryption: ArchitectureChoice<EncryptionTier>;
}

/**
 * Result of assessing a footprint against a target location.
 *
 * @public
 */
export interface AssessmentResult {
  /** Id of the assessed location. */
  target: string;
  /** Partition of the location. */
  partition: string;
  /** Readiness level the footprint would give the location. */
  level: ReadinessLevel;
  /**
   * Failing, unwaived checks with remediation: any makes the level `blocked`.
   */
  blockers: ReadinessBlocker[];
  /**
   * Every check's signal after evaluation; a check without a signal is
   * `unknown`.
   */
  signals: Record<ReadinessCheck, EvaluatedReadinessSignal>;
  /** The footprint's cross-Region and cross-partition dependencies. */
  crossRegion: CrossRegionDependency[];
  /** The footprint's items that could not be mapped to a service. */
  unknown: UnknownFootprintItem[];
  /**
   * Residency and partition rules the footprint breaks in the location (the
   * sovereignty blockers).
   */
  residencyViolations: ResidencyViolation[];
  /** Date of the availability data the assessment used. */
  availabilityDate: string;
}
