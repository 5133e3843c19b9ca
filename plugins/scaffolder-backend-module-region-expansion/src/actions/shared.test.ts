import { mockServices } from '@backstage/backend-test-utils';
import {
  accountIdSchema,
  CAPACITY_LIMITS,
  idSchema,
} from '@region-expansion/plugin-region-expansion-common';
import { toJSONSchema, type ZodType } from 'zod';
import {
  MAX_CELLS_PER_PLAN,
  PLAN_NAME_PATTERN,
} from '@region-expansion/plugin-region-expansion-node';
import { createPlanCellsAction } from './planCells';
import { createRegisterAction } from './register';
import { createRenderApplicationPlaneAction } from './renderApplicationPlane';
import { createRenderGuardrailsAction } from './renderGuardrails';

/**
 * The pattern the shared (`-common`) schema puts in its JSON Schema: on the
 * schema itself, or on its definition when -common registers it with an id.
 */
const patternOf = (schema: ZodType): string => {
  const json = toJSONSchema(schema) as {
    pattern?: string;
    $ref?: string;
    $defs?: Record<string, { pattern?: string }>;
  };
  const id = json.$ref?.replace('#/$defs/', '');
  const pattern = id ? json.$defs?.[id]?.pattern : json.pattern;
  if (!pattern) throw new Error('the shared schema states no pattern');
  return pattern;
};

const inputOf = (action: { schema?: { input?: unknown } }) =>
  action.schema?.input as { properties: Record<string, any> };

const discovery = mockServices.discovery();

describe("the actions' input schemas state the shared rules", () => {
  it.each([
    ['render-application-plane', createRenderApplicationPlaneAction()],
    [
      'register',
      createRegisterAction({ discovery, auth: mockServices.auth() }),
    ],
  ])(
    '%s bounds cells and their ids, accounts and capacity as -common does',
    (_, action) => {
      const { properties } = inputOf(action);
      expect(properties.name.pattern).toBe(PLAN_NAME_PATTERN.source);
      expect(properties.cells).toMatchObject({
        minItems: 1,
        maxItems: MAX_CELLS_PER_PLAN,
      });
      const cell = properties.cells.items.properties;
      for (const field of ['id', 'locationId', 'controlPlaneId']) {
        expect(cell[field].pattern).toBe(patternOf(idSchema));
      }
      expect(cell.accountId.pattern).toBe(patternOf(accountIdSchema));
      expect(cell.capacity.properties.tenants).toMatchObject({
        type: 'integer',
        minimum: 0,
        maximum: CAPACITY_LIMITS.tenants,
      });
      expect(cell.capacity.properties.loadUnits).toMatchObject({
        minimum: 0,
        maximum: CAPACITY_LIMITS.loadUnits,
      });
    },
  );

  it('plan-cells and render-guardrails check account ids and names as -common does', () => {
    const plan = inputOf(createPlanCellsAction()).properties;
    expect(plan.controlPlaneId.pattern).toBe(patternOf(idSchema));
    expect(plan.accountIds.items.pattern).toBe(patternOf(accountIdSchema));
    expect(plan.cellCount).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: MAX_CELLS_PER_PLAN,
    });
    const guardrails = inputOf(createRenderGuardrailsAction()).properties;
    expect(guardrails.name.pattern).toBe(PLAN_NAME_PATTERN.source);
    expect(guardrails.accountIds.items.pattern).toBe(
      patternOf(accountIdSchema),
    );
  });
});
