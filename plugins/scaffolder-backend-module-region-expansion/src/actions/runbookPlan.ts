import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  RegionExpansionClient,
  RUNBOOK_LIMITS,
  runbookRequestSchema,
} from '@region-expansion/plugin-region-expansion-common';
import { backendRefusal } from '../domain/errors';
import { examples } from './runbookPlan.examples';
import { initiatorToken } from '../domain/initiatorToken';
import { parseActionInput, type RunbookActionOptions } from './runbookShared';

/**
 * The request without the fields a template left blank (a wizard's unset
 * parameter renders as undefined or an empty string or list), so one
 * template can ask for every kind of move.
 */
function withoutBlanks(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return value;
  }
  const kept = Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => [key, withoutBlanks(v)] as const)
    .filter(
      ([, v]) =>
        v !== undefined &&
        v !== '' &&
        !(Array.isArray(v) && v.length === 0) &&
        !(
          typeof v === 'object' &&
          v !== null &&
          !Array.isArray(v) &&
          Object.keys(v).length === 0
        ),
    );
  return Object.fromEntries(kept);
}

/**
 * `region-expansion:runbook:plan`: asks the region-expansion backend for
 * the runbook of a move (`POST /placements/migration-runbooks`, nothing is
 * written) and outputs it for review and for `region-expansion:runbook:execute`.
 * A move the backend refuses (unknown tenant or cell, a forbidden border)
 * fails the task with the backend's `field: reason`.
 *
 * @public
 */
export function createRunbookPlanAction(options: RunbookActionOptions) {
  const client = new RegionExpansionClient({ discoveryApi: options.discovery });
  return createTemplateAction({
    id: 'region-expansion:runbook:plan',
    description:
      'Plans a tenant migration runbook (named tenants to a cell or location, every tenant of a cell, or tenants into a partition): ordered steps with residency checks, estimated duration and cost. Writes nothing',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        request: z =>
          z
            .object({
              kind: z.enum(['tenants', 'evacuate-cell', 'into-partition']),
              tenantIds: z
                .array(z.string())
                .max(RUNBOOK_LIMITS.tenants)
                .optional(),
              target: z
                .object({
                  cellId: z.string().optional(),
                  locationId: z.string().optional(),
                })
                .optional(),
              cellId: z.string().optional(),
              partition: z.string().optional(),
            })
            .describe(
              'The move, as POST /placements/migration-runbooks takes it',
            ),
      },
      output: {
        runbook: z =>
          z
            .record(z.unknown())
            .describe('The runbook: moves, ordered steps, totals'),
        runbookId: z => z.string().describe('Id of the runbook'),
        summary: z =>
          z.string().describe('One line: tenants, steps, duration, cost'),
      },
    },
    async handler(ctx) {
      const request = parseActionInput(
        runbookRequestSchema,
        withoutBlanks(ctx.input.request),
        'request',
      );
      const token = await initiatorToken(options.auth, ctx);
      const runbook = await client
        .planMigrationRunbook({ body: request }, { token })
        .catch(error => {
          throw backendRefusal(error, 'request');
        });
      const { totals } = runbook;
      const cost = totals.estimatedCost
        ? `${totals.estimatedCost.amount} ${totals.estimatedCost.currency}`
        : `not priced (${totals.noPrice})`;
      const summary = `${runbook.moves.length} tenants, ${runbook.steps.length} steps, about ${totals.estimatedMinutes} minutes, cost ${cost}`;
      ctx.logger.info(`Runbook ${runbook.id}: ${summary}`);
      ctx.output('runbook', runbook);
      ctx.output('runbookId', runbook.id);
      ctx.output('summary', summary);
    },
  });
}
