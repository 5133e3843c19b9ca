import {
  DATA_CLASSIFICATIONS,
  JURISDICTIONS,
  type ArchitectureAdvice,
  type AssessmentResult,
  type DataClassification,
  type Jurisdiction,
  type Residency,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import {
  AvailabilityIndex,
  LocationCatalog,
  adviseArchitecture,
  assess,
  checkResidencyRequest,
  cloudHsmOffered,
} from '@region-expansion/plugin-region-expansion-node';
import { CliInputError } from '../errors';
import { footprintOfPaths, type FootprintCommandOptions } from './footprint';

/**
 * Parses `--residency`: comma-separated ISO country codes (`DE`), jurisdiction
 * groups (`EU`, `EEA`, `EU-ADEQUACY`, `GEO-EUROPE`) and at most one partition
 * (`aws-eusc`).
 */
export function parseResidency(
  value: string,
  catalog: LocationCatalog,
): Residency {
  const residency: Residency = {};
  const partitions = new Set(catalog.partitions().map(p => p.id));
  for (const raw of value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)) {
    if (partitions.has(raw)) {
      if (residency.partition && residency.partition !== raw) {
        throw new CliInputError(
          `--residency: more than one partition (${residency.partition}, ${raw})`,
        );
      }
      residency.partition = raw;
    } else if (raw.toUpperCase() in JURISDICTIONS) {
      residency.jurisdictions = [
        ...(residency.jurisdictions ?? []),
        raw.toUpperCase() as Jurisdiction,
      ];
    } else if (/^[A-Za-z]{2}$/.test(raw)) {
      residency.countries = [...(residency.countries ?? []), raw.toUpperCase()];
    } else {
      throw new CliInputError(
        `--residency: '${raw}' is not a country code, jurisdiction group (${Object.keys(
          JURISDICTIONS,
        ).join(', ')}) or partition`,
      );
    }
  }
  return residency;
}

/** Validates `--classification`. */
export function parseClassification(value: string): DataClassification {
  if (!(DATA_CLASSIFICATIONS as readonly string[]).includes(value)) {
    throw new CliInputError(
      `--classification: '${value}' is not one of ${DATA_CLASSIFICATIONS.join(
        ', ',
      )}`,
    );
  }
  return value as DataClassification;
}

/** Options of the assess command. */
export interface AssessCommandOptions extends FootprintCommandOptions {
  target: string;
  residency?: string;
  classification?: string;
  homeCountry?: string;
  tier?: TenantTier;
}

/**
 * An assessment with the architecture advice for the target: control-plane
 * mode, isolation and encryption tier, each with the rule that decides it.
 */
export interface AssessmentWithAdvice extends AssessmentResult {
  /** Country whose residency regimes the advice applied. */
  homeCountry: string;
  advice: ArchitectureAdvice;
}

/** Validates `--home-country` (an ISO 3166-1 alpha-2 code). */
function parseHomeCountry(value: string): string {
  if (!/^[A-Za-z]{2}$/.test(value)) {
    throw new CliInputError(
      `--home-country: '${value}' is not a two-letter country code such as DE`,
    );
  }
  return value.toUpperCase();
}

/** Assesses the footprint of the paths against the target. */
export async function assessPaths(
  paths: string[],
  options: AssessCommandOptions,
): Promise<AssessmentWithAdvice> {
  const catalog = LocationCatalog.fromSnapshot();
  catalog.require(options.target);
  const residency = options.residency
    ? parseResidency(options.residency, catalog)
    : undefined;
  const classification = options.classification
    ? parseClassification(options.classification)
    : undefined;
  const homeCountry = options.homeCountry
    ? parseHomeCountry(options.homeCountry)
    : undefined;
  // A requirement no location can meet is bad input, before any file is read.
  checkResidencyRequest(
    catalog,
    { residency, classification, homeCountry },
    { countries: '--residency', partition: '--residency' },
  );
  const { footprint } = await footprintOfPaths(paths, options);
  const result = assess({
    footprint,
    target: options.target,
    residency,
    classification,
    homeCountry,
    catalog,
  });
  const location = catalog.require(options.target);
  const advice = adviseArchitecture(
    location,
    catalog.partition(location.partition)!,
    { residency, classification, homeCountry, tier: options.tier },
    {
      cloudHsmAvailable: cloudHsmOffered(
        location,
        AvailabilityIndex.fromSnapshot(),
      ),
    },
  );
  return {
    ...result,
    homeCountry: homeCountry ?? location.country,
    advice,
  };
}

/** The advice as text: each part with its deciding rule and reasons. */
export function formatAdvice(
  advice: ArchitectureAdvice,
  homeCountry: string,
): string[] {
  const lines = [`architecture advice (data subjects in ${homeCountry}):`];
  const parts = [
    ['control plane', advice.controlPlane],
    ['isolation', advice.isolation],
    ['encryption', advice.encryption],
  ] as const;
  for (const [name, part] of parts) {
    lines.push(`  ${name.padEnd(13)} ${part.choice}  [rule ${part.rule}]`);
    part.rationale.forEach((why, i) =>
      lines.push(`      ${part.rules[i]}: ${why}`),
    );
  }
  return lines;
}

/** Human-readable assessment, with the advice. */
export function formatAssessment(result: AssessmentWithAdvice): string {
  const lines = [
    `${result.target} (${
      result.partition
    }): ${result.level.toUpperCase()}  (availability data of ${
      result.availabilityDate
    })`,
  ];
  for (const [check, signal] of Object.entries(result.signals)) {
    lines.push(
      `  ${check.padEnd(13)} ${
        signal.waived ? `${signal.status} (waived)` : signal.status
      }: ${signal.detail}`,
    );
  }
  if (result.blockers.length) {
    lines.push('blockers:');
    for (const b of result.blockers) {
      lines.push(
        `  [${b.check}${b.service ? `/${b.service}` : ''}] ${b.detail}`,
      );
      lines.push(`      fix: ${b.remediation}`);
    }
  }
  if (result.crossRegion.length)
    lines.push(
      `${result.crossRegion.length} cross-Region dependencies (see --json)`,
    );
  if (result.unknown.length)
    lines.push(`${result.unknown.length} unknown items (see --json)`);
  lines.push(...formatAdvice(result.advice, result.homeCountry));
  return lines.join('\n');
}
