import { comparisonRoutes } from '@region-expansion/plugin-region-expansion-common';

/*
 * The calls the MCP tests of the region-expansion actions make: one valid
 * call of each action, and the inputs several tests share.
 */

/** The MCP tool name of a region-expansion action. */
export const tool = (name: string) => `region-expansion.${name}`;

/** A CloudFormation template using S3 and a Lambda function. */
export const TEMPLATE = JSON.stringify({
  Resources: {
    Bucket: { Type: 'AWS::S3::Bucket' },
    Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
  },
});

/** Thirty bridge tenants whose data must stay in Germany. */
export const WHAT_IF = {
  profiles: [
    {
      count: 30,
      tier: 'bridge',
      classification: 'confidential',
      loadUnits: 3,
      residency: { countries: ['DE'] },
    },
  ],
  strategy: 'spread',
};

/**
 * The comparison route's documented example (restricted EU tenants in silo
 * cells) over candidates that include one outside the EU.
 */
export const COMPARE = {
  ...(comparisonRoutes.compareLocations.example!.body as {
    tenantClasses: readonly unknown[];
  }),
  candidates: ['eu-central-1', 'eu-west-1', 'us-east-1'],
};

/** One valid call of each action. */
export const CALLS: Array<[string, Record<string, unknown>]> = [
  ['get-location-readiness', { locationId: 'eu-west-1' }],
  [
    'assess-footprint',
    { locationId: 'eu-west-1', fileName: 'stack.json', content: TEMPLATE },
  ],
  ['what-if-placement', WHAT_IF],
  ['explain-placement', { tenantId: 'tenant-00001' }],
  ['place-tenant', { tenantId: 'new-tenant' }],
  ['compare-locations', COMPARE],
];

/** The one action that writes. */
export const WRITES = 'place-tenant';
