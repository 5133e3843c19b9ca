import { availabilityRoutes } from './availability';
import { campaignRoutes } from './campaigns';
import { comparisonRoutes } from './comparison';
import { designRoutes } from './design';
import { estateRoutes } from './estate';
import { governanceRoutes } from './governance';
import { guardrailRoutes } from './guardrails';
import { placementRoutes } from './placement';
import { readinessRoutes } from './readiness';
import { runbookRoutes } from './runbooks';
import { tenantRoutes } from './tenants';
import type { RouteClient } from './route';

export * from './route';
export { estateRoutes, itemsOf, idParamsSchema } from './estate';
export {
  tenantRoutes,
  MAX_IMPORT_ROWS,
  MAX_IMPORT_YAML_BYTES,
  TENANT_IMPORT_YAML_TYPES,
} from './tenants';
export { placementRoutes } from './placement';
export { readinessRoutes } from './readiness';
export { governanceRoutes } from './governance';
export { availabilityRoutes } from './availability';
export { designRoutes } from './design';
export { comparisonRoutes } from './comparison';
export { guardrailRoutes } from './guardrails';
export { runbookRoutes } from './runbooks';
export { campaignRoutes } from './campaigns';

/**
 * Every route of the region-expansion REST API, keyed by the name of its
 * client method. Adding a route is one entry here (in its area's table) and
 * its schemas: the router mounts it, the OpenAPI document describes it and
 * the client calls it.
 *
 * @public
 */
export const regionExpansionRoutes = {
  ...estateRoutes,
  ...tenantRoutes,
  ...placementRoutes,
  ...readinessRoutes,
  ...governanceRoutes,
  ...availabilityRoutes,
  ...designRoutes,
  ...comparisonRoutes,
  ...guardrailRoutes,
  ...campaignRoutes,
  ...runbookRoutes,
};

/**
 * The region-expansion REST API as a typed client sees it: one method per
 * route of {@link regionExpansionRoutes}.
 *
 * @public
 */
export interface RegionExpansionApi
  extends RouteClient<typeof regionExpansionRoutes> {}
