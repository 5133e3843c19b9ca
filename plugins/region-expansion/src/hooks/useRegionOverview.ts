import { useMemo } from 'react';
import { combineAsync } from './combineAsync';
import { useLocations } from './useLocations';
import { useLocationsSummary } from './useLocationsSummary';
import { usePartitions } from './usePartitions';
import { useReadinessSummaries } from './useReadinessSummaries';

/**
 * What the Regions overview needs, read in parallel: partitions, locations,
 * the cell totals per location (never every cell) and the latest readiness.
 */
export function useRegionOverview() {
  const partitions = usePartitions();
  const locations = useLocations();
  const summaries = useLocationsSummary();
  const readiness = useReadinessSummaries();
  return useMemo(
    () => combineAsync({ partitions, locations, summaries, readiness }),
    [partitions, locations, summaries, readiness],
  );
}
