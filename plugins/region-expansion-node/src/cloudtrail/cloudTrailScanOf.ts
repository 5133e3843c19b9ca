import {
  countCloudTrailEventTypes,
  sortCloudTrailEvents,
} from './cloudTrailEvents';
import type { CloudTrailScan } from './scanCloudTrail';

/**
 * A scan's result from its counts keyed `eventType\teventSource\teventName`
 * and its totals: events sorted, summary counted from them.
 */
export function cloudTrailScanOf(
  counts: Map<string, number>,
  totals: {
    files: number;
    digestFilesSkipped: number;
    records: number;
    recordsSkipped: number;
    accounts: Set<string>;
    regions: Set<string>;
  },
): CloudTrailScan {
  const events = sortCloudTrailEvents(
    [...counts].map(([key, count]) => {
      const [eventType, eventSource, eventName] = key.split('\t');
      return { eventType, eventSource, eventName, count };
    }),
  );
  return {
    events,
    recordsSkipped: totals.recordsSkipped,
    summary: {
      files: totals.files,
      digestFilesSkipped: totals.digestFilesSkipped,
      records: totals.records,
      recordsSkipped: totals.recordsSkipped,
      ...countCloudTrailEventTypes(events),
      accounts: [...totals.accounts].sort(),
      regions: [...totals.regions].sort(),
    },
  };
}
