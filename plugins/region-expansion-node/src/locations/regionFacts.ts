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

/**
 * Country and geography of every Region in botocore 1.43.107's
 * partitions.json. Hand-maintained: the snapshot derivation fails when the
 * source has a Region missing here, so a new Region cannot slip in without
 * a stated country. Jurisdictions are derived from the country.
 *
 * @public
 */
export const REGION_FACTS: Readonly<Record<string, RegionFact>> = {
  // aws (commercial)
  'af-south-1': { country: 'ZA', geography: 'Africa' }, // Cape Town
  'ap-east-1': { country: 'HK', geography: 'Asia Pacific' }, // Hong Kong
  'ap-east-2': { country: 'TW', geography: 'Asia Pacific' }, // Taipei
  'ap-northeast-1': { country: 'JP', geography: 'Asia Pacific' }, // Tokyo
  'ap-northeast-2': { country: 'KR', geography: 'Asia Pacific' }, // Seoul
  'ap-northeast-3': { country: 'JP', geography: 'Asia Pacific' }, // Osaka
  'ap-south-1': { country: 'IN', geography: 'Asia Pacific' }, // Mumbai
  'ap-south-2': { country: 'IN', geography: 'Asia Pacific' }, // Hyderabad
  'ap-southeast-1': { country: 'SG', geography: 'Asia Pacific' }, // Singapore
  'ap-southeast-2': { country: 'AU', geography: 'Asia Pacific' }, // Sydney
  'ap-southeast-3': { country: 'ID', geography: 'Asia Pacific' }, // Jakarta
  'ap-southeast-4': { country: 'AU', geography: 'Asia Pacific' }, // Melbourne
  'ap-southeast-5': { country: 'MY', geography: 'Asia Pacific' }, // Malaysia
  'ap-southeast-6': { country: 'NZ', geography: 'Asia Pacific' }, // New Zealand
  'ap-southeast-7': { country: 'TH', geography: 'Asia Pacific' }, // Thailand
  'ca-central-1': { country: 'CA', geography: 'North America' }, // Montreal
  'ca-west-1': { country: 'CA', geography: 'North America' }, // Calgary
  'eu-central-1': { country: 'DE', geography: 'Europe' }, // Frankfurt
  'eu-central-2': { country: 'CH', geography: 'Europe' }, // Zurich
  'eu-north-1': { country: 'SE', geography: 'Europe' }, // Stockholm
  'eu-south-1': { country: 'IT', geography: 'Europe' }, // Milan
  'eu-south-2': { country: 'ES', geography: 'Europe' }, // Aragón
  'eu-west-1': { country: 'IE', geography: 'Europe' }, // Ireland
  'eu-west-2': { country: 'GB', geography: 'Europe' }, // London
  'eu-west-3': { country: 'FR', geography: 'Europe' }, // Paris
  'il-central-1': { country: 'IL', geography: 'Middle East' }, // Tel Aviv
  'me-central-1': { country: 'AE', geography: 'Middle East' }, // UAE
  'me-south-1': { country: 'BH', geography: 'Middle East' }, // Bahrain
  'mx-central-1': { country: 'MX', geography: 'North America' }, // Querétaro
  'sa-east-1': { country: 'BR', geography: 'South America' }, // São Paulo
  'us-east-1': { country: 'US', geography: 'North America' }, // N. Virginia
  'us-east-2': { country: 'US', geography: 'North America' }, // Ohio
  'us-west-1': { country: 'US', geography: 'North America' }, // N. California
  'us-west-2': { country: 'US', geography: 'North America' }, // Oregon
  // aws-cn (operated by Sinnet and NWCD)
  'cn-north-1': { country: 'CN', geography: 'Asia Pacific' }, // Beijing
  'cn-northwest-1': { country: 'CN', geography: 'Asia Pacific' }, // Ningxia
  // aws-eusc (AWS European Sovereign Cloud)
  'eusc-de-east-1': { country: 'DE', geography: 'Europe' }, // Brandenburg
  // aws-us-gov (GovCloud)
  'us-gov-east-1': { country: 'US', geography: 'North America' },
  'us-gov-west-1': { country: 'US', geography: 'North America' },
  // aws-iso, aws-iso-b, aws-iso-f (US intelligence community partitions)
  'us-iso-east-1': { country: 'US', geography: 'North America' },
  'us-iso-west-1': { country: 'US', geography: 'North America' },
  'us-isob-east-1': { country: 'US', geography: 'North America' },
  'us-isob-west-1': { country: 'US', geography: 'North America' },
  'us-isof-east-1': { country: 'US', geography: 'North America' },
  'us-isof-south-1': { country: 'US', geography: 'North America' },
  // aws-iso-e: UK government partition (DNS suffix cloud.adc-e.uk)
  'eu-isoe-west-1': { country: 'GB', geography: 'Europe' },
};

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
