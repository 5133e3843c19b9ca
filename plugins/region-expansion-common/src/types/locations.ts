import type { z } from 'zod';
import type {
  locationCellSummarySchema,
  locationSchema,
  partitionSchema,
} from '../schemas/locations';

/**
 * An AWS partition: a separate instance of AWS with its own credentials,
 * endpoints and global services. Nothing crosses a partition boundary.
 *
 * @public
 */
export type Partition = z.output<typeof partitionSchema>;

/**
 * The kinds of location an application plane can run in.
 *
 * @public
 */
export type LocationKind = 'region' | 'local-zone' | 'outpost';

/**
 * All location kinds, in a stable order (for validation and UI lists).
 *
 * @public
 */
export const LOCATION_KINDS: readonly LocationKind[] = [
  'region',
  'local-zone',
  'outpost',
];

/**
 * Broad geographic area of a location, used for grouping in the UI and as a
 * coarse residency requirement (see the `GEO-*` jurisdictions).
 *
 * @public
 */
export type Geography =
  | 'Europe'
  | 'North America'
  | 'South America'
  | 'Asia Pacific'
  | 'Middle East'
  | 'Africa';

/**
 * All geographies, in a stable order.
 *
 * @public
 */
export const GEOGRAPHIES: readonly Geography[] = [
  'Europe',
  'North America',
  'South America',
  'Asia Pacific',
  'Middle East',
  'Africa',
];

/**
 * A jurisdiction group a location belongs to. Tenants state residency as
 * "any location in one of these groups". The set is deliberately small:
 *
 * - `EU`: the country is a member state of the European Union.
 * - `EEA`: the country is in the European Economic Area (EU plus Iceland,
 *   Liechtenstein and Norway); GDPR applies directly.
 * - `EU-ADEQUACY`: the European Commission has adopted an adequacy decision
 *   (GDPR Article 45) for the country, so personal data may flow there from
 *   the EEA without further safeguards. EEA countries are not listed here.
 * - `GEO-*`: the location's geography, for tenants whose contracts name a
 *   continent rather than a legal regime.
 *
 * @public
 */
export type Jurisdiction =
  | 'EU'
  | 'EEA'
  | 'EU-ADEQUACY'
  | 'GEO-EUROPE'
  | 'GEO-NORTH-AMERICA'
  | 'GEO-SOUTH-AMERICA'
  | 'GEO-ASIA-PACIFIC'
  | 'GEO-MIDDLE-EAST'
  | 'GEO-AFRICA';

/**
 * Every jurisdiction with a one-line explanation, for validation and UI help.
 *
 * @public
 */
export const JURISDICTIONS: Readonly<Record<Jurisdiction, string>> = {
  EU: 'Member state of the European Union',
  EEA: 'European Economic Area: the EU plus Iceland, Liechtenstein and Norway',
  'EU-ADEQUACY':
    'Non-EEA country with a European Commission adequacy decision (GDPR Art. 45)',
  'GEO-EUROPE': 'Located in Europe',
  'GEO-NORTH-AMERICA': 'Located in North America',
  'GEO-SOUTH-AMERICA': 'Located in South America',
  'GEO-ASIA-PACIFIC': 'Located in Asia Pacific',
  'GEO-MIDDLE-EAST': 'Located in the Middle East',
  'GEO-AFRICA': 'Located in Africa',
};

/**
 * The jurisdiction group that stands for each geography.
 *
 * @public
 */
export const GEOGRAPHY_JURISDICTION: Readonly<Record<Geography, Jurisdiction>> =
  {
    Europe: 'GEO-EUROPE',
    'North America': 'GEO-NORTH-AMERICA',
    'South America': 'GEO-SOUTH-AMERICA',
    'Asia Pacific': 'GEO-ASIA-PACIFIC',
    'Middle East': 'GEO-MIDDLE-EAST',
    Africa: 'GEO-AFRICA',
  };

/**
 * The 27 member states of the European Union (ISO 3166-1 alpha-2).
 *
 * @public
 */
export const EU_MEMBER_STATES: readonly string[] = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR',
  'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI',
  'SK',
]; // prettier-ignore

/**
 * Members of the European Economic Area: the EU plus Iceland, Liechtenstein
 * and Norway.
 *
 * @public
 */
export const EEA_MEMBER_STATES: readonly string[] = [
  ...EU_MEMBER_STATES,
  'IS',
  'LI',
  'NO',
];

/**
 * Countries and territories with a European Commission adequacy decision under
 * GDPR Article 45 (Andorra, Argentina, Canada for commercial organisations,
 * Faroe Islands, Guernsey, Israel, Isle of Man, Japan, Jersey, New Zealand,
 * Republic of Korea, Switzerland, United Kingdom, Uruguay). The United States
 * is absent on purpose: its decision (EU-US Data Privacy Framework) covers
 * only self-certified organisations, not the country.
 *
 * @public
 */
export const EU_ADEQUACY_COUNTRIES: readonly string[] = [
  'AD', 'AR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ',
  'UY',
]; // prettier-ignore

/**
 * Derives the jurisdiction groups of a location from its country and
 * geography, so the membership tables above stay the single source of truth.
 *
 * @public
 */
export function jurisdictionsFor(
  country: string,
  geography: Geography,
): Jurisdiction[] {
  const result: Jurisdiction[] = [];
  if (EU_MEMBER_STATES.includes(country)) result.push('EU');
  if (EEA_MEMBER_STATES.includes(country)) result.push('EEA');
  if (EU_ADEQUACY_COUNTRIES.includes(country)) result.push('EU-ADEQUACY');
  result.push(GEOGRAPHY_JURISDICTION[geography]);
  return result;
}

/**
 * A place an application plane can run: an AWS Region, a Local Zone or an
 * Outpost site.
 *
 * @public
 */
export type Location = z.output<typeof locationSchema>;

/**
 * Cell totals of one location, as `GET /locations/summary` lists them: what
 * an overview needs without downloading every cell. Locations without cells
 * are not listed.
 *
 * @public
 */
export type LocationCellSummary = z.output<typeof locationCellSummarySchema>;
