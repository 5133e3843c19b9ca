import {
  Entity,
  KubernetesValidatorFunctions,
  makeValidator,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import type {
  Cell,
  Location,
} from '@region-expansion/plugin-region-expansion-common';
import { cell, dublin, euLocation, frankfurt } from '../__testUtils__/fixtures';
import {
  locationsAndCellsToEntities,
  toEntityName,
} from './locationsAndCellsToEntities';

const OWNER = 'group:default/platform-team';
const REF = 'region-expansion:backend';
/** The annotations every emitted entity carries: who manages it. */
const MANAGED_BY = {
  'backstage.io/managed-by-location': REF,
  'backstage.io/managed-by-origin-location': REF,
};

const hamburg = euLocation({
  id: 'eu-central-1-ham-1a',
  kind: 'local-zone',
  name: 'Hamburg',
  parentRegion: 'eu-central-1',
});
const outpost = euLocation({
  id: 'op-0123456789abcdef0',
  kind: 'outpost',
  name: 'Factory floor',
  parentRegion: 'eu-central-1',
});
const eusc = euLocation({
  id: 'eusc-de-east-1',
  kind: 'region',
  partition: 'aws-eusc',
  name: 'EU (Germany) Sovereign',
});

const byName = (entities: Entity[]) =>
  Object.fromEntries(entities.map(e => [e.metadata.name, e]));
const run = (locations: Location[], cells: Cell[]) =>
  locationsAndCellsToEntities({
    locations,
    cells,
    owner: OWNER,
    locationRef: REF,
  });

describe('locationsAndCellsToEntities', () => {
  it.each<[string, Location[], Cell[], string[]]>([
    ['no cells: nothing, not even locations', [frankfurt, dublin], [], []],
    [
      'only locations hosting a cell appear, locations before cells',
      [frankfurt, dublin, eusc],
      [cell({ id: 'fra-2' }), cell({ id: 'fra-1' })],
      ['eu-central-1', 'fra-1', 'fra-2'],
    ],
    [
      'every kind of location',
      [frankfurt, hamburg, outpost],
      [
        cell({ id: 'op-cell', locationId: outpost.id }),
        cell({ id: 'lz-cell', locationId: hamburg.id }),
      ],
      ['eu-central-1-ham-1a', 'op-0123456789abcdef0', 'lz-cell', 'op-cell'],
    ],
  ])('%s', (_, locations, cells, names) => {
    expect(run(locations, cells).map(e => e.metadata.name)).toEqual(names);
  });

  it.each<[string, Location, string]>([
    ['Region', frankfurt, 'aws-region'],
    ['Local Zone', hamburg, 'aws-local-zone'],
    ['Outpost', outpost, 'aws-outpost'],
  ])('types a %s as %s', (_, location, type) => {
    const [entity] = run(
      [location],
      [cell({ id: 'c1', locationId: location.id })],
    );
    expect(entity.spec?.type).toBe(type);
  });

  it('describes a location with partition, country and tenant count', () => {
    const entities = byName(
      run(
        [eusc],
        [
          cell({
            id: 'eusc-p01',
            locationId: eusc.id,
            partition: 'aws-eusc',
            usage: { tenants: 7, loadUnits: 20, quotas: {} },
          }),
          cell({
            id: 'eusc-d01',
            locationId: eusc.id,
            partition: 'aws-eusc',
            isolation: 'dedicated',
            usage: { tenants: 1, loadUnits: 50, quotas: {} },
          }),
        ],
      ),
    );
    expect(entities['eusc-de-east-1']).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'eusc-de-east-1',
        title: 'EU (Germany) Sovereign',
        description: expect.stringContaining('aws-eusc'),
        annotations: {
          ...MANAGED_BY,
          'region-expansion.io/partition': 'aws-eusc',
          'region-expansion.io/country': 'DE',
          'region-expansion.io/location': 'eusc-de-east-1',
          'region-expansion.io/tenant-count': '8',
        },
        labels: { 'region-expansion.io/location-kind': 'region' },
        tags: ['aws-eusc'],
      },
      spec: { type: 'aws-region', owner: OWNER },
    });
  });

  it('describes a cell and makes it depend on its location', () => {
    const entities = byName(
      run(
        [dublin],
        [
          cell({
            id: 'eu-west-1-d01',
            name: 'Dublin dedicated 1',
            locationId: dublin.id,
            isolation: 'dedicated',
            lifecycle: 'draining',
            accountId: '123456789012',
            capacity: { tenants: 1, loadUnits: 200, quotas: {} },
            usage: { tenants: 1, loadUnits: 40, quotas: {} },
          }),
        ],
      ),
    );
    expect(entities['eu-west-1-d01']).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'eu-west-1-d01',
        title: 'Dublin dedicated 1',
        description: expect.stringContaining('1 of 1 tenants'),
        annotations: {
          ...MANAGED_BY,
          'region-expansion.io/partition': 'aws',
          'region-expansion.io/country': 'IE',
          'region-expansion.io/location': 'eu-west-1',
          'region-expansion.io/cell': 'eu-west-1-d01',
          'region-expansion.io/account-id': '123456789012',
          'region-expansion.io/tenant-count': '1',
          'region-expansion.io/tenant-capacity': '1',
          'region-expansion.io/spec-version': '2026.1',
        },
        labels: {
          'region-expansion.io/lifecycle': 'draining',
          'region-expansion.io/isolation': 'dedicated',
        },
        tags: ['aws', 'dedicated'],
      },
      spec: {
        type: 'cell',
        owner: OWNER,
        dependsOn: ['resource:default/eu-west-1'],
      },
    });
  });

  it.each<[string, Location[], Cell[], string, string[] | undefined]>([
    [
      'a Local Zone depends on its parent Region when the Region is emitted',
      [frankfurt, hamburg],
      [
        cell({ id: 'fra-1' }),
        cell({ id: 'ham-1', locationId: 'eu-central-1-ham-1a' }),
      ],
      'eu-central-1-ham-1a',
      ['resource:default/eu-central-1'],
    ],
    [
      'a Local Zone has no dependency when its parent Region hosts no cell',
      [frankfurt, hamburg],
      [cell({ id: 'ham-1', locationId: 'eu-central-1-ham-1a' })],
      'eu-central-1-ham-1a',
      undefined,
    ],
    [
      'a cell of an unknown location has no dependency',
      [frankfurt],
      [cell({ id: 'lost-1', locationId: 'ap-nowhere-1' })],
      'lost-1',
      undefined,
    ],
  ])('%s', (_, locations, cells, name, dependsOn) => {
    expect(byName(run(locations, cells))[name].spec?.dependsOn).toEqual(
      dependsOn,
    );
  });

  it('leaves tenants out: nothing but counts', () => {
    const json = JSON.stringify(
      run(
        [frankfurt],
        [
          cell({
            id: 'fra-1',
            usage: { tenants: 42, loadUnits: 100, quotas: {} },
          }),
        ],
      ),
    );
    expect(json).not.toMatch(/tenant-\d|"tenants"/);
    expect(json).toContain('"region-expansion.io/tenant-count":"42"');
  });

  it('keeps a cell whose id equals a location id apart from the location', () => {
    const entities = run(
      [frankfurt],
      [cell({ id: 'eu-central-1' }), cell({ id: 'eu-central-1-p01' })],
    );
    const names = entities.map(e => e.metadata.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('eu-central-1');
    expect(entities[1].metadata.annotations?.['region-expansion.io/cell']).toBe(
      'eu-central-1',
    );
    expect(entities[1].metadata.name).toMatch(/^cell-eu-central-1/);
  });

  it('emits entities the catalog accepts', async () => {
    const validator = makeValidator();
    const entities = run(
      [frankfurt, hamburg, outpost, eusc],
      [
        cell({ id: 'fra-1' }),
        cell({ id: 'ham-1', locationId: hamburg.id }),
        cell({ id: 'op-1', locationId: outpost.id }),
        cell({ id: `x${'y'.repeat(63)}`, locationId: eusc.id }),
      ],
    );
    expect(entities).toHaveLength(8);
    for (const entity of entities) {
      expect(await resourceEntityV1alpha1Validator.check(entity)).toBe(true);
      expect(validator.isValidEntityName(entity.metadata.name)).toBe(true);
      for (const [key, value] of Object.entries(
        entity.metadata.annotations ?? {},
      )) {
        expect([key, validator.isValidAnnotationKey(key)]).toEqual([key, true]);
        expect([key, validator.isValidAnnotationValue(value)]).toEqual([
          key,
          true,
        ]);
      }
      for (const [key, value] of Object.entries(entity.metadata.labels ?? {})) {
        expect([key, validator.isValidLabelKey(key)]).toEqual([key, true]);
        expect([key, validator.isValidLabelValue(value)]).toEqual([key, true]);
      }
      for (const tag of entity.metadata.tags ?? []) {
        expect([tag, validator.isValidTag(tag)]).toEqual([tag, true]);
      }
    }
  });
});

describe('toEntityName', () => {
  it.each<[string, RegExp]>([
    ['eu-central-1', /^eu-central-1$/],
    ['op-0123456789abcdef0', /^op-0123456789abcdef0$/],
    ['cell-', /^cell-[0-9a-f]{8}$/],
    ['a--b', /^a--b$/],
    ['Upper', /^upper-[0-9a-f]{8}$/],
    [`a${'b'.repeat(63)}`, /^ab{53}-[0-9a-f]{8}$/],
    ['---', /^[0-9a-f]{8}$/],
  ])('%s → %s', (id, expected) => {
    const name = toEntityName(id);
    expect(name).toMatch(expected);
    expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
  });

  it('gives different ids different names', () => {
    const long = 'x'.repeat(60);
    expect(toEntityName(`${long}-aaaa`)).not.toBe(toEntityName(`${long}-aaab`));
  });
});
