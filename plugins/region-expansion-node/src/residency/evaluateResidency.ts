import type {
  ArchitectureAdvice,
  ArchitectureChoice,
  ArchitectureRuleId,
  ControlPlaneMode,
  DataClassification,
  EncryptionTier,
  Footprint,
  IsolationModel,
  Location,
  Partition,
  Residency,
  ResidencyViolation,
  TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import { matchesResidency, type LocationCatalog } from '../locations';
import {
  CLASSIFICATION_ORDER,
  regimesFor,
  type RegimeRule,
} from './residencyRules';

/**
 * What residency evaluation and advice need to know about the tenants of an
 * application plane.
 *
 * @public
 */
export interface TenantResidencyProfile {
  /** Stated residency requirement (countries, jurisdiction groups, partition). */
  residency?: Residency;
  /** Highest data classification handled; default `internal`. */
  classification?: DataClassification;
  /** Country of the data subjects; default: the target's country. */
  homeCountry?: string;
  /** Requested tenant tier; advice never goes below it. */
  tier?: TenantTier;
  /** Location of the control plane (tenant metadata), when already chosen. */
  controlPlaneLocation?: string;
}

function residencyRegime(residency: Residency): ResidencyViolation['regime'] {
  if (residency.partition) return 'sovereignty';
  if (residency.countries?.length) return 'independence';
  return 'privacy';
}

function permits(
  rule: RegimeRule,
  homeCountry: string,
  location: Location,
): boolean {
  if (location.country === homeCountry) return true;
  if (rule.regime !== 'privacy') return false;
  return (rule.allowedJurisdictions ?? []).some(j =>
    location.jurisdictions.includes(j),
  );
}

/**
 * Residency violations of running a footprint in a target location for a
 * tenant profile: the stated requirement, each country regime (privacy,
 * confidentiality, independence) against the target and against every other
 * Region the footprint sends data to (replication, backup copies,
 * Region-pinned resources), and partition isolation (a partition with its own
 * control plane shares nothing with other partitions: no global services of
 * another partition, no hard-coded `arn:aws:`, no control plane outside).
 *
 * @public
 */
export function evaluateResidency(
  footprint: Footprint,
  target: Location,
  profile: TenantResidencyProfile,
  catalog: LocationCatalog,
): ResidencyViolation[] {
  const violations: ResidencyViolation[] = [];
  const classification = profile.classification ?? 'internal';
  const homeCountry = profile.homeCountry ?? target.country;
  const rules = regimesFor(homeCountry, classification);
  const partition = catalog.partition(target.partition);

  if (profile.residency) {
    const match = matchesResidency(target, profile.residency);
    if (!match.ok) {
      violations.push({
        rule: 'residency-requirement',
        regime: residencyRegime(profile.residency),
        detail: match.reason,
        remediation:
          'choose a target location that satisfies the tenant residency requirement',
      });
    }
  }

  const checkDestination = (location: Location, what: string) => {
    for (const rule of rules) {
      if (!permits(rule, homeCountry, location)) {
        violations.push({
          rule: `${rule.regime}-${
            location.id === target.id ? 'target' : 'transfer'
          }`,
          regime: rule.regime,
          detail: `${what} ${location.id} (${
            location.country
          }) is outside what ${
            rule.basis
          } allows for ${classification} data from ${homeCountry}${
            rule.regime === 'privacy'
              ? ` (allowed: ${homeCountry}, ${(
                  rule.allowedJurisdictions ?? []
                ).join(', ')})`
              : ' (in-country only)'
          }`,
          remediation:
            rule.regime === 'privacy'
              ? `keep personal data in ${homeCountry} or an adequate jurisdiction, or put transfer safeguards in place and waive`
              : `keep ${classification} data in ${homeCountry}: choose an in-country location and remove out-of-country copies`,
        });
      }
    }
  };
  checkDestination(target, 'target');

  // Region-pinned resources (CloudFront certificates, Lambda@Edge, global
  // WAF) hold no tenant data: they cross partitions, not residency borders.
  const dataMovingKinds = new Set([
    'replication',
    'backup-copy',
    'provider-region',
  ]);
  const seenRegions = new Set<string>();
  for (const dependency of footprint.crossRegion) {
    if (!dependency.region) continue;
    const other = catalog.get(dependency.region);
    if (!other || other.id === target.id) continue;
    if (other.partition !== target.partition) {
      violations.push({
        rule: 'partition-crossing',
        regime: 'sovereignty',
        detail: `${dependency.file} ${dependency.path}: ${dependency.detail} (${other.id} is in partition ${other.partition}, target in ${target.partition})`,
        remediation: `keep the dependency inside partition ${target.partition}; nothing crosses a partition`,
      });
      continue;
    }
    if (dataMovingKinds.has(dependency.kind) && !seenRegions.has(other.id)) {
      seenRegions.add(other.id);
      checkDestination(other, `${dependency.kind} to`);
    }
  }

  if (target.partition !== 'aws') {
    for (const dependency of footprint.crossRegion) {
      if (dependency.kind === 'hardcoded-partition') {
        violations.push({
          rule: 'hardcoded-partition',
          regime: 'sovereignty',
          detail: `${dependency.file} ${dependency.path}: hard-coded 'arn:aws:' will not resolve in partition ${target.partition}`,
          remediation:
            'use ${AWS::Partition} (CloudFormation) or data.aws_partition (Terraform)',
        });
      }
    }
  }

  if (partition?.requiresOwnControlPlane && profile.controlPlaneLocation) {
    const controlPlane = catalog.get(profile.controlPlaneLocation);
    if (!controlPlane || controlPlane.partition !== target.partition) {
      violations.push({
        rule: 'control-plane-outside-partition',
        regime: 'sovereignty',
        detail: `partition ${target.partition} needs its own control plane and metadata inside it; control plane is at ${profile.controlPlaneLocation}`,
        remediation: `run a separate control plane in ${partition.homeRegion} with its own credentials`,
      });
    }
  } else if (profile.controlPlaneLocation) {
    const controlPlane = catalog.get(profile.controlPlaneLocation);
    if (controlPlane)
      checkDestination(controlPlane, 'control plane (tenant metadata) at');
  }
  return violations;
}

/**
 * Options of {@link adviseArchitecture}.
 *
 * @public
 */
export interface AdviseArchitectureOptions {
  /** Whether the target offers CloudHSM (from availability); default true. */
  cloudHsmAvailable?: boolean;
}

const ISOLATION_ORDER: IsolationModel[] = ['pool', 'bridge', 'silo'];

/**
 * Builds one part of the advice: each step records the rule that applied
 * and why; a step that changes the choice makes its rule the deciding one.
 */
class ChoiceBuilder<T extends string> {
  #choice: T;
  #rule: ArchitectureRuleId;
  readonly #rules: ArchitectureRuleId[] = [];
  readonly #rationale: string[] = [];

  constructor(choice: T, rule: ArchitectureRuleId, why: string) {
    this.#choice = choice;
    this.#rule = rule;
    this.note(rule, why);
  }

  get choice(): T {
    return this.#choice;
  }

  /** Changes the choice because of `rule`. */
  set(choice: T, rule: ArchitectureRuleId, why: string): void {
    this.#choice = choice;
    this.#rule = rule;
    this.note(rule, why);
  }

  /** Adds a reason of `rule` without changing the choice. */
  note(rule: ArchitectureRuleId, why: string): void {
    this.#rules.push(rule);
    this.#rationale.push(why);
  }

  build(): ArchitectureChoice<T> {
    return {
      choice: this.#choice,
      rule: this.#rule,
      rules: [...this.#rules],
      rationale: [...this.#rationale],
    };
  }
}

const classificationRule = (
  classification: DataClassification,
): ArchitectureRuleId => `classification-${classification}`;

/**
 * Architecture advice for an application plane in a target location: control
 * plane mode, tenant isolation model and encryption tier, each with the rule
 * that decides it and the reasons (rules: `ARCHITECTURE_RULES`).
 *
 * @public
 */
export function adviseArchitecture(
  target: Location,
  partition: Partition,
  profile: TenantResidencyProfile,
  options: AdviseArchitectureOptions = {},
): ArchitectureAdvice {
  const classification = profile.classification ?? 'internal';
  const homeCountry = profile.homeCountry ?? target.country;
  const rules = regimesFor(homeCountry, classification);
  const inCountry = rules.filter(r => r.regime !== 'privacy');

  let controlPlane: ChoiceBuilder<ControlPlaneMode>;
  if (partition.requiresOwnControlPlane) {
    controlPlane = new ChoiceBuilder<ControlPlaneMode>(
      'partition',
      'partition-requires-own-control-plane',
      `partition ${partition.id} shares no credentials, global services or metadata with other partitions: run a control plane inside it (home Region ${partition.homeRegion})`,
    );
  } else if (inCountry.length) {
    controlPlane = new ChoiceBuilder<ControlPlaneMode>(
      'regional',
      'in-country-regime',
      `${inCountry
        .map(r => r.basis)
        .join(
          ', ',
        )} keeps ${classification} data of ${homeCountry} in-country; tenant metadata is data too, so the control plane runs in-country`,
    );
  } else if (rules.length) {
    controlPlane = new ChoiceBuilder<ControlPlaneMode>(
      'global',
      'privacy-transfers-allowed',
      `${rules.map(r => r.basis).join(', ')} allows transfers to ${rules
        .flatMap(r => r.allowedJurisdictions ?? [])
        .join(
          ', ',
        )}: a global control plane may hold tenant metadata if it runs in one of them`,
    );
  } else {
    controlPlane = new ChoiceBuilder<ControlPlaneMode>(
      'global',
      'no-residency-regime',
      `no residency regime applies to ${classification} data from ${homeCountry}: one global control plane is simplest`,
    );
  }

  const isolationByClassification: Record<DataClassification, IsolationModel> =
    {
      public: 'pool',
      internal: 'pool',
      confidential: 'bridge',
      restricted: 'silo',
    };
  const isolation = new ChoiceBuilder(
    isolationByClassification[classification],
    classificationRule(classification),
    `${classification} data suggests ${isolationByClassification[classification]} isolation`,
  );
  if (
    profile.tier &&
    ISOLATION_ORDER.indexOf(profile.tier) >
      ISOLATION_ORDER.indexOf(isolation.choice)
  ) {
    isolation.set(
      profile.tier,
      'tenant-tier',
      `the tenant tier asks for ${profile.tier}`,
    );
  }
  if (inCountry.length && isolation.choice === 'pool') {
    isolation.set(
      'bridge',
      'in-country-regime',
      'in-country regimes favour per-tenant data stores that can be located and deleted individually',
    );
  }

  let encryption: ChoiceBuilder<EncryptionTier>;
  const level = CLASSIFICATION_ORDER.indexOf(classification);
  if (level <= 1) {
    encryption = new ChoiceBuilder<EncryptionTier>(
      'aws-managed-key',
      classificationRule(classification),
      `${classification} data: AWS managed keys encrypt at rest with no key administration`,
    );
    if (partition.requiresOwnControlPlane || inCountry.length) {
      encryption.set(
        'customer-managed-kms-key',
        partition.requiresOwnControlPlane
          ? 'partition-requires-own-control-plane'
          : 'in-country-regime',
        'a sovereignty or in-country regime applies: customer managed KMS keys give key policies, rotation control and auditable use',
      );
    }
  } else if (level === 2) {
    encryption = new ChoiceBuilder<EncryptionTier>(
      'customer-managed-kms-key',
      'classification-confidential',
      'confidential data: customer managed KMS keys per tenant (or per cell) allow revocation and crypto-shredding',
    );
  } else if (
    inCountry.some(r => r.regime === 'independence') ||
    partition.requiresOwnControlPlane
  ) {
    encryption = new ChoiceBuilder<EncryptionTier>(
      'external-key-store',
      'restricted-key-custody',
      'restricted data under an independence or sovereignty regime: keep key material outside AWS with an external key store (XKS) the customer operates',
    );
  } else {
    encryption = new ChoiceBuilder<EncryptionTier>(
      'cloudhsm',
      'classification-restricted',
      'restricted data: single-tenant FIPS 140-3 Level 3 HSMs (CloudHSM custom key store) under customer control',
    );
  }
  if (encryption.choice === 'cloudhsm' && options.cloudHsmAvailable === false) {
    encryption.set(
      'external-key-store',
      'cloudhsm-unavailable',
      `CloudHSM is not offered in ${target.id}: use an external key store instead`,
    );
  }
  return {
    target: target.id,
    partition: partition.id,
    controlPlane: controlPlane.build(),
    isolation: isolation.build(),
    encryption: encryption.build(),
  };
}
