import { Progress } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { MissingPermissionNote } from './MissingPermissionNote';

/**
 * Checks a permission for an action. Answers what to render instead of the
 * action (`whileLoading` while the decision loads, a
 * {@link MissingPermissionNote} when denied), or `undefined` when allowed.
 */
export function usePermissionGate(
  permission: Extract<
    Parameters<typeof usePermission>[0],
    { resourceRef?: never }
  >['permission'],
  action: string,
  whileLoading: JSX.Element | null = <Progress />,
): JSX.Element | null | undefined {
  const { allowed, loading } = usePermission({ permission });
  if (loading) return whileLoading;
  if (!allowed) {
    return (
      <MissingPermissionNote action={action} permission={permission.name} />
    );
  }
  return undefined;
}
