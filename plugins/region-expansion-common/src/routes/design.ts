import { readinessReadPermission } from '../permissions';
import { adviceQuerySchema, locationAdviceSchema } from '../schemas/design';
import { locationParamSchema } from '../schemas/readiness';
import { defineRoute } from './route';

/**
 * Routes of design: architecture advice (control-plane mode, isolation,
 * encryption tier, each with the rule that decides it) for a location.
 *
 * @public
 */
export const designRoutes = {
  getArchitectureAdvice: defineRoute({
    method: 'GET',
    path: '/locations/{locationId}/advice',
    // Advice is an assessment result, like a what-if or a comparison: who
    // may read readiness may read it; a scoped caller only for its locations.
    permission: readinessReadPermission,
    tag: 'design',
    summary:
      'Architecture advice for an application plane in a location, each part with its rule',
    description:
      "Control-plane mode, tenant isolation and encryption tier for data of `classification` whose subjects are in `homeCountry` (default: the location's country), never below `tier`; each with the rule that decides it and the reasons. Residency violations of the location for `residencyCountries`/`residencyPartition` and the home country's regimes are listed, not refused. Given `isolation`, `encryption` or `controlPlane`, the answer lists each one weaker than advised. A residency requirement no location of the catalog can meet (countries outside the required partition, or an unknown partition) is a 400 naming the field; an unknown location, or one outside a scoped caller's scope, is a 404. Nothing is stored.",
    params: locationParamSchema,
    query: adviceQuerySchema,
    response: locationAdviceSchema,
    status: 200,
    responseDescription:
      'The advice, residency violations and design violations',
    errors: [404],
    example: {
      params: { locationId: 'eusc-de-east-1' },
      query: {
        classification: 'restricted',
        homeCountry: 'DE',
        residencyCountries: 'DE',
        residencyPartition: 'aws-eusc',
      },
    },
  }),
};
