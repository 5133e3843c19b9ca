import type { z } from 'zod';
import { createCellSchema } from './cells';
import { createControlPlaneSchema } from './controlPlanes';
import { describeZodError, formatZodError } from './errors';
import { createLocationSchema, updateLocationSchema } from './locations';
import {
  migrationRequestSchema,
  placementRequestSchema,
  quotaPlanRequestSchema,
  WHAT_IF_LIMITS,
  whatIfRequestSchema,
} from './placement';
import {
  createTenantSchema,
  tenantImportRowSchema,
  tenantListQuerySchema,
} from './tenants';

function problems(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be rejected');
  return formatZodError(result.error);
}

const cellSpec = {
  version: '2025.1',
  isolation: 'pooled',
  capacity: { tenants: 10, loadUnits: 100 },
  serviceQuotas: [
    {
      serviceCode: 'lambda',
      quotaCode: 'L-B99A9384',
      quotaName: 'Concurrency',
      perCell: 1000,
    },
  ],
};

const validCell = {
  id: 'cell-1',
  name: 'Cell 1',
  locationId: 'eu-west-1',
  controlPlaneId: 'cp-global',
  isolation: 'pooled',
  accountId: '123456789012',
  specVersion: '2025.1',
  capacity: { tenants: 10, loadUnits: 100 },
};

/** A tenant the schema accepts, for the cases that break one field of it. */
const validTenant = {
  id: 'a',
  name: 'A',
  tier: 'pool',
  classification: 'public',
  loadUnits: 1,
};

describe('request schemas accept valid input', () => {
  it.each([
    [
      'local zone',
      createLocationSchema,
      {
        id: 'us-east-1-bos-1a',
        kind: 'local-zone',
        name: 'Boston',
        country: 'us',
        parentRegion: 'us-east-1',
      },
    ],
    [
      'control plane',
      createControlPlaneSchema,
      {
        id: 'cp-eusc',
        name: 'Sovereign',
        mode: 'partition',
        partition: 'aws-eusc',
        homeLocation: 'eusc-de-east-1',
        managedLocations: ['eusc-de-east-1'],
      },
    ],
    ['cell', createCellSchema, validCell],
    [
      'tenant',
      createTenantSchema,
      {
        id: 'acme',
        name: 'Acme',
        tier: 'silo',
        classification: 'restricted',
        loadUnits: 5,
        residency: { countries: ['DE'], partition: 'aws-eusc' },
      },
    ],
    ['placement', placementRequestSchema, { tenantId: 'acme' }],
    [
      'what-if',
      whatIfRequestSchema,
      {
        profiles: [
          { count: 10, tier: 'pool', classification: 'internal', loadUnits: 1 },
        ],
        spec: cellSpec,
      },
    ],
    [
      'migration to a cell',
      migrationRequestSchema,
      { tenantId: 'acme', target: { cellId: 'cell-2' } },
    ],
    [
      'migration to a location',
      migrationRequestSchema,
      { tenantId: 'acme', target: { locationId: 'eu-central-1' } },
    ],
    ['quota plan', quotaPlanRequestSchema, { spec: cellSpec, cellCount: 4 }],
  ])('%s', (_name, schema, input) => {
    expect(schema.safeParse(input).success).toBe(true);
  });

  it('fills defaults and normalises country codes', () => {
    expect(
      createLocationSchema.parse({
        id: 'op-1',
        kind: 'outpost',
        name: 'Rack',
        country: ' de ',
        parentRegion: 'eu-central-1',
      }).country,
    ).toBe('DE');
    expect(createCellSchema.parse(validCell)).toMatchObject({
      lifecycle: 'planned',
      capacity: { quotas: {} },
    });
    expect(placementRequestSchema.parse({ tenantId: 'a' })).toEqual({
      tenantId: 'a',
      strategy: 'pack',
      allowUnknownReadiness: true,
      allowProvisioning: false,
    });
  });
});

