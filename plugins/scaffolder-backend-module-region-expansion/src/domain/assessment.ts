import fs from 'node:fs/promises';
import {
  countryCodeSchema,
  dataClassificationSchema,
  residencySchema,
  type AssessmentResult,
  type DataClassification,
  type Footprint,
  type ReadinessCheck,
  type Residency,
} from '@region-expansion/plugin-region-expansion-common';
import {
  assess,
  buildFootprint,
  FootprintInputError,
  LocationCatalog,
  parseField,
  quoteValue,
  requireLocation,
} from '@region-expansion/plugin-region-expansion-node';
import { asInputErrors, fieldError } from './errors';
import { resolveInsideWorkspace } from './workspace';

/**
 * A waiver as the wizard states it; the location is the assessed target.
 *
 * @public
 */
export interface WaiverInput {
  /** Readiness check the waiver lifts at the target, e.g. `sovereignty`. */
  check: ReadinessCheck;
  /** Why the exception is accepted; shown with the waived signal. */
  reason: string;
  /** Who approved the exception; shown with the waived signal. */
  approver: string;
  /**
   * ISO 8601 time after which the waiver no longer applies; a value that does
   * not parse is refused naming `waivers.<index>.expiresAt`.
   */
  expiresAt: string;
}

/**
 * Input of {@link assessInfrastructure}.
 *
 * @public
 */
export interface AssessInfrastructureInput {
  /** Absolute root the relative paths are resolved against (the workspace). */
  root: string;
  /** Paths of infrastructure code relative to `root`; default the root. */
  paths?: string[];
  /**
   * Id of the location assessed: a Region, Local Zone or Outpost, e.g.
   * `eu-central-1` or `eusc-de-east-1`.
   */
  targetLocation: string;
  /**
   * Residency requirement `{countries?, jurisdictions?, partition?}`,
   * validated with the shared `residencySchema`. Empty lists are dropped;
   * absent, or with nothing left, there is no residency requirement.
   */
  residency?: unknown;
  /**
   * Data classification: `public`, `internal`, `confidential` or
   * `restricted`; absent, the residency rules assume `internal`.
   */
  classification?: string;
  /**
   * ISO 3166-1 alpha-2 code of the data subjects' country; default the
   * target's country.
   */
  homeCountry?: string;
  /** Approved, expiring exceptions, each for one readiness check. */
  waivers?: WaiverInput[];
  /** Time the waivers' expiry is checked against; default the current time. */
  now?: Date;
  /** Location catalog; default the bundled snapshot. */
  catalog?: LocationCatalog;
  /**
   * Largest size of one input file after decompression, in bytes; default
   * {@link DEFAULT_MAX_INFLATED_BYTES}. The action runs in the backend, so
   * a workspace cannot make it inflate a CloudTrail log without bound.
   */
  maxInflatedBytes?: number;
}

/**
 * Default largest size of one assessed file after decompression: 16 MiB.
 * A file is refused only once this much has been inflated, and inflating
 * costs about 10 ms per MiB on one core (several times that on a busy
 * one), so a gzip bomb in a workspace costs a task at most this much work;
 * 64 MiB took over 5 s on a shared 2-core machine. A CloudFormation
 * template is at most 1 MB; a larger Terraform plan or CloudTrail log needs
 * `regionExpansion.scaffolder.assess.maxInflatedBytes`.
 *
 * @public
 */
export const DEFAULT_MAX_INFLATED_BYTES = 16 * 1024 * 1024;

/** The configuration key that sets the assess action's limit. */
const MAX_INFLATED_BYTES_KEY =
  'regionExpansion.scaffolder.assess.maxInflatedBytes';

/**
 * Result of {@link assessInfrastructure}.
 *
 * @public
 */
export interface InfrastructureAssessment {
  /**
   * Services, API actions, cross-Region dependencies and unclassified items
   * found in the infrastructure code.
   */
  footprint: Footprint;
  /**
   * The assessment of the footprint in the target: readiness level, signals,
   * unwaived blockers and residency violations.
   */
  result: AssessmentResult;
}

/**
 * A wizard's list fields default to empty arrays: an empty list states no
 * requirement, so it is dropped (the API's schema refuses empty lists), and a
 * residency with nothing left is no residency requirement at all.
 */
