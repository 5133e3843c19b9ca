/* eslint-disable jest/no-standalone-expect -- some tests are registered through itIfReferenceData, which skips them when the reference data is absent */
import type {
  Location,
  Residency,
} from '@region-expansion/plugin-region-expansion-common';
import committedSnapshot from '../data/locations-snapshot.json';
import { deriveLocationsSnapshot } from './deriveLocationsSnapshot';
import { DomainRuleError, UnknownLocationError } from './errors';
import {
  itIfReferenceData,
  readReferenceJson,
} from '../__testUtils__/referenceData';
import { LocationCatalog } from './LocationCatalog';
import { REGION_FACTS } from './regionFacts';

const catalog = LocationCatalog.fromSnapshot();

describe('LocationCatalog.fromSnapshot', () => {
  it('holds every partition with its home Region', () => {
    expect(
      Object.fromEntries(
        catalog
          .partitions()
          .map(p => [p.id, [p.homeRegion, p.requiresOwnControlPlane]]),
      ),
    ).toEqual({
      aws: ['us-east-1', false],
      'aws-cn': ['cn-northwest-1', true],
      'aws-eusc': ['eusc-de-east-1', true],
      'aws-iso': ['us-iso-east-1', true],
      'aws-iso-b': ['us-isob-east-1', true],
      'aws-iso-e': ['eu-isoe-west-1', true],
      'aws-iso-f': ['us-isof-south-1', true],
      'aws-us-gov': ['us-gov-west-1', true],
    });
  });

  it('knows the European Sovereign Cloud Region as German, EU and EEA', () => {
    expect(catalog.require('eusc-de-east-1')).toEqual({
      id: 'eusc-de-east-1',
      kind: 'region',
      partition: 'aws-eusc',
      name: 'AWS European Sovereign Cloud (Germany)',
      country: 'DE',
      geography: 'Europe',
      jurisdictions: ['EU', 'EEA', 'GEO-EUROPE'],
    });
  });

  it.each([
    ['eu-west-2', 'GB', ['EU-ADEQUACY', 'GEO-EUROPE']],
    ['eu-central-2', 'CH', ['EU-ADEQUACY', 'GEO-EUROPE']],
    ['il-central-1', 'IL', ['EU-ADEQUACY', 'GEO-MIDDLE-EAST']],
    ['me-central-1', 'AE', ['GEO-MIDDLE-EAST']],
    ['us-gov-west-1', 'US', ['GEO-NORTH-AMERICA']],
    ['cn-north-1', 'CN', ['GEO-ASIA-PACIFIC']],
  ])('%s is in %s with %j', (id, country, jurisdictions) => {
    expect(catalog.require(id)).toMatchObject({ country, jurisdictions });
  });

  it('leaves out global pseudo-Regions and throws a typed error for unknown ids', () => {
    expect(catalog.get('aws-global')).toBeUndefined();
    expect(() => catalog.require('mars-north-1')).toThrow(UnknownLocationError);
    expect(() => catalog.require('mars-north-1')).toThrow(/mars-north-1/);
  });

  it('has a stated fact for every Region and no stale facts', () => {
    expect(
      catalog
        .regions()
        .map(r => r.id)
        .sort(),
    ).toEqual(Object.keys(REGION_FACTS).sort());
  });
});

describe('deriveLocationsSnapshot', () => {
  itIfReferenceData('partitions.json')(
    'matches a fresh derivation from botocore partitions.json',
    () => {
      const source = readReferenceJson('partitions.json');
      const derived = deriveLocationsSnapshot(source, {
        generatedAt: committedSnapshot.generatedAt,
      });
      expect(derived).toEqual(committedSnapshot);
    },
  );

  it('fails, naming the Region, when a fact is missing', () => {
    const minimal = {
      partitions: [
        {
          id: 'aws',
          regionRegex: '^(us|eu)\\-\\w+\\-\\d+$',
          outputs: {
            dnsSuffix: 'amazonaws.com',
            implicitGlobalRegion: 'us-east-1',
          },
          regions: {
            'us-east-1': { description: 'US East' },
            'eu-new-9': { description: 'Europe (New)' },
          },
        },
      ],
    };
    expect(() =>
      deriveLocationsSnapshot(minimal, { generatedAt: 'x' }),
    ).toThrow(/eu-new-9 \(aws\)/);
  });
});

