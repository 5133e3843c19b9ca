import { InputError } from '@backstage/errors';
import {
  Cell,
  idSchema,
  PlacementRecord,
  Tenant,
  tenantReadPermission,
} from '@region-expansion/plugin-region-expansion-common';
import { z as zod } from 'zod';
import { PlacementService } from '../placement/PlacementService';
import { parseInput } from '../routing/requestHelpers';
import {
  classificationInput,
  residencyInput,
  tierInput,
} from './actionSchemas';
import { registerAction } from './registerAction';
import type { RegionExpansionActionsOptions } from './registerRegionExpansionActions';

const NAME = 'explain-placement';

/** The input's rules: a tenant id as the REST path takes it. */
const explainInputSchema = zod.strictObject({ tenantId: idSchema });

/** Whether the placement rules accept the tenant in its cell as they stand now. */
async function checkRulesNow(
  placement: PlacementService,
  cell: Cell,
  tenant: Tenant,
): Promise<{ rulesHoldNow: boolean; ruleViolation?: string }> {
  try {
    await placement.assertPinAllowed(cell, tenant);
    return { rulesHoldNow: true };
  } catch (error) {
    if (error instanceof InputError) {
      return { rulesHoldNow: false, ruleViolation: error.message };
    }
    throw error;
  }
}

/** One sentence an agent can repeat: where the tenant is and why. */
function summarize(
  tenant: Tenant,
  cell: Cell | undefined,
  decision: PlacementRecord | undefined,
  rules: { rulesHoldNow: boolean; ruleViolation?: string } | undefined,
): string {
  if (!cell) {
    return `Tenant '${tenant.id}' is not placed in any cell yet; a what-if placement shows where it would go.`;
  }
  const why = decision
    ? `it was ${decision.kind} there on ${decision.at} (${decision.strategy}): ${decision.reason}`
    : 'no placement decision is recorded for it (it was pinned or imported into the cell)';
  const now = rules?.rulesHoldNow
    ? 'The placement rules still accept it there.'
    : `The placement rules no longer accept it there: ${rules?.ruleViolation}.`;
  return `Tenant '${tenant.id}' lives in cell '${cell.id}' in ${cell.locationId} (${cell.partition}); ${why}. ${now}`;
}

/**
 * Registers `explain-placement`: why a tenant is in its cell, from the
 * stored decisions (`GET /tenants/{id}/history`) and the placement rules
 * checked again against the tenant and cell as they are now.
 */
export function createExplainPlacementAction(
  options: RegionExpansionActionsOptions,
) {
  const { estate, tenants, placement } = options;
  registerAction(options, {
    name: NAME,
    title: 'Explain a tenant placement',
    description: `Explains why a tenant (a customer) is in its cell: the cell and its location and partition, the tenant's isolation tier, data classification and residency, every stored placement decision with its reason, strategy and time (first placement and moves), and whether the placement rules (partition, residency, tier) still accept the tenant in that cell today. An unplaced tenant says so.
Needs region-expansion.tenant.read for the whole estate, like GET /tenants/{id}.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          tenantId: z.string().describe('The tenant id, e.g. tenant-00001'),
        }),
      output: z =>
        z.object({
          summary: z.string().describe('Where the tenant is and why'),
          tenant: z.object({
            id: z.string(),
            name: z.string(),
            tier: tierInput(z),
            classification: classificationInput(z),
            residency: residencyInput(z),
          }),
          cell: z
            .object({
              id: z.string(),
              name: z.string(),
              locationId: z.string(),
              partition: z.string(),
              isolation: z.string(),
              lifecycle: z.string(),
            })
            .optional()
            .describe('Absent when the tenant is not placed'),
          decisions: z
            .array(
              z.object({
                kind: z.enum(['placed', 'migrated']),
                at: z.string(),
                fromCellId: z.string().optional(),
                cellId: z.string(),
                strategy: z.string(),
                reason: z.string(),
              }),
            )
            .describe('Stored placement decisions, oldest first'),
          rulesHoldNow: z
            .boolean()
            .optional()
            .describe('Whether the rules still accept the tenant in its cell'),
          ruleViolation: z.string().optional(),
        }),
    },
    examples: [
      {
        title: 'Why is tenant-00001 where it is?',
        input: { tenantId: 'tenant-00001' },
      },
    ],
    permission: tenantReadPermission,
    scoped: false,
    run: async ({ input }) => {
      const { tenantId: id } = parseInput(explainInputSchema, input);
      const tenant = await tenants.getTenant(id);
      const history = await tenants.getTenantHistory(id);
      const cell = tenant.cellId
        ? await estate.getCell(tenant.cellId)
        : undefined;
      const rules = cell
        ? await checkRulesNow(placement, cell, tenant)
        : undefined;
      const decision = [...history]
        .reverse()
        .find(record => record.cellId === tenant.cellId);
      return {
        summary: summarize(tenant, cell, decision, rules),
        tenant: {
          id: tenant.id,
          name: tenant.name,
          tier: tenant.tier,
          classification: tenant.classification,
          residency: tenant.residency,
        },
        ...(cell
          ? {
              cell: {
                id: cell.id,
                name: cell.name,
                locationId: cell.locationId,
                partition: cell.partition,
                isolation: cell.isolation,
                lifecycle: cell.lifecycle,
              },
            }
          : {}),
        decisions: history.map(record => ({
          kind: record.kind,
          at: record.at,
          ...(record.fromCellId ? { fromCellId: record.fromCellId } : {}),
          cellId: record.cellId,
          strategy: record.strategy,
          reason: record.reason,
        })),
        ...rules,
      };
    },
  });
}
