import type {
  LocationAdvice,
  LocationComparison,
  RankedLocation,
} from '@region-expansion/plugin-region-expansion-common';

/** Frankfurt's advice for confidential data of German data subjects. */
export const frankfurtAdvice: LocationAdvice = {
  advice: {
    target: 'eu-central-1',
    partition: 'aws',
    controlPlane: {
      choice: 'regional',
      rule: 'in-country-regime',
      rules: ['in-country-regime'],
      rationale: [
        'BDSG keeps confidential data of DE in-country; tenant metadata is data too, so the control plane runs in-country',
      ],
    },
    isolation: {
      choice: 'bridge',
      rule: 'classification-confidential',
      rules: ['classification-confidential'],
      rationale: ['confidential data suggests bridge isolation'],
    },
    encryption: {
      choice: 'customer-managed-kms-key',
      rule: 'classification-confidential',
      rules: ['classification-confidential'],
      rationale: [
        'confidential data: customer managed KMS keys per tenant or cell',
      ],
    },
  },
  classification: 'confidential',
  homeCountry: 'DE',
  residencyViolations: [],
  designViolations: [],
};

/** The advice for restricted data in an EU Region of the `aws` partition. */
const restrictedAdvice: RankedLocation['advice'] = {
  controlPlane: {
    choice: 'regional',
    rule: 'in-country-regime',
    rationale: ['in-country regime'],
  },
  isolation: {
    choice: 'silo',
    rule: 'classification-restricted',
    rationale: ['restricted data suggests silo isolation'],
  },
  encryption: {
    choice: 'cloudhsm',
    rule: 'classification-restricted',
    rationale: ['restricted data: single-tenant key custody'],
  },
};

/** A cell priced from the simulator's synthetic snapshot. */
const syntheticCost: RankedLocation['cost'] = {
  status: 'priced',
  cellsNeeded: 20,
  currency: 'USD',
  priceDate: '2026-11-01',
  synthetic: true,
  source: 'snapshot',
  monthlyPerCell: 2000,
  monthlyPerTenant: 2000,
  architectureExtras: [
    {
      item: 'CloudHSM',
      reason: 'restricted data: single-tenant key custody',
      monthly: 1168,
    },
  ],
  noPriceReasons: [],
};

/** A ranked location with every figure present; tests override parts. */
function ranked(
  overrides: Partial<RankedLocation> &
    Pick<RankedLocation, 'rank' | 'locationId' | 'name'>,
): RankedLocation {
  return {
    kind: 'region',
    partition: 'aws',
    country: 'DE',
    geography: 'Europe',
    qualifies: true,
    gaps: [],
    readiness: { level: 'ready', evaluatedAt: '2026-01-10T08:00:00.000Z' },
    advice: restrictedAdvice,
    cost: syntheticCost,
    latency: {
      class: 'metro',
      maxDistanceKm: 150,
      countries: [{ country: 'DE', distanceKm: 150, class: 'metro' }],
      modelDate: '2026-11-01',
    },
    why: ['no blocking gap', 'readiness ready'],
    gapCount: overrides.gaps?.length ?? 0,
    ...overrides,
  };
}

/**
 * Four candidates for EU restricted tenants: Frankfurt cheapest, Paris
 * farther and dearer, the sovereign Region without a price, and US East
 * ruled out by residency.
 */
export const euRestrictedRanking: RankedLocation[] = [
  ranked({ rank: 1, locationId: 'eu-central-1', name: 'Europe (Frankfurt)' }),
  ranked({
    rank: 2,
    locationId: 'eu-west-3',
    name: 'Europe (Paris)',
    country: 'FR',
    readiness: { level: 'pilot' },
    cost: {
      ...syntheticCost,
      monthlyPerCell: 2600.5,
      monthlyPerTenant: 2600.5,
    },
    latency: {
      class: 'regional',
      maxDistanceKm: 880,
      countries: [{ country: 'DE', distanceKm: 880, class: 'regional' }],
      modelDate: '2026-11-01',
    },
  }),
  ranked({
    rank: 3,
    locationId: 'eusc-de-east-1',
    name: 'AWS European Sovereign Cloud (Germany)',
    partition: 'aws-eusc',
    readiness: { level: 'unknown' },
    advice: {
      ...restrictedAdvice,
      controlPlane: {
        choice: 'partition',
        rule: 'partition-requires-own-control-plane',
        rationale: ['partition aws-eusc shares no credentials'],
      },
    },
    cost: {
      status: 'no-price',
      cellsNeeded: 20,
      synthetic: false,
      architectureExtras: [],
      noPriceReasons: [
        'the Price List API publishes no price for eusc-de-east-1 (partition aws-eusc)',
      ],
    },
    why: ['no blocking gap', 'no published price: ranks after priced ones'],
  }),
  ranked({
    rank: 4,
    locationId: 'us-east-1',
    name: 'US East (N. Virginia)',
    country: 'US',
    geography: 'North America',
    qualifies: false,
    gaps: [
      {
        kind: 'residency',
        rule: 'privacy-transfer',
        detail: 'US is outside the EU jurisdiction the class requires',
      },
    ],
    cost: {
      ...syntheticCost,
      monthlyPerCell: 1500,
      monthlyPerTenant: 1500,
    },
    latency: {
      class: 'intercontinental',
      maxDistanceKm: 6700,
      countries: [
        { country: 'DE', distanceKm: 6700, class: 'intercontinental' },
      ],
      modelDate: '2026-11-01',
    },
    why: ['ruled out by privacy-transfer'],
  }),
];

/** `POST /comparisons` for one class over the four candidates above. */
export const euRestrictedComparison: LocationComparison = {
  footprint: { source: 'stored', services: 12 },
  availabilityDate: '2026-11-17',
  synthetic: true,
  classes: [
    { name: 'eu-restricted', qualifying: 3, ranked: euRestrictedRanking },
  ],
};
