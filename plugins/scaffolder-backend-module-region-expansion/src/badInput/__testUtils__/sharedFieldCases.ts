import { caseList, type ActionName, type HandlerCase } from './handlerCase';

/** The actions that take a plan name (and a target location). */
const NAMED: ActionName[] = [
  'plan-cells',
  'render-application-plane',
  'render-guardrails',
  'register',
];

/** Target locations, names and control planes, in every action that takes them. */
export function sharedFieldCases(): HandlerCase[] {
  const { cases, add } = caseList();
  for (const action of ['assess', ...NAMED] as ActionName[]) {
    add(
      action,
      'unknown-location',
      'targetLocation mars-north-1',
      { targetLocation: 'mars-north-1' },
      ['targetLocation'],
      { reason: /unknown location/ },
    );
    add(
      action,
      'path-traversal',
      'targetLocation ../../etc/passwd',
      { targetLocation: '../../etc/passwd' },
      ['targetLocation'],
    );
    add(
      action,
      'huge-count',
      'targetLocation of 10 KB',
      { targetLocation: 'a'.repeat(10 * 1024) },
      ['targetLocation'],
    );
  }
  for (const action of NAMED) {
    add(
      action,
      'malformed-id',
      'name with spaces and capitals',
      { name: 'Payments DE' },
      ['name'],
    );
    add(action, 'path-traversal', 'name ../../etc', { name: '../../etc' }, [
      'name',
    ]);
  }
  for (const action of ['plan-cells', 'register'] as ActionName[]) {
    add(
      action,
      'path-traversal',
      'controlPlaneId ../../etc',
      { controlPlaneId: '../../etc' },
      ['controlPlaneId', 'controlPlane.id'],
    );
    add(
      action,
      'wrong-value',
      "controlPlaneMode 'partition' in a commercial Region",
      { controlPlaneMode: 'partition' },
      ['controlPlaneMode'],
    );
  }
  return cases;
}
