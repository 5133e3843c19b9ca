import {
  campaignManagePermission,
  campaignReadPermission,
} from '../permissions';
import {
  approveCampaignCostSchema,
  campaignListQuerySchema,
  campaignParamSchema,
  campaignSummarySchema,
  campaignTenantParamSchema,
  campaignViewSchema,
  createCampaignSchema,
  recordPayingTenantSchema,
} from '../schemas/campaigns';
import { itemsOf } from './estate';
import { defineRoute } from './route';

const campaign = { params: { campaignId: 'launch-eu-central-2' } };

/**
 * Routes of Region launch campaigns: gates with their history, burn-up,
 * cost approval and time to revenue.
 *
 * @public
 */
export const campaignRoutes = {
  listCampaigns: defineRoute({
    method: 'GET',
    path: '/campaigns',
    permission: campaignReadPermission,
    tag: 'campaigns',
    summary: 'Region launch campaigns with their progress',
    description:
      'Ordered by target date, then id. `atRisk`: the target date has passed, or is within 14 days, with a gate not passed.',
    query: campaignListQuerySchema,
    response: itemsOf(campaignSummarySchema),
    status: 200,
    responseDescription: 'The campaigns',
  }),
  createCampaign: defineRoute({
    method: 'POST',
    path: '/campaigns',
    permission: campaignManagePermission,
    tag: 'campaigns',
    summary: 'Start a launch campaign for a location and evaluate its gates',
    description:
      'A 400 names the field: an unknown gate (`gates.N`), a target date before today (`targetDate`), an unknown location (`locationId`), an empty plan (`plan`). A campaign id already used is a 409. Nothing is stored on an error.',
    body: createCampaignSchema,
    response: campaignViewSchema,
    status: 201,
    responseDescription: 'The campaign with its first gate states',
    errors: [409],
    example: {
      body: {
        id: 'launch-eu-central-2',
        locationId: 'eu-central-2',
        owner: 'group:default/platform-team',
        targetDate: '2099-03-31',
        plan: {
          tenantIds: ['acme'],
          classes: [{ tier: 'pool', classification: 'internal', count: 5 }],
        },
        gates: ['readiness-level', 'no-unwaived-blockers', 'cost-approved'],
      },
    },
  }),
  getCampaign: defineRoute({
    method: 'GET',
    path: '/campaigns/{campaignId}',
    permission: campaignReadPermission,
    tag: 'campaigns',
    summary: 'A campaign with its gates, history, burn-up and time to revenue',
    description:
      "Time to revenue counts from the first day with cost for the location's Region in AWS Cost Explorer (`regionExpansion.campaigns.costExplorer`); when costs cannot be read it counts from the campaign's start and says why.",
    params: campaignParamSchema,
    response: campaignViewSchema,
    status: 200,
    responseDescription: 'The campaign',
    errors: [404],
    example: campaign,
  }),
  evaluateCampaign: defineRoute({
    method: 'POST',
    path: '/campaigns/{campaignId}/evaluate',
    permission: campaignManagePermission,
    tag: 'campaigns',
    summary:
      "Recompute the gates from the location's latest readiness evaluation",
    description:
      'Each gate whose state changes gets a history row. The readiness evaluation itself is not re-run.',
    params: campaignParamSchema,
    response: campaignViewSchema,
    status: 200,
    responseDescription: 'The campaign with its recomputed gates',
    errors: [404],
    example: campaign,
  }),
  approveCampaignCost: defineRoute({
    method: 'POST',
    path: '/campaigns/{campaignId}/cost-approval',
    permission: campaignManagePermission,
    tag: 'campaigns',
    summary: "Approve the location's cost estimate for the campaign",
    description:
      'Records the caller, the time and the monthly cost per tenant estimated now (or why none was priced); passes the `cost-approved` gate. A later approval replaces the earlier one.',
    params: campaignParamSchema,
    body: approveCampaignCostSchema,
    bodyOptional: true,
    response: campaignViewSchema,
    status: 200,
    responseDescription: 'The campaign with its approval',
    errors: [404],
    example: { ...campaign, body: { note: 'within the Q1 budget' } },
  }),
  recordPayingTenant: defineRoute({
    method: 'PUT',
    path: '/campaigns/{campaignId}/paying-tenants/{tenantId}',
    permission: campaignManagePermission,
    tag: 'campaigns',
    summary: 'Record that a planned tenant pays since a day',
    description:
      'The tenant must be named in the plan (else a 400 naming `tenantId`) and `payingSince` must not be in the future. Recording it again replaces the day.',
    params: campaignTenantParamSchema,
    body: recordPayingTenantSchema,
    response: campaignViewSchema,
    status: 200,
    responseDescription: 'The campaign with its time to revenue',
    errors: [404],
    example: {
      params: { campaignId: 'launch-eu-central-2', tenantId: 'acme' },
      body: { payingSince: '2026-12-01' },
    },
  }),
};
