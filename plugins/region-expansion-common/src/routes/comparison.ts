import { readinessReadPermission } from '../permissions';
import {
  compareLocationsSchema,
  locationComparisonSchema,
} from '../schemas/comparison';
import { defineRoute } from './route';

/**
 * Routes of the ranked comparison of locations for a workload.
 *
 * @public
 */
export const comparisonRoutes = {
  compareLocations: defineRoute({
    method: 'POST',
    path: '/comparisons',
    permission: readinessReadPermission,
    tag: 'comparison',
    summary:
      'Rank candidate locations for a workload and one to three tenant classes',
    description:
      "For each tenant class, every candidate location (default: every location the caller may read; at most 200) is ranked by blocking gaps (a service not offered, a residency rule broken, a dependency crossing a partition: each names its rule), then readiness level, then monthly cost per tenant (the cell's bill of materials priced from the Price List cache, snapshot or API, with the advised architecture's extras; a location without a price ranks after the priced ones and says why), then latency class to the tenants' countries (great-circle distance model, dated). Every rank lists its reasons in `why`. The footprint is the body's, else the stored application-plane footprint. Nothing is stored. Needs region-expansion.readiness.read; a scoped caller ranks only the locations it may read, and naming another is a 400 as an unknown location. A contradictory residency (no location satisfies it, e.g. countries outside the required partition) is a 400 naming the field.",
    body: compareLocationsSchema,
    response: locationComparisonSchema,
    status: 200,
    responseDescription: 'Per tenant class, the candidates ranked best first',
    errors: [404],
    example: {
      body: {
        tenantClasses: [
          {
            name: 'eu-restricted',
            residency: { jurisdictions: ['EU'] },
            classification: 'restricted',
            tier: 'silo',
            expectedTenants: 20,
            loadUnits: 5,
            countries: ['DE', 'FR'],
          },
        ],
        candidates: ['eu-central-1', 'eu-west-1', 'eusc-de-east-1'],
      },
    },
  }),
};
