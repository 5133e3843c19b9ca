import type {
  CrossRegionDependency,
  DataClassification,
  Footprint,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations';
import { adviseArchitecture, evaluateResidency } from './evaluateResidency';

const catalog = LocationCatalog.fromSnapshot();
const footprint = (
  crossRegion: Partial<CrossRegionDependency>[] = [],
): Footprint => ({
  services: [],
  unknown: [],
  crossRegion: crossRegion.map(
    d =>
      ({
        kind: 'replication',
        file: 'f',
        path: 'p',
        detail: 'd',
        ...d,
      } as CrossRegionDependency),
  ),
});

describe('evaluateResidency', () => {
  it.each([
    {
      name: 'German personal data in Frankfurt',
      target: 'eu-central-1',
      home: 'DE',
      classification: 'internal',
      deps: [],
      rules: [],
    },
    {
      name: 'German personal data in London (adequate)',
      target: 'eu-west-2',
      home: 'DE',
      classification: 'internal',
      deps: [],
      rules: [],
    },
    {
      name: 'German personal data in Virginia',
      target: 'us-east-1',
      home: 'DE',
      classification: 'internal',
      deps: [],
      rules: ['privacy-target'],
    },
    {
      name: 'German restricted data in Paris',
      target: 'eu-west-3',
      home: 'DE',
      classification: 'restricted',
      deps: [],
      rules: ['confidentiality-target'],
    },
    {
      name: 'replication to the US',
      target: 'eu-central-1',
      home: 'DE',
      classification: 'internal',
      deps: [{ region: 'us-east-1' }],
      rules: ['privacy-transfer'],
    },
    {
      name: 'backup copy out of the sovereign partition',
      target: 'eusc-de-east-1',
      home: 'DE',
      classification: 'internal',
      deps: [{ kind: 'backup-copy', region: 'eu-central-1' }],
      rules: ['partition-crossing'],
    },
    {
      name: 'CloudFront certificate pinned to us-east-1 is no data transfer',
      target: 'eu-west-2',
      home: 'DE',
      classification: 'internal',
      deps: [{ kind: 'region-pinned', region: 'us-east-1' }],
      rules: [],
    },
    {
      name: 'pinned to us-east-1 from aws-eusc crosses the partition',
      target: 'eusc-de-east-1',
      home: 'DE',
      classification: 'public',
      deps: [{ kind: 'region-pinned', region: 'us-east-1' }],
      rules: ['partition-crossing'],
    },
    {
      name: 'hard-coded arn:aws: in aws-eusc',
      target: 'eusc-de-east-1',
      home: 'DE',
      classification: 'public',
      deps: [{ kind: 'hardcoded-partition' }],
      rules: ['hardcoded-partition'],
    },
    {
      name: 'hard-coded arn:aws: in aws is fine',
      target: 'eu-central-1',
      home: 'DE',
      classification: 'public',
      deps: [{ kind: 'hardcoded-partition' }],
      rules: [],
    },
  ] as const)('$name', ({ target, home, classification, deps, rules }) => {
    const violations = evaluateResidency(
      footprint(deps as unknown as Partial<CrossRegionDependency>[]),
      catalog.require(target),
      {
        homeCountry: home,
        classification: classification as DataClassification,
      },
      catalog,
    );
    expect(violations.map(v => v.rule)).toEqual(rules);
    violations.forEach(v => expect(v.remediation).not.toHaveLength(0));
  });

  it('checks the stated residency requirement', () => {
    const violations = evaluateResidency(
      footprint(),
      catalog.require('us-east-1'),
      { residency: { jurisdictions: ['EU'] } },
      catalog,
    );
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'residency-requirement',
        regime: 'privacy',
      }),
    ]);
  });

  it('requires the control plane inside a partition that needs its own', () => {
    const violations = evaluateResidency(
      footprint(),
      catalog.require('eusc-de-east-1'),
      { controlPlaneLocation: 'eu-central-1' },
      catalog,
    );
    expect(violations.map(v => v.rule)).toEqual([
      'control-plane-outside-partition',
    ]);
  });
});

