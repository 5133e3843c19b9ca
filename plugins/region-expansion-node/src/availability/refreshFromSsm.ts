import {
  GetParametersByPathCommand,
  type GetParametersByPathCommandOutput,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import type {
  GovernanceReasonKind,
  SsmPageFailure,
} from '@region-expansion/plugin-region-expansion-common';
import { classifyAwsError } from '../governance/errors';
import { reasonKindOfFailure } from '../governance/reasons';
import type { AvailabilitySnapshot } from './AvailabilityIndex';
import { ServiceMapping } from './serviceMapping';

// The API's type, declared once in the common package; exported here too
// for the library's callers.
export type { SsmPageFailure };

/**
 * The one sentence readers get for a failed SSM page: fixed per kind,
 * naming the location and page and nothing the AWS service said.
 *
 * @public
 */
export function ssmPageFailureSentence(
  kind: GovernanceReasonKind | string,
  where: { locationId: string; page: number },
): string {
  const listing = `the SSM listing of ${where.locationId} (page ${where.page})`;
  switch (kind) {
    case 'access-denied':
      return `SSM refused access to ${listing}: the configured role lacks permission for ssm:GetParametersByPath. The backend log has the error.`;
    case 'invalid-credentials':
      return `SSM rejected the credentials configured for ${listing} (unknown, expired or wrongly signed). The backend log has the error.`;
    case 'throttled':
      return `SSM kept throttling ${listing} beyond the retries; the next refresh tries again.`;
    case 'endpoint-unreachable':
      return `The SSM endpoint could not be reached or timed out for ${listing}; the next refresh tries again.`;
    case 'service-error':
      return `SSM answered ${listing} with server errors or unreadable responses beyond the retries; the next refresh tries again.`;
    case 'interrupted':
      return `Reading ${listing} was interrupted; the next refresh tries again.`;
    default:
      return `Reading ${listing} failed with an unexpected error; the backend log has the details.`;
  }
}

/**
 * Availability read live from SSM public parameters, dated.
 *
 * @public
 */
export interface LiveAvailability {
  /** ISO 8601 time the data was read. */
  fetchedAt: string;
  /** Sorted SSM service codes per location read. */
  locations: Record<string, string[]>;
  /** Locations whose listing stopped early because a page failed. */
  incomplete: string[];
  /** The failed page of each incomplete location (at most one each, as listing stops there), sorted by location id. */
  failures: SsmPageFailure[];
}

/**
 * Options of {@link refreshFromSsm}.
 *
 * @public
 */
export interface RefreshFromSsmOptions {
  /** Location ids (Regions) to read. */
  locations: string[];
  /** Parallel requests; default 4. */
  concurrency?: number;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Told of each failed page with the AWS error as one line (name, HTTP
   * status, message), for the backend log: the failure itself carries only
   * the classified reason.
   */
  onPageError?: (failure: SsmPageFailure, detail: string) => void;
  /**
   * Aborting it ends the refresh early: the page in flight fails as
   * `interrupted` and locations not started are left out of the result.
   */
  signal?: AbortSignal;
}

/**
 * SSM parameter path listing the services of one Region.
 *
 * @public
 */
export function regionServicesPath(locationId: string): string {
  return `/aws/service/global-infrastructure/regions/${locationId}/services`;
}

async function readRegion(
  client: SSMClient,
  locationId: string,
  options: Pick<RefreshFromSsmOptions, 'onPageError' | 'signal'>,
): Promise<{ codes: string[]; failure?: SsmPageFailure }> {
  const path = regionServicesPath(locationId);
  const codes: string[] = [];
  let nextToken: string | undefined;
  let page = 0;
  do {
    let output: GetParametersByPathCommandOutput;
    try {
      output = await client.send(
        new GetParametersByPathCommand({
          Path: path,
          NextToken: nextToken,
          MaxResults: 10,
        }),
        { abortSignal: options.signal },
      );
    } catch (error) {
      const classified = classifyAwsError(error, options.signal);
      const reasonKind = reasonKindOfFailure(classified.kind);
      const failure: SsmPageFailure = {
        locationId,
        path,
        page,
        reasonKind,
        error: ssmPageFailureSentence(reasonKind, { locationId, page }),
      };
      options.onPageError?.(failure, classified.reason);
      return { codes, failure };
    }
    for (const parameter of output.Parameters ?? []) {
      const code = parameter.Value ?? parameter.Name?.split('/').pop();
      if (code) codes.push(code);
    }
    nextToken = output.NextToken;
    page += 1;
  } while (nextToken);
  return { codes };
}

/**
 * Reads which services each location offers from the SSM public parameters
 * `/aws/service/global-infrastructure/regions/<region>/services`, following
 * `NextToken`. Best effort: a failing page is reported in `failures` and
 * marks its location incomplete; every other page is kept.
 *
 * @public
 */
export async function refreshFromSsm(
  client: SSMClient,
  options: RefreshFromSsmOptions,
): Promise<LiveAvailability> {
  const now = options.now ?? (() => new Date());
  const queue = [...new Set(options.locations)];
  const locations: Record<string, string[]> = {};
  const failures: SsmPageFailure[] = [];
  const incomplete: string[] = [];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      // Left out, not listed empty: an unread location keeps its snapshot.
      if (options.signal?.aborted) break;
      const result = await readRegion(client, id, options);
      locations[id] = [...new Set(result.codes)].sort();
      if (result.failure) {
        failures.push(result.failure);
        incomplete.push(id);
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    fetchedAt: now().toISOString(),
    locations: Object.fromEntries(
      Object.entries(locations).sort(([a], [b]) => a.localeCompare(b)),
    ),
    incomplete: incomplete.sort(),
    failures: failures.sort((a, b) => a.locationId.localeCompare(b.locationId)),
  };
}

/**
 * Services gained and lost at one location between a snapshot and live data.
 *
 * @public
 */
export interface LocationAvailabilityDiff {
  /** Location (Region) id present in the live data. */
  locationId: string;
  /** Sorted SSM service codes (of the mapping table) listed live but not in the snapshot. */
  added: string[];
  /** Empty when the live listing was incomplete (cannot prove absence). */
  removed: string[];
  /** True when the live listing for the location was incomplete. */
  partial: boolean;
}

/**
 * Compares a snapshot with live data, location by location, over the service
 * codes of the mapping table (codes outside it are not in snapshots). Only
 * locations present in the live data are compared; unchanged ones are
 * omitted.
 *
 * @public
 */
export function diffAvailability(
  snapshot: AvailabilitySnapshot,
  live: LiveAvailability,
  mapping: ServiceMapping = ServiceMapping.default(),
): LocationAvailabilityDiff[] {
  const diffs: LocationAvailabilityDiff[] = [];
  const incomplete = new Set(live.incomplete);
  for (const [locationId, liveCodes] of Object.entries(live.locations)) {
    const before = new Set(snapshot.locations[locationId] ?? []);
    const after = new Set(liveCodes.filter(code => mapping.byCode(code)));
    const partial = incomplete.has(locationId);
    const added = [...after].filter(code => !before.has(code)).sort();
    const removed = partial
      ? []
      : [...before].filter(code => !after.has(code)).sort();
    if (added.length || removed.length || partial) {
      diffs.push({ locationId, added, removed, partial });
    }
  }
  return diffs.sort((a, b) => a.locationId.localeCompare(b.locationId));
}

/**
 * Applies live data over a snapshot: complete live listings replace the
 * snapshot's, partial ones only add services. Each location is dated by
 * where its data came from: a completely read one with the live fetch time,
 * every other one (not read, or partial, whose missing services are still
 * the snapshot's word) with the snapshot's date; `snapshotDate` becomes the
 * oldest of those dates.
 *
 * @public
 */
export function mergeLiveAvailability(
  snapshot: AvailabilitySnapshot,
  live: LiveAvailability,
  mapping: ServiceMapping = ServiceMapping.default(),
): AvailabilitySnapshot {
  const locations = { ...snapshot.locations };
  const observedAt = { ...snapshot.observedAt };
  const incomplete = new Set(live.incomplete);
  let refreshed = 0;
  for (const [locationId, liveCodes] of Object.entries(live.locations)) {
    const mapped = liveCodes.filter(code => mapping.byCode(code));
    if (incomplete.has(locationId)) {
      locations[locationId] = [
        ...new Set([...(locations[locationId] ?? []), ...mapped]),
      ].sort();
      // A location new to the snapshot has only the live listing to go by.
      if (!(locationId in snapshot.locations)) {
        observedAt[locationId] = live.fetchedAt;
      }
    } else {
      locations[locationId] = [...new Set(mapped)].sort();
      observedAt[locationId] = live.fetchedAt;
      refreshed += 1;
    }
  }
  const dates = Object.keys(locations).map(id =>
    (observedAt[id] ?? snapshot.snapshotDate).slice(0, 10),
  );
  return {
    ...snapshot,
    snapshotDate: dates.length ? dates.sort()[0] : snapshot.snapshotDate,
    source: `SSM public parameters read ${live.fetchedAt} for ${refreshed} of ${
      Object.keys(locations).length
    } locations over ${snapshot.source}`,
    observedAt,
    locations,
  };
}
