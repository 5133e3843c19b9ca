import { EmptyState } from '@backstage/core-components';

/** Empty state shown when the backend knows no locations. */
export function NoLocationsEmptyState() {
  return (
    <EmptyState
      missing="data"
      title="No locations known yet"
      description="The region-expansion backend lists no partitions or Regions. Check that the region-expansion backend plugin is installed in packages/backend and that its location snapshot loaded. Local Zones and Outposts are added through POST /locations."
    />
  );
}
