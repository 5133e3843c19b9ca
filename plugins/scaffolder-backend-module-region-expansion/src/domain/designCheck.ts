import type {
  ArchitectureAdvice,
  ControlPlaneMode,
  DataClassification,
  EncryptionTier,
  IsolationModel,
} from '@region-expansion/plugin-region-expansion-common';
import {
  adviseArchitecture,
  AvailabilityIndex,
  checkDesignChoice,
  cloudHsmOffered,
  DomainRuleError,
  LocationCatalog,
  requireLocation,
  resolveDesignViolations,
  type DesignException,
} from '@region-expansion/plugin-region-expansion-node';
import yaml from 'yaml';

/** The annotation of the rendered entity that records accepted exceptions. */
export const DESIGN_EXCEPTIONS_ANNOTATION =
  'region-expansion.io/design-exceptions';

/** What the wizard chose, and whose data it is. */
export interface ApplicationPlaneDesign {
  targetLocation: string;
  classification: DataClassification;
  homeCountry?: string;
  controlPlaneMode: ControlPlaneMode;
  isolationModel: IsolationModel;
  encryptionTier: EncryptionTier;
  allowDesignExceptions?: boolean;
  designExceptionJustification?: string;
}

/** The advice for a design and the exceptions it records. */
export interface DesignCheck {
  advice: ArchitectureAdvice;
  exceptions: DesignException[];
}

/**
 * Checks the wizard's design against the architecture advice for its
 * target: a choice weaker than advised is refused naming the wizard field,
 * unless the template allows exceptions and the user justified it; then
 * each one is returned as an exception recording who, why, rule and when.
 * Pure apart from reading `now`; throws `DomainRuleError`s.
 */
export function checkApplicationPlaneDesign(
  design: ApplicationPlaneDesign,
  context: {
    actor?: string;
    now: Date;
    catalog?: LocationCatalog;
    availability?: AvailabilityIndex;
  },
): DesignCheck {
  const catalog = context.catalog ?? LocationCatalog.fromSnapshot();
  const availability = context.availability ?? AvailabilityIndex.fromSnapshot();
  const { location, partition } = requireLocation(
    catalog,
    design.targetLocation,
    'targetLocation',
  );
  const advice = adviseArchitecture(
    location,
    partition,
    {
      classification: design.classification,
      homeCountry: design.homeCountry?.toUpperCase(),
    },
    {
      cloudHsmAvailable: cloudHsmOffered(location, availability),
    },
  );
  const violations = checkDesignChoice(advice, {
    controlPlane: design.controlPlaneMode,
    isolation: design.isolationModel,
    encryption: design.encryptionTier,
  });
  const exceptions = resolveDesignViolations(violations, {
    allowExceptions: design.allowDesignExceptions === true,
    justification: design.designExceptionJustification,
    justificationField: 'designExceptionJustification',
    actor: context.actor ?? '',
    now: context.now.toISOString(),
    fieldNames: {
      controlPlane: 'controlPlaneMode',
      isolation: 'isolationModel',
      encryption: 'encryptionTier',
    },
  });
  if (exceptions.length && !context.actor) {
    throw new DomainRuleError(
      'designExceptionJustification',
      'an exception records who accepted it; run the task as a signed-in user',
    );
  }
  return { advice, exceptions };
}

/**
 * The catalog entity YAML with the exceptions recorded in its
 * `region-expansion.io/design-exceptions` annotation (JSON: field, chosen,
 * required, rule, reason, acceptedBy, justification, acceptedAt); comments
 * and layout of the rest are kept.
 */
export function annotateDesignExceptions(
  entityYaml: string,
  exceptions: DesignException[],
): string {
  const document = yaml.parseDocument(entityYaml);
  document.setIn(
    ['metadata', 'annotations', DESIGN_EXCEPTIONS_ANNOTATION],
    JSON.stringify(exceptions),
  );
  return document.toString();
}
