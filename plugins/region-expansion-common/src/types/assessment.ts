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
 * The rules architecture advice applies, by id, each with what it says. A
 * choice names the rule that decided it, so a wizard, the CLI or a reviewer
 * can cite it (docs/residency.md lists them with their order).
 *
 * @public
 */
export const ARCHITECTURE_RULES = {
  'partition-requires-own-control-plane':
    'the partition shares no credentials, global services or metadata with other partitions: the control plane runs inside it, with customer managed keys',
  'in-country-regime':
    'a confidentiality or independence regime of the home country keeps the data, tenant metadata included, in the country',
  'privacy-transfers-allowed':
    'only a privacy regime applies: data may go to the jurisdictions it allows, so a global control plane may run in one of them',
  'no-residency-regime':
    'no residency regime applies to the classification in the home country: one global control plane is simplest',
  'classification-public':
    'public data: pooled resources and AWS managed keys are enough',
  'classification-internal':
    'internal data: pooled resources and AWS managed keys are enough',
  'classification-confidential':
    'confidential data: bridge isolation and customer managed KMS keys per tenant or cell, so access can be revoked and data crypto-shredded',
  'classification-restricted':
    'restricted data: silo isolation and single-tenant key custody (CloudHSM)',
  'tenant-tier':
    'the requested tenant tier asks for stronger isolation than the classification',
  'restricted-key-custody':
    'restricted data under an independence or sovereignty regime: key material stays outside AWS in an external key store (XKS)',
  'cloudhsm-unavailable':
    'CloudHSM is not offered in the location: an external key store instead',
} as const;

/**
 * The id of one of the {@link ARCHITECTURE_RULES}.
 *
 * @public
 */
export type ArchitectureRuleId = keyof typeof ARCHITECTURE_RULES;

/**
 * One architecture choice with the reasons for it.
 *
 * @public
 */
export interface ArchitectureChoice<T extends string> {
  /** The advised option. */
  choice: T;
  /** The rule that decided the choice (the last one that changed it). */
  rule: ArchitectureRuleId;
  /** The rule of each line of `rationale`, in the same order. */
  rules: ArchitectureRuleId[];
  /** Reasons for the choice, in the order they were applied. */
  rationale: string[];
}

/**
 * A part of an architecture design that advice covers.
 *
 * @public
 */
export type DesignField = 'controlPlane' | 'isolation' | 'encryption';

/**
 * What a design chose, part by part; a part left out is not checked.
 *
 * @public
 */
export interface DesignChoice {
  /** Chosen control-plane mode. */
  controlPlane?: ControlPlaneMode;
  /** Chosen tenant isolation model. */
  isolation?: IsolationModel;
  /** Chosen encryption key tier. */
  encryption?: EncryptionTier;
}

/**
 * A design choice weaker than the advice: what was chosen, what the advice
 * requires, and the rule that requires it.
 *
 * @public
 */
export interface DesignViolation {
  /** The part of the design. */
  field: DesignField;
  /** What the design chose. */
  chosen: string;
  /** The weakest option the advice accepts. */
  required: string;
  /** The rule that decided the advice. */
  rule: ArchitectureRuleId;
  /** Why, in words, naming the choice and the requirement. */
  reason: string;
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
