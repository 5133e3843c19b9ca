import Stack from '@mui/material/Stack';
import { InfoCard } from '@backstage/core-components';
import {
  waiverManagePermission,
  type CursorPage,
  type ReadinessWaiverChange,
  type StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import { useWaivers } from '../../hooks/useWaivers';
import { MissingPermissionNote } from '../shared/MissingPermissionNote';
import { ShowMoreRows } from '../shared/ShowMoreRows';
import { WaiverForm } from './WaiverForm';
import { WaiverTable } from './WaiverTable';

/**
 * The location's waivers: the first page, more on request, the revoke
 * action and, with the permission, the form that adds one.
 */
export function WaiversCard(props: {
  locationId: string;
  waivers: CursorPage<StoredReadinessWaiver>;
  canManage?: boolean;
  onChanged: (change: ReadinessWaiverChange) => void;
}) {
  const { locationId, canManage, onChanged } = props;
  const pages = useWaivers(locationId, props.waivers);
  return (
    <InfoCard
      title={`Waivers (${pages.items.length}${pages.hasMore ? '+' : ''})`}
    >
      <Stack useFlexGap spacing={3}>
        <WaiverTable
          waivers={pages.items}
          canManage={canManage}
          onRevoked={onChanged}
        />
        <ShowMoreRows pages={pages} what="waivers" />
        {canManage !== undefined &&
          (canManage ? (
            <WaiverForm locationId={locationId} onAdded={onChanged} />
          ) : (
            <MissingPermissionNote
              action="Adding and revoking waivers"
              permission={waiverManagePermission.name}
            />
          ))}
      </Stack>
    </InfoCard>
  );
}