function withoutEmptyLists(residency: unknown): unknown {
  if (
    typeof residency !== 'object' ||
    residency === null ||
    Array.isArray(residency)
  ) {
    return residency;
  }
  const stated = Object.entries(residency).filter(
    ([, value]) =>
      value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
  return stated.length ? Object.fromEntries(stated) : undefined;
}

/** The target and the profile of the data, checked with the shared schemas. */
function checkedProfile(
  input: AssessInfrastructureInput,
  catalog: LocationCatalog,
) {
  const { location } = requireLocation(
    catalog,
    input.targetLocation,
    'targetLocation',
  );
  const residencyInput = withoutEmptyLists(input.residency);
  const residency: Residency | undefined =
    residencyInput === undefined
      ? undefined
      : parseField(residencySchema, residencyInput, 'residency');
  if (
    residency?.partition !== undefined &&
    !catalog.partition(residency.partition)
  ) {
    throw fieldError(
      'residency.partition',
      `${quoteValue(residency.partition)} is not a known partition (${catalog
        .partitions()
        .map(p => p.id)
        .join(', ')})`,
    );
  }
  const homeCountry =
    input.homeCountry === undefined
      ? undefined
      : parseField(countryCodeSchema, input.homeCountry, 'homeCountry');
  const classification: DataClassification | undefined =
    input.classification === undefined
      ? undefined
      : parseField(
          dataClassificationSchema,
          input.classification,
          'classification',
        );
  (input.waivers ?? []).forEach((waiver, index) => {
    if (Number.isNaN(Date.parse(waiver.expiresAt))) {
      throw fieldError(
        `waivers.${index}.expiresAt`,
        `${quoteValue(waiver.expiresAt)} is not an ISO 8601 time`,
      );
    }
  });
  return { location, residency, homeCountry, classification };
}

/**
 * Builds the footprint of infrastructure code (CloudFormation, CDK cloud
 * assembly, Terraform plan) and assesses it against the target location with
 * the residency requirement, classification and waivers, using the node
 * library's `buildFootprint` and `assess`. Input problems are thrown as
 * input errors naming the field.
 *
 * @public
 */
export async function assessInfrastructure(
  input: AssessInfrastructureInput,
): Promise<InfrastructureAssessment> {
  const catalog = input.catalog ?? LocationCatalog.fromSnapshot();
  const { location, residency, homeCountry, classification } = asInputErrors(
    () => checkedProfile(input, catalog),
  );
  const paths: string[] = [];
  for (const [index, p] of (input.paths?.length
    ? input.paths
    : ['.']
  ).entries()) {
    paths.push(
      await resolveInsideWorkspace(input.root, p, `paths.${index}`, {
        mustExist: true,
      }),
    );
  }
  const maxInflatedBytes = input.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  let footprint: Footprint;
  try {
    // Every file read, however it is reached (a manifest's templateFile, a
    // link in a folder), must stay inside the workspace.
    footprint = await buildFootprint(paths, {
      root: input.root,
      maxInflatedBytes,
    });
  } catch (error) {
    if (error instanceof FootprintInputError) {
      const realRoot = await fs.realpath(input.root);
      // The message names files and fields, never their contents.
      const message = error.message
        .split(input.root)
        .join('.')
        .split(realRoot)
        .join('.');
      throw fieldError(
        'paths',
        message.includes(`${maxInflatedBytes}-byte limit`)
          ? `${message}; a larger file needs a higher ${MAX_INFLATED_BYTES_KEY}`
          : message,
      );
    }
    throw error;
  }
  const result = assess({
    footprint,
    target: location.id,
    residency,
    classification,
    homeCountry,
    catalog,
    waivers: (input.waivers ?? []).map(w => ({
      ...w,
      locationId: location.id,
    })),
    now: input.now,
  });
  return { footprint, result };
}

/**
 * The task error for unwaived blockers: each blocker with its remediation and
 * how to waive it. Undefined when nothing blocks.
 *
 * @public
 */
export function blockersMessage(result: AssessmentResult): string | undefined {
  if (!result.blockers.length) return undefined;
  const lines = result.blockers.map(
    b => `[${b.check}] ${b.detail}; remediation: ${b.remediation}`,
  );
  const checks = [...new Set(result.blockers.map(b => b.check))].join(', ');
  return `targetLocation: ${result.target} is blocked by ${
    result.blockers.length
  } unwaived blocker(s):\n${lines.join(
    '\n',
  )}\nFix them or waive each check (${checks}) in 'waivers' with reason, approver and expiresAt.`;
}
