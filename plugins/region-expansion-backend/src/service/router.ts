import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import {
  cellLifecycleSchema,
  cellManagePermission,
  cellReadPermission,
  controlPlaneManagePermission,
  createCellSchema,
  createControlPlaneSchema,
  createLocationSchema,
  createTenantSchema,
  idSchema,
  locationManagePermission,
  locationReadPermission,
  migrationRequestSchema,
  placementExecutePermission,
  placementRequestSchema,
  quotaPlanRequestSchema,
  regionExpansionPermissions,
  tenantManagePermission,
  tenantReadPermission,
  tenantTierSchema,
  updateCellSchema,
  updateTenantSchema,
  whatIfRequestSchema,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AvailabilityRefreshService } from '../availability/AvailabilityRefreshService';
import { createAvailabilityRouter } from '../availability/router';
import { createReadinessRouter } from '../readiness/router';
import { ReadinessService } from '../readiness/ReadinessService';
import { parseImportRows, parseImportYaml } from './importRows';
import { EstateService } from '../estate/EstateService';
import { PlacementService } from '../placement/PlacementService';
import { TenantService } from '../tenants/TenantService';
import {
  actorOf,
  authorizeBeforeBody,
  authorizedCredentials,
  createAuthorize,
  nameOversizedBody,
  noQuerySchema,
  parseInput,
} from './requestHelpers';

/** Largest page of GET /tenants. */
const MAX_PAGE_SIZE = 1000;

/** A cell's or tenant's id in the path: checked before any lookup. */
const idParamSchema = z.object({ id: idSchema });

const partitionQuerySchema = z.strictObject({
  partition: idSchema.optional(),
});

const cellQuerySchema = z.strictObject({
  partition: idSchema.optional(),
  locationId: idSchema.optional(),
  lifecycle: cellLifecycleSchema.optional(),
  controlPlaneId: idSchema.optional(),
});

const tenantQuerySchema = z.strictObject({
  cellId: idSchema.optional(),
  tier: tenantTierSchema.optional(),
  partition: idSchema.optional(),
  locationId: idSchema.optional(),
  unplaced: z.enum(['true', 'false']).optional(),
  offset: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .default(0),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(100),
});

const YAML_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml'];

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  /** Reads the caller's credentials. */
  httpAuth: HttpAuthService;
  /** Decides each request's permission. */
  permissions: PermissionsService;
  /** Partitions, locations, control planes and cells. */
  estate: EstateService;
  /** Tenants, their pins, imports and history. */
  tenants: TenantService;
  /** Placement, what-if, migration and quota planning. */
  placement: PlacementService;
  /** Body size limit of POST /tenants/import, for example `50mb`. */
  importBodyLimit?: string;
  /** Readiness, waivers and the application-plane footprint, when given. */
  readiness?: ReadinessService;
  /** Live availability from SSM (GET/POST /availability...), when given. */
  availability?: AvailabilityRefreshService;
}