describe('LocationCatalog.withExtraLocations', () => {
  it('adds a Local Zone that inherits partition and geography from its parent', () => {
    const extended = catalog.withExtraLocations([
      {
        id: 'us-east-1-bos-1a',
        kind: 'local-zone',
        name: 'Boston',
        country: 'US',
        parentRegion: 'us-east-1',
      },
    ]);
    expect(extended.require('us-east-1-bos-1a')).toEqual({
      id: 'us-east-1-bos-1a',
      kind: 'local-zone',
      partition: 'aws',
      name: 'Boston',
      country: 'US',
      geography: 'North America',
      jurisdictions: ['GEO-NORTH-AMERICA'],
      parentRegion: 'us-east-1',
    });
    expect(catalog.get('us-east-1-bos-1a')).toBeUndefined();
  });

  it.each([
    ['an unknown parent', { parentRegion: 'xx-none-1' }, 'parentRegion'],
    [
      'a partition other than the parent',
      { partition: 'aws-eusc' },
      'partition',
    ],
    ['a missing country', { country: '' }, 'country'],
    ['an id that exists', { id: 'eu-west-1' }, 'id'],
  ])('rejects %s', (_name, override, field) => {
    const input = {
      id: 'op-1',
      kind: 'outpost' as const,
      name: 'Outpost',
      country: 'DE',
      parentRegion: 'eu-central-1',
      ...override,
    };
    let thrown: unknown;
    try {
      catalog.withExtraLocations([input]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainRuleError);
    expect((thrown as DomainRuleError).field).toBe(field);
  });
});

describe('matchesResidency', () => {
  const frankfurt = catalog.require('eu-central-1');
  const london = catalog.require('eu-west-2');
  const sovereign = catalog.require('eusc-de-east-1');
  const cases: [string, Location, Residency, boolean, RegExp][] = [
    ['no requirement', london, {}, true, /no residency requirement/],
    [
      'country listed',
      frankfurt,
      { countries: ['DE', 'FR'] },
      true,
      /country DE/,
    ],
    [
      'country not listed',
      london,
      { countries: ['DE', 'FR'] },
      false,
      /is in GB, residency allows DE, FR/,
    ],
    [
      'jurisdiction overlaps',
      frankfurt,
      { jurisdictions: ['EEA'] },
      true,
      /jurisdictions EEA/,
    ],
    [
      'any one jurisdiction suffices',
      london,
      { jurisdictions: ['EU', 'EU-ADEQUACY'] },
      true,
      /EU-ADEQUACY/,
    ],
    [
      'no jurisdiction overlaps',
      london,
      { jurisdictions: ['EU'] },
      false,
      /requires one of EU/,
    ],
    [
      'partition equal',
      sovereign,
      { partition: 'aws-eusc' },
      true,
      /partition aws-eusc/,
    ],
    [
      'partition differs',
      frankfurt,
      { partition: 'aws-eusc', countries: ['DE'] },
      false,
      /partition aws, residency requires aws-eusc/,
    ],
    [
      'every dimension must hold',
      sovereign,
      { partition: 'aws-eusc', countries: ['FR'] },
      false,
      /residency allows FR/,
    ],
  ];
  it.each(cases)('%s', (_name, location, residency, ok, reason) => {
    const result = catalog.matchesResidency(location, residency);
    expect(result.ok).toBe(ok);
    expect(result.reason).toMatch(reason);
  });
});
