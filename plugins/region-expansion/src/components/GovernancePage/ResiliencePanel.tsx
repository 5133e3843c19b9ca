import { InfoCard } from '@backstage/core-components';
import type {
  CursorPage,
  ResilienceApp,
} from '@region-expansion/plugin-region-expansion-common';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { ShowMoreRows } from '../shared/ShowMoreRows';
import { useMorePages } from '../shared/useMorePages';

/** Seconds as the largest whole unit that fits ("4 h", "15 min", "30 s"). */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '—';
  if (seconds >= 86400 && seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * "current / target", flagged when the current value exceeds the policy;
 * "—" when the assessment measured no current value.
 */
function versus(current?: number, target?: number): string {
  if (current === undefined) return '—';
  const breached =
    current !== undefined && target !== undefined && current > target;
  return `${formatDuration(current)} / ${formatDuration(target)}${
    breached ? ' (exceeds policy)' : ''
  }`;
}

type Disruption = ResilienceApp['disruptions'][number];

/** The row of an application that no disruption type was assessed for. */
const NOT_ASSESSED: Disruption = { disruptionType: 'not assessed' };

const DISRUPTION_COLUMNS: DataColumn<{
  app: ResilienceApp;
  disruption: Disruption;
}>[] = [
  { title: 'Application', cell: ({ app }) => app.appName },
  {
    title: 'Account / Region',
    cell: ({ app }) => `${app.accountId} / ${app.region}`,
  },
  {
    title: 'Compliance',
    cell: ({ app }) =>
      `${app.complianceStatus}${
        app.resiliencyScore !== undefined
          ? ` · score ${app.resiliencyScore}`
          : ''
      }`,
  },
  { title: 'Disruption', cell: ({ disruption }) => disruption.disruptionType },
  {
    title: 'RTO current / target',
    cell: ({ disruption }) =>
      versus(disruption.currentRtoInSecs, disruption.targetRtoInSecs),
  },
  {
    title: 'RPO current / target',
    cell: ({ disruption }) =>
      versus(disruption.currentRpoInSecs, disruption.targetRpoInSecs),
  },
  {
    title: 'Status',
    cell: ({ disruption }) => disruption.complianceStatus ?? '—',
  },
];

/**
 * Resilience Hub: per application and disruption type, the current RTO and
 * RPO against the resiliency policy's targets. Shows the first page of
 * applications and reads the next on request.
 */
export function ResiliencePanel(props: {
  apps: CursorPage<ResilienceApp>;
  loadPage: (cursor: string) => Promise<CursorPage<ResilienceApp>>;
}) {
  const pages = useMorePages(props.apps, props.loadPage);
  return (
    <InfoCard
      title="Resilience Hub"
      subheader="RTO and RPO per disruption type: current / policy target"
    >
      <DataTable
        label="Resilience Hub RTO and RPO versus policy"
        columns={DISRUPTION_COLUMNS}
        rows={pages.items.flatMap(app =>
          (app.disruptions.length ? app.disruptions : [NOT_ASSESSED]).map(
            disruption => ({ app, disruption }),
          ),
        )}
        rowKey={({ app, disruption }) =>
          `${app.appArn}/${disruption.disruptionType}`
        }
        emptyText="No Resilience Hub applications for these filters. They come from the Resilience Hub governance module reading each configured target."
      />
      <ShowMoreRows pages={pages} what="Resilience Hub applications" />
    </InfoCard>
  );
}
