import type { z } from 'zod';
import type {
  assessUploadSchema,
  footprintAssessmentSchema,
  footprintSchema,
  storedFootprintSchema,
} from '../schemas/footprint';
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

export type ServiceUsage = Footprint['services'][number];

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

export type CrossRegionDependency = Footprint['crossRegion'][number];

/**
 * Something in the input that could not be mapped to a service. Reported,
 * never dropped.
 *
 * @public
 */

export type UnknownFootprintItem = Footprint['unknown'][number];

/**
 * The set of AWS services and API actions an application plane uses, with its
 * cross-Region dependencies and what could not be classified.
 *
 * @public
 */

export type Footprint = z.output<typeof footprintSchema>;

/**
 * What a CloudTrail scan read. API calls make up the footprint; service
 * events (initiated by AWS) and console sign-ins are counted separately.
 *
 * @public
 */

export type CloudTrailSummary = NonNullable<Footprint['cloudTrail']>;

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

/**
 * The application-plane footprint readiness is judged against, as stored.
 *
 * @public
 */
export type StoredFootprint = z.output<typeof storedFootprintSchema>;

/**
 * Body of `POST /readiness/{locationId}/assess`: one infrastructure-code or
 * CloudTrail file, and optionally who the data belongs to.
 *
 * @public
 */
export type AssessFootprintInput = z.input<typeof assessUploadSchema>;

/**
 * Answer of `POST /readiness/{locationId}/assess`: the file's footprint and
 * the readiness the location would have with it as the application plane
 * (computed like a stored evaluation, with the location's governance
 * signals and active waivers; nothing is stored).
 *
 * @public
 */
export type FootprintAssessment = z.output<typeof footprintAssessmentSchema>;

/**
 * Kind of an assessed file: a CloudFormation template (CDK stack templates
 * from `cdk.out` included), a Terraform plan JSON, or a CloudTrail log file.
 *
 * @public
 */
export type AssessedFileKind = FootprintAssessment['kind'];
