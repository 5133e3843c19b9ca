import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  RegionExpansionClient,
  runbookSchema,
  type Runbook,
  type RunbookStep,
} from '@region-expansion/plugin-region-expansion-common';
import { backendRefusal } from '../domain/errors';
import { examples } from './runbookExecute.examples';
import { initiatorToken } from '../domain/initiatorToken';
import { parseActionInput, type RunbookActionOptions } from './runbookShared';

type Move = Runbook['moves'][number];

/** What a step did, recorded on the tenant's history. */
interface StepOutcome {
  detail: string;
}

/**
 * `region-expansion:runbook:execute`: runs a runbook from
 * `region-expansion:runbook:plan` step by step, each inside
 * `ctx.checkpoint` (key `<runbookId>-<n>`), so a retried task does not redo
 * a step that finished. Metadata re-checks the move with the backend,
 * cutover commits it (`POST /placements/migration-plan` with `commit`),
 * verify reads the tenant back; data copies and key re-wraps are NOT done
 * by this action: it logs what the operator's pipeline must run and
 * records that hand-off. Each finished or failed step is recorded on the
 * tenant's history. A dry run records nothing and only logs the steps.
 *
 * @public
 */
export function createRunbookExecuteAction(options: RunbookActionOptions) {
  const client = new RegionExpansionClient({ discoveryApi: options.discovery });
  return createTemplateAction({
    id: 'region-expansion:runbook:execute',
    description:
      "Executes a migration runbook step by step with checkpoints: re-checks the move (metadata), commits the placement (cutover) and verifies it through the region-expansion backend, and records each step on the tenant's history. It does not copy data or re-wrap keys: for those steps it logs what the operator's pipeline must run. The rollback step runs only when verification fails. Dry run logs the steps and records nothing",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        runbook: z =>
          z
            .record(z.unknown())
            .describe('The runbook output of region-expansion:runbook:plan'),
        expectedRunbookId: z =>
          z
            .string()
            .optional()
            .describe(
              'The id of the runbook that was reviewed; a different runbook (the estate changed since) is refused',
            ),
      },
      output: {
        completedSteps: z =>
          z.array(z.number()).describe('Steps finished, by number'),
        handedOff: z =>
          z
            .array(z.string())
            .describe(
              "Data copies and key re-wraps left to the operator's pipeline",
            ),
      },
    },
    async handler(ctx) {
      const runbook = parseActionInput(
        runbookSchema,
        ctx.input.runbook,
        'runbook',
      );
      const expected = ctx.input.expectedRunbookId;
      if (expected && expected !== runbook.id) {
        throw new InputError(
          `expectedRunbookId: the runbook is now ${runbook.id}, not the reviewed ${expected}: the estate changed since the review, review the new runbook`,
        );
      }
      const moves = new Map(runbook.moves.map(m => [m.tenantId, m]));
      const moveOf = (step: RunbookStep): Move => {
        const move = moves.get(step.tenantId);
        if (!move) {
          throw new InputError(
            `runbook.steps.${step.n - 1}.tenantId: tenant ${
              step.tenantId
            } has no move in the runbook`,
          );
        }
        return move;
      };
      const forward = runbook.steps.filter(s => s.kind !== 'rollback');
      forward.forEach(moveOf);
      if (ctx.isDryRun) {
        for (const step of runbook.steps) {
          ctx.logger.info(
            `Dry run: step ${step.n} ${step.kind} for tenant ${step.tenantId} (${step.from} to ${step.to}) would run: ${step.detail}; nothing recorded`,
          );
        }
        ctx.output('completedSteps', []);
        ctx.output('handedOff', []);
        return;
      }

      const token = await initiatorToken(options.auth, ctx);
      const refused = (field: string) => (error: unknown) => {
        throw backendRefusal(error, field);
      };
      const record = (
        step: RunbookStep,
        status: 'done' | 'failed',
        detail: string,
      ) =>
        client
          .recordRunbookProgress(
            {
              path: { id: step.tenantId },
              body: {
                runbookId: runbook.id,
                step: step.n,
                kind: step.kind,
                status,
                detail: detail.slice(0, 1000),
              },
            },
            { token },
          )
          .catch(refused(`runbook.steps.${step.n - 1}`));
      const cellOf = async (tenantId: string) =>
        (
          await client
            .getTenant({ path: { id: tenantId } }, { token })
            .catch(refused('runbook.moves'))
        ).cellId;
      const moveTo = async (move: Move, cellId: string, commit: boolean) => {
        const outcome = await client
          .planMigration(
            { body: { tenantId: move.tenantId, target: { cellId }, commit } },
            { token },
          )
          .catch(refused('runbook.moves'));
        if (!outcome.plan.ok) {
          throw new InputError(
            `runbook.moves: tenant ${
              move.tenantId
            } can no longer move to cell ${cellId}: ${outcome.plan.violations
              .map(v => `${v.constraint}: ${v.detail}`)
              .join('; ')}; plan the runbook again`,
          );
        }
      };

      const handedOff: string[] = [];
      const work: Record<
        RunbookStep['kind'],
        (step: RunbookStep, move: Move) => Promise<StepOutcome>
      > = {
        metadata: async (_, move) => {
          await moveTo(move, move.toCellId, false);
          return {
            detail: `backend re-checked the move of ${move.tenantId} to cell ${move.toCellId}: allowed`,
          };
        },
        'data-copy': async step => handOff(step),
        'key-rewrap': async step => handOff(step),
        cutover: async (_, move) => {
          // A retry after a committed cutover finds the tenant moved.
          if ((await cellOf(move.tenantId)) !== move.toCellId) {
            await moveTo(move, move.toCellId, true);
          }
          return {
            detail: `placement of ${move.tenantId} committed to cell ${move.toCellId}`,
          };
        },
        verify: async (_, move) => {
          const cellId = await cellOf(move.tenantId);
          if (cellId !== move.toCellId) {
            throw new Error(
              `tenant ${move.tenantId} is in cell ${cellId}, not ${move.toCellId}`,
            );
          }
          return { detail: `tenant ${move.tenantId} lives in cell ${cellId}` };
        },
        rollback: async (_, move) => {
          if ((await cellOf(move.tenantId)) !== move.fromCellId) {
            await moveTo(move, move.fromCellId, true);
          }
          return {
            detail: `placement of ${move.tenantId} moved back to cell ${move.fromCellId}`,
          };
        },
      };
      function handOff(step: RunbookStep): StepOutcome {
        const line = `operator pipeline must run step ${step.n} (${step.kind}${
          step.store ? ` ${step.store}` : ''
        }) for tenant ${step.tenantId}, ${step.from} to ${step.to}: ${
          step.detail
        }`;
        ctx.logger.info(line);
        handedOff.push(line);
        return {
          detail: `handed to the operator's pipeline; this action copies no data and re-wraps no key: ${step.detail}`,
        };
      }

      const run = (step: RunbookStep) =>
        ctx.checkpoint({
          key: `${runbook.id}-${step.n}`,
          fn: async () => {
            let outcome: StepOutcome;
            try {
              outcome = await work[step.kind](step, moveOf(step));
            } catch (error) {
              await record(step, 'failed', String((error as Error).message));
              throw error;
            }
            await record(step, 'done', outcome.detail);
            return step.n;
          },
        });

      const completed: number[] = [];
      for (const step of forward) {
        try {
          completed.push(await run(step));
        } catch (error) {
          if (step.kind !== 'verify') throw error;
          // Verification failed: undo this tenant's move, then fail.
          const rollback = runbook.steps.find(
            s => s.kind === 'rollback' && s.tenantId === step.tenantId,
          );
          if (rollback) completed.push(await run(rollback));
          throw error;
        }
      }
      ctx.logger.info(
        `Runbook ${runbook.id}: ${completed.length} steps done, ${handedOff.length} handed to the operator's pipeline`,
      );
      ctx.output('completedSteps', completed);
      ctx.output('handedOff', handedOff);
    },
  });
}
