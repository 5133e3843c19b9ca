import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** The step every example of one action runs. */
interface ExampleStep {
  id: string;
  action: string;
  name: string;
}

/** Template examples of `step`, one per description and input. */
export function stepExamples(
  step: ExampleStep,
  examples: Array<{ description: string; input: Record<string, unknown> }>,
): TemplateExample[] {
  return examples.map(({ description, input }) => ({
    description,
    example: yaml.stringify({ steps: [{ ...step, input }] }),
  }));
}

/**
 * The planned cells the plan-cells examples produce first, as the register
 * and render examples take them: a pooled cell in Frankfurt and a
 * dedicated silo cell in the AWS European Sovereign Cloud.
 */
export const EXAMPLE_CELLS = {
  paymentsDe: {
    id: 'payments-de-cell-01',
    name: 'payments-de cell 01 (eu-central-1)',
    locationId: 'eu-central-1',
    controlPlaneId: 'payments-de-cp',
    lifecycle: 'planned',
    isolation: 'pooled',
    accountId: '111122223333',
    specVersion: '2026.1',
    capacity: { tenants: 50, loadUnits: 1000, quotas: {} },
  },
  healthEusc: {
    id: 'health-eusc-cell-01',
    name: 'health-eusc cell 01 (eusc-de-east-1)',
    locationId: 'eusc-de-east-1',
    controlPlaneId: 'health-eusc-cp',
    lifecycle: 'planned',
    isolation: 'dedicated',
    accountId: '111122223333',
    specVersion: '2026.1',
    capacity: { tenants: 1, loadUnits: 200, quotas: {} },
  },
};
