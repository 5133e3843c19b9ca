import useAsync from 'react-use/esm/useAsync';
import type { ReadinessSummary } from '@region-expansion/plugin-region-expansion-common';
import {
  indexReadiness,
  type ReadinessByLocation,
} from '../components/shared/readiness';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** The latest readiness of every location, and why it is missing if it is. */
export interface ReadinessSummaries {
  items: ReadinessSummary[];
  byLocation: ReadinessByLocation;
  /** Why readiness could not be read; every level then reads `unknown`. */
  error?: Error;
}

/**
 * The latest readiness per location (`GET /readiness`). Readiness that
 * cannot be read (no permission, a backend without readiness) never fails
 * the view: every level stays `unknown` and the error is kept so the view
 * can say why.
 */
export function useReadinessSummaries() {
  const api = useRegionExpansionApi();
  return useAsync(
    (): Promise<ReadinessSummaries> =>
      api.listReadiness().then(
        ({ items }) => ({ items, byLocation: indexReadiness(items) }),
        (error: Error) => ({ items: [], byLocation: new Map(), error }),
      ),
    [api],
  );
}
