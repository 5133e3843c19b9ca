import type { RankedLocation } from '@region-expansion/plugin-region-expansion-common';
import { latencyRank } from './latencyClass';

/**
 * A location to rank: a
 * {@link @region-expansion/plugin-region-expansion-common#RankedLocation}
 * before it has its rank.
 *
 * @public
 */
export type UnrankedLocation = Omit<RankedLocation, 'rank'>;

const READINESS_ORDER = ['ready', 'pilot', 'unknown', 'blocked'] as const;

/**
 * The ranking keys, in order, each with how it tells two candidates apart
 * and what a worse value means in words.
 */
const KEYS: ReadonlyArray<{
  compare: (a: UnrankedLocation, b: UnrankedLocation) => number;
  worse: (a: UnrankedLocation, b: UnrankedLocation) => string;
}> = [
  {
    // Qualifying first; among the ruled out, fewer gaps first.
    compare: (a, b) =>
      Number(!a.qualifies) - Number(!b.qualifies) || a.gapCount - b.gapCount,
    worse: (a, b) =>
      b.qualifies
        ? `${b.locationId} has no blocking gap`
        : `${a.gapCount} blocking gaps against ${b.gapCount} in ${b.locationId}`,
  },
  {
    compare: (a, b) =>
      READINESS_ORDER.indexOf(a.readiness.level) -
      READINESS_ORDER.indexOf(b.readiness.level),
    worse: (a, b) =>
      `readiness ${a.readiness.level} against ${b.readiness.level} in ${b.locationId}`,
  },
  {
    // Priced before unpriced; cheaper per tenant first.
    compare: (a, b) => {
      const pa = a.cost.monthlyPerTenant;
      const pb = b.cost.monthlyPerTenant;
      if (pa === undefined || pb === undefined) {
        return Number(pa === undefined) - Number(pb === undefined);
      }
      return pa - pb;
    },
    worse: (a, b) =>
      a.cost.monthlyPerTenant === undefined
        ? `no price, while ${b.locationId} is priced`
        : `${a.cost.monthlyPerTenant} ${a.cost.currency} per tenant against ${b.cost.monthlyPerTenant} in ${b.locationId}`,
  },
  {
    compare: (a, b) =>
      latencyRank(a.latency.class) - latencyRank(b.latency.class),
    worse: (a, b) =>
      `latency ${a.latency.class} against ${b.latency.class} in ${b.locationId}`,
  },
  {
    compare: (a, b) => a.locationId.localeCompare(b.locationId),
    worse: (_a, b) => `equal on every key; ${b.locationId} sorts first by id`,
  },
];

/**
 * Orders candidates by blocking gaps, readiness level, monthly cost per
 * tenant (which holds the advised architecture's extras) and latency
 * class, then id; numbers them from 1 and tells each one after the first
 * why it is below the one above.
 *
 * @public
 */
export function rankCandidates(
  candidates: UnrankedLocation[],
): RankedLocation[] {
  const sorted = [...candidates].sort((a, b) => {
    for (const key of KEYS) {
      const c = key.compare(a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
  return sorted.map((candidate, i) => {
    const above = sorted[i - 1];
    const deciding = above && KEYS.find(k => k.compare(candidate, above) > 0);
    return {
      ...candidate,
      rank: i + 1,
      why: deciding
        ? [
            ...candidate.why,
            `ranks below ${above.locationId}: ${deciding.worse(
              candidate,
              above,
            )}`,
          ]
        : candidate.why,
    };
  });
}
