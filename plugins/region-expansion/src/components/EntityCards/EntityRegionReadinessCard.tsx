import { useEntity } from '@backstage/plugin-catalog-react';
import { CellCard } from '../CellPage/CellCard';
import { CELL_ANNOTATION, LOCATION_ANNOTATION } from './conditions';
import { LocationReadinessCard } from './LocationReadinessCard';

/**
 * Readiness of the Region, Local Zone or Outpost an entity stands for, or the
 * capacity of the cell it stands for.
 *
 * @public
 */
export function EntityRegionReadinessCard() {
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const cellId = annotations[CELL_ANNOTATION];
  if (cellId) return <CellCard cellId={cellId} />;
  return (
    <LocationReadinessCard locationId={annotations[LOCATION_ANNOTATION]} />
  );
}
