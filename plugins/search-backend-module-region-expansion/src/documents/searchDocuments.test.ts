import type {
  Cell,
  Location,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import {
  cellToSearchDocument,
  locationToSearchDocument,
  tenantToSearchDocument,
} from './searchDocuments';

const outpost: Location = {
  id: 'eu-central-1-op-ham',
  kind: 'outpost',
  partition: 'aws',
  name: 'Hamburg plant',
  country: 'DE',
  jurisdictions: ['EU'],
  geography: 'Europe',
  parentRegion: 'eu-central-1',
};

const cell = {
  id: 'eu-central-1-p01',
  name: 'Frankfurt 1',
  locationId: 'eu-central-1',
  partition: 'aws',
  lifecycle: 'draining',
  isolation: 'pooled',
  usage: { tenants: 12, loadUnits: 40, quotas: {} },
  capacity: { tenants: 80, loadUnits: 600, quotas: {} },
} as unknown as Cell;

const tenant = (cellId?: string): Tenant =>
  ({
    id: 'acme/eu',
    name: 'Acme',
    tier: 'bridge',
    classification: 'confidential',
    ...(cellId ? { cellId } : {}),
  } as Tenant);

describe('search documents', () => {
  it('makes a location a document linking to its Region page, with its resource ref', () => {
    expect(locationToSearchDocument(outpost, 'pilot', '/re')).toEqual({
      title: 'Hamburg plant',
      text: 'Outpost eu-central-1-op-ham of eu-central-1 in partition aws, country DE. Readiness: pilot.',
      location: '/re/regions/eu-central-1-op-ham',
      id: 'eu-central-1-op-ham',
      kind: 'outpost',
      partition: 'aws',
      country: 'DE',
      readiness: 'pilot',
      authorization: { resourceRef: 'location:eu-central-1-op-ham' },
    });
  });

  it('says so when a location was never evaluated', () => {
    const doc = locationToSearchDocument(outpost, undefined, '/re');
    expect(doc.text).toMatch(/Readiness: not evaluated\.$/);
    expect(doc).not.toHaveProperty('readiness');
  });

  it('makes a cell a document linking to its cell page, with its resource ref', () => {
    expect(cellToSearchDocument(cell, '')).toEqual({
      title: 'Frankfurt 1',
      text: 'Cell eu-central-1-p01 in eu-central-1 (partition aws), draining, pooled: 12 of 80 tenants, 40 of 600 load units.',
      location: '/cells/eu-central-1-p01',
      id: 'eu-central-1-p01',
      kind: 'cell',
      partition: 'aws',
      locationId: 'eu-central-1',
      lifecycle: 'draining',
      isolation: 'pooled',
      tenantCount: 12,
      tenantCapacity: 80,
      authorization: { resourceRef: 'cell:eu-central-1-p01' },
    });
  });

  it.each([
    [
      'placed in a known cell',
      tenant(cell.id),
      cell,
      'in cell eu-central-1-p01 (eu-central-1, partition aws)',
      { cellId: cell.id, locationId: 'eu-central-1', partition: 'aws' },
    ],
    [
      'placed in a cell the collator did not read',
      tenant('new-cell'),
      undefined,
      'in cell new-cell',
      { cellId: 'new-cell' },
    ],
    ['unplaced', tenant(), undefined, 'not placed in a cell', {}],
  ])('makes a tenant %s a document', (_, input, known, placement, where) => {
    expect(tenantToSearchDocument(input, known, '/re')).toEqual({
      title: 'Acme',
      text: `Tenant acme/eu, bridge tier, confidential data, ${placement}.`,
      location: '/re/tenants?tenant=acme%2Feu',
      id: 'acme/eu',
      kind: 'tenant',
      tier: 'bridge',
      ...where,
    });
  });
});
