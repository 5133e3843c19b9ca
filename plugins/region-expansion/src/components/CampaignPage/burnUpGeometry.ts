import type { CampaignBurnUpPoint } from '@region-expansion/plugin-region-expansion-common';

/** Size of the burn-up's drawing area and its margins, in SVG units. */
export const BURN_UP_BOX = {
  width: 640,
  height: 240,
  left: 40,
  right: 16,
  top: 12,
  bottom: 28,
} as const;

/** One plotted day of one series: where it is and what it says. */
export interface PlottedPoint {
  x: number;
  y: number;
  date: string;
  done: number;
  total: number;
  /** A day after today: today's values carried forward, not a measure. */
  projected: boolean;
}

/** The burn-up as drawn: both series, the target line, the y ticks. */
export interface BurnUpGeometry {
  gates: PlottedPoint[];
  tenants: PlottedPoint[];
  /** Where the target date's vertical line goes; absent outside the days. */
  targetX?: number;
  /** Share of the total (0 to 1) and its height, for the y axis. */
  yTicks: Array<{ share: number; y: number }>;
}

const DAY_MS = 86_400_000;

/** Whole days since the epoch of a `YYYY-MM-DD` (or ISO) date, in UTC. */
function dayNumber(date: string): number {
  return Math.floor(Date.parse(date.slice(0, 10)) / DAY_MS);
}

/**
 * Places each day of the burn-up: x by date (so a gap between days, or the
 * first point folding older days, keeps real spacing), y as the share done
 * of that day's total, because gates and tenants count different things.
 * A total of 0 plots at 0, not as a division by zero.
 */
export function burnUpGeometry(
  points: readonly CampaignBurnUpPoint[],
  targetDate: string,
): BurnUpGeometry {
  const { width, height, left, right, top, bottom } = BURN_UP_BOX;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const first = points.length ? dayNumber(points[0].date) : 0;
  const last = points.length
    ? dayNumber(points[points.length - 1].date)
    : first;
  const span = Math.max(1, last - first);
  const xOf = (date: string) =>
    left + ((dayNumber(date) - first) / span) * plotWidth;
  const yOf = (share: number) => top + (1 - share) * plotHeight;
  const plot = (
    done: number,
    total: number,
    { date, projected }: CampaignBurnUpPoint,
  ) => ({
    x: xOf(date),
    y: yOf(total > 0 ? Math.min(1, done / total) : 0),
    date,
    done,
    total,
    projected: projected === true,
  });
  const target = dayNumber(targetDate);
  return {
    gates: points.map(p => plot(p.gatesPassed, p.gatesTotal, p)),
    tenants: points.map(p => plot(p.tenantsOnboarded, p.tenantsPlanned, p)),
    ...(points.length && target >= first && target <= last
      ? { targetX: xOf(targetDate) }
      : {}),
    yTicks: [0, 0.5, 1].map(share => ({ share, y: yOf(share) })),
  };
}
