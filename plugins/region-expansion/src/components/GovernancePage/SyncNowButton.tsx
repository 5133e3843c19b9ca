import { governanceSyncPermission } from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ActionButton } from '../shared/ActionButton';
import { usePermissionGate } from '../shared/usePermissionGate';

/**
 * Starts a governance sync now. Shown only with
 * `region-expansion.governance.sync`.
 */
export function SyncNowButton(props: { onTriggered: () => void }) {
  const { onTriggered } = props;
  const api = useRegionExpansionApi();
  const gate = usePermissionGate(
    governanceSyncPermission,
    'Starting a governance sync',
  );
  if (gate !== undefined) return gate;
  return (
    <ActionButton
      label="Sync now"
      action={async () => {
        const result = await api.triggerGovernanceSync();
        onTriggered();
        return result;
      }}
      done={result =>
        `Sync started for ${result.triggered.join(', ') || 'no providers'}.`
      }
    />
  );
}
