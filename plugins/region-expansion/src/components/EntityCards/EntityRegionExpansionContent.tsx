import { useEntity } from '@backstage/plugin-catalog-react';
import { CellPage } from '../CellPage/CellPage';
import { RegionPage } from '../RegionPage/RegionPage';
import { CELL_ANNOTATION, LOCATION_ANNOTATION } from './conditions';

/**
 * Entity tab for a Region, Local Zone, Outpost or cell resource: the same
 * view as the plugin's Region or cell page, for the location or cell the
 * entity's annotation names. Show it when `isRegionExpansionResource`.
 *
 * @public
 */
export function EntityRegionExpansionContent() {
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const cellId = annotations[CELL_ANNOTATION];
  if (cellId) return <CellPage cellId={cellId} />;
  return <RegionPage locationId={annotations[LOCATION_ANNOTATION] ?? ''} />;
}
