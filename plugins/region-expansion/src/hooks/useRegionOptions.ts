import { useMemo } from 'react';
import type { AsyncState } from 'react-use/esm/useAsyncFn';
import {
  regionOptions,
  type RegionOption,
} from '../scaffolder/RegionPicker/regionOptions';
import { combineAsync } from './combineAsync';
import { useLocations } from './useLocations';
import { usePartitions } from './usePartitions';
import { useReadinessSummaries } from './useReadinessSummaries';

/**
 * Every location as a picker option, with its partition's name and its
 * latest readiness, read in parallel. Readiness that cannot be read leaves
 * each option's level unknown instead of failing the picker.
 */
export function useRegionOptions(): AsyncState<RegionOption[]> {
  const locations = useLocations();
  const partitions = usePartitions();
  const readiness = useReadinessSummaries();
  return useMemo(() => {
    const { loading, error, value } = combineAsync({
      locations,
      partitions,
      readiness,
    });
    if (error) return { loading: false, error };
    if (loading || !value) return { loading: true };
    return {
      loading: false,
      value: regionOptions(
        value.locations,
        value.partitions,
        value.readiness.items,
      ),
    };
  }, [locations, partitions, readiness]);
}
