import type {
  LatencyClass,
  RankedLocation,
} from '@region-expansion/plugin-region-expansion-common';

/** The columns the ranking table sorts by. */
export type RankingSortKey =
  | 'rank'
  | 'location'
  | 'gaps'
  | 'readiness'
  | 'monthlyPerCell'
  | 'monthlyPerTenant'
  | 'latency';

/** A sort of the ranking table: a column and a direction. */
export interface RankingSort {
  key: RankingSortKey;
  direction: 'asc' | 'desc';
}

const READINESS_ORDER: RankedLocation['readiness']['level'][] = [
  'ready',
  'pilot',
  'blocked',
  'unknown',
];

const LATENCY_ORDER: LatencyClass[] = [
  'metro',
  'regional',
  'continental',
  'intercontinental',
  'unknown',
];

/**
 * What a row sorts by in a column; `undefined` when it has no value there
 * (a location without a price), which sorts last in both directions, as
 * "no price" is not cheap.
 */
const sortValue: Record<
  RankingSortKey,
  (row: RankedLocation) => number | string | undefined
> = {
  rank: row => row.rank,
  location: row => row.name.toLowerCase(),
  gaps: row => row.gapCount,
  readiness: row => READINESS_ORDER.indexOf(row.readiness.level),
  monthlyPerCell: row => row.cost.monthlyPerCell,
  monthlyPerTenant: row => row.cost.monthlyPerTenant,
  latency: row => LATENCY_ORDER.indexOf(row.latency.class),
};

/** The rows in the order of `sort`, ties by the server's rank. */
export function sortRanking(
  rows: readonly RankedLocation[],
  sort: RankingSort,
): RankedLocation[] {
  const value = sortValue[sort.key];
  const sign = sort.direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) {
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.rank - b.rank;
  });
}
