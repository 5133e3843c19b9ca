import {
  accountIdSchema,
  regionOf,
} from '@region-expansion/plugin-region-expansion-common';
import { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { ServiceMapping } from '../availability/serviceMapping';
import { DomainRuleError } from '../locations/errors';
import { LocationCatalog } from '../locations/LocationCatalog';
import { requireLocation } from '../locations/requireLocation';
import { assertPlanName } from '../planning/cellPlan';
import { parseField, quoteValue } from '../validation/fields';

/**
 * Largest service control policy AWS Organizations accepts, in characters.
 *
 * @public
 */
export const SCP_MAX_CHARACTERS = 5120;

/**
 * Input of {@link renderGuardrails}.
 *
 * @public
 */
export interface GuardrailsInput {
  /**
   * Plan name matching `PLAN_NAME_PATTERN`; the SCP is named
   * `<name>-region-deny`.
   */
  name: string;
  /**
   * Id of the target location: its Region is always allowed, and its
   * partition is the one the SCP is for.
   */
  targetLocation: string;
  /** Industry slug, e.g. `financial-services`. */
  industry: string;
  /** Further Regions of the same partition the accounts may use. */
  allowedRegions?: string[];
  /** Further `NotAction` entries, e.g. `support:*`. */
  additionalExemptions?: string[];
  /**
   * 12-digit AWS account ids (the shared `accountIdSchema`) that go into the
   * organization unit.
   */
  accountIds?: string[];
}

/**
 * A Region-deny service control policy document.
 *
 * @public
 */
export interface ServiceControlPolicy {
  /** IAM policy language version. */
  Version: '2012-10-17';
  /**
   * The statements; {@link renderGuardrails} writes one,
   * `DenyOutsideAllowedRegions`, denying every action but the `NotAction`
   * exemptions when `aws:RequestedRegion` is not an allowed Region.
   */
  Statement: Array<{
    Sid: string;
    Effect: 'Deny';
    NotAction: string[];
    Resource: '*';
    Condition: { StringNotEquals: { 'aws:RequestedRegion': string[] } };
  }>;
}

/**
 * Result of {@link renderGuardrails}.
 *
 * @public
 */
export interface Guardrails {
  /**
   * The organization unit: its partition, its path from `Root` by
   * geography, country and industry (`pathString` joins it with `/`, e.g.
   * `Root/Europe/DE/financial-services`), its accounts without duplicates and
   * the policies attached to it (`<name>-region-deny`).
   */
  organizationalUnit: {
    partition: string;
    path: string[];
    pathString: string;
    accountIds: string[];
    policies: string[];
  };
  /** The Region-deny service control policy. */
  scp: ServiceControlPolicy;
  /** The SCP minified, as it is submitted. */
  scpText: string;
  /** Length of `scpText`, at most {@link SCP_MAX_CHARACTERS}. */
  scpCharacters: number;
  /** Service codes of the global services exempted. */
  exemptedServices: string[];
}

const INDUSTRY = /^[a-z0-9][a-z0-9-]{0,39}$/;
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*]+$/;

/**
 * The global services of a partition, from the node library's service
 * mapping: marked global, and either in every partition or offered in one of
 * the partition's Regions per the availability data.
 *
 * @public
 */
export function globalServicesOf(
  partitionId: string,
  catalog: LocationCatalog,
  availability: AvailabilityIndex = AvailabilityIndex.fromSnapshot(),
  mapping: ServiceMapping = ServiceMapping.default(),
): Array<{ code: string; iamPrefixes: string[] }> {
  const regions = catalog
    .regions()
    .filter(r => r.partition === partitionId && availability.knows(r.id))
    .map(r => r.id);
  return mapping
    .entries()
    .filter(e => e.global)
    .filter(
      e => e.inEveryPartition || regions.some(r => availability.has(e.code, r)),
    )
    .map(e => ({ code: e.code, iamPrefixes: e.iamPrefixes }));
}

/**
 * The organization unit (by geography, country and industry) and the
 * Region-deny SCP for the target's partition: deny every action whose
 * `aws:RequestedRegion` is not an allowed Region, except the partition's
 * global services. Throws a {@link DomainRuleError} naming the field: a
 * malformed plan name or account id, unknown location, an allowed Region
 * outside the partition, a malformed exemption, or an SCP over
 * {@link SCP_MAX_CHARACTERS} minified characters. Pure.
 *
 * @public
 */
export function renderGuardrails(
  input: GuardrailsInput,
  catalog: LocationCatalog = LocationCatalog.fromSnapshot(),
  availability?: AvailabilityIndex,
  mapping?: ServiceMapping,
): Guardrails {
  assertPlanName(input.name);
  const { location, partition } = requireLocation(
    catalog,
    input.targetLocation,
    'targetLocation',
  );
  if (!INDUSTRY.test(input.industry)) {
    throw new DomainRuleError(
      'industry',
      `${quoteValue(
        input.industry,
      )} must be a slug of 1-40 lower-case letters, digits or hyphens such as financial-services`,
    );
  }
  const regions = new Set([regionOf(location)]);
  (input.allowedRegions ?? []).forEach((id, index) => {
    const region = catalog.get(id);
    if (!region || region.kind !== 'region') {
      throw new DomainRuleError(
        `allowedRegions.${index}`,
        `${quoteValue(id)} is not a known Region`,
      );
    }
    if (region.partition !== partition.id) {
      throw new DomainRuleError(
        `allowedRegions.${index}`,
        `${id} is in partition ${region.partition}; an SCP of ${partition.id} can only allow Regions of ${partition.id}`,
      );
    }
    regions.add(id);
  });
  (input.accountIds ?? []).forEach((id, index) =>
    parseField(accountIdSchema, id, `accountIds.${index}`),
  );
  (input.additionalExemptions ?? []).forEach((action, index) => {
    if (!ACTION.test(action)) {
      throw new DomainRuleError(
        `additionalExemptions.${index}`,
        `${quoteValue(
          action,
        )} must be an IAM action such as support:* or sts:GetCallerIdentity`,
      );
    }
  });
  const globals = globalServicesOf(
    partition.id,
    catalog,
    availability,
    mapping,
  );
  const notAction = [
    ...new Set([
      ...globals.flatMap(g => g.iamPrefixes.map(p => `${p}:*`)),
      ...(input.additionalExemptions ?? []),
    ]),
  ].sort();
  const scp: ServiceControlPolicy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyOutsideAllowedRegions',
        Effect: 'Deny',
        NotAction: notAction,
        Resource: '*',
        Condition: {
          StringNotEquals: { 'aws:RequestedRegion': [...regions].sort() },
        },
      },
    ],
  };
  const scpText = JSON.stringify(scp);
  if (scpText.length > SCP_MAX_CHARACTERS) {
    const field = input.additionalExemptions?.length
      ? 'additionalExemptions'
      : 'allowedRegions';
    throw new DomainRuleError(
      field,
      `the Region-deny SCP is ${scpText.length} characters minified, over the AWS Organizations limit of ${SCP_MAX_CHARACTERS}; list fewer entries (use wildcards such as service:*)`,
    );
  }
  const path = ['Root', location.geography, location.country, input.industry];
  return {
    organizationalUnit: {
      partition: partition.id,
      path,
      pathString: path.join('/'),
      accountIds: [...new Set(input.accountIds ?? [])],
      policies: [`${input.name}-region-deny`],
    },
    scp,
    scpText,
    scpCharacters: scpText.length,
    exemptedServices: globals.map(g => g.code),
  };
}
