import type { CloudTrailSummary } from '@region-expansion/plugin-region-expansion-common';
import type { FootprintBuilder } from '../footprint/FootprintBuilder';
import type { CloudTrailEventCount } from './scanCloudTrail';

/**
 * Adds CloudTrail event counts to a footprint: each API call's event source
 * mapped to its service code (with the event name as the action), an
 * unmapped source as an unknown item found in `where`. Service events and
 * console sign-ins are not the application's own calls and are left out.
 * The one mapping of every CloudTrail source: local files, CloudTrail Lake
 * and Athena.
 *
 * @public
 */
export function addCloudTrailEvents(
  builder: FootprintBuilder,
  events: readonly CloudTrailEventCount[],
  where: string,
): void {
  for (const event of events) {
    if (event.eventType !== 'AwsApiCall') continue;
    const entry = builder.mapping.byEventSource(event.eventSource);
    if (entry) builder.addService(entry.code, 'cloudtrail', event.eventName);
    else
      builder.addUnknown({
        kind: 'event-source',
        value: event.eventSource,
        file: where,
      });
  }
}

/**
 * API calls, service events per source and console sign-ins among event
 * counts, as a CloudTrail summary states them.
 *
 * @public
 */
export function countCloudTrailEventTypes(
  events: readonly CloudTrailEventCount[],
): Pick<CloudTrailSummary, 'apiCalls' | 'serviceEvents' | 'consoleSignIns'> {
  const serviceEvents: Record<string, number> = {};
  let apiCalls = 0;
  let consoleSignIns = 0;
  for (const event of events) {
    if (event.eventType === 'AwsApiCall') apiCalls += event.count;
    else if (event.eventType === 'AwsConsoleSignIn')
      consoleSignIns += event.count;
    else if (event.eventType === 'AwsServiceEvent') {
      serviceEvents[event.eventSource] =
        (serviceEvents[event.eventSource] ?? 0) + event.count;
    }
  }
  return { apiCalls, serviceEvents, consoleSignIns };
}

/**
 * Sorts event counts by event source, event name, then event type, the
 * order every CloudTrail source reports them in.
 *
 * @public
 */
export function sortCloudTrailEvents(
  events: CloudTrailEventCount[],
): CloudTrailEventCount[] {
  return events.sort(
    (a, b) =>
      a.eventSource.localeCompare(b.eventSource) ||
      a.eventName.localeCompare(b.eventName) ||
      a.eventType.localeCompare(b.eventType),
  );
}
