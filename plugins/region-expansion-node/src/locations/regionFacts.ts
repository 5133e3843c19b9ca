import type { Geography } from '@region-expansion/plugin-region-expansion-common';

/**
 * What the project states about one Region: the country it is in and its
 * geography. botocore's partitions.json names Regions but carries neither.
 *
 * @public
 */
export interface RegionFact {
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** Geography. */
  geography: Geography;
}

/** The countries that host a Region, by geography. */
const GEOGRAPHY_COUNTRIES = {
  Africa: ['ZA'],
  'Asia Pacific': [
    'AU',
    'CN',
    'HK',
    'ID',
    'IN',
    'JP',
    'KR',
    'MY',
    'NZ',
    'SG',
    'TH',
    'TW',
  ],
  Europe: ['CH', 'DE', 'ES', 'FR', 'GB', 'IE', 'IT', 'SE'],
  'Middle East': ['AE', 'BH', 'IL'],
  'North America': ['CA', 'MX', 'US'],
  'South America': ['BR'],
} as const satisfies Record<Geography, readonly string[]>;

type RegionCountry = (typeof GEOGRAPHY_COUNTRIES)[Geography][number];

const COUNTRY_GEOGRAPHY = new Map<string, Geography>(
  (Object.keys(GEOGRAPHY_COUNTRIES) as Geography[]).flatMap(geography =>
    GEOGRAPHY_COUNTRIES[geography].map(
      country => [country, geography] as const,
    ),
  ),
);

/**
 * Country (ISO 3166-1 alpha-2) of every Region in botocore 1.43.107's
 * partitions.json. Hand-maintained: the snapshot derivation fails when the
 * source has a Region missing here, so a new Region cannot slip in without
 * a stated country.
 */
const REGION_COUNTRIES: Readonly<Record<string, RegionCountry>> = {
  // aws (commercial)
  'af-south-1': 'ZA', // Cape Town
  'ap-east-1': 'HK', // Hong Kong
  'ap-east-2': 'TW', // Taipei
  'ap-northeast-1': 'JP', // Tokyo
  'ap-northeast-2': 'KR', // Seoul
  'ap-northeast-3': 'JP', // Osaka
  'ap-south-1': 'IN', // Mumbai
  'ap-south-2': 'IN', // Hyderabad
  'ap-southeast-1': 'SG', // Singapore
  'ap-southeast-2': 'AU', // Sydney
  'ap-southeast-3': 'ID', // Jakarta
  'ap-southeast-4': 'AU', // Melbourne
  'ap-southeast-5': 'MY', // Malaysia
  'ap-southeast-6': 'NZ', // New Zealand
  'ap-southeast-7': 'TH', // Thailand
  'ca-central-1': 'CA', // Montreal
  'ca-west-1': 'CA', // Calgary
  'eu-central-1': 'DE', // Frankfurt
  'eu-central-2': 'CH', // Zurich
  'eu-north-1': 'SE', // Stockholm
  'eu-south-1': 'IT', // Milan
  'eu-south-2': 'ES', // Aragón
  'eu-west-1': 'IE', // Ireland
  'eu-west-2': 'GB', // London
  'eu-west-3': 'FR', // Paris
  'il-central-1': 'IL', // Tel Aviv
  'me-central-1': 'AE', // UAE
  'me-south-1': 'BH', // Bahrain
  'mx-central-1': 'MX', // Querétaro
  'sa-east-1': 'BR', // São Paulo
  'us-east-1': 'US', // N. Virginia
  'us-east-2': 'US', // Ohio
  'us-west-1': 'US', // N. California
  'us-west-2': 'US', // Oregon
  // aws-cn (operated by Sinnet and NWCD)
  'cn-north-1': 'CN', // Beijing
  'cn-northwest-1': 'CN', // Ningxia
  // aws-eusc (AWS European Sovereign Cloud)
  'eusc-de-east-1': 'DE', // Brandenburg
  // aws-us-gov (GovCloud)
  'us-gov-east-1': 'US',
  'us-gov-west-1': 'US',
  // aws-iso, aws-iso-b, aws-iso-f (US intelligence community partitions)
  'us-iso-east-1': 'US',
  'us-iso-west-1': 'US',
  'us-isob-east-1': 'US',
  'us-isob-west-1': 'US',
  'us-isof-east-1': 'US',
  'us-isof-south-1': 'US',
  // aws-iso-e: UK government partition (DNS suffix cloud.adc-e.uk)
  'eu-isoe-west-1': 'GB',
};

/**
 * Country and geography of every Region in botocore 1.43.107's
 * partitions.json: the country is stated per Region, the geography follows
 * from the country. Jurisdictions are derived from the country.
 *
 * @public
 */
export const REGION_FACTS: Readonly<Record<string, RegionFact>> =
  Object.fromEntries(
    Object.entries(REGION_COUNTRIES).map(([region, country]) => [
      region,
      { country, geography: COUNTRY_GEOGRAPHY.get(country)! },
    ]),
  );

/**
 * Human names of the partitions; partitions.json carries only the id.
 * Like the Region facts, a partition missing here fails the derivation.
 *
 * @public
 */
export const PARTITION_NAMES: Readonly<Record<string, string>> = {
  aws: 'AWS (commercial)',
  'aws-cn': 'AWS China',
  'aws-eusc': 'AWS European Sovereign Cloud',
  'aws-iso': 'AWS ISO (US)',
  'aws-iso-b': 'AWS ISOB (US)',
  'aws-iso-e': 'AWS ISOE (UK)',
  'aws-iso-f': 'AWS ISOF (US)',
  'aws-us-gov': 'AWS GovCloud (US)',
};

/**
 * Whether a partition needs a control plane of its own.
 *
 * Only the commercial partition `aws` may be managed by a global control
 * plane. Every other partition is separate: its own credentials, IAM and
 * global services, and no API call crosses into it. A control plane outside
 * it therefore cannot manage its cells. For `aws-eusc` there is a second
 * reason: the European Sovereign Cloud keeps tenant metadata (control-plane
 * data) in the EU, operated by EU residents, so it must not sit in `aws`.
 *
 * @public
 */
export function partitionRequiresOwnControlPlane(partitionId: string): boolean {
  return partitionId !== 'aws';
}
