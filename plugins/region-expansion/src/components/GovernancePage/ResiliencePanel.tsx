import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import type {
  CursorPage,
  ResilienceApp,
} from '@region-expansion/plugin-region-expansion-common';
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

/** "current / target", flagged when the current value exceeds the policy. */
function versus(current?: number, target?: number): string {
  const breached =
    current !== undefined && target !== undefined && current > target;
  return `${formatDuration(current)} / ${formatDuration(target)}${
    breached ? ' (exceeds policy)' : ''
  }`;
}

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
  const apps = pages.items;
  return (
    <InfoCard
      title="Resilience Hub"
      subheader="RTO and RPO per disruption type: current / policy target"
    >
      {apps.length === 0 ? (
        <Typography variant="body2">
          No Resilience Hub applications for these filters. They come from the
          Resilience Hub governance module reading each configured target.
        </Typography>
      ) : (
        <Table
          size="small"
          aria-label="Resilience Hub RTO and RPO versus policy"
        >
          <TableHead>
            <TableRow>
              <TableCell>Application</TableCell>
              <TableCell>Account / Region</TableCell>
              <TableCell>Compliance</TableCell>
              <TableCell>Disruption</TableCell>
              <TableCell>RTO current / target</TableCell>
              <TableCell>RPO current / target</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {apps.flatMap(app =>
              (app.disruptions.length
                ? app.disruptions
                : [{ disruptionType: 'not assessed' }]
              ).map(disruption => (
                <TableRow key={`${app.appArn}/${disruption.disruptionType}`}>
                  <TableCell>{app.appName}</TableCell>
                  <TableCell>
                    {app.accountId} / {app.region}
                  </TableCell>
                  <TableCell>
                    {app.complianceStatus}
                    {app.resiliencyScore !== undefined &&
                      ` · score ${app.resiliencyScore}`}
                  </TableCell>
                  <TableCell>{disruption.disruptionType}</TableCell>
                  <TableCell>
                    {'currentRtoInSecs' in disruption
                      ? versus(
                          disruption.currentRtoInSecs,
                          disruption.targetRtoInSecs,
                        )
                      : '—'}
                  </TableCell>
                  <TableCell>
                    {'currentRpoInSecs' in disruption
                      ? versus(
                          disruption.currentRpoInSecs,
                          disruption.targetRpoInSecs,
                        )
                      : '—'}
                  </TableCell>
                  <TableCell>
                    {'complianceStatus' in disruption
                      ? disruption.complianceStatus ?? '—'
                      : '—'}
                  </TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      )}
      <ShowMoreRows pages={pages} what="Resilience Hub applications" />
    </InfoCard>
  );
}
