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

/** Marks a projected day wherever a day is named. */
const PROJECTED = ' (projected)';

/** SVG `points` of a line through these days. */
const linePoints = (points: readonly PlottedPoint[]) =>
  points.map(p => `${p.x},${p.y}`).join(' ');

/**
 * One series of the chart: a solid line through the measured days, a
 * dashed one on through the projected days (today's values carried to the
 * target date), and a dot per day, hollow when projected.
 */
function Series(props: {
  label: string;
  unit: string;
  colour: string;
  points: PlottedPoint[];
}) {
  const { label, unit, colour, points } = props;
  const measured = points.filter(p => !p.projected);
  // The dashed part starts at the last measured day, so the lines join.
  const projected = points.slice(Math.max(0, measured.length - 1));
  return (
    <g role="list" aria-label={label}>
      <polyline
        points={linePoints(measured)}
        fill="none"
        stroke={colour}
        strokeWidth={2}
        aria-hidden
      />
      {projected.length > 1 && (
        <polyline
          points={linePoints(projected)}
          fill="none"
          stroke={colour}
          strokeWidth={2}
          strokeDasharray="2 4"
          aria-hidden
        />
      )}
      {points.map(p => {
        const text = `${p.date}: ${p.done} of ${p.total} ${unit}${
          p.projected ? PROJECTED : ''
        }`;
        return (
          <circle
            key={p.date}
            role="listitem"
            aria-label={text}
            cx={p.x}
            cy={p.y}
            r={3}
            fill={p.projected ? 'none' : colour}
            stroke={colour}
          >
            <title>{text}</title>
          </circle>
        );
      })}
    </g>
  );
}

/** One legend entry: a short line in the series' colour and its name. */
function Legend(props: {
  colour: string;
  label: string;
  dashed?: boolean;
  dotted?: boolean;
}) {
  const { colour, label, dashed, dotted } = props;
  const style = (dashed && 'dashed') || (dotted && 'dotted') || 'solid';
  return (
    <Typography variant="caption">
      <Box
        component="span"
        sx={{
          display: 'inline-block',
          width: 16,
          mr: 0.5,
          verticalAlign: 'middle',
          borderTop: `2px ${style} ${colour}`,
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
  const projectedDays = points.filter(p => p.projected).length;
  // The latest measured day: projected days only repeat it.
  const latest = points.filter(p => !p.projected).pop() ?? last;
  const title = `Burn-up to the target date ${targetDate}`;
  const description = latest
    ? `${points.length} days from ${points[0].date} to ${last.date}; on ${
        latest.date
      } ${latest.gatesPassed} of ${latest.gatesTotal} gates passed and ${
        latest.tenantsOnboarded
      } of ${latest.tenantsPlanned} planned tenants onboarded${
        projectedDays
          ? `; the ${projectedDays} days after it are projected with those values`
          : ''
      }.`
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
        {projectedDays > 0 && (
          <Legend
            colour={palette.text.secondary}
            label="Projected (today's values carried forward)"
            dotted
          />
        )}
      </Stack>
      <details>
        <summary>Burn-up data</summary>
        <DataTable
          label="Burn-up per day"
          rows={points}
          rowKey={p => p.date}
          columns={[
            {
              title: 'Day',
              cell: p => `${p.date}${p.projected ? PROJECTED : ''}`,
            },
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
