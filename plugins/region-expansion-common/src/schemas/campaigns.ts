import { z } from 'zod';
import { GOVERNANCE_COVERAGE_CHECKS } from '../types/readiness';
import { typeError } from './errors';
import { idSchema } from './primitives';
import { readinessLevelSchema } from './readiness';
import { dataClassificationSchema, tenantTierSchema } from './tenants';

const isoTime = z.iso.datetime({ offset: true });

/**
 * Bounds of a campaign: planned tenants and classes, gates, the history a
 * view shows and the burn-up's points.
 *
 * @public
 */
export const CAMPAIGN_LIMITS = {
  tenantIds: 500,
  classes: 20,
  classCount: 10_000,
  historyInView: 200,
  burnUpPoints: 730,
  /** A target date within this many days with gates open is at risk. */
  atRiskDays: 14,
  note: 500,
} as const;

/**
 * Every gate a campaign may choose, in display order.
 *
 * @public
 */
export const CAMPAIGN_GATE_IDS = [
  'readiness-level',
  ...GOVERNANCE_COVERAGE_CHECKS,
  'guardrail-drift',
  'no-unwaived-blockers',
  'cost-approved',
] as const;

/**
 * A gate id (see {@link CAMPAIGN_GATE_IDS}).
 *
 * @public
 */
export type CampaignGateId = (typeof CAMPAIGN_GATE_IDS)[number];

/**
 * A gate id: anything else is a 400 naming `gates.N`.
 *
 * @public
 */
export const campaignGateIdSchema = z
  .enum(CAMPAIGN_GATE_IDS as unknown as [CampaignGateId, ...CampaignGateId[]], {
    error: `must be a known gate: ${CAMPAIGN_GATE_IDS.join(', ')}`,
  })
  .meta({ id: 'CampaignGateId' });

/**
 * State of a gate: `unknown` when the evidence cannot tell.
 *
 * @public
 */
export const campaignGateStateSchema = z
  .enum(['passed', 'failed', 'unknown'])
  .meta({ id: 'CampaignGateState' });

/**
 * A calendar day, `YYYY-MM-DD` (UTC).
 *
 * @public
 */
