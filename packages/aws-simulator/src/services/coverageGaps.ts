import { AwsFault } from '../AwsFault';
import type { SimulatedPartition } from '../organization';
import type { SimulatedRequest } from '../protocol';

/**
 * Regions of one partition that governance does not watch, for the
 * coverage proofs to find:
 *
 * - `uncovered`: Security Hub is not enabled, the AWS Config recorder is
 *   stopped and its delivery fails, the Config aggregator leaves the Region
 *   out (and reports no conformance pack from it), and no Resilience Hub
 *   application is registered there.
 * - `denied`: every governance read sent to the Region is refused with
 *   AccessDenied (as a Region-deny SCP does); the Config aggregator
 *   still aggregates it: a proof read in the Region cannot be made.
 *
 * Regions the organization does not use are not simulated at all.
 *
 * @public
 */
export interface SimulatedCoverageGaps {
  /** Regions governance demonstrably does not watch. */
  uncovered: string[];
  /** Regions whose governance reads are refused. */
  denied: string[];
}

/**
 * Coverage gaps per partition id, or `seeded`: in every partition using at
 * least three Regions, the last one used is `denied` and the one before it
 * `uncovered`; the others, the home Region first, are covered.
 *
 * @public
 */
export type SimulatedCoverageGapsOption =
  | 'seeded'
  | Record<string, Partial<SimulatedCoverageGaps>>;

/** The gaps of each partition the option names (none for the others). */
export function coverageGapsOf(
  used: readonly SimulatedPartition[],
  option: SimulatedCoverageGapsOption | undefined,
): Map<string, SimulatedCoverageGaps> {
  const gaps = new Map<string, SimulatedCoverageGaps>();
  for (const partition of used) {
    if (option === 'seeded') {
      const regions = partition.regions;
      if (regions.length >= 3)
        gaps.set(partition.id, {
          uncovered: [regions[regions.length - 2]],
          denied: [regions[regions.length - 1]],
        });
    } else if (option?.[partition.id]) {
      gaps.set(partition.id, {
        uncovered: [...(option[partition.id].uncovered ?? [])],
        denied: [...(option[partition.id].denied ?? [])],
      });
    }
  }
  return gaps;
}

/** What the organization's governance does in the request's Region. */
export function coverageOfRequest(
  gaps: ReadonlyMap<string, SimulatedCoverageGaps>,
  req: Pick<SimulatedRequest, 'partition' | 'region'>,
): 'covered' | 'uncovered' | 'denied' {
  const partition = gaps.get(req.partition.id);
  if (partition?.denied.includes(req.region)) return 'denied';
  if (partition?.uncovered.includes(req.region)) return 'uncovered';
  return 'covered';
}

/**
 * Refuses a governance read sent to a `denied` Region, with the error the
 * service's protocol uses (awsJson answers 400, restJson 403), and returns
 * the Region's coverage otherwise.
 */
export function readableCoverage(
  gaps: ReadonlyMap<string, SimulatedCoverageGaps>,
  req: SimulatedRequest,
  operation: string,
  protocol: 'awsJson1_1' | 'restJson1',
): 'covered' | 'uncovered' {
  const coverage = coverageOfRequest(gaps, req);
  if (coverage === 'denied') {
    throw new AwsFault(
      protocol === 'awsJson1_1' ? 400 : 403,
      'AccessDeniedException',
      `User: arn:${req.partition.id}:sts::${req.callerAccountId}:assumed-role/GovernanceReader/region-expansion is not authorized to perform: ${operation} in ${req.region} with an explicit deny in a service control policy`,
    );
  }
  return coverage;
}

/**
 * Regions of a partition the Config aggregator aggregates: every Region
 * the organization uses but the uncovered ones; `undefined` (all Regions)
 * for a partition without gaps.
 */
export function aggregatedRegionsOf(
  gaps: ReadonlyMap<string, SimulatedCoverageGaps>,
  partition: SimulatedPartition,
): string[] | undefined {
  const partitionGaps = gaps.get(partition.id);
  if (!partitionGaps) return undefined;
  return partition.regions.filter(r => !partitionGaps.uncovered.includes(r));
}
