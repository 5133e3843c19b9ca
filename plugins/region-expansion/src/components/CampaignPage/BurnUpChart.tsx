import { useId } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { DataTable } from '../shared/DataTable';
import {
  BURN_UP_BOX,
  burnUpGeometry,
  type PlottedPoint,
} from './burnUpGeometry';
import type { CampaignBurnUpPoint } from '@region-expansion/plugin-region-expansion-common';

/** One series of the chart: a line through its days and a dot per day. */
function Series(props: {
  label: string;
  unit: string;
  colour: string;
  points: PlottedPoint[];
}) {
  const { label, unit, colour, points } = props;
  return (
    <g role="list" aria-label={label}>
      <polyline
        points={points.map(p => `${p.x},${p.y}`).join(' ')}
        fill="none"
        stroke={colour}
        strokeWidth={2}
        aria-hidden
      />
      {points.map(p => (
        <circle
          key={p.date}
          role="listitem"
          aria-label={`${p.date}: ${p.done} of ${p.total} ${unit}`}
          cx={p.x}
          cy={p.y}
          r={3}
          fill={colour}
        >
          <title>{`${p.date}: ${p.done} of ${p.total} ${unit}`}</title>
        </circle>
      ))}
    </g>
  );
}

/** One legend entry: a short line in the series' colour and its name. */
function Legend(props: { colour: string; label: string; dashed?: boolean }) {
  const { colour, label, dashed } = props;
  return (
    <Typography variant="caption">
      <Box
        component="span"
        sx={{
          display: 'inline-block',
          width: 16,
          mr: 0.5,
          verticalAlign: 'middle',
          borderTop: `2px ${dashed ? 'dashed' : 'solid'} ${colour}`,
        }}
      />
      {label}
    </Typography>
  );
}

/**
 * The campaign's burn-up: the share of gates passed and of planned tenants
 * onboarded per day (both 0–100 %, as they count different things),
 * against a vertical line at the target date. The SVG has its own title and
 * description; the same days are in a table below it for readers who do
 * not see the chart.
 */
export function BurnUpChart(props: {
  points: readonly CampaignBurnUpPoint[];
  targetDate: string;
}) {
  const { points, targetDate } = props;
  const { palette } = useTheme();
  // Unique per chart, so two charts on a page keep their own title.
  const id = useId();
  const geometry = burnUpGeometry(points, targetDate);
  const { width, height, left, right, top, bottom } = BURN_UP_BOX;
  const last = points[points.length - 1];
  const title = `Burn-up to the target date ${targetDate}`;
  const description = last
    ? `${points.length} days from ${points[0].date} to ${last.date}; on ${last.date} ${last.gatesPassed} of ${last.gatesTotal} gates passed and ${last.tenantsOnboarded} of ${last.tenantsPlanned} planned tenants onboarded.`
    : 'No days yet.';
  return (
    <Box component="figure" sx={{ m: 0 }} aria-label={title}>
      <Typography component="figcaption" variant="subtitle2">
        {title}
      </Typography>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {geometry.yTicks.map(tick => (
          <g key={tick.share} aria-hidden>
            <line
              x1={left}
              x2={width - right}
              y1={tick.y}
              y2={tick.y}
              stroke={palette.divider}
            />
            <text
              x={left - 4}
              y={tick.y + 4}
              textAnchor="end"
              fontSize={10}
              fill={palette.text.secondary}
            >
              {`${tick.share * 100}%`}
            </text>
          </g>
        ))}
        {last && (
          <g aria-hidden fontSize={10} fill={palette.text.secondary}>
            <text x={left} y={height - bottom + 16}>
              {points[0].date}
            </text>
            <text x={width - right} y={height - bottom + 16} textAnchor="end">
              {last.date}
            </text>
          </g>
        )}
        {geometry.targetX !== undefined && (
          <g role="img" aria-label={`Target date ${targetDate}`}>
            <line
              x1={geometry.targetX}
              x2={geometry.targetX}
              y1={top}
              y2={height - bottom}
              stroke={palette.error.main}
              strokeDasharray="4 3"
              strokeWidth={2}
            />
          </g>
        )}
        <Series
          label="Gates passed per day"
          unit="gates passed"
          colour={palette.primary.main}
          points={geometry.gates}
        />
        <Series
          label="Tenants onboarded per day"
          unit="planned tenants onboarded"
          colour={palette.success.main}
          points={geometry.tenants}
        />
      </svg>
      <Stack direction="row" spacing={2} aria-hidden>
        <Legend colour={palette.primary.main} label="Gates passed" />
        <Legend
          colour={palette.success.main}
          label="Planned tenants onboarded"
        />
        <Legend colour={palette.error.main} label="Target date" dashed />
      </Stack>
      <details>
        <summary>Burn-up data</summary>
        <DataTable
          label="Burn-up per day"
          rows={points}
          rowKey={p => p.date}
          columns={[
            { title: 'Day', cell: p => p.date },
            {
              title: 'Gates passed',
              numeric: true,
              cell: p => `${p.gatesPassed} / ${p.gatesTotal}`,
            },
            {
              title: 'Tenants onboarded',
              numeric: true,
              cell: p => `${p.tenantsOnboarded} / ${p.tenantsPlanned}`,
            },
          ]}
        />
      </details>
    </Box>
  );
}
