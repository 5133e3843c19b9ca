import {
  assessUploadSchema,
  capacitySchema,
  cellIsolationSchema,
  cellLifecycleSchema,
  cellSpecSchema,
  controlPlaneModeSchema,
  createCellSchema,
  createControlPlaneSchema,
  createLocationSchema,
  createTenantSchema,
  createWaiverSchema,
  dataClassificationSchema,
  footprintSchema,
  geographySchema,
  jurisdictionSchema,
  MAX_IMPORT_ROWS,
  MAX_IMPORT_YAML_BYTES,
  MAX_PAGE_OFFSET,
  migrationRequestSchema,
  PAGE_LIMITS,
  placementRequestSchema,
  placementStrategySchema,
  quotaPlanRequestSchema,
  READINESS_CHECKS,
  residencySchema,
  tenantImportRowSchema,
  tenantTierSchema,
  updateCellSchema,
  updateTenantSchema,
  whatIfRequestSchema,
} from '@region-expansion/plugin-region-expansion-common';
import { GOVERNANCE_REASON_KINDS } from '@region-expansion/plugin-region-expansion-node';
import { committedOpenApi } from '../__testUtils__/committedOpenApi';
import { z } from 'zod';

type Operation = {
  parameters?: Array<{ $ref?: string; name?: string; in?: string }>;
};
type Parameter = { name: string; in: string; schema?: unknown };
const document = committedOpenApi();

/** The component a local `$ref` names. */
function resolveRef<T>(ref: string): T {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<any>((node, key) => node?.[key], document) as T;
}

/**
 * The components of openapi.yaml against the common package's schemas and
 * limits: enums, page sizes, import caps, the evidence bundle's media type
 * and the fields of every request body.
 */
describe('openapi.yaml components', () => {
  it.each<[string, z.ZodEnum]>([
    ['TenantTier', tenantTierSchema],
    ['DataClassification', dataClassificationSchema],
    ['CellLifecycle', cellLifecycleSchema],
    ['CellIsolation', cellIsolationSchema],
    ['PlacementStrategy', placementStrategySchema],
    ['ControlPlaneMode', controlPlaneModeSchema],
    ['Jurisdiction', jurisdictionSchema],
    ['Geography', geographySchema],
  ])('enum %s matches the common schema', (name, schema) => {
    expect(document.components.schemas[name].enum).toEqual(schema.options);
  });

  it('enum GovernanceReasonKind matches GOVERNANCE_REASON_KINDS, and a failed SSM page carries it', () => {
    expect(document.components.schemas.GovernanceReasonKind.enum).toEqual([
      ...GOVERNANCE_REASON_KINDS,
    ]);
    const failure = document.components.schemas.SsmPageFailure;
    expect(failure.required).toContain('reasonKind');
    expect(Object.keys(failure.properties ?? {}).sort()).toEqual(
      ['error', 'locationId', 'page', 'path', 'reasonKind'].sort(),
    );
  });

  it('enum ReadinessCheck matches READINESS_CHECKS', () => {
    expect(document.components.schemas.ReadinessCheck.enum).toEqual([
      ...READINESS_CHECKS,
    ]);
  });

  it.each<[string, { default: number; max: number }, boolean]>([
    ['/governance/findings', PAGE_LIMITS.governanceFindings, true],
    ['/governance/history', PAGE_LIMITS.governanceHistory, false],
    ['/governance/resilience', PAGE_LIMITS.governanceSnapshots, false],
    ['/governance/audit', PAGE_LIMITS.governanceSnapshots, false],
    ['/governance/conformance', PAGE_LIMITS.governanceSnapshots, false],
    ['/waivers', PAGE_LIMITS.waivers, false],
    ['/readiness/{locationId}/history', PAGE_LIMITS.readinessHistory, true],
  ])(
    'documents the page size of GET %s as PAGE_LIMITS says',
    (path, limits, takesOffset) => {
      const params = ((document.paths[path].get as Operation).parameters ?? [])
        .map(p => (p.$ref ? resolveRef<Parameter>(p.$ref) : (p as Parameter)))
        .filter(p => p.in === 'query');
      const schemaOf = (name: string) =>
        params.find(p => p.name === name)?.schema as
          | { default?: number; maximum?: number }
          | undefined;
      expect({
        limit: [schemaOf('limit')?.default, schemaOf('limit')?.maximum],
        offset: schemaOf('offset')?.maximum,
        cursor: params.some(p => p.name === 'cursor'),
      }).toEqual({
        limit: [limits.default, limits.max],
        offset: takesOffset ? MAX_PAGE_OFFSET : undefined,
        cursor: true,
      });
    },
  );

  it('documents the row cap and the YAML size limit of POST /tenants/import', () => {
    const op = document.paths['/tenants/import'].post as {
      requestBody: {
        content: Record<
          string,
          { schema: { maxItems?: number; maxLength?: number } }
        >;
      };
    };
    expect({
      rows: op.requestBody.content['application/json'].schema.maxItems,
      yaml: op.requestBody.content['text/yaml'].schema.maxLength,
    }).toEqual({ rows: MAX_IMPORT_ROWS, yaml: MAX_IMPORT_YAML_BYTES });
  });

  it('documents the evidence bundle as a ZIP', () => {
    const op = document.paths['/governance/evidence-bundle'].get as {
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(Object.keys(op.responses['200'].content ?? {})).toEqual([
      'application/zip',
    ]);
  });

  it.each<[string, z.ZodType]>([
    ['CreateLocation', createLocationSchema],
    ['CreateControlPlane', createControlPlaneSchema],
    ['Capacity', capacitySchema],
    ['CreateCell', createCellSchema],
    ['UpdateCell', updateCellSchema],
    ['CellSpec', cellSpecSchema],
    ['QuotaPlanRequest', quotaPlanRequestSchema],
    ['Residency', residencySchema],
    ['CreateTenant', createTenantSchema],
    ['UpdateTenant', updateTenantSchema],
    ['TenantImportRow', tenantImportRowSchema],
    ['PlacementRequest', placementRequestSchema],
    ['WhatIfRequest', whatIfRequestSchema],
    ['MigrationRequest', migrationRequestSchema],
    ['CreateWaiver', createWaiverSchema],
    ['Footprint', footprintSchema],
    ['AssessUpload', assessUploadSchema],
  ])('body %s has the fields of the common schema', (name, schema) => {
    const objectSchema = (
      schema instanceof z.ZodPipe ? schema.in : schema
    ) as z.ZodObject;
    const shape = objectSchema.shape;
    const required = Object.keys(shape)
      .filter(key => !shape[key].safeParse(undefined).success)
      .sort();
    const documented = document.components.schemas[name];
    expect({
      fields: Object.keys(documented.properties ?? {}).sort(),
      required: [...(documented.required ?? [])].sort(),
    }).toEqual({ fields: Object.keys(shape).sort(), required });
  });
});
