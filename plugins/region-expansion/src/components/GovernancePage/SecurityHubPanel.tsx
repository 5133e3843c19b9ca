import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { InfoCard } from '@backstage/core-components';
import type { GovernanceSummaryGroup } from '@region-expansion/plugin-region-expansion-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from '../shared/ChartFigure';
import { DataTable, type DataColumn } from '../shared/DataTable';

/** Security Hub severities from least to most severe (open set: others follow). */
const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

function bySeverity(a: GovernanceSummaryGroup, b: GovernanceSummaryGroup) {
  const rank = (key: string) => {
    const index = SEVERITY_ORDER.indexOf(key);
    return index === -1 ? SEVERITY_ORDER.length : index;
  };
  return rank(a.key) - rank(b.key);
}

/** Controls listed in the panel, most failed findings first. */
const TOP_CONTROLS = 10;

const CONTROL_COLUMNS: DataColumn<GovernanceSummaryGroup>[] = [
  { title: 'Control', cell: control => control.key },
  { title: 'Failed', numeric: true, cell: control => control.failed },
  { title: 'Findings', numeric: true, cell: control => control.total },
];

/**
 * Security Hub summary for the current filters: findings and failed
 * findings per severity (chart), and the controls with most failures.
 */
export function SecurityHubPanel(props: {
  severities: GovernanceSummaryGroup[];
  controls: GovernanceSummaryGroup[];
}) {
  const { palette } = useTheme();
  const severities = [...props.severities].sort(bySeverity);
  const controls = [...props.controls]
    .filter(group => group.failed > 0)
    .sort((a, b) => b.failed - a.failed)
    .slice(0, TOP_CONTROLS);
  const total = severities.reduce((sum, group) => sum + group.total, 0);
  const failed = severities.reduce((sum, group) => sum + group.failed, 0);
  const caption = `Security Hub findings by severity: ${total} findings, ${failed} failed`;
  return (
    <InfoCard
      title="Security Hub"
      subheader={`${total} findings · ${failed} failed`}
    >
      <Stack useFlexGap spacing={2}>
        <ChartFigure caption={caption}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={severities}
              title={caption}
              desc={severities
                .map(g => `${g.key}: ${g.total} findings, ${g.failed} failed`)
                .join('; ')}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="key" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar
                dataKey="total"
                name="Findings"
                fill={palette.primary.main}
                isAnimationActive={false}
              />
              <Bar
                dataKey="failed"
                name="Failed"
                fill={palette.error.main}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
        <Typography variant="subtitle1" component="h3">
          Controls with most failed findings
        </Typography>
        <DataTable
          label="Controls with most failed findings"
          columns={CONTROL_COLUMNS}
          rows={controls}
          rowKey={control => control.key}
          emptyText="No failed controls for these filters."
        />
      </Stack>
    </InfoCard>
  );
}