export const campaignDaySchema = z
  .string(typeError('a day such as 2027-03-31'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day such as 2027-03-31')
  .refine(
    day =>
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
      new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day,
    'must be a day such as 2027-03-31',
  )
  .meta({ id: 'Day', example: '2027-03-31' });

/**
 * An entity ref of the owner, such as `group:default/platform-team`.
 *
 * @public
 */
export const campaignOwnerSchema = z
  .string(typeError('an entity ref such as group:default/platform-team'))
  .max(255, 'must be at most 255 characters')
  .regex(
    /^(group|user):[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/,
    'must be an entity ref such as group:default/platform-team',
  );

/**
 * A class of tenants the campaign plans to onboard without naming them.
 *
 * @public
 */
export const campaignPlannedClassSchema = z
  .strictObject({
    tier: tenantTierSchema,
    classification: dataClassificationSchema,
    count: z
      .number(typeError('a number'))
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(
        CAMPAIGN_LIMITS.classCount,
        `must be at most ${CAMPAIGN_LIMITS.classCount}`,
      ),
  })
  .meta({ id: 'CampaignPlannedClass' });

/**
 * The tenants a campaign plans to onboard: by id and by class; at least
 * one overall.
 *
 * @public
 */
export const campaignPlanSchema = z
  .strictObject({
    tenantIds: z
      .array(idSchema)
      .max(
        CAMPAIGN_LIMITS.tenantIds,
        `must list at most ${CAMPAIGN_LIMITS.tenantIds} tenants`,
      )
      .refine(
        ids => new Set(ids).size === ids.length,
        'must not repeat a tenant',
      )
      .default([]),
    classes: z
      .array(campaignPlannedClassSchema)
      .max(
        CAMPAIGN_LIMITS.classes,
        `must list at most ${CAMPAIGN_LIMITS.classes} classes`,
      )
      .default([]),
  })
  .refine(
    plan => plan.tenantIds.length + plan.classes.length > 0,
    'must plan at least one tenant (tenantIds or classes)',
  )
  .meta({ id: 'CampaignPlan' });

/**
 * Body of `POST /campaigns`.
 *
 * @public
 */
export const createCampaignSchema = z
  .strictObject({
    id: idSchema.describe('Campaign id; a second campaign with it is a 409'),
    locationId: idSchema.describe(
      'The target location (a Region or Local Zone of the location catalog)',
    ),
    owner: campaignOwnerSchema,
    targetDate: campaignDaySchema.describe('Today or later (UTC)'),
    plan: campaignPlanSchema,
    gates: z
      .array(campaignGateIdSchema)
      .min(1, 'must choose at least one gate')
      .max(CAMPAIGN_GATE_IDS.length, 'must not repeat a gate')
      .superRefine((gates, ctx) => {
        gates.forEach((gate, index) => {
          if (gates.indexOf(gate) !== index) {
            ctx.addIssue({
              code: 'custom',
              message: 'must not repeat a gate',
              path: [index],
            });
          }
        });
      }),
    requiredReadinessLevel: readinessLevelSchema
      .default('ready')
      .describe('Level the `readiness-level` gate requires; default `ready`'),
  })
  .meta({ id: 'CreateCampaign' });

/**
 * Validated body of `POST /campaigns`.
 *
 * @public
 */
export type CreateCampaignInput = z.output<typeof createCampaignSchema>;

/**
 * A recorded cost approval: the estimate at approval time, or why none was
 * priced.
 *
 * @public
 */
export const campaignCostApprovalSchema = z
  .object({
    approvedBy: z.string().describe("The approver's entity ref"),
    approvedAt: isoTime,
    note: z.string().optional(),
    monthlyPerTenant: z
      .number()
      .optional()
      .describe('Monthly cost per tenant estimated at approval time'),
    currency: z.string().optional(),
    unpricedReason: z
      .string()
      .optional()
      .describe('Why no estimate was priced; absent when one was'),
  })
  .meta({ id: 'CampaignCostApproval' });

/**
 * A recorded cost approval.
 *
 * @public
 */
export type CampaignCostApproval = z.output<typeof campaignCostApprovalSchema>;

/**
 * A tenant the campaign records as paying since a day.
 *
 * @public
 */
export const campaignPayingTenantSchema = z
  .object({ tenantId: z.string(), payingSince: campaignDaySchema })
  .meta({ id: 'CampaignPayingTenant' });

/**
 * A stored campaign.
 *
 * @public
 */
export const campaignSchema = z
  .object({
    id: z.string(),
    locationId: z.string(),
    owner: z.string(),
    targetDate: campaignDaySchema,
    createdAt: isoTime,
    createdBy: z.string().describe("The creator's entity ref"),
    plan: z.object({
      tenantIds: z.array(z.string()),
      classes: z.array(
        z.object({
          tier: tenantTierSchema,
          classification: dataClassificationSchema,
          count: z.number().int(),
        }),
      ),
    }),
    gates: z.array(campaignGateIdSchema).describe('Gates chosen at creation'),
    requiredReadinessLevel: readinessLevelSchema,
    costApproval: campaignCostApprovalSchema.optional(),
    payingTenants: z.array(campaignPayingTenantSchema),
  })
  .meta({ id: 'Campaign' });

/**
 * A stored campaign.
 *
 * @public
 */
export type Campaign = z.output<typeof campaignSchema>;

/** A gate's state and why: what its current state and its history share. */
const gateStateShape = {
  gateId: campaignGateIdSchema,
  state: campaignGateStateSchema,
  reason: z.string().describe('One sentence on why'),
};

/**
 * The current state of one gate.
 *
 * @public
 */
export const campaignGateSchema = z
  .object({
    ...gateStateShape,
    since: isoTime.describe('When the gate entered this state'),
  })
  .meta({ id: 'CampaignGate' });

/**
 * The current state of one gate.
 *
 * @public
 */
export type CampaignGate = z.output<typeof campaignGateSchema>;

/**
 * One change of a gate's state.
 *
 * @public
 */
export const campaignGateChangeSchema = z
  .object({
    ...gateStateShape,
    at: isoTime.describe('When the gate changed to this state'),
  })
  .meta({ id: 'CampaignGateChange' });

/**
 * One change of a gate's state.
 *
 * @public
 */
export type CampaignGateChange = z.output<typeof campaignGateChangeSchema>;

/**
 * One day of the burn-up.
 *
 * @public
 */
export const campaignBurnUpPointSchema = z
  .object({
    date: campaignDaySchema,
    gatesPassed: z.number().int().describe("Passed at the day's end"),
    gatesTotal: z.number().int(),
    tenantsOnboarded: z
      .number()
      .int()
      .describe('Planned tenants placed in a cell of the location by then'),
    tenantsPlanned: z.number().int(),
    projected: z
      .literal(true)
      .optional()
      .describe(
        "Present on days after today (up to the target date): today's values carried forward",
      ),
  })
  .meta({ id: 'CampaignBurnUpPoint' });

/**
 * One day of the burn-up.
 *
 * @public
 */
export type CampaignBurnUpPoint = z.output<typeof campaignBurnUpPointSchema>;

/**
 * Days from the first spend in the Region to the first paying tenant placed
 * there, and the spend until then.
 *
 * @public
 */
export const campaignTimeToRevenueSchema = z
  .object({
    firstSpend: z.object({
      at: isoTime,
      source: z
        .enum(['cost-explorer', 'campaign-start'])
        .describe(
          '`cost-explorer`: first day with cost in the Region; `campaign-start`: costs could not be read',
        ),
      reason: z
        .string()
        .optional()
        .describe('Why Cost Explorer was not used; absent when it was'),
    }),
    firstPayingTenant: z
      .object({ tenantId: z.string(), at: isoTime })
      .optional()
      .describe('Absent until a planned, placed tenant is recorded paying'),
    days: z
      .number()
      .int()
      .optional()
      .describe('Whole days from first spend to the first paying tenant'),
    spendUntilFirstRevenue: z
      .object({ amount: z.number(), currency: z.string() })
      .optional()
      .describe('Daily costs summed up to that day; absent when not read'),
    reason: z.string().optional().describe('Why `days` or the spend is absent'),
  })
  .meta({ id: 'CampaignTimeToRevenue' });

/**
 * Time to revenue of a campaign.
 *
 * @public
 */
export type CampaignTimeToRevenue = z.output<
  typeof campaignTimeToRevenueSchema
>;

/**
 * A campaign with its gates, their latest history, burn-up and time to
 * revenue.
 *
 * @public
 */
export const campaignViewSchema = campaignSchema
  .extend({
    gates: z
      .array(campaignGateSchema)
      .describe('One per gate chosen at creation, with its state'),
    history: z
      .array(campaignGateChangeSchema)
      .describe('Changes of gate state, newest first (latest 200)'),
    burnUp: z.array(campaignBurnUpPointSchema),
    timeToRevenue: campaignTimeToRevenueSchema,
  })
  .meta({ id: 'CampaignView' });

/**
 * A campaign as `GET /campaigns/{campaignId}` answers it.
 *
 * @public
 */
export type CampaignView = z.output<typeof campaignViewSchema>;

/**
 * A campaign as `GET /campaigns` lists it.
 *
 * @public
 */
export const campaignSummarySchema = z
  .object({
    id: z.string(),
    locationId: z.string(),
    owner: z.string(),
    targetDate: campaignDaySchema,
    gatesPassed: z.number().int(),
    gatesTotal: z.number().int(),
    tenantsOnboarded: z.number().int(),
    tenantsPlanned: z.number().int(),
    atRisk: z
      .boolean()
      .describe(
        'Target date passed, or within 14 days, with a gate not passed',
      ),
  })
  .meta({ id: 'CampaignSummary' });

/**
 * A campaign as `GET /campaigns` lists it.
 *
 * @public
 */
export type CampaignSummary = z.output<typeof campaignSummarySchema>;

/**
 * Query of `GET /campaigns`.
 *
 * @public
 */
export const campaignListQuerySchema = z.strictObject({
  locationId: idSchema.optional().describe('Only campaigns of this location'),
});

/**
 * Path parameter of the routes under `/campaigns/{campaignId}`.
 *
 * @public
 */
export const campaignParamSchema = z.strictObject({ campaignId: idSchema });

/**
 * Path parameters of `PUT /campaigns/{campaignId}/paying-tenants/{tenantId}`.
 *
 * @public
 */
export const campaignTenantParamSchema = z.strictObject({
  campaignId: idSchema,
  tenantId: idSchema,
});

/**
 * Body of `POST /campaigns/{campaignId}/cost-approval`.
 *
 * @public
 */
export const approveCampaignCostSchema = z
  .strictObject({
    note: z
      .string(typeError('a string'))
      .trim()
      .max(
        CAMPAIGN_LIMITS.note,
        `must be at most ${CAMPAIGN_LIMITS.note} characters`,
      )
      .optional(),
  })
  .meta({ id: 'ApproveCampaignCost' });

/**
 * Body of `PUT /campaigns/{campaignId}/paying-tenants/{tenantId}`.
 *
 * @public
 */
export const recordPayingTenantSchema = z
  .strictObject({
    payingSince: campaignDaySchema.describe('Today or earlier (UTC)'),
  })
  .meta({ id: 'RecordPayingTenant' });