describe('adviseArchitecture', () => {
  it.each([
    {
      target: 'us-east-1',
      classification: 'internal',
      controlPlane: 'global',
      isolation: 'pool',
      encryption: 'aws-managed-key',
    },
    {
      target: 'eu-central-1',
      classification: 'confidential',
      controlPlane: 'global',
      isolation: 'bridge',
      encryption: 'customer-managed-kms-key',
    },
    {
      target: 'eu-central-1',
      classification: 'restricted',
      controlPlane: 'regional',
      isolation: 'silo',
      encryption: 'cloudhsm',
    },
    {
      target: 'eusc-de-east-1',
      classification: 'internal',
      controlPlane: 'partition',
      isolation: 'pool',
      encryption: 'customer-managed-kms-key',
    },
    {
      target: 'eusc-de-east-1',
      classification: 'restricted',
      controlPlane: 'partition',
      isolation: 'silo',
      encryption: 'external-key-store',
    },
  ] as const)(
    '$target $classification',
    ({ target, classification, controlPlane, isolation, encryption }) => {
      const location = catalog.require(target);
      const advice = adviseArchitecture(
        location,
        catalog.partition(location.partition)!,
        { classification },
      );
      expect([
        advice.controlPlane.choice,
        advice.isolation.choice,
        advice.encryption.choice,
      ]).toEqual([controlPlane, isolation, encryption]);
      expect(advice.controlPlane.rationale.length).toBeGreaterThan(0);
    },
  );
});

describe('adviseArchitecture rule ids', () => {
  it.each([
    {
      target: 'us-east-1',
      profile: { classification: 'internal' },
      rules: [
        'no-residency-regime',
        'classification-internal',
        'classification-internal',
      ],
    },
    {
      target: 'eu-west-1',
      profile: { classification: 'confidential', homeCountry: 'IE' },
      rules: [
        'privacy-transfers-allowed',
        'classification-confidential',
        'classification-confidential',
      ],
    },
    {
      target: 'eu-central-1',
      profile: { classification: 'restricted' },
      rules: [
        'in-country-regime',
        'classification-restricted',
        'classification-restricted',
      ],
    },
    {
      target: 'eu-central-1',
      profile: { classification: 'restricted' },
      options: { cloudHsmAvailable: false },
      rules: [
        'in-country-regime',
        'classification-restricted',
        'cloudhsm-unavailable',
      ],
    },
    {
      target: 'eusc-de-east-1',
      profile: { classification: 'internal', tier: 'silo' },
      rules: [
        'partition-requires-own-control-plane',
        'tenant-tier',
        'partition-requires-own-control-plane',
      ],
    },
    {
      target: 'eusc-de-east-1',
      profile: { classification: 'restricted' },
      rules: [
        'partition-requires-own-control-plane',
        'classification-restricted',
        'restricted-key-custody',
      ],
    },
    {
      target: 'me-central-1',
      profile: { classification: 'internal', homeCountry: 'CN' },
      rules: ['in-country-regime', 'in-country-regime', 'in-country-regime'],
    },
  ] as const)(
    '$target $profile.classification: $rules',
    ({ target, profile, rules, ...rest }) => {
      const location = catalog.require(target);
      const advice = adviseArchitecture(
        location,
        catalog.partition(location.partition)!,
        profile,
        'options' in rest ? rest.options : {},
      );
      const parts = [advice.controlPlane, advice.isolation, advice.encryption];
      expect(parts.map(p => p.rule)).toEqual(rules);
      for (const part of parts) {
        // One rule per reason, and the deciding rule among them.
        expect(part.rules).toHaveLength(part.rationale.length);
        expect(part.rules).toContain(part.rule);
      }
    },
  );
});
