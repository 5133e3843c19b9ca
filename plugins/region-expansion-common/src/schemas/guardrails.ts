import { z } from 'zod';

const statementSchema = z
  .record(z.string(), z.unknown())
  .meta({ id: 'PolicyStatement', description: 'One IAM policy statement' });

/**
 * Statement-level difference of one SCP: only rendered (`missing`), only in
 * AWS (`extra`), same `Sid` with other content (`changed`).
 *
 * @public
 */
export const policyStatementDiffSchema = z
  .object({
    missing: z.array(statementSchema),
    extra: z.array(statementSchema),
    changed: z.array(
      z.object({
        sid: z.string(),
        expected: statementSchema,
        actual: statementSchema,
      }),
    ),
  })
  .meta({ id: 'PolicyStatementDiff' });

/**
 * Drift of one guardrail plan from AWS Organizations.
 *
 * @public
 */
export const guardrailDriftReportSchema = z
  .object({
    plan: z.string(),
    location: z.string(),
    partition: z.string(),
    status: z.enum(['ok', 'drift', 'unknown']),
    ouPath: z.string(),
    ouFound: z.boolean(),
    misplacedAccounts: z.array(
      z.object({ accountId: z.string(), actualPath: z.string().optional() }),
    ),
    unexpectedAccounts: z.array(z.string()),
    policies: z.array(
      z.object({
        name: z.string(),
        state: z.enum(['match', 'missing', 'changed']),
        statements: policyStatementDiffSchema,
      }),
    ),
    extraPolicies: z.array(z.object({ id: z.string(), name: z.string() })),
    summary: z
      .array(z.string())
      .meta({ description: 'One line per difference' }),
    reason: z
      .string()
      .optional()
      .meta({ description: 'Why the status is `unknown`' }),
  })
  .meta({ id: 'GuardrailDriftReport' });

/**
 * `GET /locations/{locationId}/guardrail-drift`: the drift of every
 * guardrail plan of a location; `configured` is false when the backend has
 * no drift check (`regionExpansion.guardrails.drift`), and `plans` is empty
 * when no plan targets the location.
 *
 * @public
 */
export const locationGuardrailDriftSchema = z
  .object({
    locationId: z.string(),
    configured: z.boolean(),
    plans: z.array(guardrailDriftReportSchema),
  })
  .meta({ id: 'LocationGuardrailDrift' });

/**
 * Drift of one guardrail plan, as the wire carries it.
 *
 * @public
 */
export type GuardrailDriftReportData = z.output<
  typeof guardrailDriftReportSchema
>;

/**
 * A location's guardrail drift, as the wire carries it.
 *
 * @public
 */
export type LocationGuardrailDrift = z.output<
  typeof locationGuardrailDriftSchema
>;
