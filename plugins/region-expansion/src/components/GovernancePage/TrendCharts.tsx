import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useTheme, type Palette } from '@mui/material/styles';
import { InfoCard } from '@backstage/core-components';
import type { GovernanceHistoryPoint } from '@region-expansion/plugin-region-expansion-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from '../shared/ChartFigure';

/** One line colour per source, from the theme so it follows light or dark. */
function lineColours(palette: Palette) {
  return [
    palette.primary.main,
    palette.error.main,
    palette.success.main,
    palette.secondary.main,
    palette.warning.main,
  ];
}

/** One row per day: failed findings per source, summed over partitions. */
export function failedBySourcePerDay(points: GovernanceHistoryPoint[]) {
  const sources = [...new Set(points.map(p => p.source))].sort();
  const days = new Map<string, Record<string, number | string>>();
  for (const point of points) {
    const row = days.get(point.day) ?? { day: point.day };
    row[point.source] = Number(row[point.source] ?? 0) + point.failed;
    row.criticalOrHighFailed =
      Number(row.criticalOrHighFailed ?? 0) + point.criticalOrHighFailed;
    row.staleTargets = Number(row.staleTargets ?? 0) + point.staleTargets;
    days.set(point.day, row);
  }
  const rows = [...days.values()].sort((a, b) =>
    String(a.day).localeCompare(String(b.day)),
  );
  return { sources, rows };
}

/** Trends from `/governance/history`: failed findings, severe ones, stale targets. */
export function TrendCharts(props: { history: GovernanceHistoryPoint[] }) {
  const { palette } = useTheme();
  const { sources, rows } = failedBySourcePerDay(props.history);
  if (rows.length === 0) {
    return (
      <InfoCard title="Trends">
        <Typography variant="body2">
          No history yet: every governance sync writes one point per source,
          partition and day.
        </Typography>
      </InfoCard>
    );
  }
  const first = rows[0].day;
  const last = rows[rows.length - 1].day;
  const colours = lineColours(palette);
  const failedCaption = `Failed findings per day by source, ${first} to ${last}`;
  const severeCaption = `Critical or high failed findings and stale targets per day, ${first} to ${last}`;
  return (
    <InfoCard title="Trends">
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <ChartFigure caption={failedCaption}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={rows} title={failedCaption}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {sources.map((source, index) => (
                  <Line
                    key={source}
                    dataKey={source}
                    name={source}
                    stroke={colours[index % colours.length]}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </ChartFigure>
        </Grid>
        <Grid item xs={12} md={6}>
          <ChartFigure caption={severeCaption}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={rows} title={severeCaption}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line
                  dataKey="criticalOrHighFailed"
                  name="Critical or high failed"
                  stroke={palette.error.main}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="staleTargets"
                  name="Stale targets"
                  stroke={palette.warning.main}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </ChartFigure>
        </Grid>
      </Grid>
    </InfoCard>
  );
}
