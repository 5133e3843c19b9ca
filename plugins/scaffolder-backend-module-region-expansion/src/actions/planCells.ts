import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  MAX_CELLS_PER_PLAN,
  planCells,
  type LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { asInputErrors } from '../domain/errors';
import { examples } from './planCells.examples';
import { accountIdInput, commonInputs, plannedCellSchema } from './shared';

/**
 * Options of {@link createPlanCellsAction}.
 *
 * @public
 */
export interface PlanCellsActionOptions {
  /** Location catalog; default the bundled snapshot. */
  catalog?: LocationCatalog;
}

/**
 * `region-expansion:plan-cells`: a cell specification and count become
 * planned cells (ids derived from the plan name) and the service-quota
 * requests per account. Pure planning, so it runs the same in a dry run.
 *
 * @public
 */
export function createPlanCellsAction(options: PlanCellsActionOptions = {}) {
  return createTemplateAction({
    id: 'region-expansion:plan-cells',
    description:
      'Plans cells from a cell specification and count, with the service quota requests per account',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...commonInputs,
        cellSpec: z =>
          z
            .object({})
            .passthrough()
            .describe(
              'Cell specification: version, isolation (pooled|dedicated), capacity {tenants, loadUnits, quotas}, serviceQuotas [{serviceCode, quotaCode, quotaName, perCell}]',
            ),
        cellCount: z =>
          z
            .number()
            .int()
            .min(1)
            .max(MAX_CELLS_PER_PLAN)
            .describe(`Number of cells (1-${MAX_CELLS_PER_PLAN})`),
        accountIds: z =>
          z
            .array(accountIdInput(z))
            .describe(
              '12-digit AWS account ids; cells are spread over them in turn',
            ),
      },
      output: {
        cells: z =>
          z
            .array(plannedCellSchema(z))
            .describe('Planned cells, lifecycle planned'),
        quotaRequests: z =>
          z
            .array(
              z.object({
                accountId: z.string(),
                cellIds: z.array(z.string()),
                requests: z.array(z.record(z.any())),
              }),
            )
            .describe('Service quota increases per account'),
        controlPlane: z =>
          z.record(z.any()).describe('The control plane the cells need'),
        partition: z => z.string().describe('Partition of the target location'),
      },
    },
    async handler(ctx) {
      const plan = asInputErrors(() => planCells(ctx.input, options.catalog));
      ctx.logger.info(
        `Planned ${plan.cells.length} ${plan.cells[0].isolation} cells in ${plan.targetLocation} over ${plan.quotaRequests.length} accounts`,
      );
      ctx.output('cells', plan.cells);
      ctx.output(
        'quotaRequests',
        JSON.parse(JSON.stringify(plan.quotaRequests)),
      );
      ctx.output('controlPlane', JSON.parse(JSON.stringify(plan.controlPlane)));
      ctx.output('partition', plan.partition);
    },
  });
}
