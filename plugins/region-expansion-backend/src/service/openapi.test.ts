import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  capacitySchema,
  cellIsolationSchema,
  cellLifecycleSchema,
  cellSpecSchema,
  controlPlaneModeSchema,
  createCellSchema,
  createControlPlaneSchema,
  createLocationSchema,
  createTenantSchema,
  dataClassificationSchema,
  geographySchema,
  jurisdictionSchema,
  migrationRequestSchema,
  placementRequestSchema,
  placementStrategySchema,
  quotaPlanRequestSchema,
  regionExpansionPermissions,
  residencySchema,
  tenantImportRowSchema,
  tenantTierSchema,
  updateCellSchema,
  updateTenantSchema,
  whatIfRequestSchema,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RegionExpansionStore } from '../database/RegionExpansionStore';
import { RegionExpansionService } from './RegionExpansionService';
import { createRouter } from './router';

jest.setTimeout(60_000);

const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
];

/** Routes the framework's permission integration router adds. */
const FRAMEWORK_PREFIX = '/.well-known/backstage/permissions/';

type Operation = {
  'x-permission'?: string;
  parameters?: Array<{ $ref?: string; name?: string; in?: string }>;
  requestBody?: unknown;
  responses: Record<string, { $ref?: string }>;
};
type PathItem = Record<string, Operation | unknown> & {
  parameters?: Operation['parameters'];
};
type Document = {
  openapi: string;
  paths: Record<string, PathItem>;
  components: {
    parameters: Record<string, { name: string; in: string }>;
    responses: Record<
      string,
      { content: { 'application/json': { schema: { $ref: string } } } }
    >;
    schemas: Record<
      string,
      { enum?: string[]; properties?: object; required?: string[] }
    >;
  };
};

const document = parseYaml(
  readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
) as Document;

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
};

/**
 * Every `METHOD /path` the router answers, found by walking the express
 * router stack (nested routers mounted at the root included).
 */
function routesOf(router: express.Router): string[] {
  const walk = (stack: Layer[]): string[] =>
    stack.flatMap(layer => {
      if (layer.route) {
        const path = layer.route.path;
        return Object.keys(layer.route.methods)
          .filter(m => m !== '_all')
          .map(m => `${m.toUpperCase()} ${path}`);
      }
      return layer.handle.stack ? walk(layer.handle.stack) : [];
    });
  return walk((router as unknown as { stack: Layer[] }).stack);
}

/** Every documented `METHOD /path`, with `{param}` written as `:param`. */
function documentedRoutes(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter(key => HTTP_METHODS.includes(key))
      .map(
        method =>
          `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`,
      ),
  );
}

function operations(): Array<[string, string, Operation, PathItem]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([key]) => HTTP_METHODS.includes(key))
      .map(
        ([method, op]) =>
          [path, method, op as Operation, item] as [
            string,
            string,
            Operation,
            PathItem,
          ],
      ),
  );
}

describe('openapi.yaml', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let routes: string[];

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await RegionExpansionStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      service: RegionExpansionService.create({ store }),
    });
    routes = routesOf(router);
  });

  it('is an OpenAPI 3.0 document', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
  });

  it('finds the routes of the router', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toContain('GET /cells/:id');
    expect(routes).toContain('POST /tenants/import');
  });

  it('documents every route of the router, and nothing else', () => {
    const own = routes.filter(
      r => !r.split(' ')[1].startsWith(FRAMEWORK_PREFIX),
    );
    expect([...new Set(documentedRoutes())].sort()).toEqual(
      [...new Set(own)].sort(),
    );
  });

  it('names the permission, the path parameters and the error shape of every operation', () => {
    const permissionNames = regionExpansionPermissions.map(p => p.name);
    for (const [path, method, op, item] of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, permissionNames.includes(op['x-permission']!)]).toEqual([
        where,
        true,
      ]);
      expect([where, Object.keys(op.responses)]).toEqual([
        where,
        expect.arrayContaining(['401', '403']),
      ]);
      const declared = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map(p =>
          p.$ref ? document.components.parameters[p.$ref.split('/').pop()!] : p,
        )
        .filter(p => p?.in === 'path')
        .map(p => p!.name)
        .sort();
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map(m => m[1]).sort();
      expect([where, declared]).toEqual([where, inPath]);
      const errorResponses = Object.entries(op.responses).filter(
        ([status]) => Number(status) >= 400,
      );
      for (const [status, response] of errorResponses) {
        const name = response.$ref?.split('/').pop() ?? '';
        expect([
          where,
          status,
          document.components.responses[name]?.content['application/json']
            .schema.$ref,
        ]).toEqual([where, status, '#/components/schemas/Error']);
      }
    }
  });

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