describe('request schemas name the field and the reason', () => {
  it.each([
    [
      'unknown country',
      createLocationSchema,
      {
        id: 'op-1',
        kind: 'outpost',
        name: 'x',
        country: 'XX',
        parentRegion: 'eu-central-1',
      },
      'country',
      /ISO 3166-1 alpha-2/,
    ],
    [
      'Regions cannot be created',
      createLocationSchema,
      {
        id: 'xx-1',
        kind: 'region',
        name: 'x',
        country: 'DE',
        parentRegion: 'eu-central-1',
      },
      'kind',
      /Regions come from the snapshot/,
    ],
    ['empty update', updateLocationSchema, {}, '(root)', /at least one field/],
    [
      'bad account id',
      createCellSchema,
      { ...validCell, accountId: '12' },
      'accountId',
      /12-digit/,
    ],
    [
      'missing name',
      createCellSchema,
      { ...validCell, name: undefined },
      'name',
      /^is required$/,
    ],
    [
      'unknown field',
      createCellSchema,
      { ...validCell, colour: 'red' },
      'colour',
      /not a known field/,
    ],
    [
      'negative load',
      createCellSchema,
      { ...validCell, capacity: { tenants: 1, loadUnits: -1 } },
      'capacity.loadUnits',
      /must not be negative/,
    ],
    [
      'fractional tenants',
      createCellSchema,
      { ...validCell, capacity: { tenants: 1.5, loadUnits: 1 } },
      'capacity.tenants',
      /whole number/,
    ],
    [
      'bad tier',
      createTenantSchema,
      { ...validTenant, tier: 'gold' },
      'tier',
      /must be one of pool, bridge, silo/,
    ],
    [
      'unknown jurisdiction',
      createTenantSchema,
      { ...validTenant, residency: { jurisdictions: ['MARS'] } },
      'residency.jurisdictions.0',
      /must be one of EU/,
    ],
    [
      'duplicate managed location',
      createControlPlaneSchema,
      {
        id: 'cp',
        name: 'CP',
        mode: 'global',
        partition: 'aws',
        homeLocation: 'us-east-1',
        managedLocations: ['us-east-1', 'us-east-1'],
      },
      'managedLocations',
      /twice/,
    ],
    [
      'what-if count',
      whatIfRequestSchema,
      {
        profiles: [
          { count: 0, tier: 'pool', classification: 'internal', loadUnits: 1 },
        ],
        spec: cellSpec,
      },
      'profiles.0.count',
      /at least 1/,
    ],
    [
      'what-if count above the bound',
      whatIfRequestSchema,
      {
        profiles: [
          {
            count: WHAT_IF_LIMITS.tenants + 1,
            tier: 'pool',
            classification: 'internal',
            loadUnits: 1,
          },
        ],
        spec: cellSpec,
      },
      'profiles.0.count',
      /^must be at most 10000$/,
    ],
    [
      'what-if profiles adding up above the bound',
      whatIfRequestSchema,
      {
        profiles: [1, 2].map(() => ({
          count: WHAT_IF_LIMITS.tenants,
          tier: 'pool',
          classification: 'internal',
          loadUnits: 1,
        })),
        spec: cellSpec,
      },
      'profiles',
      /must not add up to more than 10000 tenants/,
    ],
    [
      'too many what-if profiles',
      whatIfRequestSchema,
      {
        profiles: Array.from({ length: WHAT_IF_LIMITS.profiles + 1 }, () => ({
          count: 1,
          tier: 'pool',
          classification: 'internal',
          loadUnits: 1,
        })),
        spec: cellSpec,
      },
      'profiles',
      /must contain at most 20 profiles/,
    ],
    [
      'huge cell capacity',
      createCellSchema,
      { ...validCell, capacity: { tenants: 1e15, loadUnits: 1e300 } },
      'capacity.tenants',
      /must be at most 1000000$/,
    ],
    [
      'huge tenant load',
      createTenantSchema,
      { ...validTenant, loadUnits: 1e12 },
      'loadUnits',
      /must be at most 1000000000/,
    ],
    [
      'too many quota names',
      createTenantSchema,
      {
        ...validTenant,
        quotaUsage: Object.fromEntries(
          Array.from({ length: 33 }, (_, i) => [`q${i}`, 1]),
        ),
      },
      'quotaUsage',
      /must name at most 32 quotas/,
    ],
    [
      'migration target',
      migrationRequestSchema,
      { tenantId: 'a', target: { region: 'x' } },
      'target',
      /either \{ cellId \} or \{ locationId \}/,
    ],
    [
      'quota code',
      quotaPlanRequestSchema,
      {
        spec: {
          ...cellSpec,
          serviceQuotas: [
            { ...cellSpec.serviceQuotas[0], quotaCode: 'concurrency' },
          ],
        },
        cellCount: 1,
      },
      'spec.serviceQuotas.0.quotaCode',
      /quota code/,
    ],
    [
      'tenant sort by an unlisted field',
      tenantListQuerySchema,
      { sort: 'residency:asc' },
      'sort',
      /must be one of id:asc, id:desc, name:asc/,
    ],
    [
      'tenant sort without a direction',
      tenantListQuerySchema,
      { sort: 'name' },
      'sort',
      /must be one of/,
    ],
    ['blank tenant search', tenantListQuerySchema, { q: '  ' }, 'q', /empty/],
    [
      'tenant search longer than a name',
      tenantListQuerySchema,
      { q: 'x'.repeat(201) },
      'q',
      /at most 200 characters/,
    ],
  ])('%s', (_name, schema, input, field, reason) => {
    expect(problems(schema, input)).toContainEqual({
      field,
      reason: expect.stringMatching(reason),
    });
  });

  it('describes all problems in one line', () => {
    const result = createCellSchema.safeParse({
      ...validCell,
      accountId: 'x',
      name: '',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeZodError(result.error)).toBe(
      'name: must not be empty; accountId: must be a 12-digit AWS account id',
    );
  });
});

describe('tenantImportRowSchema', () => {
  it('turns a CSV row into a create-tenant request', () => {
    expect(
      tenantImportRowSchema.parse({
        id: 'acme',
        name: 'Acme',
        tier: 'bridge',
        classification: 'confidential',
        loadUnits: '2.5',
        residencyCountries: 'de; fr',
        residencyJurisdictions: 'EU|EEA',
        residencyPartition: '',
        cellId: '',
      }),
    ).toEqual({
      id: 'acme',
      name: 'Acme',
      tier: 'bridge',
      classification: 'confidential',
      loadUnits: 2.5,
      residency: { countries: ['DE', 'FR'], jurisdictions: ['EU', 'EEA'] },
    });
  });

  it('names the column of a bad value', () => {
    expect(
      problems(tenantImportRowSchema, {
        id: 'a',
        name: 'A',
        tier: 'pool',
        classification: 'public',
        loadUnits: 'lots',
        residencyCountries: 'DE;ZZ',
      }),
    ).toEqual([
      { field: 'loadUnits', reason: 'must be a number' },
      {
        field: 'residencyCountries.1',
        reason: expect.stringMatching(/ISO 3166-1/),
      },
    ]);
  });
});
