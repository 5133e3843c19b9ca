import { useEffect, useRef, useState } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  GOVERNANCE_SYNC_SIGNAL_CHANNEL,
  type GovernanceFreshness,
  type GovernanceSyncSignal,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * The sync state of the governance sources, re-read on each signal the
 * backend publishes while a sync runs (channel
 * {@link GOVERNANCE_SYNC_SIGNAL_CHANNEL}); `onFinished` runs when a source's
 * run ends, so the page reads its new data. Undefined until the first
 * signal: the page shows the state it loaded with. Signals carry no data,
 * so what is shown is always read through the permission-checked API.
 */
export function useGovernanceSyncProgress(
  partition: string | undefined,
  onFinished: () => void,
): GovernanceFreshness[] | undefined {
  const api = useRegionExpansionApi();
  const { lastSignal } = useSignal<GovernanceSyncSignal>(
    GOVERNANCE_SYNC_SIGNAL_CHANNEL,
  );
  const [freshness, setFreshness] = useState<GovernanceFreshness[]>();
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!lastSignal) return undefined;
    let current = true;
    if (lastSignal.phase === 'finished') finished.current();
    api
      .getGovernanceFreshness({ query: { partition } })
      .then(result => {
        if (current) setFreshness(result.items);
      })
      // A failed re-read leaves the last state shown; the next signal retries.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, lastSignal, partition]);

  return freshness;
}
