import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  availabilityRoutes,
  campaignRoutes,
  comparisonRoutes,
  designRoutes,
  estateRoutes,
  guardrailRoutes,
  locationReadPermission,
  placementRoutes,
  readinessRoutes,
  runbookRoutes,
  tenantRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import type { GuardrailDriftChecker } from '@region-expansion/plugin-region-expansion-node';
import express from 'express';
import Router from 'express-promise-router';
import { AvailabilityRefreshService } from '../availability/AvailabilityRefreshService';
import { availabilityHandlers } from '../availability/router';
import { CampaignService } from '../campaigns/CampaignService';
import { campaignHandlers } from '../campaigns/router';
import { ComparisonService } from '../comparison/ComparisonService';
import type { CostService } from '../cost/CostService';
import { comparisonHandlers } from '../comparison/router';
import { DesignService } from '../design/DesignService';
import { designHandlers } from '../design/router';
import { EstateService } from '../estate/EstateService';
import { estateHandlers } from '../estate/router';
import { GuardrailDriftService } from '../guardrails/GuardrailDriftService';
import { guardrailHandlers } from '../guardrails/router';
import { PlacementService } from '../placement/PlacementService';
import { placementHandlers } from '../placement/router';
import { runbookHandlers } from '../placement/runbookRouter';
import { readinessHandlers } from '../readiness/router';
import { ReadinessService } from '../readiness/ReadinessService';
import { tenantHandlers } from '../tenants/router';
import { TenantService } from '../tenants/TenantService';
import { mountRoutes } from './mountRoutes';
import { createAuthorize, createAuthorizeScope } from './requestHelpers';

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
  /** The ranked comparison of locations (POST /comparisons), when given. */
  comparison?: ComparisonService;
  /** Prices of Regions, for the data-transfer cost of migration runbooks. */
  prices?: Pick<CostService, 'priceBook'>;
  /** The guardrail drift checker, when `regionExpansion.guardrails.drift` is configured. */
  guardrailDrift?: Pick<GuardrailDriftChecker, 'check'>;
  /** Region launch campaigns (/campaigns...), when given. */
  campaigns?: CampaignService;
}

/**
 * The region-expansion REST API but governance (see
 * `createGovernanceRouter`): the routes of the common package's route
 * table, each mounted by `mountRoutes` with its handler from the
 * capability's `router.ts`.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions } = options;
  const router = Router();
  // Everything these routes answer belongs to a location: a conditional
  // decision on reading locations scopes their reads too (a route whose
  // handler does not apply it answers 403 to such a caller).
  const auth = {
    authorize: createAuthorize({ httpAuth, permissions }),
    authorizeScope: createAuthorizeScope({ httpAuth, permissions }),
    scopeBy: locationReadPermission,
  };
  mountRoutes(router, estateRoutes, estateHandlers(options), auth);
  mountRoutes(router, tenantRoutes, tenantHandlers(options), {
    ...auth,
    bodyLimits: { importTenants: options.importBodyLimit },
  });
  mountRoutes(router, placementRoutes, placementHandlers(options), auth);
  mountRoutes(router, runbookRoutes, runbookHandlers(options), auth);
  if (options.readiness) {
    const handlers = readinessHandlers({ readiness: options.readiness });
    mountRoutes(router, readinessRoutes, handlers, auth);
  }
  // Advice reads only the estate and, where refreshed, live availability.
  const design = DesignService.create({
    estate: options.estate,
    availabilitySource: options.availability
      ? () => options.availability!.currentIndex()
      : undefined,
  });
  mountRoutes(router, designRoutes, designHandlers({ design }), auth);
  if (options.availability) {
    const handlers = availabilityHandlers({
      availability: options.availability,
    });
    mountRoutes(router, availabilityRoutes, handlers, auth);
  }
  if (options.comparison) {
    const handlers = comparisonHandlers({ comparison: options.comparison });
    mountRoutes(router, comparisonRoutes, handlers, auth);
  }
  // Answered whether or not the check is configured (`configured` says).
  const guardrails = GuardrailDriftService.create({
    estate: options.estate,
    checker: options.guardrailDrift,
  });
  mountRoutes(router, guardrailRoutes, guardrailHandlers({ guardrails }), auth);
  if (options.campaigns) {
    const handlers = campaignHandlers({ campaigns: options.campaigns });
    mountRoutes(router, campaignRoutes, handlers, auth);
  }
  return router;
}
