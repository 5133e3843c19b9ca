import type {
  DataClassification,
  Jurisdiction,
  ResidencyRegime,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * How one residency regime applies in a country.
 *
 * @public
 */
export interface RegimeRule {
  /** Which regime; never `sovereignty`, which comes from partitions, not countries. */
  regime: Exclude<ResidencyRegime, 'sovereignty'>;
  /** Short name of the law or scheme, for messages. */
  basis: string;
  /**
   * privacy: jurisdictions personal data may go to besides the country itself.
   * confidentiality and independence: always in-country.
   */
  allowedJurisdictions?: Jurisdiction[];
  /** Lowest data classification the regime applies to. */
  appliesFrom: DataClassification;
}

/**
 * Residency regimes per country (ISO 3166-1 alpha-2). The product's rule set
 * for architecture decisions, not legal advice: privacy regimes follow the
 * GDPR family (transfers to the EEA and adequate countries); confidentiality
 * regimes keep nationally critical (restricted) data in-country;
 * independence regimes keep all non-public data in-country. See
 * docs/residency.md.
 *
 * @public
 */
export const COUNTRY_REGIMES: Readonly<Record<string, readonly RegimeRule[]>> =
  {
    ...Object.fromEntries(
      [
        'AT',
        'BE',
        'BG',
        'CY',
        'CZ',
        'DK',
        'EE',
        'ES',
        'FI',
        'GR',
        'HR',
        'HU',
        'IE',
        'IT',
        'LT',
        'LU',
        'LV',
        'MT',
        'NL',
        'PL',
        'PT',
        'RO',
        'SE',
        'SI',
        'SK',
        'IS',
        'LI',
        'NO',
      ].map(country => [
        country,
        [
          {
            regime: 'privacy',
            basis: 'GDPR',
            allowedJurisdictions: ['EEA', 'EU-ADEQUACY'],
            appliesFrom: 'internal',
          },
        ],
      ]),
    ),
    DE: [
      {
        regime: 'privacy',
        basis: 'GDPR',
        allowedJurisdictions: ['EEA', 'EU-ADEQUACY'],
        appliesFrom: 'internal',
      },
      {
        regime: 'confidentiality',
        basis: 'KRITIS / BSI C5 critical-sector data',
        appliesFrom: 'restricted',
      },
    ],
    FR: [
      {
        regime: 'privacy',
        basis: 'GDPR',
        allowedJurisdictions: ['EEA', 'EU-ADEQUACY'],
        appliesFrom: 'internal',
      },
      {
        regime: 'confidentiality',
        basis: 'SecNumCloud sensitive data',
        appliesFrom: 'restricted',
      },
    ],
    GB: [
      {
        regime: 'privacy',
        basis: 'UK GDPR',
        allowedJurisdictions: ['EEA', 'EU-ADEQUACY'],
        appliesFrom: 'internal',
      },
    ],
    CH: [
      {
        regime: 'privacy',
        basis: 'Swiss FADP',
        allowedJurisdictions: ['EEA', 'EU-ADEQUACY'],
        appliesFrom: 'internal',
      },
      {
        regime: 'confidentiality',
        basis: 'banking secrecy (FINMA)',
        appliesFrom: 'confidential',
      },
    ],
    CN: [
      {
        regime: 'independence',
        basis: 'PIPL / Data Security Law',
        appliesFrom: 'internal',
      },
    ],
    SA: [
      {
        regime: 'independence',
        basis: 'NCA Essential Cybersecurity Controls',
        appliesFrom: 'confidential',
      },
    ],
    AE: [
      {
        regime: 'confidentiality',
        basis: 'UAE critical-sector data',
        appliesFrom: 'restricted',
      },
    ],
    IN: [
      {
        regime: 'confidentiality',
        basis: 'RBI payment data localisation',
        appliesFrom: 'confidential',
      },
    ],
    ID: [
      {
        regime: 'confidentiality',
        basis: 'GR 71 strategic public-sector data',
        appliesFrom: 'restricted',
      },
    ],
    AU: [
      {
        regime: 'confidentiality',
        basis: 'Hosting Certification Framework (government data)',
        appliesFrom: 'restricted',
      },
    ],
    CA: [
      {
        regime: 'confidentiality',
        basis: 'provincial public-sector data laws',
        appliesFrom: 'restricted',
      },
    ],
  };

/**
 * Classification levels, lowest first.
 *
 * @public
 */
export const CLASSIFICATION_ORDER: readonly DataClassification[] = [
  'public',
  'internal',
  'confidential',
  'restricted',
];

/**
 * True when `classification` is at or above `threshold`.
 *
 * @public
 */
export function classificationAtLeast(
  classification: DataClassification,
  threshold: DataClassification,
): boolean {
  return (
    CLASSIFICATION_ORDER.indexOf(classification) >=
    CLASSIFICATION_ORDER.indexOf(threshold)
  );
}

/**
 * The regimes that apply to data of a classification whose subjects are in a
 * country.
 *
 * @public
 */
export function regimesFor(
  country: string,
  classification: DataClassification,
): RegimeRule[] {
  return (COUNTRY_REGIMES[country] ?? []).filter(rule =>
    classificationAtLeast(classification, rule.appliesFrom),
  );
}
