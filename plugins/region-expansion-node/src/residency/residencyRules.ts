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
 * A privacy regime of the GDPR family: personal (internal and above) data
 * may also go to the EEA and to countries with an EU adequacy decision.
 */
function gdprFamily(basis: string): RegimeRule {
  return {
    regime: 'privacy',
    basis,
    allowedJurisdictions: ['EEA', 'EU-ADEQUACY'],
    appliesFrom: 'internal',
  };
}

/** A regime that keeps data of `appliesFrom` and above in the country. */
function inCountry(
  regime: 'confidentiality' | 'independence',
  basis: string,
  appliesFrom: DataClassification,
): RegimeRule {
  return { regime, basis, appliesFrom };
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
    // EEA countries with no national regime beside the GDPR.
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
      ].map(country => [country, [gdprFamily('GDPR')]]),
    ),
    DE: [
      gdprFamily('GDPR'),
      inCountry(
        'confidentiality',
        'KRITIS / BSI C5 critical-sector data',
        'restricted',
      ),
    ],
    FR: [
      gdprFamily('GDPR'),
      inCountry('confidentiality', 'SecNumCloud sensitive data', 'restricted'),
    ],
    GB: [gdprFamily('UK GDPR')],
    CH: [
      gdprFamily('Swiss FADP'),
      inCountry('confidentiality', 'banking secrecy (FINMA)', 'confidential'),
    ],
    CN: [inCountry('independence', 'PIPL / Data Security Law', 'internal')],
    SA: [
      inCountry(
        'independence',
        'NCA Essential Cybersecurity Controls',
        'confidential',
      ),
    ],
    AE: [
      inCountry('confidentiality', 'UAE critical-sector data', 'restricted'),
    ],
    IN: [
      inCountry(
        'confidentiality',
        'RBI payment data localisation',
        'confidential',
      ),
    ],
    ID: [
      inCountry(
        'confidentiality',
        'GR 71 strategic public-sector data',
        'restricted',
      ),
    ],
    AU: [
      inCountry(
        'confidentiality',
        'Hosting Certification Framework (government data)',
        'restricted',
      ),
    ],
    CA: [
      inCountry(
        'confidentiality',
        'provincial public-sector data laws',
        'restricted',
      ),
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
