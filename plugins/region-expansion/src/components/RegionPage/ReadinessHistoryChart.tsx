import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  READINESS_LEVELS,
  type ReadinessHistoryItem,
} from '@region-expansion/plugin-region-expansion-common';
import { ChartFigure } from '../shared/ChartFigure';
import { formatTime } from '../shared/time';
import { useReadinessColours } from '../shared/readiness';

/** Levels on the chart's y axis, worst at the bottom. */
const LEVEL_ORDER = READINESS_LEVELS;

/**
 * A location's readiness level over time as a step line (oldest left), with
 * the time it last became ready in the caption.
 */
export function ReadinessHistoryChart(props: {
  locationId: string;
  items: ReadinessHistoryItem[];
  becameReadyAt?: string;
}) {
  const { locationId, items, becameReadyAt } = props;
  const colours = useReadinessColours();
  const points = [...items]
    .sort((a, b) => a.evaluatedAt.localeCompare(b.evaluatedAt))
    .map(item => ({
      at: Date.parse(item.evaluatedAt),
      level: LEVEL_ORDER.indexOf(item.level),
      label: item.level,
      trigger: item.trigger,
    }));
  const first = points[0];
  const last = points[points.length - 1];
  const caption = `Readiness history of ${locationId}: ${
    points.length
  } evaluations${
    first && last
      ? ` since ${new Date(first.at).toLocaleString()}, now ${last.label}`
      : ''
  }`;
  return (
    <ChartFigure caption={caption}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          title={caption}
          desc={`Became ready at: ${
            becameReadyAt ? formatTime(becameReadyAt) : 'never'
          }`}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={value => new Date(value).toLocaleDateString()}
          />
          <YAxis
            type="number"
            domain={[0, LEVEL_ORDER.length - 1]}
            ticks={[0, 1, 2]}
            tickFormatter={value => LEVEL_ORDER[value] ?? ''}
            width={64}
          />
          <Tooltip
            labelFormatter={value => new Date(Number(value)).toLocaleString()}
            formatter={value => [LEVEL_ORDER[Number(value)], 'Level']}
          />
          <Line
            type="stepAfter"
            dataKey="level"
            name="Level"
            stroke={colours.ready}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
