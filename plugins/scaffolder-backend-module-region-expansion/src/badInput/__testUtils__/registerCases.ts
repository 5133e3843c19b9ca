import { caseList, type HandlerCase } from './handlerCase';

/** `register`: cells that break a rule of the stored plan. */
export function registerCases(): HandlerCase[] {
  const { cases, add, cell } = caseList();
  add('register', 'wrong-value', 'no cells', { cells: [] }, ['cells']);
  add(
    'register',
    'wrong-value',
    'cell of another control plane',
    { cells: cell('register', { controlPlaneId: 'other-cp' }) },
    ['cells.0.controlPlaneId'],
  );
  add(
    'register',
    'wrong-value',
    'cell in another location',
    { cells: cell('register', { locationId: 'us-east-1' }) },
    ['cells.0.locationId'],
  );
  add(
    'register',
    'path-traversal',
    'cell id ../../etc/passwd',
    { cells: cell('register', { id: '../../etc/passwd' }) },
    ['cells.0.id', 'cells.0'],
  );
  add(
    'register',
    'wrong-value',
    'cell account 123',
    { cells: cell('register', { accountId: '123' }) },
    ['cells.0.accountId', 'cells.0'],
  );
  add(
    'register',
    'wrong-value',
    'cell capacity of -1 tenants',
    {
      cells: cell('register', {
        capacity: { tenants: -1, loadUnits: 1, quotas: {} },
      }),
    },
    ['cells.0.capacity.tenants', 'cells.0.capacity', 'cells.0'],
  );
  return cases;
}
