import { VALID_INPUTS, caseList, type HandlerCase } from './handlerCase';

/** `plan-cells`: counts, accounts and cell specs out of bounds. */
export function planCellsCases(): HandlerCase[] {
  const { cases, add } = caseList();
  add(
    'plan-cells',
    'huge-count',
    'name of 49 characters',
    { name: 'a'.repeat(49) },
    ['name'],
  );
  add('plan-cells', 'huge-count', 'cellCount 0', { cellCount: 0 }, [
    'cellCount',
  ]);
  add('plan-cells', 'huge-count', 'cellCount 100', { cellCount: 100 }, [
    'cellCount',
  ]);
  add(
    'plan-cells',
    'huge-count',
    'cellCount 1,000,000,000',
    { cellCount: 1e9 },
    ['cellCount'],
  );
  add('plan-cells', 'huge-count', 'cellCount 1.5', { cellCount: 1.5 }, [
    'cellCount',
  ]);
  add(
    'plan-cells',
    'huge-count',
    'cellCount Infinity',
    { cellCount: Infinity },
    ['cellCount'],
  );
  add('plan-cells', 'wrong-value', 'no accountIds', { accountIds: [] }, [
    'accountIds',
  ]);
  add('plan-cells', 'wrong-value', 'accountIds 123', { accountIds: ['123'] }, [
    'accountIds.0',
  ]);
  add(
    'plan-cells',
    'wrong-value',
    'silo with fewer accounts than cells',
    {
      isolationModel: 'silo',
      cellSpec: {
        ...VALID_INPUTS['plan-cells'].cellSpec,
        isolation: 'dedicated',
        capacity: { tenants: 1, loadUnits: 200, quotas: {} },
      },
      accountIds: ['111122223333'],
    },
    ['accountIds'],
  );
  add(
    'plan-cells',
    'wrong-value',
    'silo model with a pooled spec',
    { isolationModel: 'silo' },
    ['isolationModel', 'cellSpec.isolation', 'cellSpec'],
  );
  add('plan-cells', 'wrong-type', 'cellSpec empty', { cellSpec: {} }, [
    'cellSpec.version',
    'cellSpec',
  ]);
  add(
    'plan-cells',
    'wrong-type',
    'cellSpec.capacity.tenants a word',
    {
      cellSpec: {
        ...VALID_INPUTS['plan-cells'].cellSpec,
        capacity: { tenants: 'ten', loadUnits: 1 },
      },
    },
    ['cellSpec.capacity.tenants', 'cellSpec.capacity'],
  );
  add(
    'plan-cells',
    'wrong-value',
    'cellSpec quotaCode not a Service Quotas code (L- and 8 characters)',
    {
      cellSpec: {
        ...VALID_INPUTS['plan-cells'].cellSpec,
        serviceQuotas: [
          {
            serviceCode: 'lambda',
            quotaCode: '../x',
            quotaName: 'q',
            perCell: 1,
          },
        ],
      },
    },
    ['cellSpec.serviceQuotas.0.quotaCode', 'cellSpec.serviceQuotas'],
  );
  add(
    'plan-cells',
    'unknown-field',
    'cellSpec with an unknown field',
    { cellSpec: { ...VALID_INPUTS['plan-cells'].cellSpec, colour: 'red' } },
    ['cellSpec', 'cellSpec.colour'],
  );
  add(
    'plan-cells',
    'deep-nesting',
    'cellSpec 10,000 levels deep',
    { cellSpec: deepObject(10_000) },
    ['cellSpec', 'cellSpec.version', 'cellSpec.a'],
  );
  return cases;
}

function deepObject(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}
