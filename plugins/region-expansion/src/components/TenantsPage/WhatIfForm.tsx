import { Progress } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  cellReadPermission,
  type Partition,
} from '@region-expansion/plugin-region-expansion-common';
import { useTemplateCell } from '../../hooks/useTemplateCell';
import { MissingPermissionNote } from '../shared/MissingPermissionNote';
import { WhatIfProfileForm } from './WhatIfProfileForm';

/**
 * The what-if form once the section is open. The backend requires
 * `region-expansion.cell.read` for a run, so without it the form says so
 * instead.
 */
export function WhatIfForm(props: { partitions: Partition[] }) {
  const { partitions } = props;
  const permission = usePermission({ permission: cellReadPermission });
  const template = useTemplateCell(permission.allowed);

  if (permission.loading || (permission.allowed && template.loading)) {
    return <Progress />;
  }
  if (!permission.allowed) {
    return (
      <MissingPermissionNote
        action="A what-if run"
        permission={cellReadPermission.name}
      />
    );
  }
  return (
    <WhatIfProfileForm partitions={partitions} template={template.value} />
  );
}
