import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  CursorPage,
  ReadinessHistoryPage,
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import { hasStatus, serverMessage } from '../components/shared/responseErrors';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** Evaluations the history chart shows (newest first from the server). */
export const HISTORY_POINTS = 200;

/** Everything a Region page shows about one location's readiness. */
export interface ReadinessDetails {
  /** Absent when the location was never evaluated. */
  evaluation?: StoredReadinessEvaluation;
  /** The server's words for why there is no evaluation. */
  notEvaluatedReason?: string;
  history: ReadinessHistoryPage;
  /** The first page of the location's waivers, newest first. */
  waivers: CursorPage<StoredReadinessWaiver>;
  /** Where the footprint came from, when one is stored and readable. */
  footprintSource?: string;
  footprintServices?: number;
}

/**
 * One location's readiness, read in parallel: the latest evaluation (a 404
 * means never evaluated, which is not an error), the history of levels, the
 * first page of waivers and the application-plane footprint (optional: an
 * unreadable footprint only loses the "footprint of N services" line).
 * `retry` reads it all again, as after a waiver changed the evaluation.
 */
export function useReadiness(locationId: string) {
  const api = useRegionExpansionApi();
  return useAsyncRetry(async (): Promise<ReadinessDetails> => {
    const [evaluation, history, waivers, footprint] = await Promise.all([
      api.getReadiness({ path: { locationId } }).then(
        value => ({ value }),
        (error: Error) => {
          if (hasStatus(error, 404)) return { reason: serverMessage(error) };
          throw error;
        },
      ),
      api.getReadinessHistory({
        path: { locationId },
        query: { limit: HISTORY_POINTS },
      }),
      api.listWaivers({ query: { locationId } }),
      api.getApplicationPlaneFootprint().catch(() => undefined),
    ]);
    return {
      evaluation: 'value' in evaluation ? evaluation.value : undefined,
      notEvaluatedReason:
        'reason' in evaluation ? evaluation.reason : undefined,
      history,
      waivers,
      footprintSource: footprint?.source,
      footprintServices: footprint?.footprint.services.length,
    };
  }, [api, locationId]);
}
