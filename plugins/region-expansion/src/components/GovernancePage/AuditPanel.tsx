import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import type {
  AuditControl,
  ConformanceScore,
  CursorPage,
} from '@region-expansion/plugin-region-expansion-common';
import { ShowMoreRows } from '../shared/ShowMoreRows';
import { MorePages, useMorePages } from '../shared/useMorePages';

/** "12" when every row is shown, "100+" while the server has more. */
function countOf(pages: MorePages<unknown>): string {
  return `${pages.items.length}${pages.hasMore ? '+' : ''}`;
}

/**
 * Audit evidence: Audit Manager controls (closed to new AWS customers since
 * 2026-04-30) and their successor, AWS Config conformance pack scores. Each
 * list shows its first page and reads the next on request.
 */
export function AuditPanel(props: {
  controls: CursorPage<AuditControl>;
  conformance: CursorPage<ConformanceScore>;
  loadControls: (cursor: string) => Promise<CursorPage<AuditControl>>;
  loadConformance: (cursor: string) => Promise<CursorPage<ConformanceScore>>;
}) {
  const controlPages = useMorePages(props.controls, props.loadControls);
  const conformancePages = useMorePages(
    props.conformance,
    props.loadConformance,
  );
  const controls = controlPages.items;
  const conformance = conformancePages.items;
  return (
    <InfoCard
      title="Audit Manager and AWS Config"
      subheader={`${countOf(controlPages)} Audit Manager controls · ${countOf(
        conformancePages,
      )} conformance packs`}
    >
      <Stack useFlexGap spacing={2}>
        <Typography variant="subtitle1" component="h3">
          AWS Config conformance packs
        </Typography>
        {conformance.length === 0 ? (
          <Typography variant="body2">
            No conformance pack scores for these filters.
          </Typography>
        ) : (
          <Table size="small" aria-label="AWS Config conformance packs">
            <TableHead>
              <TableRow>
                <TableCell>Pack</TableCell>
                <TableCell>Account / Region</TableCell>
                <TableCell>Compliance</TableCell>
                <TableCell align="right">Score</TableCell>
                <TableCell align="right">Non-compliant rules</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {conformance.map(pack => (
                <TableRow
                  key={`${pack.partition}/${pack.accountId}/${pack.region}/${pack.packName}`}
                >
                  <TableCell>{pack.packName}</TableCell>
                  <TableCell>
                    {pack.accountId} / {pack.region}
                  </TableCell>
                  <TableCell>{pack.complianceType}</TableCell>
                  <TableCell align="right">{pack.score}%</TableCell>
                  <TableCell align="right">
                    {pack.nonCompliantRules} of {pack.totalRules}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <ShowMoreRows pages={conformancePages} what="conformance packs" />
        <Typography variant="subtitle1" component="h3">
          Audit Manager controls
        </Typography>
        {controls.length === 0 ? (
          <Typography variant="body2">
            No Audit Manager controls for these filters.
          </Typography>
        ) : (
          <Table size="small" aria-label="Audit Manager controls">
            <TableHead>
              <TableRow>
                <TableCell>Assessment</TableCell>
                <TableCell>Control</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Evidence</TableCell>
                <TableCell align="right">Check issues</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {controls.map(control => (
                <TableRow
                  key={`${control.accountId}/${control.assessmentId}/${control.controlSetId}/${control.controlId}`}
                >
                  <TableCell>
                    {control.assessmentName} ({control.framework})
                  </TableCell>
                  <TableCell>{control.controlName}</TableCell>
                  <TableCell>{control.controlStatus}</TableCell>
                  <TableCell align="right">{control.evidenceCount}</TableCell>
                  <TableCell align="right">
                    {control.folders.reduce(
                      (sum, folder) => sum + folder.complianceCheckIssuesCount,
                      0,
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <ShowMoreRows pages={controlPages} what="Audit Manager controls" />
      </Stack>
    </InfoCard>
  );
}