/**
 * The region-expansion REST API (described in `src/schema/openapi.yaml`).
 * Every route authenticates the caller and checks one permission.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, estate, tenants, placement } = options;
  const importBodyLimit = options.importBodyLimit ?? '50mb';
  const router = Router();

  router.use(
    createPermissionIntegrationRouter({
      permissions: regionExpansionPermissions,
    }),
  );

  const authorize = createAuthorize({ httpAuth, permissions });

  /** Request bodies without a strategy get the configured default. */
  const withStrategy = (body: unknown): unknown =>
    body && typeof body === 'object' && !Array.isArray(body)
      ? { strategy: placement.defaultStrategy, ...body }
      : body;

  const importRouter = Router();
  // Authorized before the body is read: only tenant managers may make the
  // server buffer up to the import limit. The parsers are scoped to this
  // route: unscoped, they would read every later route's body with the
  // import limit, overriding their own.
  importRouter.post(
    '/tenants/import',
    authorizeBeforeBody(authorize, tenantManagePermission),
    express.json({ limit: importBodyLimit }),
    express.text({ type: YAML_TYPES, limit: importBodyLimit }),
    nameOversizedBody({
      field: '(root)',
      limit: importBodyLimit,
      configKey: 'regionExpansion.import.maxBodySize',
      hint: 'split the import into smaller files',
    }),
    async (req: express.Request, res: express.Response) => {
      const credentials = authorizedCredentials(res);
      parseInput(noQuerySchema, req.query);
      let body: unknown = req.body;
      if (typeof body === 'string') {
        body = parseImportYaml(body);
      } else if (!req.is('application/json')) {
        throw new InputError(
          `(root): send a JSON or YAML array with Content-Type application/json or ${YAML_TYPES.join(
            ', ',
          )}`,
        );
      }
      if (!Array.isArray(body)) {
        throw new InputError('(root): must be an array of tenant rows');
      }
      const rows = await parseImportRows(body);
      const result = await tenants.importTenants(rows, actorOf(credentials));
      res.status(201).json(result);
    },
  );
  router.use(importRouter);

  if (options.readiness) {
    // Mounted before the shared JSON parser: the footprint upload has its
    // own body limit.
    router.use(
      await createReadinessRouter({
        httpAuth,
        permissions,
        readiness: options.readiness,
      }),
    );
  }

  router.use(express.json());

  if (options.availability) {
    router.use(
      await createAvailabilityRouter({
        httpAuth,
        permissions,
        availability: options.availability,
      }),
    );
  }

  // ------------------------------------------------------ partitions/locations

  router.get('/partitions', async (req, res) => {
    await authorize(req, locationReadPermission);
    parseInput(noQuerySchema, req.query);
    res.json({ items: await estate.listPartitions() });
  });

  router.get('/locations', async (req, res) => {
    await authorize(req, locationReadPermission);
    const query = parseInput(partitionQuerySchema, req.query);
    res.json({ items: await estate.listLocations(query) });
  });

  // Cell totals per location, for overviews that need no cell details.
  router.get('/locations/summary', async (req, res) => {
    await authorize(req, cellReadPermission);
    parseInput(noQuerySchema, req.query);
    res.json({ items: await estate.summarizeLocations() });
  });

  router.post('/locations', async (req, res) => {
    await authorize(req, locationManagePermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(createLocationSchema, req.body);
    res.status(201).json(await estate.addLocation(input));
  });

  // ------------------------------------------------------------ control planes

  router.get('/control-planes', async (req, res) => {
    await authorize(req, locationReadPermission);
    const query = parseInput(partitionQuerySchema, req.query);
    res.json({ items: await estate.listControlPlanes(query) });
  });

  router.post('/control-planes', async (req, res) => {
    await authorize(req, controlPlaneManagePermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(createControlPlaneSchema, req.body);
    res.status(201).json(await estate.addControlPlane(input));
  });

  // --------------------------------------------------------------------- cells

  router.get('/cells', async (req, res) => {
    await authorize(req, cellReadPermission);
    const query = parseInput(cellQuerySchema, req.query);
    res.json({ items: await estate.listCells(query) });
  });

  router.post('/cells', async (req, res) => {
    await authorize(req, cellManagePermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(createCellSchema, req.body);
    res.status(201).json(await estate.addCell(input));
  });

  router.post('/cells/quota-plan', async (req, res) => {
    await authorize(req, cellReadPermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(quotaPlanRequestSchema, req.body);
    res.json({ items: await placement.planQuotas(input) });
  });

  router.get('/cells/:id', async (req, res) => {
    await authorize(req, cellReadPermission);
    parseInput(noQuerySchema, req.query);
    const { id } = parseInput(idParamSchema, req.params);
    res.json(await estate.getCell(id));
  });

  router.patch('/cells/:id', async (req, res) => {
    await authorize(req, cellManagePermission);
    parseInput(noQuerySchema, req.query);
    const { id } = parseInput(idParamSchema, req.params);
    const input = parseInput(updateCellSchema, req.body);
    res.json(await estate.updateCell(id, input));
  });

  // ------------------------------------------------------------------- tenants

  router.get('/tenants', async (req, res) => {
    await authorize(req, tenantReadPermission);
    const { unplaced, ...query } = parseInput(tenantQuerySchema, req.query);
    const page = await tenants.listTenants({
      ...query,
      unplaced: unplaced === undefined ? undefined : unplaced === 'true',
    });
    res.json({ ...page, offset: query.offset, limit: query.limit });
  });

  router.post('/tenants', async (req, res) => {
    const credentials = await authorize(req, tenantManagePermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(createTenantSchema, req.body);
    res.status(201).json(await tenants.addTenant(input, actorOf(credentials)));
  });

  router.get('/tenants/:id', async (req, res) => {
    await authorize(req, tenantReadPermission);
    parseInput(noQuerySchema, req.query);
    const { id } = parseInput(idParamSchema, req.params);
    res.json(await tenants.getTenant(id));
  });

  router.patch('/tenants/:id', async (req, res) => {
    await authorize(req, tenantManagePermission);
    parseInput(noQuerySchema, req.query);
    const { id } = parseInput(idParamSchema, req.params);
    const input = parseInput(updateTenantSchema, req.body);
    res.json(await tenants.updateTenant(id, input));
  });

  router.get('/tenants/:id/history', async (req, res) => {
    await authorize(req, tenantReadPermission);
    parseInput(noQuerySchema, req.query);
    const { id } = parseInput(idParamSchema, req.params);
    res.json({ items: await tenants.getTenantHistory(id) });
  });

  // ---------------------------------------------------------------- placements

  router.post('/placements', async (req, res) => {
    const credentials = await authorize(req, placementExecutePermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(placementRequestSchema, withStrategy(req.body));
    const outcome = await placement.place(input, actorOf(credentials));
    res.status(outcome.record ? 201 : 200).json(outcome);
  });

  router.post('/placements/what-if', async (req, res) => {
    await authorize(req, cellReadPermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(whatIfRequestSchema, withStrategy(req.body));
    res.json(await placement.whatIf(input));
  });

  router.post('/placements/migration-plan', async (req, res) => {
    let credentials = await authorize(req, tenantReadPermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(migrationRequestSchema, withStrategy(req.body));
    if (input.commit) {
      credentials = await authorize(req, placementExecutePermission);
    }
    const outcome = await placement.planMigration(input, actorOf(credentials));
    res.status(outcome.record ? 201 : 200).json(outcome);
  });

  return router;
}
