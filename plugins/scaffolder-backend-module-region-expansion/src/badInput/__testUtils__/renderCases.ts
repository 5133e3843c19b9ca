import { VALID_INPUTS, caseList, type HandlerCase } from './handlerCase';

/** `render-application-plane` and `render-guardrails`: output paths and cells. */
export function renderCases(): HandlerCase[] {
  const { cases, add, cell, traversals } = caseList();
  traversals('render-application-plane', 'targetPath');
  add('render-application-plane', 'wrong-value', 'no cells', { cells: [] }, [
    'cells',
  ]);
  add(
    'render-application-plane',
    'wrong-value',
    'cell in another location',
    { cells: cell('render-application-plane', { locationId: 'us-east-1' }) },
    ['cells.0.locationId', 'cells.0'],
  );
  add(
    'render-application-plane',
    'path-traversal',
    'cell id ../../etc/passwd',
    { cells: cell('render-application-plane', { id: '../../etc/passwd' }) },
    ['cells.0.id', 'cells.0'],
  );
  add(
    'render-application-plane',
    'wrong-value',
    'cell capacity of -1 tenants',
    {
      cells: cell('render-application-plane', {
        capacity: { tenants: -1, loadUnits: 1, quotas: {} },
      }),
    },
    ['cells.0.capacity.tenants', 'cells.0.capacity', 'cells.0'],
  );
  add(
    'render-application-plane',
    'wrong-value',
    'cell account 123',
    { cells: cell('render-application-plane', { accountId: '123' }) },
    ['cells.0.accountId', 'cells.0'],
  );
  add(
    'render-application-plane',
    'wrong-value',
    'residencyCountries Narnia',
    { residencyCountries: ['Narnia'] },
    ['residencyCountries.0', 'residencyCountries'],
  );
  add(
    'render-application-plane',
    'huge-count',
    '1,000 cells',
    {
      cells: Array.from({ length: 1000 }, (_, i) => ({
        ...VALID_INPUTS['render-application-plane'].cells[0],
        id: `payments-de-cell-${i}`,
      })),
    },
    ['cells'],
  );

  add(
    'render-application-plane',
    'wrong-value',
    'restricted data in a pooled cell with AWS managed keys',
    {
      classification: 'restricted',
      isolationModel: 'pool',
      encryptionTier: 'aws-managed-key',
    },
    ['isolationModel'],
  );
  add(
    'render-application-plane',
    'wrong-value',
    'a design exception justified with one word',
    {
      classification: 'restricted',
      isolationModel: 'pool',
      allowDesignExceptions: true,
      designExceptionJustification: 'because',
    },
    ['designExceptionJustification'],
  );

  // ------------------------------------------------- render-guardrails
  traversals('render-guardrails', 'targetPath');
  add(
    'render-guardrails',
    'path-traversal',
    'industry ../../etc',
    { industry: '../../etc' },
    ['industry'],
  );
  add(
    'render-guardrails',
    'huge-count',
    'industry of 10 KB',
    { industry: 'a'.repeat(10 * 1024) },
    ['industry'],
  );
  add(
    'render-guardrails',
    'unknown-location',
    'allowedRegions mars-1',
    { allowedRegions: ['mars-1'] },
    ['allowedRegions.0'],
  );
  add(
    'render-guardrails',
    'wrong-value',
    'allowedRegions in another partition',
    { allowedRegions: ['eusc-de-east-1'] },
    ['allowedRegions.0'],
  );
  add(
    'render-guardrails',
    'wrong-value',
    'additionalExemptions not an IAM action',
    { additionalExemptions: ['not an action'] },
    ['additionalExemptions.0'],
  );
  add(
    'render-guardrails',
    'huge-count',
    '5,000 exemptions (SCP over 5,120 characters)',
    {
      additionalExemptions: Array.from(
        { length: 5000 },
        (_, i) => `svc${i}:Action`,
      ),
    },
    ['additionalExemptions'],
  );
  add(
    'render-guardrails',
    'wrong-value',
    'accountIds 123',
    { accountIds: ['123'] },
    ['accountIds.0', 'accountIds'],
  );
  return cases;
}
