import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import {
  waiverManagePermission,
  type StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';

/** Why the revoke action is disabled, naming the permission the route checks. */
const REVOKE_DENIED_REASON = `Revoking a waiver needs the ${waiverManagePermission.name} permission`;

/**
 * The revoke action of one active waiver: a button with the permission, a
 * disabled button whose tooltip names the permission without it, nothing
 * while the permission decision loads.
 */
export function RevokeAction(props: {
  waiver: StoredReadinessWaiver;
  canManage?: boolean;
  onRevoke: (waiver: StoredReadinessWaiver) => void;
}) {
  const { waiver, canManage, onRevoke } = props;
  if (canManage === undefined) return null;
  const label = `Revoke the ${waiver.check} waiver`;
  if (!canManage) {
    return (
      <Tooltip title={REVOKE_DENIED_REASON} describeChild>
        {/* A disabled button fires no events; the span shows the tooltip. */}
        <span>
          <Button size="small" disabled aria-label={label}>
            Revoke
          </Button>
        </span>
      </Tooltip>
    );
  }
  return (
    <Button
      size="small"
      color="error"
      aria-label={label}
      onClick={() => onRevoke(waiver)}
    >
      Revoke
    </Button>
  );
}
