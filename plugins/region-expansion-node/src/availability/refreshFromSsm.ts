import {
  GetParametersByPathCommand,
  type GetParametersByPathCommandOutput,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import type { AvailabilitySnapshot } from './AvailabilityIndex';
import { ServiceMapping } from './serviceMapping';

/**
 * A page of SSM public parameters that could not be read.
 *
 * @public
 */
export interface SsmPageFailure {
  /** Location (Region) id whose listing failed. */
  locationId: string;
  /** SSM parameter path being listed, see {@link regionServicesPath}. */
  path: string;
  /** Zero-based page number within the path. */
  page: number;
  /** Message of the error the `GetParametersByPath` call threw. */
  error: string;
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
      );
    } catch (error) {
      return {
        codes,
        failure: {
          locationId,
          path,
          page,
          error: error instanceof Error ? error.message : String(error),
        },
      };
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
      const result = await readRegion(client, id);
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
 * snapshot's, partial ones only add services. The result is dated with the
 * live fetch date.
 *
 * @public
 */
export function mergeLiveAvailability(
  snapshot: AvailabilitySnapshot,
  live: LiveAvailability,
  mapping: ServiceMapping = ServiceMapping.default(),
): AvailabilitySnapshot {
  const locations = { ...snapshot.locations };
  const incomplete = new Set(live.incomplete);
  for (const [locationId, liveCodes] of Object.entries(live.locations)) {
    const mapped = liveCodes.filter(code => mapping.byCode(code));
    locations[locationId] = incomplete.has(locationId)
      ? [...new Set([...(locations[locationId] ?? []), ...mapped])].sort()
      : [...new Set(mapped)].sort();
  }
  return {
    ...snapshot,
    snapshotDate: live.fetchedAt.slice(0, 10),
    source: `SSM public parameters read ${live.fetchedAt} over ${snapshot.source}`,
    locations,
  };
}
